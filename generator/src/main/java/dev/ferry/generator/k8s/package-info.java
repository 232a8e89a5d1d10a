/**
 * Prints one FlinkDeployment (flink.apache.org/v1beta1) per translated job; the runtime submits a
 * per-run copy of it and removes it when the job ends.
 */
package dev.ferry.generator.k8s;
