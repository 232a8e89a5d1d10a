package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pig's biginteger and bigdecimal, LOADed from PigStorage text, against real Pig 0.18 on the same input: a scale kept
 * (1.50), an exponent (1e3 printed 1E+3, 2.5E-7), a negative zero (-0.000), numbers far past 38 digits, a null. Pig
 * prints BigInteger.toString() and BigDecimal.toString(), divides bigdecimals at scale max(6, a.scale + b.precision
 * + 1) HALF_UP, takes % of bigintegers as BigInteger.mod, widens int &lt; long &lt; float &lt; double &lt; biginteger &lt;
 * bigdecimal, compares by compareTo, and fails the job on text BigInteger or BigDecimal cannot parse.
 */
class PigBigNumbersDifferentialTest extends DifferentialTest {

    /** n, x (biginteger), y (bigdecimal), i (int). */
    static final String INPUT = String.join(
                    "\n",
                    "a\t1\t1.50\t1",
                    "b\t12345678901234567890123456789012345678901234\t1e3\t2",
                    "c\t0\t-0.000\t0",
                    "d\t\t\t",
                    "e\t-7\t2.5E-7\t-7",
                    "f\t30\t12345678901234567890.123456789012345678901234\t30",
                    "g\t-13\t0.1\t5",
                    "h\t-4\t1.5\t-4",
                    "b\t99999999999999999999\t-1E+1\t3",
                    "i\t5\t2E+2\t9")
            + "\n";

    static final String LOAD =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (n:chararray, x:biginteger, y:bigdecimal, i:int);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("loaded and stored as Pig prints them", "r = FOREACH rows GENERATE n, x, y;\n"),
                Arguments.of(
                        "arithmetic of each type, an int operand widened",
                        "r = FOREACH rows GENERATE n, x + 1, y + 1, x * 2, y * y, x - i, y - i, -x, -y, x % 5;\n"),
                Arguments.of(
                        "division: bigintegers truncate, bigdecimals at Pig's scale, a zero divisor null",
                        "r = FOREACH rows GENERATE n, x / 2, y / 3, x / 0, y / 0, 10BD / 4BD, 1BD / 3BD, x / i;\n"),
                Arguments.of(
                        "mixed types: biginteger + double is a biginteger, biginteger + bigdecimal a bigdecimal",
                        "r = FOREACH rows GENERATE n, x + 1.5, x + y, y + 2.5f, x + 1L, y + 1.5, (x IS NULL ? 0 : x);\n"),
                Arguments.of(
                        "constants",
                        "r = FOREACH rows GENERATE n, 123BI, 1.5BD, -7BI, -0.50BD, 12345678901234567890123BI * 2;\n"),
                Arguments.of(
                        "casts to and from the other types",
                        "r = FOREACH rows GENERATE n, (int) x AS c1, (long) x AS c2, (double) x AS c3, (float) y AS c4,"
                                + " (double) y AS c5, (int) y AS c6, (chararray) y AS c7, (biginteger) y AS c8,"
                                + " (bigdecimal) x AS c9, (bigdecimal) (chararray) y AS c10, (biginteger) 2.7,"
                                + " (bigdecimal) 0.1f, (bigdecimal) i AS c11, (biginteger) (i * 1.9);\n"),
                Arguments.of(
                        "comparisons by value: 1.50 == 1.5",
                        "r = FILTER rows BY y == 1.5BD OR x > 1000 OR y < 0 OR x IN (30, -7);\n"),
                Arguments.of(
                        "a biginteger compared with an int and a double",
                        "r = FILTER rows BY x >= i AND x < 31.5 AND y != 0;\n"),
                Arguments.of(
                        "ORDER by a bigdecimal, then by name: by value, nulls first",
                        "o = ORDER rows BY y, n;\nr = FOREACH o GENERATE n, y;\n"),
                Arguments.of(
                        "ORDER by a biginteger descending",
                        "o = ORDER rows BY x DESC, n;\nr = FOREACH o GENERATE n, x;\n"),
                Arguments.of(
                        "SUM, AVG, MIN, MAX per group",
                        "g = GROUP rows BY n;\nr = FOREACH g GENERATE group, SUM(rows.x), SUM(rows.y), AVG(rows.x),"
                                + " AVG(rows.y), MIN(rows.x), MAX(rows.x), MIN(rows.y), MAX(rows.y), COUNT(rows.y);\n"),
                Arguments.of(
                        "JOIN by a bigdecimal: equal texts join, 1.50 does not join 1.5 (in Pig 0.18's JOIN, unlike its GROUP)",
                        "a = FILTER rows BY n == 'a' OR n == 'g';\nh = FILTER rows BY n != 'a';\n"
                                + "j = JOIN a BY y, h BY y;\nr = FOREACH j GENERATE a::n, a::y, h::n, h::y;\n"),
                Arguments.of(
                        "GROUP and JOIN by a biginteger, an int key widened",
                        "g = GROUP rows BY x;\nc = FOREACH g GENERATE group, COUNT(rows);\n"
                                + "j = JOIN c BY group, rows BY i;\nr = FOREACH j GENERATE c::group, n, y;\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        boolean ordered = body.startsWith("o = ORDER ");
        assertSameRows(semantic, INPUT, LOAD + body + STORE_R, ordered);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a biginteger field that is no integer", "ann\t3.0\t1\n", "For input string: \"3.0\""),
                Arguments.of("a bigdecimal field with a space", "ann\t3\t 1.5\n", "NumberFormatException"));
    }

    /** Pig's Utf8StorageConverter does not catch BigInteger's and BigDecimal's NumberFormatException: the job fails. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void unparsableTextFailsTheJobAsInPig(String semantic, String input, String says) throws Exception {
        Path file = Files.writeString(tmp.resolve("input.tsv"), input);
        Path script = Files.writeString(
                tmp.resolve("case.pig"),
                "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (n:chararray, x:biginteger, y:bigdecimal);\n"
                        + "r = FOREACH rows GENERATE n, x, y;\nSTORE r INTO '$OUTPUT';\n");
        PigVsFlink.Failure failure = PigVsFlink.failure(tmp, script, Map.of("INPUT", file.toString()));
        assertTrue(failure.pigLog().contains("NumberFormatException"), semantic + ": Pig's log: " + failure.pigLog());
        assertTrue(failure.flinkSays(says), semantic + ": " + failure.flink());
    }
}
