package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** {@code <spark>} (spark-action 0.1-1.0; files and archives since 0.2); each single element null when absent. */
public record SparkAction(
        SourceSpan span,
        ElementText master,
        ElementText mode,
        ElementText name,
        ElementText mainClass,
        ElementText jar,
        ElementText sparkOpts,
        List<ElementText> args,
        List<ElementText> files,
        List<ElementText> archives,
        ActionParts parts)
        implements PodAction {

    public SparkAction {
        args = List.copyOf(args);
        files = List.copyOf(files);
        archives = List.copyOf(archives);
    }

    @Override
    public String type() {
        return "spark";
    }
}
