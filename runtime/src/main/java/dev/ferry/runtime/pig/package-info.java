/** Apache Pig 0.18 value semantics (load casts, chararray casts, text form) as plain Java.
 *  Shared by the pig-storage format and the PIG_* functions so both agree with Pig and each other. */
package dev.ferry.runtime.pig;
