package dev.ferry.runtime.pigudf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PIG_EVAL on embedded Flink: Flink values in, Pig's objects to the UDF, its result back as the SQL type named. */
class PigEvalTest {

    /** One cluster for every query of the class (a local one per query costs seconds each). */
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    private static TableEnvironment env;

    @BeforeAll
    static void environment() {
        env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.createTemporarySystemFunction("PIG_EVAL", new PigEval());
    }

    private static final String UDFS = "dev.ferry.runtime.pigudf.Udfs$";

    /** One value: the SELECT's single column, printed by Flink's Row.toString (a bag as an array of rows). */
    private static String value(String expression) {
        List<String> values = new ArrayList<>();
        try (CloseableIterator<Row> rows =
                env.executeSql("SELECT " + expression).collect()) {
            rows.forEachRemaining(row -> values.add(String.valueOf(
                    row.getField(0) instanceof Object[] a ? List.of(a).toString() : row.getField(0))));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return String.join("|", values);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # what the UDF receives, per Flink type of the argument
            'Describe', 'STRING', 'héllo'                                    | String:héllo;
            'Describe', 'STRING', CAST('héllo' AS BYTES)                     | DataByteArray:héllo;
            'Describe', 'STRING', 3, CAST(3 AS BIGINT), 1.5e0, CAST(1.5 AS FLOAT), TRUE | Integer:3;Long:3;Double:1.5;Float:1.5;Boolean:true;
            'Describe', 'STRING', CAST(NULL AS STRING), 'x'                  | null;String:x;
            'Describe', 'STRING', ROW('a', 1)                                | Tuple:(a,1);
            'Describe', 'STRING', ARRAY[ROW('a', 1), ROW('b', 2)]            | DataBag:{(a,1),(b,2)};
            'Describe', 'STRING', MAP['k', 1]                                | Map:{k=1};
            # constructor arguments, escaped in the spec as in a Pig string
            'Describe(''it\\''s: '')', 'STRING', 'x'                         | it's: String:x;
            'Describe( ''a\\\\b'' )', 'STRING', 'x'                          | a\\bString:x;
            # results, as the type named
            'ContainsNone(''http'', ''www'')', 'BOOLEAN', 'pig latin'        | true
            'ContainsNone(''http'', ''www'')', 'BOOLEAN', 'www.apache.org'   | false
            'ContainsNone(''http'', ''www'')', 'BOOLEAN', CAST(NULL AS STRING) | null
            'Words', 'ARRAY<ROW<w STRING, n INT>>', 'pig on flink'          | [+I[pig, 3], +I[on, 2], +I[flink, 5]]
            'Words', 'ARRAY<ROW<w STRING, n INT, x INT>>', 'pig'             | [+I[pig, 3, null]]
            'Lengths', 'MAP<STRING, INT>', 'naïve'                           | {n=5}
            'Bytes', 'STRING', 'ünï'                                         | ünï
            'Bytes', 'STRING', CAST(NULL AS STRING)                          | null
            # a UDF of unknown type is read as a bytearray (STRING): a number is kept as PigStorage writes it
            'Length', 'STRING', 'zoë'                                        | 3
            """)
    void adapts(String call, String expected) {
        // the leading quote of the spec stays off: the class's package goes in front
        assertEquals(expected, value("PIG_EVAL('" + UDFS + call.strip().substring(1) + ")"));
    }

    /** What fails, and the message that says why: the UDF's own exception, a result of the wrong shape, a bad spec. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            'Fails', 'INT', 1                                 | bad input (1)
            'Describe', 'INT', 1                              | the UDF returned a java.lang.String where INT was expected
            'Words', 'ARRAY<ROW<w STRING>>', 'pig latin'      | the UDF returned a tuple of 2 fields where 1
            'Describe(''x)', 'STRING', 1                      | unterminated argument
            """)
    void failsTheJobSayingWhy(String call, String message) {
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> value("PIG_EVAL('" + UDFS + call.strip().substring(1) + ")"));
        assertTrue(rootMessage(e).contains(message), rootMessage(e));
    }

    @Test
    void aClassNotOnTheClasspathSaysSo() {
        RuntimeException e =
                assertThrows(RuntimeException.class, () -> value("PIG_EVAL('com.acme.Missing', 'INT', 1)"));
        assertTrue(rootMessage(e).contains("com.acme.Missing is not on the job's classpath"), rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" / ");
        }
        return all.toString();
    }
}
