package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A field range among a call's arguments ({@code TOBAG($1..)}, {@code CONCAT(a..b)}, found in public scripts) stands
 * for each field it spans, the open end the input's last. Each row runs in real Pig 0.18 and in Flink on the same
 * input: null fields, unicode, a short line, a value that does not cast, and an empty input.
 */
class PigFieldRangeArgumentsDifferentialTest extends DifferentialTest {

    /** id, a, b, c — tab separated. */
    static final String ROWS =
            String.join("\n", "r1\tmilk\tbread\t3", "r2\t\tzoë\t", "r3\tmilk", "r4\teggs\teggs\tx", "r5\tÖl\tmilk\t-1")
                    + "\n";

    static final String LOAD = "rows = LOAD '$INPUT' AS (id:chararray, a:chararray, b:chararray, c:int);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "TOBAG($1..): a bag of the fields from $1 to the last, flattened into a row each",
                        ROWS,
                        LOAD + "r = FOREACH rows GENERATE id, FLATTEN(TOBAG($1..$2));\n"),
                Arguments.of(
                        "a named range and an open start, in TOTUPLE and CONCAT",
                        ROWS,
                        LOAD + "r = FOREACH rows GENERATE CONCAT(a..b), TOTUPLE(..b), TOTUPLE($2..$3);\n"),
                Arguments.of(
                        "an open end to the last field beside other arguments, counted by SIZE",
                        ROWS,
                        LOAD + "r = FOREACH rows GENERATE id, SIZE(TOBAG(a..)), CONCAT(id, a..b);\n"),
                Arguments.of(
                        "the bags of a range grouped and counted (the pairs of products of one receipt)",
                        ROWS,
                        LOAD + "p = FOREACH rows GENERATE FLATTEN(TOBAG(a..b)) AS product;\n"
                                + "g = GROUP p BY product;\nr = FOREACH g GENERATE group, COUNT(p);\n"),
                Arguments.of(
                        "over an empty input writes nothing", "", LOAD + "r = FOREACH rows GENERATE TOBAG(a..c);\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, false);
    }
}
