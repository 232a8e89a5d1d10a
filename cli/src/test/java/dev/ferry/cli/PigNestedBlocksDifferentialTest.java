package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nested constructs Ferry used to leave as TODOs: a bag inside a loaded bag (read, flattened twice, stored), and
 * the nested FOREACH block's commands beside each other. Each row runs in real Pig 0.18 and in Flink on the same
 * dirty input: empty and null bags, a malformed inner bag or map (Pig then discards the whole field), null fields,
 * unicode.
 */
class PigNestedBlocksDifferentialTest extends DifferentialTest {

    /** name, b: a bag of (n:int, tags:bag{(v:chararray)}, attrs:map[]). */
    static final String DEEP = String.join(
                    "\n",
                    "ann\t{(1,{(x),(y)},[k#v1]),(2,{},[j#w])}",
                    "bob\t{}",
                    "cid\t",
                    "dan\t{(3,{(zoë),(é),(x)},[k#ü])}",
                    "eve\t{(,{(q)},[k#])}",
                    "fay\t{(4,,[a#b])}",
                    "gus\t{(5,{(r)},[])}",
                    "hal\t{(6,{(s),(s)},[k#(1,2)]),(7,{(t)},[k#{(u)}])}")
            + "\n";

    static final String LOAD_DEEP = "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray,"
            + " b:bag{t:tuple(n:int, tags:bag{tag:tuple(v:chararray)}, attrs:map[])});\n";

    /** user, url, ts: a null user (the null group), a null ts, a group none of whose rows passes ts > 100, unicode. */
    static final String VISITS = String.join(
                    "\n",
                    "ann\ta.com\t150",
                    "ann\tb.com\t120",
                    "ann\ta.com\t90",
                    "ann\tc.com\t300",
                    "bob\tx.com\t50",
                    "bob\ty.com\t",
                    "\tz.com\t200",
                    "\tz.com\t210",
                    "cid\té.com\t500",
                    "cid\tü.com\t400",
                    "cid\té.com\t450",
                    "dan\tq.com\t101")
            + "\n";

    static final String LOAD_VISITS =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (user:chararray, url:chararray, ts:long);\n";

    /** k, x, y: a null key (one group), null x and y, a group of one row, a group whose FILTERs keep nothing. */
    static final String PAIRS = "1\t1\t10\n1\t2\t20\n1\t3\t\n2\t5\t50\n\t7\t70\n\t8\t\n3\t\t30\n4\t0\t99\n";

    static final String LOAD_PAIRS =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, x:int, y:int);\n" + "g = GROUP rows BY k;\n";

    /**
     * PAIRS read twice and COGROUPed, rows by k and other by its second field: keys 1, 2, 3 on both sides, 4 only
     * in rows, 5, 7, 8 and 0 only in other, a null key on both sides (two groups: COGROUP keeps them apart).
     */
    static final String COGROUP_PAIRS = "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, x:int, y:int);\n"
            + "other = LOAD '$INPUT' USING PigStorage('\\t') AS (a:int, b:int, c:int);\n"
            + "g = COGROUP rows BY k, other BY b;\n";

    /** k, v, s: ties on v broken by s, null v and s, accented letters (String order: e before é), a null-only row. */
    static final String SORTED = "1\t3\tb\n1\t1\ta\n1\t3\ta\n1\t\tz\n1\t2\t\n2\t5\té\n2\t5\te\n2\t5\t\n3\t\t\n";

    static final String LOAD_SORTED =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, v:int, s:chararray);\n" + "g = GROUP rows BY k;\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "a nested ORDER's bag read whole keeps Pig's order (BagToString shows it): nulls first"
                                + " ascending, last descending",
                        SORTED,
                        LOAD_SORTED + "r = FOREACH g {\n  o = ORDER rows BY v DESC, s;\n"
                                + "  GENERATE group, o, BagToString(o, '|'), COUNT(o);\n};\n"),
                Arguments.of(
                        "a nested ORDER by positions ($1 DESC, $2) read whole, as by the fields' names",
                        SORTED,
                        LOAD_SORTED + "r = FOREACH g {\n  o = ORDER rows BY $1 DESC, $2;\n"
                                + "  GENERATE group, o, BagToString(o, '|');\n};\n"),
                Arguments.of(
                        "a nested ORDER of a projected field by $0, read whole and through BagToString",
                        SORTED,
                        LOAD_SORTED + "r = FOREACH g {\n  p = rows.s;\n  o = ORDER p BY $0 DESC;\n"
                                + "  GENERATE group, o, BagToString(o, '>');\n};\n"),
                Arguments.of(
                        "a FILTER of a nested ORDER's bag keeps its order; TOP of the ordered bag",
                        SORTED,
                        LOAD_SORTED + "r = FOREACH g {\n  o = ORDER rows BY s;\n  f = FILTER o BY v > 1;\n"
                                + "  GENERATE group, BagToString(f, '|'), TOP(1, 2, o);\n};\n"),
                Arguments.of(
                        "a projection of a nested ORDER's bag dropping its sort key keeps the order (a path string)",
                        SORTED,
                        LOAD_SORTED + "r = FOREACH g {\n  o = ORDER rows BY v DESC, s;\n  p = o.s;\n"
                                + "  GENERATE group, BagToString(p, '>'), BagToString(o.s, '<');\n};\n"),
                Arguments.of(
                        "a nested CROSS of two projections, a FOREACH computing over the pairs, aggregates of both"
                                + " (COUNT skips a pair whose first field is null)",
                        PAIRS,
                        LOAD_PAIRS + "r = FOREACH g {\n  xs = rows.x;\n  ys = rows.y;\n  pairs = CROSS xs, ys;\n"
                                + "  sums = FOREACH pairs GENERATE xs::x + ys::y AS s;\n"
                                + "  GENERATE group, SUM(sums.s), COUNT(pairs), COUNT_STAR(pairs), COUNT(sums);\n};\n"),
                Arguments.of(
                        "a nested CROSS of two FILTERed bags flattened: no row for a group where either keeps none",
                        PAIRS,
                        LOAD_PAIRS
                                + "r = FOREACH g {\n  big = FILTER rows BY x > 1;\n  small = FILTER rows BY y < 60;\n"
                                + "  p = CROSS big, small;\n  GENERATE group, FLATTEN(p);\n};\n"),
                Arguments.of(
                        "a nested CROSS of the group's bag and a FILTER of it, stored whole ({} where empty) beside"
                                + " COUNT of the group",
                        PAIRS,
                        LOAD_PAIRS + "r = FOREACH g {\n  small = FILTER rows BY y < 60;\n"
                                + "  p = CROSS rows, small;\n  GENERATE group, p, COUNT(rows);\n};\n"),
                Arguments.of(
                        "COGROUP: a nested CROSS of two FILTERed bags flattened; the inputs' null keys never pair",
                        PAIRS,
                        COGROUP_PAIRS
                                + "r = FOREACH g {\n  f = FILTER rows BY x > 1;\n  s = FILTER other BY c < 60;\n"
                                + "  p = CROSS f, s;\n  GENERATE group, FLATTEN(p), COUNT(rows);\n};\n"),
                Arguments.of(
                        "COGROUP: MAX, SUM, COUNT and COUNT_STAR of a nested CROSS (null where a side is empty) beside"
                                + " COUNT of an input",
                        PAIRS,
                        COGROUP_PAIRS + "r = FOREACH g {\n  p = CROSS rows, other;\n"
                                + "  GENERATE group, MAX(p.x), SUM(p.c), COUNT(p), COUNT_STAR(p), COUNT(other);\n};\n"),
                Arguments.of(
                        "COGROUP: a nested CROSS of an input and a FILTER of the other stored whole ({} for a key"
                                + " either side lacks, and for both null groups)",
                        PAIRS,
                        COGROUP_PAIRS + "r = FOREACH g {\n  s = FILTER other BY c IS NOT NULL;\n"
                                + "  p = CROSS rows, s;\n  GENERATE group, p, IsEmpty(p);\n};\n"),
                Arguments.of(
                        "COGROUP: a CROSS of a bag with a FILTER of itself pairs the rows of one input's null group",
                        PAIRS,
                        COGROUP_PAIRS + "r = FOREACH g {\n  s = FILTER rows BY y IS NOT NULL;\n"
                                + "  p = CROSS rows, s;\n  GENERATE group, COUNT_STAR(p), COUNT(other), p;\n};\n"),
                Arguments.of(
                        "COGROUP: a nested DISTINCT of a projection stored whole (the null group's values too)",
                        PAIRS,
                        COGROUP_PAIRS + "r = FOREACH g {\n  d = DISTINCT other.c;\n"
                                + "  GENERATE group, d, COUNT(d), rows;\n};\n"),
                Arguments.of(
                        "COGROUP: FLATTEN of an input beside COUNT of it, the null-key group's rows counted too",
                        PAIRS,
                        COGROUP_PAIRS + "r = FOREACH g GENERATE group, FLATTEN(rows), COUNT(rows), COUNT(other);\n"),
                Arguments.of(
                        "a nested LIMIT of a DISTINCT projection: the smallest values, a null first (Pig's distinct bag"
                                + " is sorted); stored whole beside counts",
                        PAIRS,
                        LOAD_PAIRS + "r = FOREACH g {\n  d = DISTINCT rows.y;\n  l = LIMIT d 2;\n"
                                + "  GENERATE group, l, COUNT(l), COUNT(rows);\n};\n"),
                Arguments.of(
                        "a nested LIMIT 1 of a DISTINCT of whole rows flattened: each group's smallest row",
                        PAIRS,
                        LOAD_PAIRS + "r = FOREACH g {\n  d = DISTINCT rows;\n  l = LIMIT d 1;\n"
                                + "  GENERATE group, FLATTEN(l);\n};\n"),
                Arguments.of(
                        "a nested LIMIT of a projection: as many rows as Pig keeps (which ones is arbitrary)",
                        PAIRS,
                        LOAD_PAIRS + "r = FOREACH g {\n  p = rows.x;\n  l = LIMIT p 2;\n"
                                + "  GENERATE group, COUNT_STAR(l), IsEmpty(l);\n};\n"),
                Arguments.of(
                        "a GROUP's bag of tuples holding a tuple, flattened: the tuple stays one field",
                        PAIRS,
                        "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, x:int, y:int);\n"
                                + "p = FOREACH rows GENERATE k, (x, y) AS t;\ng = GROUP p BY k;\n"
                                + "c = FOREACH g GENERATE group, p;\nr = FOREACH c GENERATE group, FLATTEN(p);\n"),
                Arguments.of(
                        "a nested DISTINCT counted beside a FILTERed bag stored whole and MIN / MAX of it",
                        PAIRS,
                        LOAD_PAIRS + "r = FOREACH g {\n  f = FILTER rows BY x > 1;\n  d = DISTINCT f.y;\n"
                                + "  GENERATE group, COUNT(d), MIN(f.x), MAX(rows.y), f;\n};\n"),
                Arguments.of(
                        "a nested FOREACH computing a value per tuple, aggregated and stored whole",
                        PAIRS,
                        LOAD_PAIRS + "r = FOREACH g {\n  d = FOREACH rows GENERATE x * 2 AS dx, (chararray) y;\n"
                                + "  GENERATE group, SUM(d.dx), MAX(d.dx), d;\n};\n"),
                Arguments.of(
                        "a nested LIMIT of a FILTERed, ORDERed bag beside a DISTINCT: a group none of whose rows passes"
                                + " has an empty top bag; the null user is one group",
                        VISITS,
                        LOAD_VISITS + "g = GROUP rows BY user;\nr = FOREACH g {\n  visits = rows.url;\n"
                                + "  uniq = DISTINCT visits;\n  recent = FILTER rows BY ts > 100L;\n"
                                + "  sorted = ORDER recent BY ts DESC;\n  top = LIMIT sorted 2;\n"
                                + "  GENERATE group, COUNT(uniq) AS urls, top, IsEmpty(top), SUM(top.ts);\n};\n"),
                Arguments.of(
                        "a nested LIMIT flattened beside an aggregate of the GROUP's whole bag",
                        VISITS,
                        LOAD_VISITS + "g = GROUP rows BY user;\nr = FOREACH g {\n  o = ORDER rows BY ts DESC;\n"
                                + "  top = LIMIT o 2;\n  GENERATE group, COUNT(rows), FLATTEN(top);\n};\n"),
                Arguments.of(
                        "GROUP ALL: the 3 smallest ts (a null ts first, as Pig sorts nulls) beside COUNT and MAX of all",
                        VISITS,
                        LOAD_VISITS + "g = GROUP rows ALL;\nr = FOREACH g {\n  o = ORDER rows BY ts;\n"
                                + "  t = LIMIT o 3;\n  GENERATE COUNT(rows), MAX(rows.ts), t, COUNT(t);\n};\n"),
                Arguments.of(
                        "a bag inside a loaded bag, stored whole: an inner bag or map Pig cannot read discards the field",
                        DEEP,
                        LOAD_DEEP + "r = FOREACH rows GENERATE name, b, SIZE(b);\n"),
                Arguments.of(
                        "FLATTEN of a loaded bag, then of the bag inside its tuples; a map value read by key",
                        DEEP,
                        LOAD_DEEP + "f = FOREACH rows GENERATE name, FLATTEN(b);\n"
                                + "r = FOREACH f GENERATE name, n, FLATTEN(tags), attrs#'k';\n"),
                Arguments.of(
                        "the inner bag of a flattened tuple stored whole, its size, and a function of it",
                        DEEP,
                        LOAD_DEEP + "f = FOREACH rows GENERATE name, FLATTEN(b);\n"
                                + "r = FOREACH f GENERATE name, n, tags, SIZE(tags), BagToString(tags, '|');\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, orders(body));
    }
}
