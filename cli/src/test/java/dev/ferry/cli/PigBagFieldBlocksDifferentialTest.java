package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nested FOREACH blocks over a bag field of a plain relation (not a GROUP's bag): Pig runs the block once per row,
 * over that row's bag. Each row runs in real Pig 0.18 and in Flink on the same input: two equal rows (each keeps its
 * own result), an empty bag and a null bag (a nested FILTER, ORDER or DISTINCT of either is an empty bag: COUNT 0, SUM
 * null; FLATTEN of it drops the row; COUNT of the null bag itself is null), a tuple with a null field, a null row key,
 * unicode. Ties under a nested ORDER whose LIMIT cuts between them are avoided: the rows kept would be arbitrary. Also
 * the forms these blocks share with GROUP and COGROUP blocks: IsEmpty and FLATTEN of a nested FILTER beside aggregates,
 * a nested LIMIT of an ORDERed COGROUP input, a nested CROSS of a DISTINCT.
 */
class PigBagFieldBlocksDifferentialTest extends DifferentialTest {

    /** id, items: a bag of (x:int, y:chararray). */
    static final String ITEMS = String.join(
                    "\n",
                    "1\t{(1,a),(2,b),(3,c)}",
                    "1\t{(1,a),(2,b),(3,c)}",
                    "2\t{}",
                    "3\t",
                    "4\t{(5,z),(5,z),(,q)}",
                    "5\t{(2,é),(3,ü),(4,é)}",
                    "\t{(7,n)}")
            + "\n";

    static final String LOAD_ITEMS =
            "a = LOAD '$INPUT' USING PigStorage('\\t') AS (id:int, items:bag{t:(x:int, y:chararray)});\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "COUNT, SUM and MAX of a nested FILTER (0 and null for an empty or null bag), the FILTER and an"
                                + " ORDER of it stored whole",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  o = ORDER f BY x DESC;\n"
                                + "  GENERATE id, COUNT(f), SUM(f.x), MAX(o.x), f, o;\n};\n"),
                Arguments.of(
                        "FLATTEN of a nested FILTER: no row for an empty or null bag, both equal rows kept",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  GENERATE id, FLATTEN(f);\n};\n"),
                Arguments.of(
                        "a nested DISTINCT of a projection stored whole and counted; COUNT of the bag itself (null for"
                                + " the null bag), SIZE",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  d = DISTINCT items.y;\n"
                                + "  GENERATE id, d, COUNT(d), COUNT(items), SIZE(items);\n};\n"),
                Arguments.of(
                        "a nested LIMIT of an ORDERed FILTER stored whole, with the sum of what it keeps",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  o = ORDER f BY x DESC;\n"
                                + "  l = LIMIT o 1;\n  GENERATE id, l, SUM(l.x);\n};\n"),
                Arguments.of(
                        "COUNT_STAR of a nested FILTER counts a tuple whose first field is null; the bag read whole",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY y != 'a';\n"
                                + "  GENERATE id, COUNT_STAR(f), COUNT(f), items;\n};\n"),
                Arguments.of(
                        "FLATTEN of a nested ORDER of a FILTER: the rows, none for an empty or null bag",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  o = ORDER f BY x DESC;\n"
                                + "  GENERATE id, FLATTEN(o);\n};\n"),
                Arguments.of(
                        "FLATTEN of a nested LIMIT 2 of an ORDERed FILTER (no ties at the cut)",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  o = ORDER f BY x DESC;\n"
                                + "  l = LIMIT o 2;\n  GENERATE id, FLATTEN(l);\n};\n"),
                Arguments.of(
                        "a nested LIMIT of a DISTINCT projection: the smallest value (Pig's distinct bag is sorted)",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  d = DISTINCT items.y;\n  l = LIMIT d 1;\n"
                                + "  GENERATE id, l;\n};\n"),
                Arguments.of(
                        "a nested CROSS of two projections of the bag, counted (0 for an empty or null bag) and summed",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  xs = items.x;\n  ys = items.y;\n  p = CROSS xs, ys;\n"
                                + "  GENERATE id, COUNT(p), SUM(p.x);\n};\n"),
                Arguments.of(
                        "a nested FOREACH computing a value per tuple, summed and stored whole",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  s = FOREACH items GENERATE x * 2 AS dx;\n"
                                + "  GENERATE id, SUM(s.dx), s;\n};\n"),
                Arguments.of(
                        "a nested ORDER read whole keeps Pig's order (BagToString shows it; a null x sorts first)",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  o = ORDER items BY x;\n"
                                + "  GENERATE id, o, BagToString(o, '|');\n};\n"),
                Arguments.of(
                        "a bag made by TOKENIZE in an earlier FOREACH (null for a null id): a nested FILTER by position",
                        ITEMS,
                        LOAD_ITEMS + "b = FOREACH a GENERATE id, TOKENIZE(CONCAT((chararray) id, ' x y')) AS toks;\n"
                                + "r = FOREACH b {\n  f = FILTER toks BY $0 != 'x';\n  GENERATE id, COUNT(f), f;\n};\n"),
                Arguments.of(
                        "a bag made by TOBAG (a null id is a tuple with a null field)",
                        ITEMS,
                        LOAD_ITEMS + "b = FOREACH a GENERATE id, TOBAG(id, 7) AS tb;\n"
                                + "r = FOREACH b {\n  f = FILTER tb BY $0 > 3;\n  GENERATE id, COUNT(f), f;\n};\n"),
                Arguments.of(
                        "a bag kept through a JOIN (the key 1 joins twice on each side: four rows, each its own)",
                        ITEMS,
                        LOAD_ITEMS + "o = LOAD '$INPUT' USING PigStorage('\\t') AS (k:int, text:chararray);\n"
                                + "j = JOIN a BY id, o BY k;\n"
                                + "r = FOREACH j {\n  f = FILTER items BY x > 1;\n"
                                + "  GENERATE k, text, COUNT(f), SUM(f.x);\n};\n"),
                Arguments.of(
                        "FLATTEN of a nested ORDER of a FILTER beside COUNT of the FILTER and of the bag (a view of the"
                                + " FILTER's rows joined to the counts)",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  o = ORDER f BY x DESC;\n"
                                + "  GENERATE id, FLATTEN(o), COUNT(f), COUNT(items);\n};\n"),
                Arguments.of(
                        "GROUP: FLATTEN of a nested FILTER beside COUNT of it and of the group's bag",
                        ITEMS,
                        LOAD_ITEMS + "fl = FOREACH a GENERATE id, FLATTEN(items);\ng = GROUP fl BY id;\n"
                                + "r = FOREACH g {\n  f = FILTER fl BY x > 1;\n"
                                + "  GENERATE group, FLATTEN(f), COUNT(f), COUNT(fl);\n};\n"),
                Arguments.of(
                        "COGROUP: a nested LIMIT 2 of an input ORDERed, stored whole beside COUNT of the other input"
                                + " (each input's null key its own group; no ties at the cut)",
                        PigNestedBlocksDifferentialTest.PAIRS,
                        PigNestedBlocksDifferentialTest.COGROUP_PAIRS
                                + "r = FOREACH g {\n  o = ORDER rows BY x DESC;\n  l = LIMIT o 2;\n"
                                + "  GENERATE group, l, COUNT(other);\n};\n"),
                Arguments.of(
                        "COGROUP: FLATTEN of a nested LIMIT 1 of an ORDERed FILTER beside COUNT of the other input",
                        PigNestedBlocksDifferentialTest.PAIRS,
                        PigNestedBlocksDifferentialTest.COGROUP_PAIRS
                                + "r = FOREACH g {\n  f = FILTER rows BY x > 1;\n  o = ORDER f BY x DESC;\n"
                                + "  l = LIMIT o 1;\n  GENERATE group, FLATTEN(l), COUNT(other);\n};\n"),
                Arguments.of(
                        "COGROUP: SUM of a nested LIMIT 1 of the other input ORDERed, and the LIMIT whole",
                        PigNestedBlocksDifferentialTest.PAIRS,
                        PigNestedBlocksDifferentialTest.COGROUP_PAIRS
                                + "r = FOREACH g {\n  o = ORDER other BY c;\n  l = LIMIT o 1;\n"
                                + "  GENERATE group, COUNT(rows), SUM(l.c), l;\n};\n"),
                Arguments.of(
                        "a nested CROSS of a DISTINCT projection and the bag: the equal tuples pair once per distinct"
                                + " value",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  d = DISTINCT items.y;\n  p = CROSS d, items;\n"
                                + "  GENERATE id, COUNT(p), SUM(p.x);\n};\n"),
                Arguments.of(
                        "GROUP: a nested CROSS of a DISTINCT of whole rows and a FILTER, flattened",
                        PigNestedBlocksDifferentialTest.PAIRS,
                        PigNestedBlocksDifferentialTest.LOAD_PAIRS
                                + "r = FOREACH g {\n  d = DISTINCT rows;\n  f = FILTER rows BY y > 15;\n"
                                + "  p = CROSS d, f;\n  GENERATE group, FLATTEN(p);\n};\n"),
                Arguments.of(
                        "issue 15's block: FILTER, ORDER, LIMIT and DISTINCT of a bag field; SUM, the LIMIT and the"
                                + " DISTINCT whole beside FLATTEN of the FILTER (Pig 0.18 fails a FLATTEN of the ORDER"
                                + " that the LIMIT reads: ERROR 2225)",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  o = ORDER f BY x DESC;\n"
                                + "  l = LIMIT o 2;\n  d = DISTINCT items.y;\n"
                                + "  GENERATE id, SUM(f.x), l, FLATTEN(f), d;\n};\n"),
                Arguments.of(
                        "FLATTEN of a nested ORDER beside COUNT of its FILTER and a DISTINCT read whole",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  o = ORDER f BY x DESC;\n"
                                + "  d = DISTINCT items.y;\n  GENERATE id, COUNT(f), FLATTEN(o), d;\n};\n"),
                Arguments.of(
                        "the same block without FLATTEN: a row for every row, {} and 0 for an empty or null bag",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  o = ORDER f BY x DESC;\n"
                                + "  l = LIMIT o 2;\n  d = DISTINCT items.y;\n"
                                + "  GENERATE id, COUNT(f), SUM(f.x), l, d;\n};\n"),
                Arguments.of(
                        "GROUP: the same block over a GROUP's bag (the null key one group)",
                        ITEMS,
                        LOAD_ITEMS + "fl = FOREACH a GENERATE id, FLATTEN(items);\ng = GROUP fl BY id;\n"
                                + "r = FOREACH g {\n  f = FILTER fl BY x > 1;\n  o = ORDER f BY x DESC;\n"
                                + "  l = LIMIT o 2;\n  d = DISTINCT fl.y;\n"
                                + "  GENERATE group, SUM(f.x), l, FLATTEN(f), d;\n};\n"),
                Arguments.of(
                        "IsEmpty of a nested FILTER: true for an empty or null bag and where no tuple passes",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a {\n  f = FILTER items BY x > 2;\n"
                                + "  GENERATE id, IsEmpty(f), COUNT(f);\n};\n"),
                Arguments.of(
                        "GROUP: IsEmpty of a nested FILTER beside COUNT of the group's bag (the null key one group)",
                        ITEMS,
                        LOAD_ITEMS + "fl = FOREACH a GENERATE id, FLATTEN(items);\ng = GROUP fl BY id;\n"
                                + "r = FOREACH g {\n  f = FILTER fl BY x > 2;\n"
                                + "  GENERATE group, IsEmpty(f), COUNT(fl);\n};\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, false);
    }
}
