/**
 * {@code ferry preview}: one self-contained HTML page per conversion: each DAG as a laid-out graph, and per task
 * its Oozie source beside the generated Python (and, for a Pig action, the Pig script lined up with the Flink SQL).
 */
package dev.ferry.generator.preview;
