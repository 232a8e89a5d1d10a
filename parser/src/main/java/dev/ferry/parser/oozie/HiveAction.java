package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code <hive>} (hive-action 0.2-1.0) and {@code <hive2>} (hive2-action 0.1-1.0, run through beeline); each single
 * element null when absent.
 *
 * @param beeline  true for {@code <hive2>}
 * @param jdbcUrl  hive2 only
 * @param password hive2 only
 * @param query    hive 0.6+, hive2 0.2+
 */
public record HiveAction(
        SourceSpan span,
        boolean beeline,
        ElementText jdbcUrl,
        ElementText password,
        ElementText script,
        ElementText query,
        List<ElementText> params,
        List<ElementText> arguments,
        List<ElementText> files,
        List<ElementText> archives,
        ActionParts parts)
        implements PodAction {

    public HiveAction {
        params = List.copyOf(params);
        arguments = List.copyOf(arguments);
        files = List.copyOf(files);
        archives = List.copyOf(archives);
    }

    @Override
    public String type() {
        return beeline ? "hive2" : "hive";
    }
}
