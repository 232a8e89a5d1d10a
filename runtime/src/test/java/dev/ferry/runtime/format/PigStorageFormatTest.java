package dev.ferry.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.runtime.SharedMiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files through Flink's filesystem connector with format 'pig-storage', in and out. Each expected
 * output is byte for byte what Pig 0.18 stored for the same input and schema
 * ({@code LOAD ... AS (...); STORE ... USING PigStorage(...)} in local mode).
 */
class PigStorageFormatTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void cluster() {
        SharedMiniCluster.start();
    }

    @Test
    void pigShapedLinesRoundTripAsInPig() throws Exception {
        Path in = dir.resolve("shape.txt");
        Files.write(
                in,
                ("a,1,2.5\nb,2\nc\n\nd,4,4.5,extra,more\ne,5,5.5,\n,6,\n,,\nf,7,7.5\r\n"
                                + "g,8\r,9\rh,9,x\r\r\n i , 10 , 1.5 \nj,011,1e2\n")
                        .getBytes("UTF-8"));
        copy(in, "s STRING, i INT, d DOUBLE", "','", "'|'");
        assertEquals("""
                a|1|2.5
                b|2|
                c||
                ||
                d|4|4.5
                e|5|5.5
                |6|
                ||
                f|7|7.5
                g|8|
                |9|
                h|9|
                ||
                 i |10|1.5
                j|11|100.0
                """, SharedMiniCluster.readSink(dir.resolve("out")));
    }

    @Test
    void everyTypeRoundTripsAsInPig() throws Exception {
        Path in = dir.resolve("typed.txt");
        Files.write(
                in,
                ("a\t1\t10\t1.5\t5.04E7\ttrue\tx\n"
                                + "b\t3.7\t9223372036854775808\t0.1\t50400000\tFALSE\t\u00e9\n"
                                + "\t\t\t\t\t\t\n"
                                + "c\tabc\t1L\t1.5f\t1e-5\tyes\t\\N\n"
                                + "d\t 7 \t-0\t2147483647\t-0.0\ttrue \tz\textra\n"
                                + "e\n")
                        .getBytes("UTF-8"));
        // default delimiter: tab, both ways
        copy(in, "s STRING, i INT, l BIGINT, f FLOAT, d DOUBLE, b BOOLEAN, bin BYTES", null, null);
        assertEquals(
                "a\t1\t10\t1.5\t5.04E7\ttrue\tx\n"
                        + "b\t3\t9223372036854775807\t0.1\t5.04E7\tfalse\t\u00e9\n"
                        + "\t\t\t\t\t\t\n"
                        + "c\t\t1\t1.5\t1.0E-5\t\t\\N\n"
                        + "d\t7\t0\t2.14748365E9\t-0.0\t\tz\n"
                        + "e\t\t\t\t\t\t\n",
                SharedMiniCluster.readSink(dir.resolve("out")));
    }

    @Test
    void computedDoublesPrintLikeJava() throws Exception {
        Path in = dir.resolve("n.txt");
        Files.writeString(in, "50400000\n7\n");
        TableEnvironment env = SharedMiniCluster.batchEnvironment();
        env.executeSql(table("src", "n INT", in, "','"));
        env.executeSql(table("dst", "d DOUBLE, f FLOAT, b BOOLEAN", dir.resolve("out"), "','"));
        env.executeSql("INSERT INTO dst SELECT CAST(n AS DOUBLE), CAST(n AS FLOAT) / 3, n > 10 FROM src")
                .await();
        assertEquals("5.04E7,1.68E7,true\n7.0,2.3333333,false\n", SharedMiniCluster.readSink(dir.resolve("out")));
    }

    @Test
    void unsupportedColumnTypeIsAValidationError() {
        TableEnvironment env = SharedMiniCluster.batchEnvironment();
        env.executeSql(table("src", "a INT, t TIMESTAMP(3)", dir.resolve("x"), null));
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> env.executeSql("SELECT * FROM src").await());
        assertTrue(rootMessage(e).contains("column 't' has type TIMESTAMP(3)"), rootMessage(e));
    }

    @Test
    void badDelimiterIsAValidationError() {
        TableEnvironment env = SharedMiniCluster.batchEnvironment();
        env.executeSql(table("src", "a INT", dir.resolve("x"), "'ab'"));
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> env.executeSql("SELECT * FROM src").await());
        assertTrue(rootMessage(e).contains("single character"), rootMessage(e));
    }

    private void copy(Path in, String columns, String inDelimiter, String outDelimiter) throws Exception {
        TableEnvironment env = SharedMiniCluster.batchEnvironment();
        env.executeSql(table("src", columns, in, inDelimiter));
        env.executeSql(table("dst", columns, dir.resolve("out"), outDelimiter));
        env.executeSql("INSERT INTO dst SELECT * FROM src").await();
    }

    static String table(String name, String columns, Path path, String delimiter) {
        return "CREATE TEMPORARY TABLE " + name + " (" + columns + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + path.toUri() + "', 'format' = 'pig-storage'"
                + (delimiter == null ? "" : ", 'pig-storage.field-delimiter' = " + delimiter)
                + ")";
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" / ");
        }
        return all.toString();
    }
}
