package dev.ferry.translator.workflow;

/**
 * The {@code <sla:info>} of a workflow no coordinator schedules: its tasks check it (the runtime's
 * {@code oozie.workflow_sla}), from the start of {@code startNode} to the end or kill node reached.
 *
 * @param sla its values as templates; {@code sla.node()} is the workflow's name
 */
public record WorkflowSla(String startNode, ActionSla sla) {}
