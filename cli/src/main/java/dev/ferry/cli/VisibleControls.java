package dev.ferry.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What Ferry prints to a terminal: names, paths and messages come from the repository, and a control character in
 * them (ESC starting a terminal escape sequence, a carriage return or a bidirectional override that rewrites what
 * the line shows) would act on the user's terminal. Each is written as its {@code \}{@code uXXXX} escape instead;
 * line feeds and tabs stay.
 */
final class VisibleControls extends FilterWriter {

    VisibleControls(Writer out) {
        super(out);
    }

    static boolean shown(int c) {
        return c == '\n'
                || c == '\t'
                || !(c < 0x20
                        || (c >= 0x7f && c <= 0x9f)
                        || c == '\u2028'
                        || c == '\u2029'
                        || (c >= '\u202a' && c <= '\u202e')
                        || (c >= '\u2066' && c <= '\u2069'));
    }

    @Override
    public void write(int c) throws IOException {
        if (shown(c)) {
            out.write(c);
        } else {
            out.write(String.format("\\u%04x", c));
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(chars[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(text.charAt(i));
        }
    }
}
