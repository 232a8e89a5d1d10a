/** The {@code pig-storage} Flink table format: reads and writes lines exactly like Pig's PigStorage.
 *  Used through the filesystem connector, for sources and sinks. */
package dev.ferry.runtime.format;
