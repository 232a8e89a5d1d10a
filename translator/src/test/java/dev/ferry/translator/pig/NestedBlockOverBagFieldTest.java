package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.sql.SqlQuery;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A nested FOREACH block over a bag field of a plain relation ({@link RowBags}): which blocks translate (each row a
 * group of its own, its bag unnested beside its number, a row kept for an empty or null bag) and which are TODOs at
 * their own line and column. What the translated ones compute is proven against Pig by the cli module's
 * PigBagFieldBlocksDifferentialTest.
 */
class NestedBlockOverBagFieldTest {

    private static final String LOAD =
            "a = load 'in' as (id:int, m:map[], items:bag{t:(x:int, y:chararray)}, more:bag{t:(z:int)});\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = foreach a { f = filter items by x > 1; generate id, COUNT(f), SUM(f.x); }          | id, x, y
            r = foreach a { o = order items by x desc; l = limit o 2; generate id, flatten(l); }   | id, x, y
            r = foreach a { d = distinct items.y; generate id, d, COUNT(items); }                  | id, items, x, y
            r = foreach a { f = filter more by z > 0; generate COUNT(f); }                         | z
            r = foreach a { f = filter items by x > 1; o = order f by x; generate id, flatten(o), COUNT(f); } | id, x, y
            r = foreach a { f = filter items by x > 1; o = order f by x desc; l = limit o 2; d = distinct items.y; generate id, SUM(f.x), l, flatten(f), d; } | id, x, y
            r = foreach a { f = filter $2 by $0 > 1; generate $0, COUNT(f); }                      | id, x, y
            r = foreach a { o = order $2 by x desc; generate flatten($0), o; }                    | id, x, y
            """)
    void translatesOverTheBagsTuplesBesideTheRowsNumber(String statement, String columns) {
        Diagnostics diagnostics = new Diagnostics();
        SqlJob job = PigParser.parse(LOAD + statement + "\nstore r into 'out';\n", "t.pig", diagnostics)
                .flatMap(script -> PigToSql.translate(script, "job", diagnostics))
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
        SqlJob.View unnested = job.views().stream()
                .filter(v -> v.query() instanceof SqlQuery.Select s && s.from() instanceof SqlQuery.Unnest)
                .findFirst()
                .orElseThrow();
        SqlQuery.Unnest from = (SqlQuery.Unnest) ((SqlQuery.Select) unnested.query()).from();
        // LEFT JOIN UNNEST: a row whose bag is empty or null stays, as the group whose bag is empty.
        assertTrue(from.keepsEmpty());
        List<String> names = unnested.columns().stream().map(c -> c.name()).toList();
        assertEquals("row_id", names.get(0));
        assertTrue(names.contains("is_tuple"), names.toString());
        // The row's number, then the row's fields the GENERATE reads, the marker, the tuple's fields.
        assertEquals(
                columns,
                String.join(
                        ", ",
                        names.stream()
                                .filter(n -> !n.equals("row_id") && !n.equals("is_tuple"))
                                .toList()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = foreach a { f = filter items by x > 1; g = filter more by z > 1; generate id, COUNT(f), COUNT(g); } | 3:5 | a nested block over two bag fields of a relation
            r = foreach a { f = filter items by x > 1; generate *, COUNT(f); }            | 3:5 | reading the map field 'm' beside a nested block over a bag field
            r = foreach a { f = filter items by x > 1; generate m#'k', COUNT(f); }        | 3:5 | reading the map field 'm' beside a nested block over a bag field
            r = foreach a { f = filter items by x > 1; generate id, flatten(items), COUNT(f); } | 3:57 | FLATTEN of a bag value (not a GROUP's bag)
            """)
    void reportedWhereItIs(String statement, String position, String message) {
        Diagnostic error =
                NotTranslatedYetTest.onlyError(LOAD.replace("\n", "\n\n") + statement + "\nstore r into 'out';\n");
        assertEquals("PIG-E020 t.pig:" + position, error.code().id() + " " + error.span());
        assertTrue(error.message().contains(message), error.message());
    }
}
