package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code <java>} (workflow 0.1-1.0).
 *
 * @param mainClass null when absent
 * @param javaOpts  {@code <java-opts>}, null when absent
 * @param javaOpt   the {@code <java-opt>}s (workflow 0.4+)
 */
public record JavaAction(
        SourceSpan span,
        ElementText mainClass,
        ElementText javaOpts,
        List<ElementText> javaOpt,
        List<ElementText> args,
        List<ElementText> files,
        List<ElementText> archives,
        boolean captureOutput,
        ActionParts parts)
        implements PodAction {

    public JavaAction {
        javaOpt = List.copyOf(javaOpt);
        args = List.copyOf(args);
        files = List.copyOf(files);
        archives = List.copyOf(archives);
    }

    @Override
    public String type() {
        return "java";
    }
}
