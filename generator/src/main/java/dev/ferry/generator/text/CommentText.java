package dev.ferry.generator.text;

/**
 * Input-derived text (file and directory names, node names, notes) inside a line comment of any generated
 * language: Python {@code #}, SQL {@code --}, YAML {@code #}. Such a comment ends only at a line break, so every
 * character a language may take for one (CR, LF, NEL, U+2028, U+2029, other control characters, NUL) is
 * spelled as an escape: the comment cannot end early and nothing after it becomes code.
 */
public final class CommentText {

    private CommentText() {}

    public static String line(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
