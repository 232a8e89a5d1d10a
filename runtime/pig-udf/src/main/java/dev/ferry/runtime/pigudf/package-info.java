/**
 * Runs Pig Java UDFs inside Flink: {@code PIG_EVAL} instantiates an unchanged {@code EvalFunc} or
 * {@code FilterFunc} and converts Flink values to Pig's Tuple, DataBag and Map and back.
 */
package dev.ferry.runtime.pigudf;
