package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** A {@code <fork>}: every path starts in parallel; a {@link JoinNode} waits for all of them. */
public record ForkNode(String name, SourceSpan span, List<ForkPath> paths) implements WorkflowNode {

    public ForkNode {
        paths = List.copyOf(paths);
    }
}
