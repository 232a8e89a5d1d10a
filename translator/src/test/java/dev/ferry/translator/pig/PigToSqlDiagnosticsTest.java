package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
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
                .filter(Diagnostic::isError)
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
                // Pig: ERROR 1108: Duplicate schema alias (CastExpression keeps the name of the field it casts)
                "p = LOAD 'in2' AS (d, x:int);\\nr = FOREACH p GENERATE (datetime) d, d;|t.pig:3:38: error PIG-E014: the FOREACH output has two fields named 'd'",
                "p = LOAD 'in2' AS (d, x:int);\\nr = FOREACH p GENERATE d, (chararray) d;|t.pig:3:27: error PIG-E014: the FOREACH output has two fields named 'd'",
                "p = LOAD 'in2' AS (d, x:int);\\nr = FOREACH p GENERATE (int) d, d;|t.pig:3:33: error PIG-E014: the FOREACH output has two fields named 'd'",
                "p = LOAD 'in2' AS (d, x:int);\\nr = FOREACH p GENERATE (map[]) d, d;|t.pig:3:35: error PIG-E014: the FOREACH output has two fields named 'd'",
                "p = LOAD 'in2' AS (d, x:int);\\nr = FOREACH p GENERATE (tuple(int)) d, d;|t.pig:3:40: error PIG-E014: the FOREACH output has two fields named 'd'",
                "p = LOAD 'in2' AS (d, x:int);\\nr = FOREACH p GENERATE (bag{tuple(int)}) d, d;|t.pig:3:45: error PIG-E014: the FOREACH output has two fields named 'd'",
                "p = LOAD 'in2' AS (d, x:int);\\nr = FOREACH p GENERATE (long) x, x;|t.pig:3:34: error PIG-E014: the FOREACH output has two fields named 'x'",
                "p = LOAD 'in2' AS (d, x:int);\\nr = FOREACH p GENERATE (boolean) d, d;|t.pig:3:37: error PIG-E014: the FOREACH output has two fields named 'd'",
                "p = LOAD 'in2' AS (d, x:int);\\nr = FOREACH p GENERATE (chararray) (int) d, d;|t.pig:3:45: error PIG-E014: the FOREACH output has two fields named 'd'",
                // Pig: ERROR 1108: Duplicate schema alias: n
                "r = FOREACH rows GENERATE name AS n, clicks AS n;|t.pig:2:38: error PIG-E014: the FOREACH output has two fields named 'n'",
                // Pig: ERROR 1108: Duplicate schema alias: name ($0 is named after the field it reads)
                "r = FOREACH rows GENERATE $0, name;|t.pig:2:31: error PIG-E014: the FOREACH output has two fields named 'name'",
                // Pig: ERROR 1108: Duplicate schema alias: s (t.$1 is t's field s)
                "p = LOAD 'in2' AS (t:tuple(n:int, s:chararray));\\nr = FOREACH p GENERATE t.$1, t.s;|t.pig:3:30: error PIG-E014: the FOREACH output has two fields named 's'",
                // Pig: Custom Partitioner is not supported for skewed join
                "s = LOAD 'in2' AS (name:chararray);\\nr = JOIN rows BY name, s BY name USING 'skewed' PARTITION BY org.example.P;|t.pig:3:5: error PIG-E013: a skewed JOIN cannot have a PARTITION BY (Pig: Custom Partitioner is not supported for skewed join)",
                // Pig 0.18: ERROR 1052: Cannot cast chararray to datetime (its POCast has the case; the type checker
                // rejects it first)
                "r = FOREACH rows GENERATE (datetime) name;|t.pig:2:27: error PIG-E013: cannot cast chararray to datetime (Pig's ERROR 1052)",
                // Pig 0.18: ERROR 1052: Cannot cast datetime to chararray
                "r = FOREACH rows GENERATE (chararray) ToDate(name);|t.pig:2:27: error PIG-E013: cannot cast datetime to chararray (Pig's ERROR 1052)",
                // Pig: ERROR 1025: Invalid field projection. Projected field [click] does not exist
                "r = FOREACH rows GENERATE click;|t.pig:2:27: error PIG-E011: unknown field 'click' (did you mean 'clicks'?)",
                // Pig 0.18 (LogicalPlanBuilder.checkDuplicateAliases): Pig does not accept same alias as input for
                // JOIN operation : rows; the same for UNION (a CROSS takes it: CrossOfItselfTest)
                "r = JOIN rows BY name, rows BY name;|t.pig:2:5: error PIG-E013: Pig does not accept the same alias as input twice for JOIN ('rows')",
                "s = LOAD 'in2' AS (name:chararray);\\nr = JOIN rows BY name, s BY name, rows BY name;|t.pig:3:5: error PIG-E013: Pig does not accept the same alias as input twice for JOIN ('rows')",
                "r = UNION rows, rows;|t.pig:2:5: error PIG-E013: Pig does not accept the same alias as input twice for UNION ('rows')",
                "r = UNION ONSCHEMA rows, rows;|t.pig:2:5: error PIG-E013: Pig does not accept the same alias as input twice for UNION ('rows')",
            })
    void rejectsWhatPigRejects(String body, String expected) {
        // A record is one line: '\n' written as two characters separates statements.
        assertEquals(List.of(expected), errors(body.replace("\\n", "\n")));
    }

    /** Pig names a negation, an arithmetic result and a map lookup nothing, so they sit beside the field they read. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"-clicks, clicks", "clicks + 0, clicks", "(int) TOMAP('k', name)#'k', name"})
    void unnamedExpressionsBesideTheirFieldAreAccepted(String items) {
        Diagnostics diagnostics = new Diagnostics();
        PigParser.parse(LOAD + "r = FOREACH rows GENERATE " + items + ";\nSTORE r INTO 'out';\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
    }

    @Test
    void aFailedAliasIsReportedOnceNotAtEveryUse() {
        List<String> errors = errors("a = FOREACH rows GENERATE zzz;\nb = FILTER a BY clicks > 0;\nr = DISTINCT b;\n");
        assertEquals(List.of("t.pig:2:27: error PIG-E011: unknown field 'zzz'"), errors);
    }
}
