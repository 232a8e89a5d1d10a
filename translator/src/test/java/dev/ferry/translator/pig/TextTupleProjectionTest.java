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
 * {@code STRSPLIT(s, '-').$1} (found in public scripts): field n of a tuple whose width Pig knows per row, a bytearray
 * in Pig's schema, null past the tuple's last field. Compared with real Pig in the cli's
 * PigTextTupleProjectionDifferentialTest.
 */
class TextTupleProjectionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = FOREACH a GENERATE STRSPLIT(d, '-').$1;                                | BYTEARRAY
            r = FOREACH a GENERATE STRSPLIT(d, '-', 2).$0, d;                          | BYTEARRAY
            r = FOREACH a GENERATE (int) STRSPLIT(d, '-').$1;                          | INT
            r = FOREACH a GENERATE REGEX_EXTRACT_ALL(d, $1).$0;                        | BYTEARRAY
            r = FOREACH raw GENERATE STRSPLIT($0, '-').$1;                             | BYTEARRAY
            """)
    void aFieldOfATextTupleTranslates(String statement, String type) {
        Diagnostics diagnostics = new Diagnostics();
        SqlJob job = PigParser.parse(
                        "a = LOAD 'in' AS (d:chararray, p:chararray);\nraw = LOAD 'in2' USING PigStorage(',');\n"
                                + statement + "\nSTORE r INTO 'out';\n",
                        "t.pig",
                        diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals(
                List.of(),
                diagnostics.sorted().stream().filter(Diagnostic::isError).toList());
        assertEquals(
                type.equals("INT") ? "INT" : "STRING",
                job.sinks().get(0).columns().get(0).type().toString());
    }
}
