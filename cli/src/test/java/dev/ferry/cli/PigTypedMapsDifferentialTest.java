package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Maps of typed values: a LOAD's {@code m:map[int]} (and long, float, double),
 * {@code (map[int])} and {@code (map[chararray])} of a loaded bytearray, {@code (map[int])} of a loaded map[]. Pig reads every map value as bytes and casts
 * each to the declared type, null where it cannot; real Pig 0.18 and the translation run on the same input: a value
 * that is no number, an empty value, a fraction, a long too large for an int, an empty map, a null map, unicode.
 */
class PigTypedMapsDifferentialTest extends DifferentialTest {

    /** name, m (a map), raw (a map's text, or not). */
    static final String INPUT = String.join(
                    "\n",
                    "ann\t[a#1,b#x,c#2.7]\t[k#5,j#y]",
                    "bob\t[]\t",
                    "cid\t\t[k#]",
                    "dan\t[a#-3,b#99999999999,c#1e3]\t[k#1e3]",
                    "zoë\t[é#4,a# 7]\tnot a map")
            + "\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "a LOAD's map[int]: each value cast as a loaded int (a fraction truncated, text null)",
                        load("map[int]")
                                + "r = FOREACH rows GENERATE name, m#'a', m#'b', m#'c', m#'é', m#'a' + 1, m;\n"),
                Arguments.of(
                        "a LOAD's map[long]",
                        load("map[long]") + "r = FOREACH rows GENERATE name, m#'a' * 2L, m#'b', m#'c', m;\n"),
                Arguments.of(
                        "a LOAD's map[double] and map[float]",
                        load("map[double]")
                                + "f = LOAD '$INPUT' USING PigStorage('\\t') AS (n:chararray, m:map[float]);\n"
                                + "j = JOIN rows BY name, f BY n;\n"
                                + "r = FOREACH j GENERATE name, rows::m#'c', rows::m#'a' / 2, f::m#'c', rows::m, f::m;\n"),
                Arguments.of(
                        "a map[int]'s values filtered and summed per group",
                        load("map[int]") + "f = FILTER rows BY m#'a' IS NOT NULL;\np = FOREACH f GENERATE m#'a' AS a;\n"
                                + "g = GROUP p ALL;\nr = FOREACH g GENERATE SUM(p.a), COUNT(p);\n"),
                Arguments.of(
                        "(map[int]) and (map[chararray]) of a loaded bytearray",
                        "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, m, raw);\n"
                                + "c = FOREACH rows GENERATE name, (map[int]) raw AS i, (map[double]) raw AS d,"
                                + " (map[chararray]) raw AS s, (map[chararray]) m AS t;\n"
                                + "r = FOREACH c GENERATE name, i#'k', d, UPPER(s#'j'), t;\n"),
                Arguments.of(
                        "(map[int]) of a LOAD's map[]: each value converted as the load caster converts it",
                        load("map[]") + "c = FOREACH rows GENERATE name, (map[int]) m AS i;\n"
                                + "r = FOREACH c GENERATE name, i#'a', i#'b', i#'c', i#'a' + 1, i;\n"),
                Arguments.of(
                        "(map[double]) of a LOAD's map[], summed per group",
                        load("map[]") + "c = FOREACH rows GENERATE name, (map[double]) m AS d;\n"
                                + "p = FOREACH c GENERATE d#'c' AS v;\n"
                                + "g = GROUP p ALL;\nr = FOREACH g GENERATE SUM(p.v), COUNT(p);\n"));
    }

    private static String load(String mapType) {
        return "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, m:" + mapType + ", raw);\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        assertSameRows(semantic, INPUT, body + STORE_R, false);
    }
}
