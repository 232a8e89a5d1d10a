/**
 * Real Apache Pig 0.18 (local mode) as the oracle of Ferry's differential tests.
 *
 * <p>{@link dev.ferry.oracle.PigOracle}, {@link dev.ferry.oracle.PigOracleException} and
 * {@link dev.ferry.oracle.PigOutput} use only the JDK and may be put on any module's (test)
 * classpath, including Flink's, with all of this artifact's dependencies excluded.
 * {@link dev.ferry.oracle.PigOracleServer} is the only class that touches Pig and Hadoop; it runs
 * in a separate JVM started by {@code PigOracle}, never in the caller's.
 */
package dev.ferry.oracle;
