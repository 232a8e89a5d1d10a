package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/** A {@code <kill>}: ends the run as KILLED (failed) with its message (raw EL). */
public record KillNode(String name, SourceSpan span, String message, SourceSpan messageSpan) implements WorkflowNode {

    public KillNode(String name, SourceSpan span, String message) {
        this(name, span, message, span);
    }
}
