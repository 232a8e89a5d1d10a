package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code <shell>} (shell-action 0.1-1.0).
 *
 * @param exec null when the element is absent
 */
public record ShellAction(
        SourceSpan span,
        ElementText exec,
        List<ElementText> arguments,
        List<ElementText> envVars,
        List<ElementText> files,
        List<ElementText> archives,
        boolean captureOutput,
        ActionParts parts)
        implements BoundAction {

    public ShellAction {
        arguments = List.copyOf(arguments);
        envVars = List.copyOf(envVars);
        files = List.copyOf(files);
        archives = List.copyOf(archives);
    }

    @Override
    public String type() {
        return "shell";
    }
}
