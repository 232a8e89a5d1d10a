package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** A {@code <decision>}: the first case whose predicate is true wins, else {@code defaultTo}. */
public record DecisionNode(
        String name, SourceSpan span, List<DecisionCase> cases, String defaultTo, SourceSpan defaultSpan)
        implements WorkflowNode {

    public DecisionNode {
        cases = List.copyOf(cases);
    }
}
