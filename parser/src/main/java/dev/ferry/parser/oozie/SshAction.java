package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code <ssh>} (ssh-action 0.1-0.2).
 *
 * @param host      null when absent
 * @param command   null when absent
 * @param arguments the {@code <args>} (0.1, 0.2) and {@code <arg>} (0.2) elements in document order, told apart by
 *                  name: {@code <args>} goes to the remote shell as written, {@code <arg>} is one argument
 */
public record SshAction(
        SourceSpan span, ElementText host, ElementText command, List<ElementText> arguments, boolean captureOutput)
        implements BoundAction {

    public SshAction {
        arguments = List.copyOf(arguments);
    }

    @Override
    public ActionParts parts() {
        return ActionParts.NONE;
    }

    @Override
    public String type() {
        return "ssh";
    }
}
