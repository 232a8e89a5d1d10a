/** Runs one translated Flink SQL script as a BATCH job: prepare steps, ${PARAM} binding, one statement set.
 *  Entry point {@link dev.ferry.runtime.SqlJobRunner}; reusable pieces for in-JVM callers. */
package dev.ferry.runtime;
