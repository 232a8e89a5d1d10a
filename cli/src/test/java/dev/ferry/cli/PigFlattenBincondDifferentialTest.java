package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FLATTEN of a bincond whose branches are bags, the idiom that keeps a row where a bag is null or empty
 * ({@code FLATTEN((b is null ? {(null, null)} : b))}, {@code FLATTEN((IsEmpty(b) ? {(0)} : b))}). Each row runs in
 * real Pig 0.18 and in Flink on the same input: an empty bag (FLATTEN drops the row unless the bincond replaces it), a
 * null bag, a null condition (Pig's bincond is then null, and FLATTEN of a null bag one row of nulls), a tuple with a
 * null field, equal rows, unicode, an empty input; beside a FLATTEN of the bag itself (their cross product).
 */
class PigFlattenBincondDifferentialTest extends DifferentialTest {

    static final String ITEMS = PigBagFieldBlocksDifferentialTest.ITEMS;

    static final String LOAD_ITEMS = PigBagFieldBlocksDifferentialTest.LOAD_ITEMS;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "a null bag replaced by a tuple of nulls: one row of nulls; an empty bag still no row",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a GENERATE id, FLATTEN((items is null ? {(null, null)} : items));\n"),
                Arguments.of(
                        "an empty bag replaced by a default tuple (the null bag filtered out first: IsEmpty fails on it)",
                        ITEMS,
                        LOAD_ITEMS + "n = FILTER a BY items is not null;\n"
                                + "r = FOREACH n GENERATE id, FLATTEN((IsEmpty(items) ? {(0, 'none')} : items));\n"),
                Arguments.of(
                        "the bag on the left, a constructor on the right; a null id makes the condition null",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a GENERATE id, FLATTEN((id > 2 ? items : {(null, 'ü')}));\n"),
                Arguments.of(
                        "a bag of one field (a projection) with a default of one field, null or empty",
                        ITEMS,
                        LOAD_ITEMS + "b = FOREACH a GENERATE id, items.x AS xs;\n"
                                + "r = FOREACH b GENERATE id, FLATTEN((xs is null or IsEmpty(xs) ? {(-1)} : xs));\n"),
                Arguments.of(
                        "beside a FLATTEN of the bag itself: the cross product of the two, per row",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a GENERATE id, FLATTEN(items),"
                                + " FLATTEN((items is null ? {(null, 'none')} : items));\n"),
                Arguments.of(
                        "a default of two tuples, named by AS, and a later FILTER on a named field",
                        ITEMS,
                        LOAD_ITEMS + "f = FOREACH a GENERATE id,"
                                + " FLATTEN((items is null ? {(0, 'none'), (1, 'ü')} : items)) AS (p, q);\n"
                                + "r = FILTER f BY p < 3;\n"),
                Arguments.of(
                        "the bincond stored whole, not flattened",
                        ITEMS,
                        LOAD_ITEMS + "r = FOREACH a GENERATE id, (items is null ? {(0, 'none')} : items);\n"),
                Arguments.of(
                        "an empty input: no row",
                        "",
                        LOAD_ITEMS
                                + "r = FOREACH a GENERATE id, FLATTEN((items is null ? {(null, null)} : items));\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, false);
    }
}
