package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.sql.SqlJob;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names Pig 0.18's schema gives a FOREACH's fields where a later statement reads them by name, in shapes that public
 * scripts use (issue #15: each was a hard error on a script real Pig accepts). The view {@code p} is checked: its
 * columns, as the statement after it reads them; the rows are compared with real Pig's in the cli's
 * PigAcceptedShapesDifferentialTest.
 */
class PigAcceptedNamesTest {

    private static final String LOAD =
            "rows = LOAD 'in' AS (id:int, site:chararray, year:int, amount:double," + " tags:map[]);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            g = GROUP rows BY (year, site); c = FOREACH g GENERATE group, COUNT(rows) AS n; p = FOREACH c GENERATE FLATTEN(group.year), FLATTEN(group.site), FLATTEN(n); r = FOREACH p GENERATE year, site, n; | year, site, n
            p = FOREACH rows GENERATE $0 .. $2, amount * 2 AS twice; g = GROUP p BY site; r = FOREACH g GENERATE FLATTEN(p.year), SUM(p.twice);                                              | id, site, year, twice
            p = FOREACH rows GENERATE site .. amount; r = FOREACH p GENERATE year, amount;                                                                                                      | site, year, amount
            g = GROUP rows BY (id, site); p = FOREACH g GENERATE $0, COUNT(rows) AS n; r = FOREACH p GENERATE group.site, n;                                                                    | group, n
            g = GROUP rows BY site; p = FOREACH g GENERATE $0, COUNT(rows) AS n; r = FOREACH p GENERATE group, n;                                                                               | group, n
            p = FOREACH rows GENERATE FLATTEN(tags) AS tag; g = GROUP p BY tag; r = FOREACH g GENERATE group, COUNT(p);                                                                          | tag
            q = FOREACH rows GENERATE id, site, amount; g = GROUP q BY site; t = FOREACH g GENERATE group, TOP(1, 2, q) AS best; p = FOREACH t GENERATE group, FLATTEN(best); r = FOREACH p GENERATE best::id, amount; | group, id, site, amount
            p = FOREACH rows GENERATE id, FLATTEN(tags) AS (k, v:chararray); r = FOREACH p GENERATE k, UPPER(v), id;                                                                              | id, k, v
            """)
    void laterStatementsReadThem(String statements, String columns) {
        SqlJob job = translated(statements);
        SqlJob.View p = job.views().stream()
                .filter(v -> v.name().equals("p"))
                .findFirst()
                .orElseThrow();
        assertEquals(columns, p.columns().stream().map(c -> c.name()).collect(Collectors.joining(", ")));
    }

    private static SqlJob translated(String statements) {
        Diagnostics diagnostics = new Diagnostics();
        return PigParser.parse(LOAD + statements + "\nSTORE r INTO 'out';\n", "t.pig", diagnostics)
                .flatMap(script -> PigToSql.translate(script, "job", diagnostics))
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
    }
}
