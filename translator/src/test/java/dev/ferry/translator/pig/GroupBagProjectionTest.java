package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.translator.sql.SqlJob;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code g.(a, b)} of a GROUP's or COGROUP's bag: the bag of tuples of those fields, by name or position, as a
 * GENERATE item, a function's argument, beside other projections of the same bag, and of a nested block's bag.
 * Each translates (their rows are compared with real Pig's in the cli's PigBagProjectionsDifferentialTest).
 */
class GroupBagProjectionTest {

    private static final String LOAD = "rows = LOAD 'in' AS (team:chararray, park:chararray, year:int, games:long);\n"
            + "more = LOAD 'in2' AS (team:chararray, w:int);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            g = GROUP rows BY team; r = FOREACH g GENERATE group, rows.(park, year);
            g = GROUP rows BY team; r = FOREACH g GENERATE group, rows.($1, $2) AS py, rows.(games, park);
            g = GROUP rows BY team; r = FOREACH g GENERATE group, COUNT(rows.(park, year)), rows.park;
            g = GROUP rows BY (team, year); r = FOREACH g GENERATE FLATTEN(group), rows.(park, games);
            g = GROUP rows ALL; r = FOREACH g GENERATE rows.(team, park);
            g = GROUP rows BY team; r = FOREACH g { f = FILTER rows BY games > 1L; GENERATE group, f.(park, year); };
            g = GROUP rows BY team; r = FOREACH g { o = ORDER rows BY games DESC; GENERATE group, o.(park, year); };
            c = COGROUP rows BY team, more BY team; r = FOREACH c GENERATE group, rows.(park, games), more.(w);
            c = COGROUP rows BY team, more BY team; r = FOREACH c GENERATE group, rows.(year, park), more.(team, w);
            """)
    void translates(String statements) {
        Diagnostics diagnostics = new Diagnostics();
        PigScript script = PigParser.parse(LOAD + statements + "\nSTORE r INTO 'out';\n", "t.pig", diagnostics)
                .orElseThrow();
        SqlJob job = PigToSql.translate(script, "job", diagnostics)
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
        assertTrue(job.inserts().size() == 1, job.toString());
    }
}
