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
 * it translates where the input's fields are known, and over the lines of a LOAD without AS where Pig's result is a
 * number of fields or the rest of each line; a TODO naming the construct where it would be a list of each line's own
 * width. Rows compared with real Pig in the cli's PigFieldRangeArgumentsDifferentialTest.
 */
class FieldRangeArgumentsTest {

    private static final String LOAD = "rows = LOAD 'in' AS (id:chararray, a:chararray, b:chararray, c:int);\n";
    private static final String RAW = "raw = LOAD 'in' USING PigStorage(',');\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = FOREACH rows GENERATE id, TOBAG($1..);
            r = FOREACH rows GENERATE FLATTEN(TOBAG(a..b));
            r = FOREACH rows GENERATE CONCAT(a..b), TOTUPLE(..b), TOTUPLE($2..$3);
            r = FOREACH rows GENERATE id, SIZE(TOBAG(a..)), CONCAT(id, a..b);
            """)
    void aRangeOfKnownFieldsTranslates(String statement) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<?> job = translate(LOAD, statement, diagnostics);
        assertTrue(
                job.isPresent(),
                diagnostics.sorted().stream().map(Diagnostic::format).toList().toString());
    }

    /**
     * Over the lines of a LOAD without AS, a closed range is that many fields (null past a line's end) and an open one
     * each line's own rest (Pig 0.18: {@code $1..} of {@code e,f} is {@code (f)}, of {@code g} {@code ()}).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = FOREACH raw GENERATE FLATTEN(TOBAG($1..));
            r = FOREACH raw GENERATE $0, FLATTEN(TOBAG($2..));
            r = FOREACH raw GENERATE $0, TOTUPLE($2..$4);
            r = FOREACH raw GENERATE CONCAT($0..$1), TOBAG(..$1);
            r = FOREACH raw GENERATE $0..$2;
            r = FOREACH raw GENERATE $1..;
            r = FOREACH raw GENERATE $0, $2..;
            r = FOREACH raw GENERATE $1..$1, $3..;
            """)
    void aRangeOverTheLinesOfALoadWithoutAsTranslates(String statement) {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(
                translate(RAW, statement, diagnostics).isPresent(),
                diagnostics.sorted().stream().map(Diagnostic::format).toList().toString());
    }

    /** Where each line's own width would have to be a list of values, the range is a TODO naming the construct. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = FOREACH raw GENERATE SIZE(TOBAG($1..));        | 2:37 | a field range to the last field as TOBAG's argument over a LOAD without AS is not translated yet
            r = FOREACH raw GENERATE TOTUPLE($2..);            | 2:34 | a field range to the last field as TOTUPLE's argument over a LOAD without AS
            r = FOREACH raw GENERATE $1.. AS (x);              | 2:26 | a field range to the last field over a row of unknown width (or named by AS)
            """)
    void aRangeOverALoadWithoutAsIsATodoNamingIt(String statement, String at, String message) {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(translate(RAW, statement, diagnostics).isEmpty());
        Diagnostic todo = firstError(diagnostics);
        assertEquals(at, todo.span().line() + ":" + todo.span().column());
        assertTrue(todo.message().contains(message), todo.message());
    }

    /** No LOAD without AS names its fields: a named end is Pig's ERROR 1025 (Projected field [a] does not exist). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = FOREACH raw GENERATE a..c;                     | 2:26
            r = FOREACH raw GENERATE $0..c;                    | 2:30
            r = FOREACH raw GENERATE CONCAT(a..b);             | 2:33
            """)
    void aNamedEndOverALoadWithoutAsIsAnError(String statement, String at) {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(translate(RAW, statement, diagnostics).isEmpty());
        Diagnostic error = firstError(diagnostics);
        assertEquals(
                "PIG-E011 " + at,
                error.code().id() + " " + error.span().line() + ":"
                        + error.span().column());
    }

    private static Optional<?> translate(String load, String statement, Diagnostics diagnostics) {
        PigScript script = PigParser.parse(load + statement + "\nSTORE r INTO 'out';\n", "t.pig", diagnostics)
                .orElseThrow();
        return PigToSql.translate(script, "job", diagnostics);
    }

    private static Diagnostic firstError(Diagnostics diagnostics) {
        return diagnostics.sorted().stream()
                .filter(Diagnostic::isError)
                .findFirst()
                .orElseThrow();
    }
}
