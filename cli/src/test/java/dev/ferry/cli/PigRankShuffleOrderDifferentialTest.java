package dev.ferry.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RANK without BY of a DISTINCT's rows, or of a GROUP's by several keys, numbers them in the order Pig 0.18's one
 * reduce task writes them: its shuffle sorts the key tuple (the DISTINCT's whole row, the GROUP's keys) by the bytes
 * {@code BinInterSedes} writes, unsigned. Each field is a type byte chosen by the value, then the value: an int 0
 * before 1 before the other ints (the wide ones first, then the shorts, then the bytes, each size's negatives after
 * its positives), a chararray by its length first, true before false, a null field (its own type byte) after an int,
 * a double or a chararray but before a long that fits an int. Each row runs in real Pig and in Flink on the same file,
 * compared in order.
 */
class PigRankShuffleOrderDifferentialTest extends DifferentialTest {

    /** k, l, y, d, b: zero, one, negatives, values past a byte and a short, empty and null chararrays, ties, unicode. */
    private static final String ROWS = "-4\t0\t\t1.5\ttrue\n"
            + "0\t1\tb\t-2.0\tfalse\n"
            + "1\t-4\té\t0.0\t\n"
            + "300\t70000\tzoë\t2.5\ttrue\n"
            + "\t5\tannabel\t\tfalse\n"
            + "70000\t\tb\t-1.5\ttrue\n"
            + "-70000\t5000000000\t\t1.5\t\n"
            + "2\t0\tÉva\t-2.0\tfalse\n"
            + "-4\t0\t\t1.5\ttrue\n"
            + "127\t-129\tb\t0.0\ttrue\n"
            + "-4\t0\tb\t1.5\tfalse\n"
            + "128\t1\n"
            + "\t\t\t\t\n"
            + "0\t1\tb\t-2.0\tfalse\n";

    private static final String LOAD = "A = LOAD '$INPUT' AS (k:int, l:long, y:chararray, d:double, b:boolean);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "a DISTINCT of ints, longs, chararrays, doubles and booleans: by the row's bytes",
                        LOAD + "D = DISTINCT A;\nr = RANK D;\n"),
                Arguments.of(
                        "a DISTINCT of one chararray field (a tuple of one): the shorter first, the null after",
                        LOAD + "B = FOREACH A GENERATE y;\nD = DISTINCT B;\nr = RANK D;\n"),
                Arguments.of(
                        "a DISTINCT of a projection (a long, then an int), FILTERed after",
                        LOAD + "B = FOREACH A GENERATE l, k;\nD = DISTINCT B;\nF = FILTER D BY k IS NULL OR k != 2;\n"
                                + "r = RANK F;\n"),
                Arguments.of(
                        "a GROUP by an int and a chararray, the key tuple passed on by a FOREACH",
                        LOAD + "G = GROUP A BY (k, y);\nC = FOREACH G GENERATE group, COUNT(A) AS n;\nr = RANK C;\n"),
                Arguments.of(
                        "a GROUP by a chararray and an int itself (the key tuple and its bag)",
                        LOAD + "G = GROUP A BY (y, k);\nr = RANK G;\n"),
                Arguments.of(
                        "a GROUP by three keys (a long, a boolean, a double), the key tuple FLATTENed",
                        LOAD + "G = GROUP A BY (l, b, d);\nC = FOREACH G GENERATE FLATTEN(group), COUNT(A) AS n;\n"
                                + "r = RANK C;\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkNumbersAsPigsShuffleSorts(String semantic, String body) throws Exception {
        Path input =
                Files.writeString(Files.createDirectories(tmp.resolve("in")).resolve("in.tsv"), ROWS);
        assertSameRows(semantic, input, body + STORE_R, true);
    }
}
