package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nested-block shapes Ferry used to leave as TODOs. A nested LIMIT of a nested ORDER that something else also
 * reads: Pig 0.18's NestedLimitOptimizer moves the LIMIT into the sort, so every reader of the ORDER sees the limited
 * bag. And FLATTEN of a projection of a bag: {@code FLATTEN(f.x)} of a nested FILTER, DISTINCT or FOREACH,
 * {@code FLATTEN(rows.(x, s))} of a GROUP's or COGROUP's bag; several FLATTENs of one bag (Pig's cross product); and
 * {@code GENERATE *} in a block over a bag field. Each row runs in real Pig 0.18 and in Flink on the same
 * input: a null key (one group), null fields, a group none of whose rows passes the FILTER (an empty bag, which FLATTEN
 * drops), ties between equal tuples only under each ORDER (so the LIMIT keeps the same rows), unicode, empty input.
 */
class PigNestedLimitsAndFlattensDifferentialTest extends DifferentialTest {

    /** k, x, s: group 1 ties on x = 3 between equal tuples; group 4's x is below every FILTER's bound. */
    static final String ROWS =
            "1\t3\tb\n1\t1\tá\n1\t3\tb\n1\t\tz\n1\t2\t\n2\t5\té\n2\t6\te\n\t7\tü\n\t8\t\n3\t\t\n" + "4\t-1\tq\n";

    static final String GROUP_ROWS =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, x:int, s:chararray);\n" + "g = GROUP rows BY k;\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "a FILTER of a LIMITed ORDER's bag reads the limited bag (two tuples at most), stored beside"
                                + " the LIMIT",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g {\n  o = ORDER rows BY x;\n  l = LIMIT o 2;\n"
                                + "  f = FILTER o BY x > 0;\n  GENERATE group, l, f, COUNT(f);\n};\n"),
                Arguments.of(
                        "COUNT and a projection of a LIMITed ORDER read in the GENERATE beside a FILTER of the LIMIT",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g {\n  o = ORDER rows BY x DESC;\n  l = LIMIT o 2;\n"
                                + "  f = FILTER l BY s IS NOT NULL;\n  GENERATE group, f, COUNT(o), o.s;\n};\n"),
                Arguments.of(
                        "a nested FOREACH of an ORDER written before the ORDER's LIMIT computes over the limited bag",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g {\n  o = ORDER rows BY x;\n  t = FOREACH o GENERATE x * 2;\n"
                                + "  l = LIMIT o 2;\n  GENERATE group, t, l;\n};\n"),
                Arguments.of(
                        "a projection of a LIMITed ORDER stored beside the LIMIT FLATTENed",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g {\n  o = ORDER rows BY x DESC;\n  l = LIMIT o 2;\n"
                                + "  p = FOREACH o GENERATE s;\n  GENERATE group, FLATTEN(l), p;\n};\n"),
                Arguments.of(
                        "the LIMITed ORDER read by a FILTER, over an empty input: no group, no row",
                        "",
                        GROUP_ROWS + "r = FOREACH g {\n  o = ORDER rows BY x;\n  l = LIMIT o 2;\n"
                                + "  f = FILTER o BY x > 0;\n  GENERATE group, l, f, COUNT(f);\n};\n"),
                Arguments.of(
                        "FLATTEN(f.x) of a nested FILTER: a row per passing tuple, none for group 4 (its bag empty)",
                        ROWS,
                        GROUP_ROWS
                                + "r = FOREACH g {\n  f = FILTER rows BY x > 0;\n  GENERATE group, FLATTEN(f.x);\n};\n"),
                Arguments.of(
                        "FLATTEN(f.(s, x)) of a nested FILTER: the fields in the projection's order",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g {\n  f = FILTER rows BY x > 1 OR s IS NULL;\n"
                                + "  GENERATE group, FLATTEN(f.(s, x));\n};\n"),
                Arguments.of(
                        "FLATTEN(rows.(s, x)) of the GROUP's bag beside COUNT of it (the null group's rows too)",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g GENERATE group, FLATTEN(rows.(s, x)), COUNT(rows);\n"),
                Arguments.of(
                        "FLATTEN(d.s) of a nested DISTINCT projection: each group's distinct values, a null one too",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g {\n  d = DISTINCT rows.s;\n  GENERATE group, FLATTEN(d.s);\n};\n"),
                Arguments.of(
                        "FLATTEN of a projection of a nested FOREACH of a FILTER",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g {\n  f = FILTER rows BY x > 0;\n  p = FOREACH f GENERATE x, s;\n"
                                + "  GENERATE group, FLATTEN(p.s);\n};\n"),
                Arguments.of(
                        "FLATTEN(t.(s, x)) of a nested FOREACH projecting the GROUP's bag",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g {\n  t = FOREACH rows GENERATE x, s;\n"
                                + "  GENERATE group, FLATTEN(t.(s, x));\n};\n"),
                Arguments.of(
                        "COGROUP: FLATTEN(rows.(s, x)) and FLATTEN(other.k): a key either input lacks gives no row,"
                                + " null keys never pair",
                        ROWS,
                        "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, x:int, s:chararray);\n"
                                + "other = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, x:int, s:chararray);\n"
                                + "g = COGROUP rows BY k, other BY x;\n"
                                + "r = FOREACH g GENERATE group, FLATTEN(rows.(s, x)), FLATTEN(other.k);\n"),
                Arguments.of(
                        "two FLATTENs of the GROUP's bag: their cross product per group (the null group's two rows"
                                + " with each other too)",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g GENERATE group, FLATTEN(rows.x), FLATTEN(rows.s);\n"),
                Arguments.of(
                        "FLATTEN of the GROUP's bag and of a projection of it, beside COUNT of the bag",
                        ROWS,
                        GROUP_ROWS + "r = FOREACH g GENERATE group, FLATTEN(rows), FLATTEN(rows.s), COUNT(rows);\n"),
                Arguments.of(
                        "GROUP ALL: three FLATTENs of the one bag, n x n x n rows",
                        "1\t1\tá\n2\t\tb\n\t3\t\n",
                        "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, x:int, s:chararray);\n"
                                + "g = GROUP rows ALL;\n"
                                + "r = FOREACH g GENERATE FLATTEN(rows.k), FLATTEN(rows.x), FLATTEN(rows.s);\n"),
                Arguments.of(
                        "COGROUP: two FLATTENs of one input beside a FLATTEN of the other; the input's own null keys"
                                + " are one group, never paired with the other input's",
                        ROWS,
                        "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, x:int, s:chararray);\n"
                                + "other = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, x:int, s:chararray);\n"
                                + "g = COGROUP rows BY k, other BY x;\n"
                                + "r = FOREACH g GENERATE group, FLATTEN(rows.x), FLATTEN(rows.s), FLATTEN(other.k);\n"),
                Arguments.of(
                        "a block over a bag field whose GENERATE reads '*': the row's fields, its bag whole, beside an"
                                + " aggregate of a FILTER of the bag (empty and null bags, equal rows, a null id)",
                        PigBagFieldBlocksDifferentialTest.ITEMS,
                        PigBagFieldBlocksDifferentialTest.LOAD_ITEMS
                                + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  GENERATE *, COUNT(f);\n};\n"),
                Arguments.of(
                        "two FLATTENs of the GROUP's bag over an empty input: no row",
                        "",
                        GROUP_ROWS + "r = FOREACH g GENERATE group, FLATTEN(rows.x), FLATTEN(rows.s);\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, orders(body));
    }
}
