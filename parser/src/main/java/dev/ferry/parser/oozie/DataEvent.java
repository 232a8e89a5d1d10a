package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * A {@code <data-in>} or {@code <data-out>}: instances of a dataset (raw EL such as
 * {@code ${coord:current(0)}}). A range has {@code startInstance}/{@code endInstance}, else they are null.
 *
 * @param nocleanup the {@code nocleanup} attribute of a 0.4+ {@code <data-out>} as written, null when absent
 */
public record DataEvent(
        String name,
        String dataset,
        List<String> instances,
        String startInstance,
        String endInstance,
        SourceSpan span,
        String nocleanup) {

    public DataEvent {
        instances = List.copyOf(instances);
    }

    public DataEvent(
            String name,
            String dataset,
            List<String> instances,
            String startInstance,
            String endInstance,
            SourceSpan span) {
        this(name, dataset, instances, startInstance, endInstance, span, null);
    }
}
