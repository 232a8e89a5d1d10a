/**
 * Turns the IR into files through FreeMarker templates: Flink SQL scripts, Airflow DAGs,
 * FlinkDeployments and the report. Templates only print what the IR says.
 */
package dev.ferry.generator;
