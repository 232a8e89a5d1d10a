package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/** A {@code <join to="...">}: continues once every path of its fork has arrived. */
public record JoinNode(String name, SourceSpan span, String to) implements WorkflowNode {}
