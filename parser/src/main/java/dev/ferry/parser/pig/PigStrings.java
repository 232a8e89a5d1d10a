package dev.ferry.parser.pig;

/** Pig string literal escapes: tab, newline, CR, backspace, form feed, backslash, quote and unicode escapes, as Pig's QueryParser unescapes them. */
public final class PigStrings {

    private PigStrings() {}

    /** The value of a quoted literal token, quotes removed and escapes applied. */
    public static String unquote(String token) {
        return unquote(token, false);
    }

    /**
     * The value of a quoted literal that may hold parameter references while parameters stay
     * symbolic: Pig's preprocessor turns {@code \$} into a literal {@code $} that is not a
     * parameter, so the escape is kept here for whoever binds the parameters to tell the two apart
     * (and to unescape it then).
     */
    public static String unquoteKeepingDollarEscapes(String token) {
        return unquote(token, true);
    }

    private static String unquote(String token, boolean keepDollarEscapes) {
        String body = token.substring(1, token.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 < body.length() && body.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append("\\u");
                    }
                }
                case '$' -> out.append(keepDollarEscapes ? "\\$" : "$");
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
