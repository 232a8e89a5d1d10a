package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code <distcp>} (distcp-action 0.1-1.0), which has no files or archives.
 *
 * @param javaOpts null when absent
 */
public record DistcpAction(SourceSpan span, ElementText javaOpts, List<ElementText> args, ActionParts parts)
        implements PodAction {

    public DistcpAction {
        args = List.copyOf(args);
    }

    @Override
    public List<ElementText> files() {
        return List.of();
    }

    @Override
    public List<ElementText> archives() {
        return List.of();
    }

    @Override
    public String type() {
        return "distcp";
    }
}
