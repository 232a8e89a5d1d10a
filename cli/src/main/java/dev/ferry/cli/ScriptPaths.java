package dev.ferry.cli;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites the quoted path of one LOAD or STORE in a Pig script's text. The path is looked for only
 * inside the statement that starts at the span (up to its {@code ;}, comments skipped), and quoted
 * literals compare by value ({@code '\u0041'} is {@code 'A'}), so a path is never taken from another
 * statement; a path the statement does not spell out (a macro's, an expression) is not found.
 */
final class ScriptPaths {

    private ScriptPaths() {}

    /**
     * {@code text} with the literal {@code 'path'} of the statement at {@code span} replaced by the quoted
     * {@code replacement}; empty when the statement has no such literal (or the span is not in this text).
     */
    static Optional<String> replace(String text, String display, SourceSpan span, String path, String replacement) {
        if (!span.file().equals(display)) {
            return Optional.empty();
        }
        int at = offsetOf(text, span);
        if (at < 0) {
            return Optional.empty();
        }
        return literals(text, at, true).stream()
                .takeWhile(Literal::closed)
                .filter(literal -> literal.value().equals(path))
                .findFirst()
                .map(literal -> literal.replacedBy(text, replacement));
    }

    /**
     * {@code text} with the one literal {@code 'path'} of the whole script (comments skipped) replaced: the path of
     * a LOAD or STORE in a macro body that a macro call passes ({@code save(A, 'out/x')}), which the statement itself
     * does not spell out. Empty when the script has no such literal or more than one (which one is meant is not
     * known), or a literal is left open.
     */
    static Optional<String> replaceUnique(String text, String path, String replacement) {
        List<Literal> literals = literals(text, 0, false);
        if (literals.stream().anyMatch(literal -> !literal.closed())) {
            return Optional.empty();
        }
        List<Literal> matches = literals.stream()
                .filter(literal -> literal.value().equals(path))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0).replacedBy(text, replacement)) : Optional.empty();
    }

    /**
     * A quoted literal of the script: its quotes at {@code start} and {@code end}, its value unquoted; a literal
     * whose line ends before its closing quote is not closed (and has no value), and ends the scan.
     */
    private record Literal(int start, int end, String value, boolean closed) {
        String replacedBy(String text, String replacement) {
            return text.substring(0, start) + quote(replacement) + text.substring(end + 1);
        }
    }

    /**
     * The quoted literals of {@code text} from {@code from} in order, comments skipped; up to the statement's
     * {@code ;} when {@code statementOnly}, else to the end of the text.
     */
    private static List<Literal> literals(String text, int from, boolean statementOnly) {
        List<Literal> literals = new ArrayList<>();
        int at = from;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ';' && statementOnly) {
                break;
            } else if (text.startsWith("--", at)) {
                at = endOf(text, "\n", at);
            } else if (text.startsWith("/*", at)) {
                at = endOf(text, "*/", at + 2);
            } else if (c == '\'') {
                int end = closingQuote(text, at);
                if (end < 0) {
                    literals.add(new Literal(at, at, "", false));
                    break;
                }
                literals.add(new Literal(at, end, PigStrings.unquote(text.substring(at, end + 1)), true));
                at = end + 1;
            } else {
                at++;
            }
        }
        return literals;
    }

    /** A Pig string literal of {@code value}. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The offset of {@code span}'s line and column in {@code text}; -1 when the text has fewer lines. */
    static int offsetOf(String text, SourceSpan span) {
        int offset = 0;
        for (int line = 1; line < span.line(); line++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return -1;
            }
        }
        return Math.min(text.length(), offset + Math.max(0, span.column() - 1));
    }

    private static int endOf(String text, String terminator, int from) {
        int end = text.indexOf(terminator, from);
        return end < 0 ? text.length() : end + terminator.length();
    }

    private static int closingQuote(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                return i;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }
}
