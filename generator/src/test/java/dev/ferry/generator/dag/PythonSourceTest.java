package dev.ferry.generator.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** String literals as `ruff format` leaves them (each right-hand side checked once with ruff 0.17.5). */
class PythonSourceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain                      | "plain"
            it's                       | "it's"
            say "hi"                   | 'say "hi"'
            mixed 'a' "b"              | "mixed 'a' \\"b\\""
            two "x" "y" and 'z'        | 'two "x" "y" and \\'z\\''
            back\\slash                | "back\\\\slash"
            """)
    void quotesLikeRuff(String value, String literal) {
        assertEquals(literal, PythonSource.string(value));
    }

    /** Where a long string may break: after a space or '/', never inside a Jinja or Oozie expression. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a b                                       | a ,b
            /data/x/y                                 | /,data/,x/,y
            {{ wf.conf('a b/c') }}/x                  | {{ wf.conf('a b/c') }}/,x
            {% if a %}b c{% endif %}                  | {% if a %}b ,c{% endif %}
            month=${MONTH + 0}/day=${DAY + 0}         | month=${MONTH + 0}/,day=${DAY + 0}
            x {{ unclosed /y                          | x ,{{ unclosed /y
            trailing/                                 | trailing/
            """)
    void breaksOnlyBetweenWordsAndExpressions(String value, String words) {
        assertEquals(List.of(words.split(",", -1)), PythonSource.words(value));
    }
    /**
     * A string too long for its line is split into pieces that each fit, join back to the value, and are as long as
     * they can be: the next word (or, for a word longer than a line, the next character) would not have fitted.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            words         | the quick brown fox jumps over the lazy dog and keeps running far past the end of any line we allow
            quotes flip   | it's "one" 'two' "three" and 'four' and "five" and more 'words' with "quotes" to flip the choice of quote
            escapes       | a\\tb\\\\c path\\\\to\\\\somewhere with tabs\\tand\\tbackslashes and more words to make it longer than a line
            long word     | xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx tail
            long quotes   | ''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''\"\"\"\"\"\"\"\"\"\"
            """)
    void splitsLongStringsIntoFittingMaximalPieces(String name, String raw) {
        String value = raw.replace("\\t", "\t").replace("\\\\", "\\");
        int depth = 2;
        String literal = PythonSource.string(value, depth, 12);
        List<String> lines = literal.lines().toList();
        assertEquals("(", lines.get(0));
        List<String> pieces = lines.subList(1, lines.size() - 1).stream()
                .map(line -> line.substring(4 * (depth + 1)))
                .toList();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            assertTrue(4 * (depth + 1) + piece.length() <= PythonSource.LINE_LENGTH, "fits: " + piece);
            String text = unquoted(piece);
            assertEquals(piece, PythonSource.string(text), "each piece is the literal of its text");
            joined.append(text);
            if (i + 1 < pieces.size()) {
                String next = unquoted(pieces.get(i + 1));
                boolean wordEnds = text.endsWith(" ") || text.endsWith("/");
                String grown = text + (wordEnds ? PythonSource.words(next).get(0) : next.substring(0, 1));
                assertTrue(
                        4 * (depth + 1) + PythonSource.string(grown).length() > PythonSource.LINE_LENGTH,
                        "maximal: " + piece);
            }
        }
        assertEquals(value, joined.toString());
    }

    /** The text of a literal {@link PythonSource#string(String)} wrote (its escapes undone). */
    private static String unquoted(String literal) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                char next = literal.charAt(++i);
                text.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
