package dev.ferry.generator.dag;

import java.util.List;

/**
 * Python string literals in ruff's layout (quotes, escapes, breaking a long one), identifiers and indentation;
 * {@link PythonPrinter} lays out the calls and containers around them.
 */
public final class PythonSource {

    private static final String INDENT = "    ";
    /** ruff's default line length; generated code passes E501. */
    public static final int LINE_LENGTH = 88;

    private PythonSource() {}

    /**
     * A string literal quoted as ruff formats it: double quotes, unless the value holds more double quotes
     * than single ones (then single quotes, for fewer escapes); non-ASCII is kept as UTF-8 text.
     */
    public static String string(String value) {
        char quote = Width.of(value, 0, value.length()).quote();
        return quote + escaped(value, quote, false) + quote;
    }

    /**
     * A module docstring: {@code """text"""} with the text's line breaks kept and everything else escaped as
     * in {@link #string(String)}, every double quote included, so no {@code """} inside can end it.
     */
    public static String docstring(String text) {
        return "\"\"\"" + escaped(text, '"', true) + "\"\"\"";
    }

    /** The one escaping of text inside a Python string literal delimited by {@code quote}. */
    static String escaped(String value, char quote, boolean keepNewlines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == quote) {
                out.append('\\').append(c);
                continue;
            }
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append(keepNewlines ? "\n" : "\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A string literal that ends a line at {@code depth} after {@code prefix} columns of code (and before
     * a trailing comma), laid out as ruff would: on the line when it fits, else alone in parentheses,
     * else split after spaces into an implicit concatenation, one piece per line.
     */
    public static String string(String value, int depth, int prefix) {
        String literal = string(value);
        if (fits(depth, prefix + literal.length() + 1)) {
            return literal;
        }
        List<String> pieces = fits(depth + 1, literal.length()) ? List.of(literal) : pieces(value, depth + 1);
        StringBuilder out = new StringBuilder("(\n");
        pieces.forEach(piece -> out.append(indent(depth + 1)).append(piece).append('\n'));
        return out.append(indent(depth)).append(')').toString();
    }

    private static boolean fits(int depth, int width) {
        return INDENT.length() * depth + width <= LINE_LENGTH;
    }

    /**
     * Literals for consecutive pieces of {@code value}, each broken after a space or a '/' outside a Jinja
     * {@code {{ }}} / {@code {% %}} and outside an Oozie {@code ${ }} left for the runtime, so no piece ends inside
     * a word or an expression; only a word longer than a whole line is cut inside.
     */
    private static List<String> pieces(String value, int depth) {
        List<String> pieces = new java.util.ArrayList<>();
        // The current piece is value[start, end); its literal's width is kept as characters are added, so
        // splitting costs one pass over the value, not a new literal per word tried.
        int start = 0;
        int end = 0;
        Width piece = new Width();
        for (String word : words(value)) {
            Width with = piece.copy();
            with.add(word);
            if (end > start && !fits(depth, with.literal())) {
                pieces.add(string(value.substring(start, end)));
                start = end;
                with = new Width();
                with.add(word);
            }
            piece = with;
            end += word.length();
            while (!fits(depth, piece.literal()) && end - start > 1) {
                int cut = longestFittingPrefix(value, start, end, depth);
                pieces.add(string(value.substring(start, start + cut)));
                start += cut;
                piece = Width.of(value, start, end);
            }
        }
        if (end > start) {
            pieces.add(string(value.substring(start, end)));
        }
        return pieces;
    }

    /** The longest prefix of value[start, end), shorter than all of it, whose literal fits; at least one character. */
    private static int longestFittingPrefix(String value, int start, int end, int depth) {
        int cut = 1;
        Width prefix = new Width();
        prefix.add(value.charAt(start));
        for (int length = 2; length < end - start; length++) {
            prefix.add(value.charAt(start + length - 1));
            if (fits(depth, prefix.literal())) {
                cut = length;
            }
        }
        return cut;
    }

    /**
     * The width of {@link #string(String)}'s literal for a text, kept up to date as characters are appended: the
     * quote it would choose and its escaped length under either quote.
     */
    private static final class Width {
        private int doubles;
        private int singles;
        private int inDoubleQuotes;
        private int inSingleQuotes;

        static Width of(String value, int start, int end) {
            Width width = new Width();
            for (int i = start; i < end; i++) {
                width.add(value.charAt(i));
            }
            return width;
        }

        Width copy() {
            Width copy = new Width();
            copy.doubles = doubles;
            copy.singles = singles;
            copy.inDoubleQuotes = inDoubleQuotes;
            copy.inSingleQuotes = inSingleQuotes;
            return copy;
        }

        void add(String text) {
            for (int i = 0; i < text.length(); i++) {
                add(text.charAt(i));
            }
        }

        void add(char c) {
            doubles += c == '"' ? 1 : 0;
            singles += c == '\'' ? 1 : 0;
            inDoubleQuotes += escapedLength(c, '"');
            inSingleQuotes += escapedLength(c, '\'');
        }

        char quote() {
            return doubles > singles ? '\'' : '"';
        }

        /** The literal's width, quotes included. */
        int literal() {
            return 2 + (quote() == '"' ? inDoubleQuotes : inSingleQuotes);
        }

        /** How many characters {@link #escaped} writes for {@code c} (newlines escaped). */
        private static int escapedLength(char c, char quote) {
            if (c == quote || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                return 2;
            }
            return c < 0x20 || c == 0x7f ? 4 : 1;
        }
    }

    /** {@code value} cut after each space or '/' that is not inside an expression; the pieces join to it. */
    static List<String> words(String value) {
        List<String> words = new java.util.ArrayList<>();
        int start = 0;
        String close = null;
        for (int i = 0; i < value.length(); i++) {
            if (close != null) {
                if (value.startsWith(close, i)) {
                    i += close.length() - 1;
                    close = null;
                }
                continue;
            }
            if (value.startsWith("{{", i) || value.startsWith("{%", i) || value.startsWith("${", i)) {
                close = value.startsWith("{{", i) ? "}}" : value.startsWith("{%", i) ? "%}" : "}";
                i++;
                continue;
            }
            char c = value.charAt(i);
            if ((c == ' ' || c == '/') && i + 1 < value.length()) {
                words.add(value.substring(start, i + 1));
                start = i + 1;
            }
        }
        words.add(value.substring(start));
        return words;
    }

    public static String indent(int depth) {
        return INDENT.repeat(depth);
    }

    /** A Python identifier for an Oozie node name: {@code revenue-by-country} → {@code revenue_by_country}. */
    public static String identifier(String name) {
        String id = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (id.isEmpty() || Character.isDigit(id.charAt(0))) {
            id = "node_" + id;
        }
        return KEYWORDS.contains(id) ? id + "_" : id;
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of(
            "False",
            "None",
            "True",
            "and",
            "as",
            "assert",
            "async",
            "await",
            "break",
            "class",
            "continue",
            "def",
            "del",
            "elif",
            "else",
            "except",
            "finally",
            "for",
            "from",
            "global",
            "if",
            "import",
            "in",
            "is",
            "lambda",
            "nonlocal",
            "not",
            "or",
            "pass",
            "raise",
            "return",
            "try",
            "while",
            "with",
            "yield",
            "dag",
            "oozie",
            "pendulum",
            "Path",
            "REPO",
            "DAG",
            "CronTriggerTimetable",
            // The schedule part's names (ScheduleSource).
            "COORDINATOR",
            "input_events",
            "output_events",
            "timedelta",
            "relativedelta",
            "DeltaTriggerTimetable",
            "DeadlineAlert",
            "DeadlineReference",
            "SyncCallback");
}
