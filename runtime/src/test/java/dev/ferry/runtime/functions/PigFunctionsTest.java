package dev.ferry.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.runtime.SharedMiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library called from Flink SQL on real rows (not literals, which the planner folds). Expected
 * values are what Pig 0.18 gave for the same expressions in local mode.
 */
class PigFunctionsTest {

    @TempDir
    static Path dir;

    private static TableEnvironment env;

    @BeforeAll
    static void setUp() throws Exception {
        env = SharedMiniCluster.batchEnvironment();
        PigFunctions.registerAll(env);
        PigFunctions.registerAll(env); // a second registration is a no-op
        Path nums = dir.resolve("nums.txt");
        Files.writeString(nums, "7,2,0,-7,0.0,-0.0,2147483647,true,5.04E7,0.1,3.7,abc, 3,2147483648,hello\n");
        env.executeSql("CREATE TEMPORARY TABLE t (a INT, b INT, z INT, n INT, dz DOUBLE, nz DOUBLE, mx INT,"
                + " bo BOOLEAN, d DOUBLE, f FLOAT, s1 STRING, s2 STRING, s3 STRING, s4 STRING, w STRING)"
                + " WITH ('connector' = 'filesystem', 'path' = '" + nums.toUri() + "',"
                + " 'format' = 'pig-storage', 'pig-storage.field-delimiter' = ',')");
    }

    @Test
    void divideIsNullForAZeroDivisorOfEveryType() {
        assertEquals(
                "3, -3, null, null, 3, null, 3.5, null, -Infinity, null",
                select("PIG_DIVIDE(a, b), PIG_DIVIDE(n, b), PIG_DIVIDE(a, z),"
                        + " PIG_DIVIDE(CAST(a AS BIGINT), CAST(z AS BIGINT)),"
                        + " PIG_DIVIDE(CAST(a AS BIGINT), CAST(b AS BIGINT)),"
                        + " PIG_DIVIDE(CAST(a AS DOUBLE), dz), PIG_DIVIDE(CAST(a AS DOUBLE), CAST(b AS DOUBLE)),"
                        + " PIG_DIVIDE(CAST(a AS FLOAT), CAST(z AS FLOAT)),"
                        + " PIG_DIVIDE(CAST(a AS DOUBLE), nz), PIG_DIVIDE(CAST(NULL AS INT), b)"));
    }

    @Test
    void divideWorksInTheWiderPigTypeOfItsOperands() {
        assertEquals(
                "INT, BIGINT, FLOAT, DOUBLE, BIGINT, FLOAT, DOUBLE",
                types("PIG_DIVIDE(a, b), PIG_DIVIDE(CAST(a AS BIGINT), CAST(b AS BIGINT)),"
                        + " PIG_DIVIDE(f, f), PIG_DIVIDE(d, d), PIG_DIVIDE(a, CAST(b AS BIGINT)),"
                        + " PIG_DIVIDE(CAST(a AS BIGINT), f), PIG_DIVIDE(a, 2.0)"));
        // Pig: 7 / 2L = 3L; 7 / 2.0 = 3.5 (a Pig literal 2.0 is a double; Flink types it DECIMAL)
        assertEquals("3, 3.5", select("PIG_DIVIDE(a, CAST(b AS BIGINT)), PIG_DIVIDE(a, 2.0)"));
    }

    @Test
    void chararrayPrintsLikePig() {
        assertEquals(
                "true, 5.04E7, 0.1, 7, 21474836470, -0.0, 3.7",
                select("PIG_CHARARRAY(bo), PIG_CHARARRAY(d), PIG_CHARARRAY(f), PIG_CHARARRAY(a),"
                        + " PIG_CHARARRAY(CAST(mx AS BIGINT) * 10), PIG_CHARARRAY(nz), PIG_CHARARRAY(s1)"));
    }

    @Test
    void chararrayCastsToNumbersLikePig() {
        assertEquals(
                "3, null, 3, 2147483647, 2147483648, null, 3.7, 3.0, null, null",
                select("PIG_INT(s1), PIG_INT(s2), PIG_INT(s3), PIG_INT(s4), PIG_LONG(s4), PIG_LONG(s2),"
                        + " PIG_FLOAT(s1), PIG_DOUBLE(s3), PIG_DOUBLE(s2), PIG_BOOLEAN(s2)"));
    }

    @Test
    void bytearrayCastsToNumbersLikePigsLoader() {
        // the loader's rules: int overflow is null, not clamped as for a chararray
        assertEquals(
                "null, 2147483647, 3, 3.7",
                select("PIG_INT(CAST(s4 AS BYTES)), PIG_INT(s4), PIG_INT(CAST(s1 AS BYTES)),"
                        + " PIG_CHARARRAY(CAST(s1 AS BYTES))"));
    }

    @Test
    void roundIsMathRound() {
        // Pig: ROUND(2.5)=3, ROUND(-2.5)=-2, ROUND(2.4)=2, ROUND(-0.5)=0, ROUND(2.5E20) clamps
        assertEquals(
                "3, -2, 2, 0, 3, 9223372036854775807, 7",
                select("PIG_ROUND(CAST(2.5 AS DOUBLE) + dz), PIG_ROUND(CAST(-2.5 AS DOUBLE) + dz),"
                        + " PIG_ROUND(CAST(2.4 AS DOUBLE) + dz), PIG_ROUND(CAST(-0.5 AS DOUBLE) + dz),"
                        + " PIG_ROUND(CAST(2.5 AS FLOAT) + CAST(dz AS FLOAT)), PIG_ROUND(d * 1.0E13), PIG_ROUND(a)"));
        assertEquals("BIGINT, INT, BIGINT, BIGINT", types("PIG_ROUND(d), PIG_ROUND(f), PIG_ROUND(a), PIG_ROUND(2.5)"));
        assertEquals("3, -2", select("PIG_ROUND(2.5), PIG_ROUND(-2.5)"));
    }

    @Test
    void substringCountsFromZeroAndAnswersNullWhenOutOfRange() {
        // Pig on 'hello': (1,3)=el (1,99)=ello (3,1)=null (-1,2)=null (9,12)=null (5,5)='' (5,9)=''
        assertEquals(
                "el, ello, null, null, null, [], []",
                select("PIG_SUBSTRING(w, 1, 3), PIG_SUBSTRING(w, 1, 99), PIG_SUBSTRING(w, 3, 1),"
                        + " PIG_SUBSTRING(w, -1, 2), PIG_SUBSTRING(w, 9, 12),"
                        + " '[' || PIG_SUBSTRING(w, 5, 5) || ']', '[' || PIG_SUBSTRING(w, 5, 9) || ']'"));
    }

    @Test
    void indexOfCountsFromZero() {
        // Pig on 'hello': ('l',0)=2 ('l',3)=3 ('z',0)=-1 ('l')=2 ('l',-3)=2 ('l',99)=-1 ('',2)=2
        assertEquals(
                "2, 3, -1, 2, 2, -1, 2",
                select("PIG_INDEXOF(w, 'l', 0), PIG_INDEXOF(w, 'l', 3), PIG_INDEXOF(w, 'z', 0),"
                        + " PIG_INDEXOF(w, 'l'), PIG_INDEXOF(w, 'l', -3), PIG_INDEXOF(w, 'l', 99),"
                        + " PIG_INDEXOF(w, '', 2)"));
    }

    @Test
    void covarianceAndCorrelationOfDoubleBagsFollowPigsFormulas() {
        // d = 5.04E7 on the row; x = (1.0, 2.0, 4.0), y = (2.0, 1.0, 0.0): n = 3, Σxy = 4, Σx = 7, Σy = 3
        String x = "PIG_TOBAG(CAST(1.0 AS DOUBLE), CAST(2.0 AS DOUBLE), CAST(4.0 AS DOUBLE))";
        String y = "PIG_TOBAG(CAST(2.0 AS DOUBLE), CAST(1.0 AS DOUBLE), CAST(0.0 AS DOUBLE))";
        assertEquals(
                "[+I[var0, var1, " + (3 * 4.0 - 7 * 3.0) / 9 + "]], "
                        + "[+I[var0, var1, " + (3 * 4.0 - 7 * 3.0) / Math.sqrt((3 * 21.0 - 49) * (3 * 5.0 - 9)) + "]], "
                        + "null, [], [0.0, 1.0]",
                select(
                        "PIG_COV(" + x + ", " + y + "), PIG_COR(" + x + ", " + y
                                + "), PIG_COV(PIG_TOBAG(a), PIG_TOBAG(b)),"
                                + " PIG_DIFF(PIG_TOBAG(a, b), PIG_TOBAG(b, a)), PIG_BAGTOTUPLE(PIG_TOBAG(dz, CAST(1.0 AS DOUBLE)))"));
    }

    private static String select(String expressions) {
        List<String> values = new ArrayList<>();
        try (CloseableIterator<Row> rows =
                env.executeSql("SELECT " + expressions + " FROM t").collect()) {
            Row row = rows.next();
            for (int i = 0; i < row.getArity(); i++) {
                Object value = row.getField(i);
                values.add(value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return String.join(", ", values);
    }

    private static String types(String expressions) {
        return String.join(
                ", ",
                env.sqlQuery("SELECT " + expressions + " FROM t").getResolvedSchema().getColumnDataTypes().stream()
                        .map(t -> t.getLogicalType().copy(true).asSummaryString())
                        .toList());
    }
}
