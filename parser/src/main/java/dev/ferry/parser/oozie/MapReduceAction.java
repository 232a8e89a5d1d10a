package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code <map-reduce>} (workflow 0.1-1.0).
 *
 * @param streaming   null when absent
 * @param pipes       null when absent
 * @param configClass {@code <config-class>} (workflow 0.5+), null when absent
 */
public record MapReduceAction(
        SourceSpan span,
        Streaming streaming,
        Pipes pipes,
        ElementText configClass,
        List<ElementText> files,
        List<ElementText> archives,
        ActionParts parts)
        implements PodAction {

    public MapReduceAction {
        files = List.copyOf(files);
        archives = List.copyOf(archives);
    }

    @Override
    public String type() {
        return "map-reduce";
    }

    /** {@code <streaming>}; each single element null when absent. */
    public record Streaming(
            ElementText mapper,
            ElementText reducer,
            ElementText recordReader,
            List<ElementText> recordReaderMappings,
            List<ElementText> env) {

        public Streaming {
            recordReaderMappings = List.copyOf(recordReaderMappings);
            env = List.copyOf(env);
        }
    }

    /** {@code <pipes>}; each element null when absent. */
    public record Pipes(
            ElementText map,
            ElementText reduce,
            ElementText inputFormat,
            ElementText partitioner,
            ElementText writer,
            ElementText program) {}
}
