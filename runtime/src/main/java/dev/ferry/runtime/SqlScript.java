package dev.ferry.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a translated Flink SQL script: binding its {@code ${NAME}} parameters and splitting it
 * into statements.
 */
public final class SqlScript {

    /** {@code ${NAME}}; a "${" not followed by such a name and "}" is left as it is. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");

    private SqlScript() {}

    /** One statement of a script, without its ';', and the script line its first keyword is on. */
    public record Statement(String sql, int line) {

        /** The first keyword, upper case ("CREATE", "INSERT"...), after comments and blanks. */
        public String keyword() {
            int i = skipBlanksAndComments(sql, 0);
            int end = i;
            while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
                end++;
            }
            return sql.substring(i, end).toUpperCase(Locale.ROOT);
        }
    }

    /**
     * Replaces every {@code ${NAME}} (NAME matching {@code [A-Za-z_][A-Za-z0-9_.]*}) with its value.
     * Inside a {@code 'string'} the value is a part of the string: its quotes are doubled, so a value
     * (a path, a password) can never end the literal early. Elsewhere it is inserted as it is, the way
     * Pig substitutes a parameter into the script's text ({@code x >= ${MIN}}). Comments are not code:
     * a placeholder there is left as it is and needs no value.
     *
     * @throws MissingParametersException naming every placeholder without a value
     */
    public static String bind(String text, Map<String, String> params) {
        Set<String> missing = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder(text.length());
        for (Segment segment : segments(text)) {
            String part = text.substring(segment.start(), segment.end());
            out.append(
                    switch (segment.kind()) {
                        case STRING -> bindPlaceholders(part, params, missing, true);
                        case CODE -> bindPlaceholders(part, params, missing, false);
                        case IDENTIFIER, COMMENT -> part;
                    });
        }
        if (!missing.isEmpty()) {
            throw new MissingParametersException(List.copyOf(missing));
        }
        return out.toString();
    }

    /** What a stretch of script text is: the one lexical view {@link #bind} and {@link #statements} share. */
    private enum Kind {
        /** A 'string' ('' escapes a quote). */
        STRING,
        /** A `quoted identifier` (`` escapes a backquote). */
        IDENTIFIER,
        /** A -- line comment (through its newline) or a block comment. */
        COMMENT,
        /** Anything else, up to where one of the above may start. */
        CODE
    }

    private record Segment(Kind kind, int start, int end) {}

    /** The script cut into consecutive segments, each string, quoted identifier and comment whole. */
    private static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            Segment segment;
            if (c == '\'') {
                segment = new Segment(Kind.STRING, i, skipQuoted(text, i, c));
            } else if (c == '`') {
                segment = new Segment(Kind.IDENTIFIER, i, skipQuoted(text, i, c));
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                segment = new Segment(Kind.COMMENT, i, skipLineComment(text, i));
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                segment = new Segment(Kind.COMMENT, i, skipBlockComment(text, i));
            } else {
                segment = new Segment(Kind.CODE, i, nextSpecial(text, i + 1));
            }
            segments.add(segment);
            i = segment.end();
        }
        return segments;
    }

    /** Where the next string, quoted identifier or comment may start. */
    private static int nextSpecial(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\''
                    || c == '`'
                    || c == '-' && i + 1 < n && s.charAt(i + 1) == '-'
                    || c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                return i;
            }
            i++;
        }
        return n;
    }

    private static String bindPlaceholders(
            String text, Map<String, String> params, Set<String> missing, boolean inString) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                missing.add(m.group(1));
                value = m.group();
            } else if (inString) {
                value = value.replace("'", "''");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The statements' SQL text, see {@link #statements}. */
    public static List<String> split(String text) {
        return statements(text).stream().map(Statement::sql).toList();
    }

    /**
     * Splits on ';' outside 'strings' (with '' escapes), `identifiers` (with `` escapes),
     * {@code --} line comments and block comments. Statements holding only blanks and comments are
     * dropped; comments inside a statement are kept (Flink skips them).
     */
    public static List<Statement> statements(String text) {
        List<Statement> result = new ArrayList<>();
        Lines lines = new Lines(text);
        int start = 0;
        for (Segment segment : segments(text)) {
            if (segment.kind() != Kind.CODE) {
                continue;
            }
            for (int i = text.indexOf(';', segment.start());
                    i >= 0 && i < segment.end();
                    i = text.indexOf(';', i + 1)) {
                add(result, text, start, i, lines);
                start = i + 1;
            }
        }
        add(result, text, start, text.length(), lines);
        return List.copyOf(result);
    }

    private static void add(List<Statement> result, String text, int start, int end, Lines lines) {
        String sql = text.substring(start, end);
        int first = skipBlanksAndComments(sql, 0);
        if (first < sql.length()) {
            result.add(new Statement(sql.strip(), lines.lineOf(start + first)));
        }
    }

    /** Line numbers of offsets asked in increasing order, counted once over the text. */
    private static final class Lines {
        private final String text;
        private int offset;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int lineOf(int target) {
            for (; offset < target; offset++) {
                if (text.charAt(offset) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static int skipBlanksAndComments(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                i = skipLineComment(s, i);
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i = skipBlockComment(s, i);
            } else {
                break;
            }
        }
        return i;
    }

    /** From an opening quote to just past its closing one; a doubled quote is an escaped quote. */
    private static int skipQuoted(String s, int i, char quote) {
        int n = s.length();
        i++;
        while (i < n) {
            if (s.charAt(i) == quote) {
                if (i + 1 < n && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    private static int skipLineComment(String s, int i) {
        int end = s.indexOf('\n', i);
        return end < 0 ? s.length() : end + 1;
    }

    private static int skipBlockComment(String s, int i) {
        int end = s.indexOf("*/", i + 2);
        return end < 0 ? s.length() : end + 2;
    }
}
