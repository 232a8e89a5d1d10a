/** The Pig function library: Flink scalar functions for Pig builtins and casts whose Pig semantics
 *  differ from Flink's, registered by name from the table in {@link dev.ferry.runtime.functions.PigFunctions}. */
package dev.ferry.runtime.functions;
