package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shapes of public Pig scripts that real Pig 0.18 accepts and Ferry stopped at with a hard error (issue #15, a fresh
 * sample of public scripts): names a later statement reads (FLATTEN of a group's field, a range '$0 .. $n', $0 of a
 * GROUP), FLATTEN of a loaded map under AS names, and a nested alias assigned twice. Each row is a script written for this test, run in real Pig and
 * in Flink on the same input: nulls, an empty and a null map, unicode, ties.
 */
class PigAcceptedShapesDifferentialTest extends DifferentialTest {

    /** id, site, year, amount, tags (a map) — tab separated. */
    static final String INPUT = String.join(
                    "\n",
                    "1\tnorth\t2020\t2.5\t[a#x,b#y]",
                    "2\tsouth\t2021\t1.25\t[a#z]",
                    "3\tnorth\t2020\t4.0\t[]",
                    "4\t\t2021\t\t",
                    "5\tnörd\t\t0.5\t[é#ü,a#x]",
                    "1\tnorth\t2020\t3.0\t[c#]")
            + "\n";

    static final String LOAD =
            "rows = LOAD '$INPUT' AS (id:int, site:chararray, year:int, amount:double, tags:map[]);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "FLATTEN of a group tuple's fields keeps their names: FLATTEN(group.year) is year",
                        LOAD + "g = GROUP rows BY (year, site);\n"
                                + "c = FOREACH g GENERATE group, COUNT(rows) AS n;\n"
                                + "p = FOREACH c GENERATE FLATTEN(group.year), FLATTEN(group.site), FLATTEN(n);\n"
                                + "r = FOREACH p GENERATE site, year, n + 1L;\n"),
                Arguments.of(
                        "a range $0 .. $2 passes its fields on with their names, read through a GROUP's bag",
                        LOAD + "p = FOREACH rows GENERATE $0 .. $2, amount * 2 AS twice;\n"
                                + "g = GROUP p BY site;\n"
                                + "r = FOREACH g GENERATE group, SUM(p.twice), COUNT(p.year);\n"),
                Arguments.of(
                        "$0 of a GROUP of two keys is the group tuple, named group",
                        LOAD + "g = GROUP rows BY (id, site);\n"
                                + "p = FOREACH g GENERATE $0, COUNT(rows) AS n;\n"
                                + "r = FOREACH p GENERATE group.site, group.id, n;\n"),
                Arguments.of(
                        "FLATTEN(map) AS (k, v): a row per entry, none for an empty map, one of nulls for a null map",
                        LOAD + "p = FOREACH rows GENERATE id, FLATTEN(tags) AS (k, v);\n"
                                + "r = FOREACH p GENERATE id, k, v;\n"),
                Arguments.of(
                        "a nested alias assigned twice: LIMIT best 2 reads the ORDERed best, GENERATE the LIMITed one",
                        LOAD + "g = GROUP rows BY site;\n"
                                + "r = FOREACH g {\n"
                                + "    best = ORDER rows BY amount DESC, id;\n"
                                + "    best = LIMIT best 2;\n"
                                + "    GENERATE group, FLATTEN(best.id);\n"
                                + "}\n"),
                Arguments.of(
                        "a nested FILTER of its own alias: each FILTER narrows the rows before it",
                        LOAD + "g = GROUP rows BY year;\n"
                                + "r = FOREACH g {\n"
                                + "    f = FILTER rows BY amount > 1.0;\n"
                                + "    f = FILTER f BY site != 'north';\n"
                                + "    GENERATE group, COUNT(f), COUNT(rows);\n"
                                + "}\n"),
                Arguments.of(
                        "TOP's bag holds its bag's tuples: FLATTEN of it in a later FOREACH gives them back by name",
                        LOAD + "q = FOREACH rows GENERATE id, site, amount;\n"
                                + "g = GROUP q BY site;\n"
                                + "t = FOREACH g GENERATE group, TOP(2, 2, q) AS best;\n"
                                + "r = FOREACH t GENERATE group, FLATTEN(best);\n"),
                Arguments.of(
                        "FLATTEN(map) AS word grouped by word: the key is the named field",
                        LOAD + "p = FOREACH rows GENERATE FLATTEN(tags) AS word;\n"
                                + "g = GROUP p BY word;\n"
                                + "r = FOREACH g GENERATE group, COUNT(p), COUNT_STAR(p);\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        assertSameRows(semantic, INPUT, body + STORE_R, false);
    }
}
