package dev.ferry.parser.el;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parser reads a body that is a property name alone ({@code nameNode}, {@code a.b.c}) without the grammar: the
 * names it takes that way must be exactly what the grammar reads as one identifier, at the same position.
 */
class ElPlainNameTest {

    private static final SourceSpan WHERE = SourceSpan.of("wf.xml", 3, 7);

    @ParameterizedTest(name = "{0} plain: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "nameNode                  | true",
                "oozie.wf.application.path | true",
                "a.b                       | true",
                "$x._y1                    | true",
                "queue.not.empty           | true", // keywords as property names after a dot
                "x.true                    | true",
                "nulls                     | true", // a keyword's prefix is a name
                "true                      | false", // a literal
                "null.x                    | false",
                "not                       | false", // an operator
                "empty.x                   | false",
                "a.1                       | false", // an INTEGER property: left to the grammar
                "1a                        | false",
                "a..b                      | false",
                "a.                        | false",
                ".a                        | false",
                "' a'                      | false",
                "a b                       | false",
                "wf:id()                   | false",
                "a-b                       | false",
                "zoë                       | false", // a letter beyond ASCII: left to the grammar
                "''                        | false",
            })
    void tellsPlainNamesApart(String body, boolean plain) {
        assertEquals(plain, ElParser.isPlainName(body.equals("''") ? "" : body));
    }

    /**
     * Every body of up to four characters from an alphabet of letters, digits, dots and operator characters, and
     * every keyword with a suffix: each one taken as a plain name parses by the grammar to the same identifier.
     */
    @Test
    void everyPlainNameIsWhatTheGrammarReads() {
        List<String> bodies = new ArrayList<>();
        String alphabet = "aet1._$ :(-";
        grow(bodies, "", alphabet, 4);
        for (String keyword : List.of(
                "true", "false", "null", "not", "empty", "div", "mod", "and", "or", "eq", "ne", "lt", "gt", "le",
                "ge")) {
            for (String around : List.of("%s", "%s1", "x.%s", "%s.x", "%s_", "x.%s.y", "%sx.y")) {
                bodies.add(around.formatted(keyword));
            }
        }
        int plain = 0;
        ElParser.Positions positions = new ElParser.Positions(WHERE, "${");
        for (String body : bodies) {
            if (!ElParser.isPlainName(body)) {
                continue;
            }
            plain++;
            Diagnostics diagnostics = new Diagnostics();
            Optional<ElExpr> grammar = ElParser.byGrammar(body, 2, positions, diagnostics);
            assertEquals(0, diagnostics.size(), body);
            assertEquals(Optional.of(new ElExpr.Identifier(body, positions.at(2))), grammar, body);
        }
        assertTrue(plain > 300, "plain names checked: " + plain);
    }

    private static void grow(List<String> out, String prefix, String alphabet, int length) {
        if (!prefix.isEmpty()) {
            out.add(prefix);
        }
        if (prefix.length() < length) {
            for (char c : alphabet.toCharArray()) {
                grow(out, prefix + c, alphabet, length);
            }
        }
    }

    @Test
    void aPlainNameInTextKeepsItsPosition() {
        Diagnostics diagnostics = new Diagnostics();
        ElTemplate template =
                ElParser.parse("x\n  ${queue.name}", WHERE, diagnostics).orElseThrow();
        ElPart.ElExpression expression = (ElPart.ElExpression) template.parts().get(1);
        // the name where its text starts, the expression at its "${"
        assertEquals(new ElExpr.Identifier("queue.name", SourceSpan.of("wf.xml", 4, 5)), expression.expr());
        assertEquals(SourceSpan.of("wf.xml", 4, 3), expression.span());
    }
}
