/**
 * In-JVM benchmarks that print figures (never assert them): warmed-up Pig parse throughput and
 * conversion time of the sample ({@code bench/run.sh --in-jvm}); whole-process figures are bench.py's.
 */
package dev.ferry.bench;
