package dev.ferry.generator.preview;

import dev.ferry.generator.dag.PythonSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a task's panel shows: the Oozie element a task comes from (by its start position), the task's
 * statement in the generated DAG, and the blocks of a generated SQL script with the Pig lines each comes from.
 * Line ranges are 1-based and inclusive.
 */
final class SourceExcerpts {

    /** At most this many lines of one excerpt: a runaway element (unclosed, huge) is cut, not copied whole. */
    static final int MAX_LINES = 400;

    private static final Pattern ASSIGNMENT = Pattern.compile("^    [A-Za-z_][A-Za-z0-9_]* = ");

    private SourceExcerpts() {}

    record Range(int first, int last) {}

    /** The lines of the XML element whose start tag begins at {@code line:column}; the one line when none does. */
    static Range xmlElement(String text, int line, int column) {
        int offset = offset(text, line, column);
        if (offset < 0 || offset >= text.length() || text.charAt(offset) != '<') {
            return new Range(line, line);
        }
        int depth = 0;
        int at = offset;
        while (at < text.length()) {
            if (text.startsWith("<!--", at)) {
                at = after(text, "-->", at);
            } else if (text.startsWith("<![CDATA[", at)) {
                at = after(text, "]]>", at);
            } else if (text.startsWith("<?", at) || text.startsWith("<!", at)) {
                at = after(text, ">", at);
            } else if (text.startsWith("</", at)) {
                at = after(text, ">", at);
                if (--depth <= 0) {
                    return capped(line, lineOf(text, at - 1));
                }
            } else if (text.charAt(at) == '<') {
                int end = tagEnd(text, at);
                boolean selfClosing = end > 0 && text.charAt(end - 1) == '/';
                at = end + 1;
                if (!selfClosing) {
                    depth++;
                } else if (depth == 0) {
                    return capped(line, lineOf(text, end));
                }
            } else {
                at++;
            }
        }
        return capped(line, lineOf(text, text.length() - 1));
    }

    /** The statement of the generated DAG that creates the task: {@code name = oozie.kind("task-id", ...)}. */
    static Range pythonTask(String dag, String taskId) {
        String literal = PythonSource.string(taskId);
        String[] lines = dag.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!ASSIGNMENT.matcher(lines[i]).find()) {
                continue;
            }
            boolean sameLine = lines[i].contains("(" + literal + ")") || lines[i].contains("(" + literal + ",");
            boolean nextLine = i + 1 < lines.length && lines[i + 1].strip().equals(literal + ",");
            if (sameLine || nextLine) {
                int last = i;
                while (last + 1 < lines.length && lines[last + 1].startsWith("     ")
                        || last + 1 < lines.length && lines[last + 1].equals("    )")) {
                    last++;
                }
                return capped(i + 1, last + 1);
            }
        }
        return null;
    }

    /** One statement of a generated SQL script (1-based lines) and the Pig lines it says it comes from. */
    record SqlBlock(int first, int last, List<Integer> pigLines) {}

    /**
     * Splits a generated SQL script at its {@code -- <pig file>:<line>} comments (SqlScriptRenderer writes one per
     * Pig statement before the SQL statement made of it): the header first (no Pig line), then one block each.
     */
    static List<SqlBlock> sqlBlocks(String sql, String pigFile) {
        Pattern anchor = Pattern.compile("^-- " + Pattern.quote(pigFile) + ":(\\d+)$");
        String[] lines = sql.split("\n", -1);
        int count = sql.endsWith("\n") ? lines.length - 1 : lines.length;
        List<SqlBlock> blocks = new ArrayList<>();
        int start = 1;
        List<Integer> pig = new ArrayList<>();
        boolean inAnchors = false;
        for (int i = 0; i < count; i++) {
            Matcher m = anchor.matcher(lines[i]);
            if (m.matches()) {
                if (!inAnchors && i + 1 > start) {
                    blocks.add(new SqlBlock(start, i, List.copyOf(pig)));
                    start = i + 1;
                    pig = new ArrayList<>();
                }
                pig.add(Integer.parseInt(m.group(1)));
                inAnchors = true;
            } else {
                inAnchors = false;
            }
        }
        if (count >= start) {
            blocks.add(new SqlBlock(start, count, List.copyOf(pig)));
        }
        return blocks;
    }

    private static Range capped(int first, int last) {
        return new Range(first, Math.max(first, Math.min(last, first + MAX_LINES - 1)));
    }

    private static int after(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? text.length() : at + end.length();
    }

    /** The index of the '>' closing the tag at {@code from}, quoted attribute values skipped. */
    private static int tagEnd(String text, int from) {
        char quote = 0;
        for (int i = from + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return text.length() - 1;
    }

    private static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at);
            if (at < 0) {
                return -1;
            }
            at++;
        }
        return at + column - 1;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
