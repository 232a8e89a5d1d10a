package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/** {@code <git>} (git-action 1.0); each element null when absent. */
public record GitAction(
        SourceSpan span,
        ElementText gitUri,
        ElementText branch,
        ElementText keyPath,
        ElementText destinationUri,
        ActionParts parts)
        implements BoundAction {

    @Override
    public String type() {
        return "git";
    }
}
