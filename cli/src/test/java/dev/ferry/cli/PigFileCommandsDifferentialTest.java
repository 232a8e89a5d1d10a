package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The idiom that makes a Pig script rerunnable: remove the output, then store into it. Both Pig and the translated
 * job run over an output directory a previous run left behind (a stale part file), or over none; Pig's removal
 * deletes it, the job's STORE replaces it (INSERT OVERWRITE): the same rows, none of the stale ones.
 */
class PigFileCommandsDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    private static final String INPUT = "ann\t1\nbob\t2\nann\t3\nÖzil\t\n\t4\n";

    @TempDir
    Path tmp;

    /** The STORE may spell the removed path another way: Hadoop's {@code Path} makes {@code $OUTPUT/./} {@code $OUTPUT}. */
    @ParameterizedTest(name = "{0}, output there before: {1}, stored into {2}")
    @CsvSource(delimiter = '|', textBlock = """
            rmf $OUTPUT;                              | true  | $OUTPUT
            rmf $OUTPUT;                              | false | $OUTPUT
            rmf $OUTPUT $OUTPUT2;                     | true  | $OUTPUT
            fs -rm -r -f $OUTPUT;                     | true  | $OUTPUT
            fs -rmr $OUTPUT;                          | true  | $OUTPUT
            fs -rm -r -f -skipTrash $OUTPUT/;         | true  | $OUTPUT
            rmf $OUTPUT/.;                            | true  | $OUTPUT
            fs -rm -r -f $OUTPUT;                     | true  | $OUTPUT/./
            fs -rm -r -f $OUTPUT//;                   | true  | $OUTPUT/
            """)
    void removingTheOutputBeforeStoringReplacesIt(String removal, boolean leftBehind, String stored) throws Exception {
        for (String engine : new String[] {"pig", "flink"}) {
            if (leftBehind) {
                Path old = Files.createDirectories(tmp.resolve(engine));
                Files.writeString(old.resolve("part-m-00007"), "stale\t99\n");
            }
        }
        String script = removal.replace("$OUTPUT2", "$OUTPUT-unused") + "\n" + """
                raw = LOAD '$INPUT' AS (user:chararray, n:int);
                g = GROUP raw BY user;
                totals = FOREACH g GENERATE group AS user, SUM(raw.n) AS n;
                STORE totals INTO '%s';
                """.formatted(stored);
        if (removal.contains("$OUTPUT2")) { // a second removed path the script stores into too
            script = script.replace("$OUTPUT-unused", "$OUTPUT-2") + "STORE raw INTO '$OUTPUT-2';\n";
        }
        assertEquals("", PigVsFlink.differences(tmp, INPUT, script, false));
    }

    /**
     * A removal after the STORE that wrote the path: Grunt runs the STORE first, then removes its output, so the path
     * is gone at the end in Pig; the job does not write it. The other STORE's rows are the same.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rmf $OUTPUT-scratch;
            rm $OUTPUT-scratch;
            fs -rm -r -f $OUTPUT-scratch/;
            """)
    void removingAPathAfterItsStoreLeavesNothingThere(String removal) throws Exception {
        String script = """
                raw = LOAD '$INPUT' AS (user:chararray, n:int);
                g = GROUP raw BY user;
                totals = FOREACH g GENERATE group AS user, SUM(raw.n) AS n;
                STORE totals INTO '$OUTPUT-scratch';
                STORE raw INTO '$OUTPUT';
                """ + removal + "\n";
        assertEquals("", PigVsFlink.differences(tmp, INPUT, script, false));
        for (String engine : new String[] {"pig", "flink"}) {
            assertTrue(Files.notExists(tmp.resolve(engine + "-scratch")), engine + " left " + engine + "-scratch");
        }
    }

    /**
     * Without the removal, a rerun over the output an earlier run left fails in Pig before it runs (ERROR 6000:
     * Hadoop's "Output directory ... already exists"), and so does the translated job; neither touches the old files.
     */
    @Test
    void storingOverAnOutputLeftBehindFailsBothAndKeepsIt() throws Exception {
        for (String engine : new String[] {"pig", "flink"}) {
            Path old = Files.createDirectories(tmp.resolve(engine));
            Files.writeString(old.resolve("part-m-00007"), "stale\t99\n");
        }
        Path script = Files.writeString(tmp.resolve("rerun.pig"), """
                raw = LOAD '$INPUT' AS (user:chararray, n:int);
                STORE raw INTO '$OUTPUT';
                """);
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        PigVsFlink.Failure failure = PigVsFlink.failure(tmp, script, Map.of("INPUT", input.toString()));
        assertTrue(failure.pigLog().contains("already exists"), failure.pigLog());
        assertTrue(failure.flinkSays("already exists"), String.valueOf(failure.flink()));
        for (String engine : new String[] {"pig", "flink"}) {
            try (Stream<Path> files = Files.list(tmp.resolve(engine))) {
                assertEquals(
                        List.of("part-m-00007"),
                        files.map(f -> f.getFileName().toString()).toList(),
                        engine);
            }
        }
    }
}
