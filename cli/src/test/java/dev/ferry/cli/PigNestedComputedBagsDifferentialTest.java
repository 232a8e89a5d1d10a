package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A nested FOREACH computing values of a nested ORDER's bag ({@code s = ORDER rows BY ts; t = FOREACH s GENERATE ts *
 * 2, UPPER(url); GENERATE group, t;}), of a FILTER of one, of a LIMIT of one, and the LIMIT of an ORDER read whole:
 * Pig's bag of the computed tuples in the ORDER's order. A bag has no order to the comparison, so every case also
 * stores {@code BagToString} of the bag, a chararray in the bag's order. Each row runs in real Pig 0.18 and in Flink
 * on the same input: a null key (its own group), a null ts (first ascending, last descending), a group none of whose
 * rows passes the FILTER ({@code {}}), ties under the ORDER between equal tuples only, unicode, a null and an empty
 * bag field, and an empty input. Beside them, FLATTEN of the GROUP's own bag beside aggregates (Pig's empty-bag rule:
 * no row for a group whose FLATTENed bag is empty).
 */
class PigNestedComputedBagsDifferentialTest extends DifferentialTest {

    private static final String VISITS = PigNestedChainsDifferentialTest.VISITS;

    private static final String GROUP_VISITS = PigNestedChainsDifferentialTest.GROUP_VISITS;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "values of a nested ORDER's tuples, unnamed, in the ORDER's order (a null ts first)",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts;\n"
                                + "  t = FOREACH s GENERATE ts * 2, UPPER(url);\n"
                                + "  GENERATE group, t, BagToString(t, '|');\n};\n"),
                Arguments.of(
                        "ORDER by two keys descending then ascending, a field and a named value, counted and summed",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts DESC, url;\n"
                                + "  t = FOREACH s GENERATE url, ts * 2 AS t2;\n"
                                + "  GENERATE group, BagToString(t, '|'), COUNT(t), SUM(t.t2);\n};\n"),
                Arguments.of(
                        "values of an ORDERed FILTER: a group none of whose rows passes has {} and ''",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  f = FILTER rows BY ts > 100;\n  s = ORDER f BY ts DESC;\n"
                                + "  t = FOREACH s GENERATE CONCAT(url, '!') AS u, ts - 100 AS d;\n"
                                + "  GENERATE group, t, BagToString(t, '|');\n};\n"),
                Arguments.of(
                        "values of a FILTER of an ORDER, a bincond among them",
                        VISITS,
                        GROUP_VISITS
                                + "r = FOREACH g {\n  s = ORDER rows BY url, ts;\n  f = FILTER s BY ts IS NOT NULL;\n"
                                + "  t = FOREACH f GENERATE url, (ts > 200 ? 'hi' : 'lo') AS lvl;\n"
                                + "  GENERATE group, BagToString(t, '|');\n};\n"),
                Arguments.of(
                        "values of a LIMIT of an ORDER: the top 2 of each group, in the ORDER's order",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts DESC;\n  l = LIMIT s 2;\n"
                                + "  t = FOREACH l GENERATE ts / 10, url;\n  GENERATE group, t, BagToString(t, '|');\n};\n"),
                Arguments.of(
                        "a LIMIT of an ORDER read whole, alone and beside the GROUP's bag: in the ORDER's order",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts;\n  l = LIMIT s 3;\n"
                                + "  GENERATE group, BagToString(l, '|'), COUNT(rows);\n};\n"),
                Arguments.of(
                        "values of a nested ORDER's tuples FLATTENed: a row per tuple (the order within a group is"
                                + " not the output's)",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts;\n"
                                + "  t = FOREACH s GENERATE ts * 2 AS t2, url;\n  GENERATE group, FLATTEN(t);\n};\n"),
                Arguments.of(
                        "over a bag field: values of a nested ORDER of it (a null and an empty bag: {}, '')",
                        PigBagFieldBlocksDifferentialTest.ITEMS,
                        PigBagFieldBlocksDifferentialTest.LOAD_ITEMS
                                + "r = FOREACH a {\n  s = ORDER items BY x DESC;\n"
                                + "  t = FOREACH s GENERATE x + 1 AS x1, CONCAT(y, '.');\n"
                                + "  GENERATE id, t, BagToString(t, '|');\n};\n"),
                Arguments.of(
                        "over a bag field: values of an ORDERed FILTER, by a chararray then an int descending",
                        PigBagFieldBlocksDifferentialTest.ITEMS,
                        PigBagFieldBlocksDifferentialTest.LOAD_ITEMS
                                + "r = FOREACH a {\n  f = FILTER items BY x > 1;\n  s = ORDER f BY y, x DESC;\n"
                                + "  t = FOREACH s GENERATE UPPER(y) AS u, x * x;\n"
                                + "  GENERATE id, COUNT(t), BagToString(t, '|');\n};\n"),
                Arguments.of(
                        "over a COGROUP: values of a nested ORDER of one input's bag, the other counted",
                        VISITS,
                        PigNestedBlocksDifferentialTest.LOAD_VISITS
                                + "other = LOAD '$INPUT' USING PigStorage('\\t') AS (user:chararray, url:chararray,"
                                + " ts:long);\nbig = FILTER other BY ts > 200 AND user IS NOT NULL;\n"
                                + "c = COGROUP rows BY user, big BY user;\n"
                                + "r = FOREACH c {\n  s = ORDER rows BY ts DESC;\n"
                                + "  t = FOREACH s GENERATE ts * 2 AS t2, url;\n"
                                + "  GENERATE group, t, BagToString(t, '|'), COUNT(big);\n};\n"),
                Arguments.of(
                        "LIMIT 1 of a projection of an ORDER: each group's url of the greatest ts (unequal urls)",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts DESC;\n  p = s.url;\n  l = LIMIT p 1;\n"
                                + "  GENERATE group, l;\n};\n"),
                Arguments.of(
                        "DISTINCT of a projection of an ORDER: the distinct urls (Pig's sorted distinct bag), counted",
                        VISITS,
                        GROUP_VISITS
                                + "r = FOREACH g {\n  s = ORDER rows BY ts DESC;\n  p = s.url;\n  d = DISTINCT p;\n"
                                + "  GENERATE group, d, BagToString(d, '|'), COUNT(d);\n};\n"),
                Arguments.of(
                        "FLATTEN of a nested alias of a projection of an ORDER (p = s.url): a row per tuple",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts DESC;\n  p = s.url;\n"
                                + "  GENERATE group, FLATTEN(p), COUNT(rows);\n};\n"),
                Arguments.of(
                        "FLATTEN of the GROUP's own bag field beside aggregates: a row per tuple, the null key's COUNT 0",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g GENERATE group, FLATTEN(rows.ts), COUNT(rows), SUM(rows.ts);\n"),
                Arguments.of(
                        "FLATTEN of a nested FILTER beside an aggregate of the whole bag: no row for an empty bag",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  f = FILTER rows BY ts > 100;\n"
                                + "  GENERATE group, FLATTEN(f), COUNT(rows);\n};\n"),
                Arguments.of(
                        "the first block over an empty input: no group, no row",
                        "",
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts;\n"
                                + "  t = FOREACH s GENERATE ts * 2, UPPER(url);\n"
                                + "  GENERATE group, t, BagToString(t, '|');\n};\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, false);
    }
}
