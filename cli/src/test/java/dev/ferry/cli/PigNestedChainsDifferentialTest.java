package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chains of nested aliases inside one FOREACH block: a nested FOREACH projecting fields of a nested ORDER, FILTER,
 * DISTINCT or LIMIT ({@code s = ORDER x BY ts; t = FOREACH s GENERATE a, b; GENERATE group, t;}), and nested commands
 * over such a projection; a block over a bag field read by position. Each row runs in real Pig 0.18 and in Flink on
 * the same input: a null key (its own group), a group whose rows all fail the FILTER (an empty bag), ties under the
 * ORDER between equal tuples only (unequal tied tuples would come in an order Pig does not promise), null fields
 * (sorted first), unicode, and an empty input.
 */
class PigNestedChainsDifferentialTest extends DifferentialTest {

    /** {@link PigNestedBlocksDifferentialTest#VISITS} and a second equal row (a tie between equal tuples). */
    static final String VISITS = PigNestedBlocksDifferentialTest.VISITS + "dan\tq.com\t101\n";

    static final String GROUP_VISITS = PigNestedBlocksDifferentialTest.LOAD_VISITS + "g = GROUP rows BY user;\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "a nested FOREACH projecting two fields of a nested ORDER, stored whole: Pig's sorted order",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts DESC;\n"
                                + "  t = FOREACH s GENERATE url, ts;\n  GENERATE group, t;\n};\n"),
                Arguments.of(
                        "the same, ascending (a null ts first), the projection's fields swapped, read by BagToString",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts;\n"
                                + "  t = FOREACH s GENERATE ts, url;\n  GENERATE group, BagToString(t, '|'), COUNT(t);\n};\n"),
                Arguments.of(
                        "a projection of an ORDERed FILTER (a group none of whose rows passes: {})",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  f = FILTER rows BY ts > 100;\n  s = ORDER f BY ts DESC;\n"
                                + "  t = FOREACH s GENERATE url, ts;\n  GENERATE group, t, SUM(t.ts);\n};\n"),
                Arguments.of(
                        "a projection of a nested FILTER, FILTERed again, its field read as u.ts",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  f = FILTER rows BY ts > 100;\n"
                                + "  t = FOREACH f GENERATE ts;\n  u = FILTER t BY ts < 450;\n"
                                + "  GENERATE group, COUNT(u), SUM(u.ts), MAX(t.ts);\n};\n"),
                Arguments.of(
                        "a projection of two fields of the GROUP's bag, stored whole and counted",
                        VISITS,
                        GROUP_VISITS + "r = FOREACH g {\n  t = FOREACH rows GENERATE ts, url;\n"
                                + "  GENERATE group, COUNT(t), SUM(t.ts);\n};\n"),
                Arguments.of(
                        "the same block over an empty input: no group, no row",
                        "",
                        GROUP_VISITS + "r = FOREACH g {\n  s = ORDER rows BY ts DESC;\n"
                                + "  t = FOREACH s GENERATE url, ts;\n  GENERATE group, t;\n};\n"),
                Arguments.of(
                        "over a bag field of a plain relation: a projection of two fields of a nested ORDER",
                        PigBagFieldBlocksDifferentialTest.ITEMS,
                        PigBagFieldBlocksDifferentialTest.LOAD_ITEMS
                                + "r = FOREACH a {\n  s = ORDER items BY x DESC;\n"
                                + "  t = FOREACH s GENERATE y, x;\n  GENERATE id, t;\n};\n"),
                Arguments.of(
                        "over a bag field read by position: FILTER $1 BY $0 (the tuple's field), ORDER $1, GENERATE $0",
                        PigBagFieldBlocksDifferentialTest.ITEMS,
                        PigBagFieldBlocksDifferentialTest.LOAD_ITEMS
                                + "r = FOREACH a {\n  f = FILTER $1 BY $0 > 1;\n  o = ORDER $1 BY x DESC;\n"
                                + "  GENERATE $0, COUNT(f), o;\n};\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, false);
    }
}
