package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A field range among a call's arguments ({@code TOBAG($1..)}, {@code CONCAT(a..b)}, found in public scripts) stands
 * for each field it spans, the open end the input's last. Each row runs in real Pig 0.18 and in Flink on the same
 * input: null fields, unicode, a short line, a value that does not cast, and an empty input; and over the lines of a
 * LOAD without AS (Pig knows no width there: a closed range is that many fields, an open one each line's rest).
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

    /**
     * Lines of a LOAD without AS, comma separated: four fields, two, one, a trailing empty field, an empty line, unicode
     * and a tab inside a field.
     */
    static final String LINES = String.join("\n", "a,b,c,d", "e,f", "g", "h,i,", "", "zoë,Öl,x\ty", "k,,m") + "\n";

    static final String LOAD_LINES = "raw = LOAD '$INPUT' USING PigStorage(',');\n";

    static Stream<Arguments> lineCases() {
        return Stream.of(
                Arguments.of(
                        "FLATTEN(TOBAG($1..)): a row per field after the first, none for a line of one field",
                        LOAD_LINES + "r = FOREACH raw GENERATE FLATTEN(TOBAG($1..));\n"),
                Arguments.of(
                        "FLATTEN(TOBAG($2..)) beside $0, grouped and counted (the products of each receipt)",
                        LOAD_LINES + "p = FOREACH raw GENERATE $0, FLATTEN(TOBAG($2..));\n"
                                + "g = GROUP p BY $1;\nr = FOREACH g GENERATE group, COUNT(p);\n"),
                Arguments.of(
                        "a closed range is that many fields, null past a line's end",
                        LOAD_LINES + "r = FOREACH raw GENERATE $0..$2, '|', $3..$3;\n"),
                Arguments.of(
                        "a closed range as arguments: CONCAT($0..$1), TOTUPLE($1..$3)",
                        LOAD_LINES + "r = FOREACH raw GENERATE CONCAT($0..$1), TOTUPLE($1..$3);\n"),
                Arguments.of(
                        "an open range is the rest of each line, stored with its own width",
                        LOAD_LINES + "r = FOREACH raw GENERATE $1..;\n"),
                Arguments.of(
                        "the rest of each line beside other fields: none after $0 for a line of two, one empty for"
                                + " 'h,i,'",
                        LOAD_LINES + "r = FOREACH raw GENERATE $0, $2..;\n"),
                Arguments.of(
                        "the rest of each line beside other fields, FILTERed by position (Pig 0.18 fails a FOREACH"
                                + " reading it by position: ERROR 2000 MergeForEach)",
                        LOAD_LINES + "s = FOREACH raw GENERATE $0, $2..;\nr = FILTER s BY $0 != 'g';\n"),
                Arguments.of(
                        "a closed range beside an open one", LOAD_LINES + "r = FOREACH raw GENERATE $1..$1, $3..;\n"),
                Arguments.of(
                        "the rest of each line stored with another delimiter",
                        LOAD_LINES
                                + "r = FOREACH raw GENERATE $1..;\nSTORE r INTO '$OUTPUT' USING PigStorage(';');\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineCases")
    void overTheLinesOfALoadWithoutAsFlinkAgreesWithPig(String semantic, String body) throws Exception {
        assertSameRows(semantic, LINES, body.contains("STORE") ? body : body + STORE_R, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, false);
    }
}
