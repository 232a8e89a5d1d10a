package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.sql.SqlJob;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A removal of a path after the STORE that wrote it: Grunt runs the STORE, then removes what it wrote, so the path is
 * gone when the script ends. The job does not write it (a PIG-W001 at that STORE); the other STOREs stay, and one
 * after the removal writes the path again. Compared with real Pig in the cli's PigFileCommandsDifferentialTest.
 */
class RemovalAfterStoreTest {

    private static final String LOAD = "a = LOAD 'in' AS (n:int);\nb = FILTER a BY n > 0;\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            STORE a INTO 'tmp'; STORE b INTO 'out'; rmf tmp;                      | out      | 3:1
            STORE a INTO 'tmp'; STORE b INTO 'out'; fs -rm -r -f ./tmp/;          | out      | 3:1
            STORE a INTO 'tmp'; rmf tmp; STORE b INTO 'tmp';                      | tmp      | 3:1
            STORE a INTO 'x'; STORE b INTO 'y'; rmf x y; STORE a INTO 'z';        | z        | 3:1 4:1
            """)
    void theJobDoesNotWriteWhatTheScriptRemoves(String statements, String written, String warnings) {
        Diagnostics diagnostics = new Diagnostics();
        SqlJob job = PigParser.parse(LOAD + statements.replace("; ", ";\n") + "\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals(
                List.of(written.split(" ")),
                job.sinks().stream().map(SqlJob.Table::path).toList());
        assertEquals(
                List.of(warnings.split(" ")),
                diagnostics.sorted().stream()
                        .filter(d -> d.code().id().equals("PIG-W001"))
                        .map(d -> d.span().line() + ":" + d.span().column())
                        .toList());
        assertEquals(
                List.of(),
                diagnostics.sorted().stream().filter(Diagnostic::isError).toList());
    }

    /** A script that removes everything it stored leaves nothing behind: a TODO saying so, not an empty job. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            STORE b INTO 'out'; rmf out;
            STORE a INTO 'x'; STORE b INTO 'y'; fs -rm -r x y;
            """)
    void removingEveryStoredPathIsATodo(String statements) {
        Diagnostics diagnostics = new Diagnostics();
        PigParser.parse(LOAD + statements.replace("; ", ";\n") + "\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .ifPresent(job -> {
                    throw new AssertionError("translated: " + job.sinks());
                });
        List<Diagnostic> errors =
                diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("PIG-E020", errors.get(0).code().id());
        assertEquals(true, errors.get(0).message().contains("every STORE's output is removed later"));
    }
}
