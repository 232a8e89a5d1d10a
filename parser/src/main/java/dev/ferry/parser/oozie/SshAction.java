package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code <ssh>} (ssh-action 0.1-0.2).
 *
 * @param host      null when absent
 * @param command   null when absent
 * @param arguments the {@code <args>} (0.1, 0.2) and {@code <arg>} (0.2) elements in document order
 */
public record SshAction(
        SourceSpan span, ElementText host, ElementText command, List<Argument> arguments, boolean captureOutput)
        implements BoundAction {

    /**
     * One argument of the remote command.
     *
     * @param quoted false for {@code <args>}, whose text goes to the remote shell as written; true for {@code <arg>},
     *               one argument
     */
    public record Argument(boolean quoted, ElementText text) {}

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
