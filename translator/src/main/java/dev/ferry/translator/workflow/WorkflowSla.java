package dev.ferry.translator.workflow;

import java.util.List;

/**
 * The {@code <sla:info>} of a workflow no coordinator schedules: its tasks check it (the runtime's
 * {@code oozie.workflow_sla}), from the start of {@code startNode} to the end or kill node reached.
 *
 * @param ends  the reachable end nodes, in workflow order: reaching one ends the workflow (SLA met or missed)
 * @param kills the reachable kill nodes, in workflow order: reaching one ends it as killed
 * @param sla   its values as templates; {@code sla.node()} is the workflow's name
 */
public record WorkflowSla(String startNode, List<String> ends, List<String> kills, ActionSla sla) {
    public WorkflowSla {
        ends = List.copyOf(ends);
        kills = List.copyOf(kills);
    }
}
