package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PARTITION BY names the Hadoop Partitioner that sends each key to a reducer: real Pig 0.18 runs every operator that
 * takes one (GROUP, COGROUP, JOIN, CROSS, DISTINCT) with Hadoop's own HashPartitioner, and Ferry, which drops it
 * (PIG-W004), writes the same rows. The input has a null key, an empty line, duplicates and unicode.
 */
class PigPartitionByDifferentialTest extends DifferentialTest {

    static final String INPUT = "ann\t3\tParis\nbob\t\tParis\n\t7\tLyon\nzoë\t2\tZürich\nann\t3\tParis\n\n";

    static final String LOAD =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, n:int, city:chararray);\n"
                    + "other = LOAD '$INPUT' USING PigStorage('\\t') AS (who:chararray, m:int, town:chararray);\n";

    static final String PARTITIONER = "org.apache.hadoop.mapreduce.lib.partition.HashPartitioner";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "GROUP ... PARTITION BY",
                        "g = GROUP rows BY city PARTITION BY " + PARTITIONER + " PARALLEL 2;\n"
                                + "r = FOREACH g GENERATE group, COUNT(rows), SUM(rows.n);\n"),
                Arguments.of(
                        "COGROUP ... PARTITION BY",
                        "g = COGROUP rows BY name, other BY who PARTITION BY " + PARTITIONER + ";\n"
                                + "r = FOREACH g GENERATE group, COUNT(rows), COUNT(other);\n"),
                Arguments.of(
                        "JOIN ... PARTITION BY drops null keys as without it",
                        "r = JOIN rows BY name, other BY who PARTITION BY " + PARTITIONER + ";\n"),
                Arguments.of(
                        "LEFT OUTER JOIN ... PARTITION BY",
                        "r = JOIN rows BY city LEFT OUTER, other BY town PARTITION BY " + PARTITIONER + ";\n"),
                Arguments.of(
                        "CROSS ... PARTITION BY",
                        "a = FOREACH rows GENERATE name;\nb = FOREACH other GENERATE m;\n"
                                + "r = CROSS a, b PARTITION BY " + PARTITIONER + ";\n"),
                Arguments.of(
                        "DISTINCT ... PARTITION BY",
                        "r = DISTINCT rows PARTITION BY " + PARTITIONER + " PARALLEL 3;\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        assertSameRows(semantic, INPUT, LOAD + body + STORE_R, false);
    }
}
