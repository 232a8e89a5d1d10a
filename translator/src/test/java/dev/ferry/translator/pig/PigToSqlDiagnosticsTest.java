package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scripts Pig itself rejects (its error in each comment) are rejected here too, once, at the right place. */
class PigToSqlDiagnosticsTest {

    private static final String LOAD =
            "rows = LOAD 'in' USING PigStorage('\\t') AS (name:chararray, clicks:int, score:double);\n";

    private static List<String> errors(String body) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<?> job = PigParser.parse(LOAD + body + "STORE r INTO 'out';\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics));
        assertTrue(job.isEmpty(), "expected a rejection");
        return diagnostics.sorted().stream()
                .map(d -> d.format().lines().findFirst().orElseThrow())
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                // Pig: ERROR 1108: Duplicate schema alias: score (a cast keeps the field's name)
                "r = FOREACH rows GENERATE (int) score, (chararray) score;|t.pig:2:40: error PIG-E014: the FOREACH output has two fields named 'score'",
                // Pig: ERROR 1108: Duplicate schema alias: n
                "r = FOREACH rows GENERATE name AS n, clicks AS n;|t.pig:2:38: error PIG-E014: the FOREACH output has two fields named 'n'",
                // Pig: ERROR 1108: Duplicate schema alias: name ($0 is named after the field it reads)
                "r = FOREACH rows GENERATE $0, name;|t.pig:2:31: error PIG-E014: the FOREACH output has two fields named 'name'",
                // Pig: ERROR 1108: Duplicate schema alias: s (t.$1 is t's field s)
                "p = LOAD 'in2' AS (t:tuple(n:int, s:chararray));\\nr = FOREACH p GENERATE t.$1, t.s;|t.pig:3:30: error PIG-E014: the FOREACH output has two fields named 's'",
                // Pig: ERROR 1025: Invalid field projection. Projected field [click] does not exist
                "r = FOREACH rows GENERATE click;|t.pig:2:27: error PIG-E011: unknown field 'click' (did you mean 'clicks'?)",
            })
    void rejectsWhatPigRejects(String body, String expected) {
        // A record is one line: '\n' written as two characters separates statements.
        assertEquals(List.of(expected), errors(body.replace("\\n", "\n")));
    }

    @Test
    void aFailedAliasIsReportedOnceNotAtEveryUse() {
        List<String> errors = errors("a = FOREACH rows GENERATE zzz;\nb = FILTER a BY clicks > 0;\nr = DISTINCT b;\n");
        assertEquals(List.of("t.pig:2:27: error PIG-E011: unknown field 'zzz'"), errors);
    }
}
