package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/**
 * {@code <param>NAME=VALUE</param>}, split at the first '=' (the value may contain more '=' and EL).
 *
 * @param span where the param text starts (the value's EL positions are computed from it)
 */
public record PigParam(String name, String value, SourceSpan span) {

    /** Where the value starts inside the param text: just after "NAME=". */
    public int valueOffset() {
        return name.length() + 1;
    }
}
