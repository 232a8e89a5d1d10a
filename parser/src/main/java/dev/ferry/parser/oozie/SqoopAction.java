package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code <sqoop>} (sqoop-action 0.2-1.0).
 *
 * @param command null when absent (the {@code <arg>}s are the command line then)
 */
public record SqoopAction(
        SourceSpan span,
        ElementText command,
        List<ElementText> args,
        List<ElementText> files,
        List<ElementText> archives,
        ActionParts parts)
        implements PodAction {

    public SqoopAction {
        args = List.copyOf(args);
        files = List.copyOf(files);
        archives = List.copyOf(archives);
    }

    @Override
    public String type() {
        return "sqoop";
    }
}
