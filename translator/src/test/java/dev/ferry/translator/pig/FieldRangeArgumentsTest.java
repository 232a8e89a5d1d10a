package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigScript;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A field range among a call's arguments ({@code TOBAG($1..)}, {@code CONCAT(a..b)}) stands for the fields it spans:
 * it translates where the input's fields are known, and is a TODO naming the construct over a LOAD without AS (each
 * line's width is not known). Rows compared with real Pig in the cli's PigFieldRangeArgumentsDifferentialTest.
 */
class FieldRangeArgumentsTest {

    private static final String LOAD = "rows = LOAD 'in' AS (id:chararray, a:chararray, b:chararray, c:int);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = FOREACH rows GENERATE id, TOBAG($1..);
            r = FOREACH rows GENERATE FLATTEN(TOBAG(a..b));
            r = FOREACH rows GENERATE CONCAT(a..b), TOTUPLE(..b), TOTUPLE($2..$3);
            r = FOREACH rows GENERATE id, SIZE(TOBAG(a..)), CONCAT(id, a..b);
            """)
    void aRangeOfKnownFieldsTranslates(String statement) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<?> job = translate(statement, diagnostics);
        assertTrue(
                job.isPresent(),
                diagnostics.sorted().stream().map(Diagnostic::format).toList().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = FOREACH raw GENERATE FLATTEN(TOBAG($1..));     | 2:40 | a field range as TOBAG's argument over a LOAD without AS is not translated yet
            r = FOREACH raw GENERATE $0, TOTUPLE($2..$4);      | 2:38 | a field range as TOTUPLE's argument over a LOAD without AS
            """)
    void aRangeOverALoadWithoutAsIsATodoNamingIt(String statement, String at, String message) {
        Diagnostics diagnostics = new Diagnostics();
        PigScript script = PigParser.parse(
                        "raw = LOAD 'in' USING PigStorage(',');\n" + statement + "\nSTORE r INTO 'out';\n",
                        "t.pig",
                        diagnostics)
                .orElseThrow();
        assertTrue(PigToSql.translate(script, "job", diagnostics).isEmpty());
        Diagnostic todo = diagnostics.sorted().stream()
                .filter(Diagnostic::isError)
                .findFirst()
                .orElseThrow();
        assertEquals(at, todo.span().line() + ":" + todo.span().column());
        assertTrue(todo.message().contains(message), todo.message());
    }

    private static Optional<?> translate(String statement, Diagnostics diagnostics) {
        PigScript script = PigParser.parse(LOAD + statement + "\nSTORE r INTO 'out';\n", "t.pig", diagnostics)
                .orElseThrow();
        return PigToSql.translate(script, "job", diagnostics);
    }
}
