package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.sql.SqlQuery;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chains of nested aliases ({@code s = ORDER rows BY ts; t = FOREACH s GENERATE url, ts; GENERATE group, t}: the
 * sorted bag projected, {@code u = FILTER t BY ts > 1; SUM(u.ts)}: the FILTER's condition on the group's rows) and
 * FLATTEN of a bincond of two bags ({@code FLATTEN((b is null ? {(null, null)} : b))}: one ARRAY type for both
 * branches, unnested). What each computes is proven against Pig by the cli module's PigNestedChainsDifferentialTest
 * and PigFlattenBincondDifferentialTest; here, the form of the SQL each becomes, and the forms that stay TODOs.
 */
class NestedChainsAndBagBincondsTest {

    private static final String LOAD = "rows = load 'in' as (user:chararray, url:chararray, ts:long);\n"
            + "g = group rows by user;\n"
            + "a = load 'bags' as (id:int, items:bag{t:(x:int, y:chararray)}, names:bag{t:(n:chararray)});\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = foreach g { s = order rows by ts desc; t = foreach s generate url, ts; generate group, t; }       | t | PIG_BAG_PROJECT(PIG_BAG_SORT(ARRAY_AGG(ROW(user, url, ts)), '2d'), 1, 2)
            r = foreach g { s = order rows by ts; t = foreach s generate ts, url; generate group, t; }            | t | PIG_BAG_PROJECT(PIG_BAG_SORT(ARRAY_AGG(ROW(user, url, ts)), '2a'), 2, 1)
            r = foreach g { f = filter rows by ts > 1; t = foreach f generate ts; u = filter t by ts < 9; generate group, SUM(u.ts); } | sum_ts | SUM(ts)
            r = foreach a { s = order items by x desc; t = foreach s generate y, x; generate id, t; }            | t | PIG_BAG_PROJECT(COALESCE(PIG_BAG_SORT(CAST(ARRAY_AGG(ROW(x, y))), '0d'), ARRAY_SLICE(ARRAY(CAST(null)), 2, 1)), 1, 0)
            r = foreach g { s = order rows by ts; t = foreach s generate url, ts * 2 as t2; generate group, t; } | t | PIG_BAG_PROJECT(PIG_BAG_SORT(ARRAY_AGG(ROW(user, url, ts, url, ts MULTIPLY 2)), '2a'), 3, 4)
            r = foreach g { f = filter rows by ts > 1; s = order f by ts desc, url; t = foreach s generate UPPER(url); generate group, t; } | t | PIG_BAG_PROJECT(COALESCE(PIG_BAG_SORT(CAST(ARRAY_AGG(ROW(user, url, ts, UPPER(url)))), '2d,1a'), ARRAY_SLICE(ARRAY(CAST(null)), 2, 1)), 3)
            r = foreach g { s = order rows by url; f = filter s by ts > 1; t = foreach f generate ts - 1 as d; generate group, SUM(t.d), t; } | t | PIG_BAG_PROJECT(COALESCE(PIG_BAG_SORT(CAST(ARRAY_AGG(ROW(user, url, ts, ts SUBTRACT 1))), '1a'), ARRAY_SLICE(ARRAY(CAST(null)), 2, 1)), 3)
            r = foreach a { s = order items by x desc; t = foreach s generate x + 1 as x1, CONCAT(y, '.'); generate id, t; } | t | PIG_BAG_PROJECT(COALESCE(PIG_BAG_SORT(CAST(ARRAY_AGG(ROW(x, y, x ADD 1, CONCAT(y, '.')))), '0d'), ARRAY_SLICE(ARRAY(CAST(null)), 2, 1)), 2, 3)
            """)
    void nestedChainsAreOneAggregate(String statement, String column, String expected) {
        SqlJob job = translated(statement);
        SqlJob.View r = view(job, "r");
        SqlQuery.Select select = (SqlQuery.Select) r.query();
        SqlExpr item = select.items().stream()
                .filter(i -> column.equals(i.alias()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(select.items()))
                .expr();
        assertEquals(expected, shape(item));
        // One view per alias: the chain adds none (a block over a bag field has its unnested rows: RowBags).
        assertEquals(
                List.of(),
                job.views().stream()
                        .map(SqlJob.View::name)
                        .filter(n -> n.startsWith("r_") && !n.equals("r_items"))
                        .toList());
    }

    /** Several fields projected of a bag no ORDER sorts: a view (the key, a row per tuple) that DISTINCT, CROSS, FLATTEN read. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = foreach g { t = foreach rows generate url, ts; generate group, COUNT(t); }                  | r_t
            r = foreach g { t = foreach rows generate url, ts; d = distinct t; generate group, COUNT(d), d; } | r_t
            r = foreach g { f = filter rows by ts > 1; t = foreach f generate url, ts; generate group, flatten(t); } | r_t
            r = foreach g { s = order rows by ts; t = foreach s generate ts * 2 as t2; generate group, flatten(t); } | r_t
            r = foreach g { s = order rows by ts; t = foreach s generate url, ts; generate group, flatten(t), COUNT(t); } | r_t
            """)
    void unsortedProjectionsAreAView(String statement, String view) {
        assertTrue(translated(statement).views().stream().anyMatch(v -> v.name().equals(view)));
    }

    /** {@code p = s.url; GENERATE FLATTEN(p)}: FLATTEN of the bag's own field, a row per tuple (Pig's names). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = foreach g { s = order rows by ts desc; p = s.url; generate group, flatten(p); }     | group, url
            r = foreach g { p = rows.ts; generate group, flatten(p), COUNT(rows); }                | group, ts, count
            """)
    void flattenOfANestedProjectionIsOfItsBag(String statement, String columns) {
        assertEquals(
                columns,
                view(translated(statement), "r").columns().stream()
                        .map(c -> c.name())
                        .collect(Collectors.joining(", ")));
    }

    /**
     * A nested LIMIT of an ORDER keeps the ORDER's order (Pig's POLimit passes the sorted tuples on): the rows it keeps
     * are a view, and its bag, read whole or by a FOREACH computing values of it, is sorted again by the same keys.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = foreach g { s = order rows by ts desc; l = limit s 2; generate group, l; }                       | l | PIG_BAG_SORT(ARRAY_AGG(ROW(user, url, ts)), '2d')
            r = foreach g { s = order rows by ts desc, url; l = limit s 2; generate group, l, COUNT(rows); }     | bag | PIG_BAG_SORT(CAST(ARRAY_AGG(ROW(user, url, ts))), '2d,1a')
            r = foreach g { s = order rows by ts desc; l = limit s 2; t = foreach l generate ts / 10; generate group, t; } | bag_f0 | PIG_BAG_SORT(CAST(ARRAY_AGG(ROW(user, url, ts, ts DIVIDE 10))), '2d')
            """)
    void aLimitOfAnOrderKeepsItsOrder(String statement, String column, String expected) {
        // Beside the GROUP's bag, the LIMIT's rows are collected in a per-key table of their own (a COGROUP's).
        List<SqlQuery.SelectItem> items = new java.util.ArrayList<>();
        selects(view(translated(statement), "r").query(), items);
        SqlExpr item = items.stream()
                .filter(i -> column.equals(i.alias()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(items))
                .expr();
        assertEquals(expected, shape(item));
    }

    /** The items of a query and of the queries in its FROM, outermost first. */
    private static void selects(SqlQuery query, List<SqlQuery.SelectItem> items) {
        if (query instanceof SqlQuery.Select select) {
            items.addAll(select.items());
            from(select.from(), items);
        }
    }

    private static void from(SqlQuery.From from, List<SqlQuery.SelectItem> items) {
        if (from instanceof SqlQuery.Derived derived) {
            selects(derived.query(), items);
        } else if (from instanceof SqlQuery.Join join) {
            from(join.left(), items);
            from(join.right(), items);
        }
    }

    /**
     * Pig names the flattened fields as the bincond's left branch names them (Pig 0.18's DESCRIBE): x and y where it is
     * the bag field, none where it is a constructor; the constructor's nulls take the other branch's types.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = foreach a generate id, flatten((items is null ? {(null, null)} : items));          | id, flattened_0, flattened_1 | CASE(IS NULL(items) -> ARRAY(CAST(ROW(CAST(null), CAST(null)))), NOT(IS NULL(items)) -> CAST(items))
            r = foreach a generate id, flatten((id > 2 ? items : {(null, 'none')}));               | id, x, y | CASE(id > 2 -> CAST(items), NOT(id > 2) -> ARRAY(CAST(ROW(CAST(null), 'none'))))
            r = foreach a generate id, flatten((IsEmpty(names) ? {('-')} : names));                | id, flattened_0 | CASE(PIG_ISEMPTY(names) -> ARRAY(CAST(ROW('-'))), NOT(PIG_ISEMPTY(names)) -> CAST(names))
            r = foreach a generate id, flatten(items), flatten((items is null ? {(0, 'z')} : items)); | id, x, y, flattened_0, flattened_1 | CASE(IS NULL(items) -> ARRAY(CAST(ROW(0, 'z'))), NOT(IS NULL(items)) -> CAST(items))
            """)
    void flattenOfABincondOfBagsIsOneUnnest(String statement, String columns, String bag) {
        SqlJob job = translated(statement);
        SqlJob.View r = view(job, "r");
        assertEquals(columns, r.columns().stream().map(c -> c.name()).collect(Collectors.joining(", ")));
        SqlQuery.From from = ((SqlQuery.Select) r.query()).from();
        // The last FLATTEN is the outermost UNNEST; its collection is COALESCE(CAST(bag), one null tuple).
        SqlQuery.Unnest unnest = (SqlQuery.Unnest) from;
        SqlExpr.Call coalesce = (SqlExpr.Call) unnest.collection();
        assertEquals("COALESCE", coalesce.function());
        assertEquals(bag, shape(((SqlExpr.Cast) coalesce.arguments().get(0)).operand()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = foreach a generate id, flatten((items is null ? {(1)} : items));                   | 4:36 | a bincond of two bags whose tuples are not of the same known width
            r = foreach a generate id, flatten((items is null ? {('a', 'b')} : items));            | 4:36 | a bincond of two bags whose tuples' field 1 is a chararray on one side and a int on the other
            r = foreach g { p = rows.url; s = order p by url; t = foreach s generate UPPER(url); generate group, t; } | 4:51 | a nested FOREACH computing values of a projected, DISTINCT or schema-less (LOAD without AS) bag
            r = foreach g { s = order rows by ts; t = foreach s generate flatten(TOBAG(url, url)); generate group, t; } | 4:62 | a FLATTEN inside a nested FOREACH
            r = foreach g { s = order rows by ts; l = limit s 2; generate group, l, COUNT(s); } | 4:39 | a nested LIMIT of a nested ORDER read beside that ORDER by one reader: Pig 0.18 fails
            r = foreach g { s = order rows by ts; l = limit s 2; f = filter s by ts > 0; generate group, COUNT(f); } | 4:39 | a nested LIMIT that nothing reads, of a nested ORDER read elsewhere: Pig 0.18 fails
            r = foreach g { s = order rows by ts; l = limit s 2; m = limit s 3; generate group, l, m; } | 4:39 | two nested LIMITs of one nested ORDER
            r = foreach g { f = filter rows by ts > 0; generate group, flatten(f.url), flatten(f.ts); } | 4:76 | a second FLATTEN of the bag 'f'
            """)
    void reportedWhereItIs(String statement, String position, String message) {
        Diagnostic error = NotTranslatedYetTest.onlyError(LOAD + statement + "\nstore r into 'out';\n");
        assertEquals("PIG-E020 t.pig:" + position, error.code().id() + " " + error.span());
        assertTrue(error.message().contains(message), error.message());
    }

    private static SqlJob translated(String statement) {
        Diagnostics diagnostics = new Diagnostics();
        return PigParser.parse(LOAD + statement + "\nstore r into 'out';\n", "t.pig", diagnostics)
                .flatMap(script -> PigToSql.translate(script, "job", diagnostics))
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
    }

    private static SqlJob.View view(SqlJob job, String name) {
        return job.views().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        job.views().stream().map(SqlJob.View::name).toList()));
    }

    /** The expression's calls and columns, types left out: {@code F(a, CAST(b))}. */
    private static String shape(SqlExpr expr) {
        if (expr instanceof SqlExpr.Call call) {
            return call.function() + "(" + shapes(call.arguments()) + ")";
        }
        if (expr instanceof SqlExpr.Aggregate aggregate) {
            return aggregate.function() + "(" + (aggregate.arguments().isEmpty() ? "*" : shapes(aggregate.arguments()))
                    + ")";
        }
        if (expr instanceof SqlExpr.ColumnRef ref) {
            return ref.name();
        }
        if (expr instanceof SqlExpr.Literal literal) {
            return literal.value() instanceof String text ? "'" + text + "'" : String.valueOf(literal.value());
        }
        if (expr instanceof SqlExpr.Cast cast) {
            return "CAST(" + shape(cast.operand()) + ")";
        }
        if (expr instanceof SqlExpr.RowOf row) {
            return "ROW(" + shapes(row.fields()) + ")";
        }
        if (expr instanceof SqlExpr.ArrayOf array) {
            return "ARRAY(" + shapes(array.elements()) + ")";
        }
        if (expr instanceof SqlExpr.IsNull isNull) {
            return (isNull.negated() ? "IS NOT NULL(" : "IS NULL(") + shape(isNull.operand()) + ")";
        }
        if (expr instanceof SqlExpr.Unary unary) {
            return unary.operator() + "(" + shape(unary.operand()) + ")";
        }
        if (expr instanceof SqlExpr.Binary binary) {
            return shape(binary.left()) + " " + (binary.operator() == SqlExpr.BinaryOp.GT ? ">" : binary.operator())
                    + " " + shape(binary.right());
        }
        if (expr instanceof SqlExpr.Case c) {
            return "CASE("
                    + c.whens().stream()
                            .map(w -> shape(w.condition()) + " -> " + shape(w.result()))
                            .collect(Collectors.joining(", "))
                    + ")";
        }
        return expr.getClass().getSimpleName();
    }

    private static String shapes(List<SqlExpr> exprs) {
        return exprs.stream().map(NestedChainsAndBagBincondsTest::shape).collect(Collectors.joining(", "));
    }
}
