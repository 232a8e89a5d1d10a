package dev.ferry.generator.report;

/**
 * Input-derived text in Markdown: every string from the legacy repository reaches report.md through one of
 * these, so a name or message can neither start a line construct, nor break out of a table cell, nor inject
 * HTML. Line breaks (including U+2028/U+2029 and NUL) become spaces: one item stays one line.
 */
final class MarkdownText {

    private MarkdownText() {}

    /** A code span (CommonMark: a backtick fence longer than any backtick run inside), safe in a table cell. */
    static String code(String value) {
        String text = oneLine(value).replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`") || text.isBlank();
        return fence + (pad ? " " + text + " " : text) + fence;
    }

    /**
     * Plain text inside a line (never at its start) with Markdown's inline punctuation escaped and HTML's
     * special characters as entities, on one line.
     */
    static String text(String value) {
        String line = oneLine(value);
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> {
                    if ("\\`*_[]|~".indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString();
    }
}
