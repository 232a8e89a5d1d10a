/**
 * Prints a WorkflowPlan as an Airflow DAG file over the ferry_runtime package, laid out the way
 * ruff format would lay it out, so generated DAGs pass {@code ruff format --check} unchanged.
 */
package dev.ferry.generator.dag;
