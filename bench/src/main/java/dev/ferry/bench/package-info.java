/**
 * Benchmarks that print figures (never assert them): Pig parse throughput over the shared corpus
 * and whole-repository conversion time of the sample.
 */
package dev.ferry.bench;
