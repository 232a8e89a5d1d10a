package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/** One step of an action's {@code <prepare>}: delete or mkdir of a path (raw EL), run before the action. */
public record PrepareStep(Kind kind, String path, SourceSpan span) {

    public enum Kind {
        DELETE,
        MKDIR
    }
}
