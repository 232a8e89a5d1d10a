package dev.ferry.diagnostics;

/** A position in an input file: 1-based line and column of where a node starts. */
public record SourceSpan(String file, int line, int column) {

    public static SourceSpan of(String file, int line, int column) {
        return new SourceSpan(file, line, column);
    }

    /** The whole file, when no finer position is known (for example an unreadable file). */
    public static SourceSpan file(String file) {
        return new SourceSpan(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
