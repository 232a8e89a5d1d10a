package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/** The {@code <end>} node: the run succeeds. */
public record EndNode(String name, SourceSpan span) implements WorkflowNode {}
