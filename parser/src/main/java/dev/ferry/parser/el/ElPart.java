package dev.ferry.parser.el;

import dev.ferry.diagnostics.SourceSpan;

/** A piece of an EL template: literal text, or one {@code ${...}} expression. */
public sealed interface ElPart {

    /** Literal text, exactly as it reads (Oozie EL has no escapes outside string literals). */
    record ElText(String text) implements ElPart {}

    /**
     * One {@code ${...}}.
     *
     * @param span   where its {@code $} is
     * @param source the original text, {@code ${} and {@code }} included
     */
    record ElExpression(ElExpr expr, SourceSpan span, String source) implements ElPart {}
}
