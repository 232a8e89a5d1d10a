package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * A {@code <data-in>} or {@code <data-out>}: instances of a dataset (raw EL such as
 * {@code ${coord:current(0)}}). A range has {@code startInstance}/{@code endInstance}, else they are null.
 */
public record DataEvent(String name, String dataset, List<String> instances, String startInstance,
                        String endInstance, SourceSpan span) {

    public DataEvent {
        instances = List.copyOf(instances);
    }
}
