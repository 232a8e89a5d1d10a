package dev.ferry.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.runtime.SharedMiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PIG_INVOKE, the runtime's Invoke* builtins: what Flink's planner refuses (what Pig's Invoker refuses when it
 * compiles the script, or what it would fail on for every row), and null where Pig fails the job on a row, since the
 * planner may evaluate a call on rows an earlier condition removed (the end-to-end agreement with Pig: the cli's
 * PigDefinedBuiltinsDifferentialTest).
 */
class PigInvokeTest {

    @TempDir
    static Path dir;

    private static TableEnvironment env;

    @BeforeAll
    static void setUp() throws Exception {
        env = SharedMiniCluster.batchEnvironment();
        PigFunctions.registerAll(env);
        Path rows = dir.resolve("rows.txt");
        Files.writeString(rows, "ann,3,Paris\n,,\n12,-9,Lyon\n");
        env.executeSql("CREATE TEMPORARY TABLE t (s STRING, i INT, c STRING)"
                + " WITH ('connector' = 'filesystem', 'path' = '" + rows.toUri() + "',"
                + " 'format' = 'pig-storage', 'pig-storage.field-delimiter' = ',')");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PIG_INVOKE('java.lang.String.length', 'String', 'false', s)              | INT
            PIG_INVOKE('java.lang.Math.round', 'DOUBLE', 'static', CAST(i AS DOUBLE)) | BIGINT
            PIG_INVOKE('java.lang.Integer.toHexString', 'int', 'true', i)             | STRING
            PIG_INVOKE('java.lang.Boolean.valueOf', 'string', 'true', s)              | BOOLEAN
            PIG_INVOKE('java.lang.Integer.valueOf', 'String', 'true', s)              | INT
            PIG_INVOKE('java.lang.Math.abs', 'float', 'true', CAST(i AS FLOAT))       | FLOAT
            """)
    void typedByTheMethodsReturnType(String call, String type) {
        assertEquals(
                type,
                env.sqlQuery("SELECT " + call + " FROM t")
                        .getResolvedSchema()
                        .getColumnDataTypes()
                        .get(0)
                        .getLogicalType()
                        .copy(true)
                        .asSummaryString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PIG_INVOKE('java.lang.String.length', 'String', 'true', s)       | NoSuchMethodException
            PIG_INVOKE('java.lang.Integer.parseInt', 'char', 'true', s)      | unable to find mathing class for char
            PIG_INVOKE('java.lang.Integer.parseInt', 'String', 'true', i)    | not the declared String
            PIG_INVOKE('java.lang.Integer.parseInt', 'String', 'true', s, s) | 2 argument(s) for 1 declared parameter(s)
            PIG_INVOKE(c, 'String', 'true', s)                               | must be a string literal
            PIG_INVOKE('java.lang.String.isEmpty', 'String', 'false', s)     | which Pig cannot type
            PIG_INVOKE('java.lang.System.exit', 'int', 'true', i)            | which Pig cannot type
            PIG_INVOKE('dev.ferry.runtime.SqlJob.main', 'String', 'true', s) | ClassNotFoundException
            PIG_INVOKE('jdk.internal.misc.VM.getSavedProperty', 'String', 'true', s) | not a public class of an exported JDK package
            """)
    void refusedWhenPlanned(String call, String message) {
        ValidationException error =
                assertThrows(ValidationException.class, () -> env.sqlQuery("SELECT " + call + " FROM t"));
        String messages = causes(error);
        assertTrue(messages.contains(message), messages);
    }

    @Test
    void aCallAfterAConditionThatRemovesNullsDoesNotFailOnThem() throws Exception {
        assertEquals(
                List.of("ann|3", "12|2"),
                rows("SELECT s, PIG_INVOKE('java.lang.String.length', 'String', 'false', s) FROM t"
                        + " WHERE s IS NOT NULL AND PIG_INVOKE('java.lang.String.length', 'String', 'false', c) > 3"));
    }

    @Test
    void answersNullWherePigFailsTheJob() throws Exception {
        assertEquals(
                List.of("3|null|null", "null|null|null", "2|12|null"),
                rows("SELECT PIG_INVOKE('java.lang.String.length', 'String', 'false', s),"
                        + " PIG_INVOKE('java.lang.Integer.valueOf', 'String', 'true', s),"
                        + " PIG_INVOKE('java.lang.Integer.toHexString', 'int', 'true', CAST(NULL AS INT)) FROM t"));
    }

    private static List<String> rows(String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(query).collect()) {
            while (it.hasNext()) {
                Row row = it.next();
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < row.getArity(); i++) {
                    fields.add(String.valueOf(row.getField(i)));
                }
                out.add(String.join("|", fields));
            }
        }
        return out;
    }

    private static String causes(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
        }
        return text.toString();
    }
}
