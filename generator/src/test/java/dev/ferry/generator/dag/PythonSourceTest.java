package dev.ferry.generator.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(java.util.List.of(words.split(",", -1)), PythonSource.words(value));
    }
}
