package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.regex.Pattern;

/**
 * STORE paths. A LOAD location may be a Hadoop glob ({@code x?}, {@code *}, {@code [13]}, {@code {a,b}}) or a
 * comma-separated list: the runtime's pig-files connector reads it as Pig does, also when a parameter's value
 * brings the glob at run time. A STORE writes one directory, so a glob or a list there is reported at conversion.
 */
final class Paths {

    /** A glob character or a comma outside {@code ${PARAM}} and {@code ${user.name}} placeholders. */
    private static final Pattern GLOB_OR_LIST = Pattern.compile("[*?\\[{,]");

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_.]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    private Paths() {}

    static void checkStore(String path, SourceSpan span) {
        String literal = PLACEHOLDER.matcher(path).replaceAll("p");
        if (GLOB_OR_LIST.matcher(literal).find()) {
            throw ExprTranslator.unsupported(
                    span, "STORE into a Hadoop glob or a comma-separated list ('" + path + "') is not translated yet");
        }
    }
}
