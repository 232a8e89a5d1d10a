package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/**
 * A {@code <dataset>} of a coordinator or of a dataset include file.
 *
 * @param doneFlag null when there is no {@code <done-flag>} (Oozie then waits for {@code _SUCCESS}), ""
 *                 when it is empty (the directory's existence is enough)
 */
public record Dataset(
        String name,
        String frequency,
        String initialInstance,
        String timezone,
        String uriTemplate,
        String doneFlag,
        SourceSpan span) {}
