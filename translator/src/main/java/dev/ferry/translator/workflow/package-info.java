/**
 * The WorkflowPlan IR and the Oozie rules that build it: an Airflow-shaped task graph (tasks,
 * edges from ok/error/case ports, trigger rules), its schedule, parameters and report TODOs.
 */
package dev.ferry.translator.workflow;
