package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/** A node of an Oozie workflow graph, in document order; the start node is {@link WorkflowApp#startTo()}. */
public sealed interface WorkflowNode permits ActionNode, DecisionNode, ForkNode, JoinNode, KillNode, EndNode {

    String name();

    SourceSpan span();
}
