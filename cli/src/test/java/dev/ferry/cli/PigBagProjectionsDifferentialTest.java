package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code g.(a, b)}: several fields of a GROUP's or COGROUP's bag, the bag of tuples of those fields (found in
 * public scripts: {@code park_team_years.(park_id, year_id)}). Each row runs in real Pig 0.18 and in Flink on the
 * same input: null fields, a null key, unicode, duplicate tuples, a key only one COGROUP input has (its other bag
 * is empty), and an empty input. Bags compare as multisets (Pig's bags have no order).
 */
class PigBagProjectionsDifferentialTest extends DifferentialTest {

    /** team, park, year, games — tab separated. */
    static final String ROWS = String.join(
                    "\n",
                    "BOS\tFenway\t1912\t77",
                    "BOS\tFenway\t1912\t77",
                    "BOS\tHuntington\t\t5",
                    "NYA\tPolo Grounds\t1913\t",
                    "NYA\tYankee Stadium\t1923\t81",
                    "\tÉstadio\t2001\t3",
                    "CHN\t\t1914\t76")
            + "\n";

    static final String LOAD = "rows = LOAD '$INPUT' AS (team:chararray, park:chararray, year:int, games:long);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "two fields of a GROUP's bag by name, and by position in another order",
                        ROWS,
                        LOAD + "g = GROUP rows BY team;\n"
                                + "r = FOREACH g GENERATE group, rows.(park, year), rows.($3, $1);\n"),
                Arguments.of(
                        "beside a one-field projection and an aggregate of the projected bag",
                        ROWS,
                        LOAD + "g = GROUP rows BY team;\n"
                                + "r = FOREACH g GENERATE group, rows.park, COUNT(rows.(park, year)), rows.(year, games);\n"),
                Arguments.of(
                        "of GROUP ALL: one bag of every row",
                        ROWS,
                        LOAD + "g = GROUP rows ALL;\nr = FOREACH g GENERATE rows.(team, park);\n"),
                Arguments.of(
                        "of a GROUP by two keys, beside the flattened keys",
                        ROWS,
                        LOAD + "h = GROUP rows BY (team, year);\n"
                                + "r = FOREACH h GENERATE FLATTEN(group), rows.(park, games);\n"),
                Arguments.of(
                        "of a nested FILTER's bag (a group none of whose rows passes has {})",
                        ROWS,
                        LOAD + "g = GROUP rows BY team;\n"
                                + "r = FOREACH g { f = FILTER rows BY games > 10L; GENERATE group, f.(park, year); };\n"),
                Arguments.of(
                        "of both COGROUP inputs: a key only one input has gives the other's {}",
                        ROWS,
                        LOAD + "more = FILTER rows BY year > 1912;\n"
                                + "c = COGROUP rows BY team, more BY team;\n"
                                + "r = FOREACH c GENERATE group, rows.(park, games), more.(year, park);\n"),
                Arguments.of(
                        "over an empty input writes nothing",
                        "",
                        LOAD + "g = GROUP rows BY team;\nr = FOREACH g GENERATE group, rows.(park, year);\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, false);
    }
}
