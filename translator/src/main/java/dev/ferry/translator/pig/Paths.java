package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.regex.Pattern;

/**
 * LOAD and STORE paths as Pig reads them. Hadoop expands globs ({@code x?}, {@code *}, {@code [13]},
 * {@code {a,b}}) and comma-separated lists; Flink's filesystem connector reads one file or directory,
 * so such a path is reported at conversion rather than failing (or reading nothing) at run time.
 */
final class Paths {

    /** A glob character or a comma outside {@code ${PARAM}} placeholders. */
    private static final Pattern GLOB_OR_LIST = Pattern.compile("[*?\\[{,]");

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    private Paths() {}

    static void check(String path, SourceSpan span) {
        String literal = PLACEHOLDER.matcher(path).replaceAll("p");
        if (GLOB_OR_LIST.matcher(literal).find()) {
            throw ExprTranslator.unsupported(
                    span,
                    "the path '" + path + "' is a Hadoop glob or a comma-separated list,"
                            + " which Flink's filesystem source does not expand; not translated yet");
        }
    }
}
