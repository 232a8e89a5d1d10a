package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/**
 * One {@code <case to="...">predicate</case>}.
 *
 * @param predicate     the raw (trimmed) EL text
 * @param predicateSpan where the predicate text starts, for EL diagnostics
 */
public record DecisionCase(String predicate, String to, SourceSpan span, SourceSpan predicateSpan) {

    public DecisionCase(String predicate, String to, SourceSpan span) {
        this(predicate, to, span, span);
    }
}
