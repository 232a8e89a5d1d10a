package dev.ferry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The runner's command line end to end, on the shared MiniCluster: exit code, stderr, output files. */
class SqlJobRunnerTest {

    private static final String SCRIPT = """
            -- clicks.pig:1
            CREATE TEMPORARY TABLE clicks (user_id STRING, n INT, amount DOUBLE) WITH (
              'connector' = 'filesystem', 'path' = '${INPUT}',
              'format' = 'pig-storage', 'pig-storage.field-delimiter' = ',');
            CREATE TEMPORARY TABLE totals (user_id STRING, clicks BIGINT, amount DOUBLE) WITH (
              'connector' = 'filesystem', 'path' = '${OUTPUT}', 'format' = 'pig-storage');
            CREATE TEMPORARY TABLE big (user_id STRING, per_click DOUBLE) WITH (
              'connector' = 'filesystem', 'path' = '${OUTPUT}_big', 'format' = 'pig-storage');
            -- clicks.pig:3
            CREATE TEMPORARY VIEW by_user AS
            SELECT user_id, COUNT(n) AS clicks, SUM(amount) AS amount FROM clicks GROUP BY user_id;
            INSERT INTO totals SELECT * FROM by_user;
            INSERT INTO big SELECT user_id, PIG_DIVIDE(amount, CAST(clicks AS DOUBLE)) FROM by_user WHERE amount > 100;
            """;

    @TempDir
    Path dir;

    private Path input;
    private Path script;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeAll
    static void cluster() {
        SharedMiniCluster.start();
    }

    @BeforeEach
    void files() throws Exception {
        input = dir.resolve("clicks.txt");
        Files.writeString(input, "u1,1,50400000.0\nu2,2,0.5\nu1,,1.5\nu3,x,\n");
        script = write("job.sql", SCRIPT);
    }

    @Test
    void runsTheScriptAsOneJob() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("stale-part"), "from an earlier run\n");

        int code = run(
                "--script",
                script.toString(),
                "--param",
                "INPUT=" + input,
                "--param",
                "OUTPUT=" + out,
                "--prepare-delete",
                out.toString(),
                "--prepare-delete",
                out + "_big",
                "--prepare-mkdir",
                dir.resolve("made/here").toString());

        assertEquals(SqlJobRunner.EXIT_OK, code, err());
        assertEquals(List.of("u1\t1\t5.04000015E7", "u2\t1\t0.5", "u3\t0\t"), sortedLines(out));
        assertEquals(List.of("u1\t5.04000015E7"), sortedLines(Path.of(out + "_big")));
        assertTrue(Files.isDirectory(dir.resolve("made/here")));
        for (Path written : List.of(out, Path.of(out + "_big"))) {
            assertEquals(0, Files.size(written.resolve("_SUCCESS")), written + " has Hadoop's empty success marker");
        }
        assertTrue(err().matches("(?s).*ferry-runtime: job finished in \\d+ ms\\R"), err());
    }

    @Test
    void missingParametersAreAllListedAndNothingRuns() throws Exception {
        Path out = dir.resolve("keep");
        Files.createDirectories(out);
        int code = run("--script", script.toString(), "--prepare-delete", out.toString());
        assertEquals(SqlJobRunner.EXIT_INVALID, code);
        assertEquals("ferry-runtime: error: no value for parameters ${INPUT}, ${OUTPUT}\n", err());
        assertTrue(Files.exists(out), "prepare must not run before the script is known to be valid");
    }

    @Test
    void invalidSqlNamesTheStatementAndItsLine() throws Exception {
        Path out = dir.resolve("keep");
        Files.createDirectories(out);
        Path bad =
                write("bad.sql", "CREATE TEMPORARY VIEW v AS SELECT 1 AS x;\n\nINSERT INTO nowhere SELECT x FROM v;\n");
        int code = run("--script", bad.toString(), "--prepare-delete", out.toString());
        assertEquals(SqlJobRunner.EXIT_INVALID, code);
        assertTrue(err().startsWith("ferry-runtime: error: statement 2 (bad.sql line 3): "), err());
        assertTrue(err().contains("nowhere"), err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(Files.exists(out));
    }

    @Test
    void unsupportedFormatTypeIsInvalidSql() throws Exception {
        Path bad = write("bad.sql", """
                CREATE TEMPORARY TABLE src (t TIMESTAMP(3)) WITH (
                  'connector' = 'filesystem', 'path' = '%s', 'format' = 'pig-storage');
                CREATE TEMPORARY TABLE dst (t TIMESTAMP(3)) WITH ('connector' = 'blackhole');
                INSERT INTO dst SELECT t FROM src;
                """.formatted(input));
        assertEquals(SqlJobRunner.EXIT_INVALID, run("--script", bad.toString()));
        assertTrue(err().contains("column 't' has type TIMESTAMP(3)"), err());
    }

    @Test
    void queriesAreRejected() throws Exception {
        Path bad = write("bad.sql", "SELECT 1;");
        assertEquals(SqlJobRunner.EXIT_INVALID, run("--script", bad.toString()));
        assertEquals(
                "ferry-runtime: error: statement 1 (bad.sql line 1): SELECT statements are not allowed in a"
                        + " job script; write INSERT INTO a sink table\n",
                err());
    }

    @Test
    void aFailingJobExitsOneWithTheRootCause() throws Exception {
        Path failing = write("fail.sql", """
                CREATE TEMPORARY TABLE src (a INT, b INT) WITH (
                  'connector' = 'filesystem', 'path' = '%s', 'format' = 'pig-storage',
                  'pig-storage.field-delimiter' = ',');
                CREATE TEMPORARY TABLE dst (q INT) WITH ('connector' = 'blackhole');
                INSERT INTO dst SELECT a / b FROM src;
                """.formatted(write("zero.txt", "1,0\n")));
        assertEquals(SqlJobRunner.EXIT_JOB_FAILED, run("--script", failing.toString()));
        assertEquals("ferry-runtime: error: job failed: ArithmeticException: / by zero\n", err());
    }

    /**
     * Pig's job leaves an empty _SUCCESS in every directory it STOREd into, one it wrote no row to included (the
     * directory exists): a coordinator's input event waits for it. A job that fails leaves none.
     */
    @Test
    void aJobThatSucceedsMarksEveryOutputDirectoryAndOneThatFailsNone() throws Exception {
        Path none = dir.resolve("none");
        Path failed = dir.resolve("failed");
        String sinks = """
                CREATE TEMPORARY TABLE src (a INT, b INT) WITH (
                  'connector' = 'filesystem', 'path' = '%s', 'format' = 'pig-storage',
                  'pig-storage.field-delimiter' = ',');
                CREATE TEMPORARY TABLE dst (q INT) WITH (
                  'connector' = 'filesystem', 'path' = '%s', 'format' = 'pig-storage');
                """;
        Path empty =
                write("empty.sql", sinks.formatted(input, none) + "INSERT INTO dst SELECT a FROM src WHERE 1 = 0;\n");
        assertEquals(SqlJobRunner.EXIT_OK, run("--script", empty.toString()), err());
        assertEquals(List.of(none.resolve("_SUCCESS")), listing(none));
        assertEquals(0, Files.size(none.resolve("_SUCCESS")));

        Path failing = write(
                "fail.sql",
                sinks.formatted(write("zero.txt", "1,0\n"), failed) + "INSERT INTO dst SELECT a / b FROM src;\n");
        assertEquals(SqlJobRunner.EXIT_JOB_FAILED, run("--script", failing.toString()), err());
        assertFalse(Files.exists(failed.resolve("_SUCCESS")));
    }

    /**
     * Pig does not run over an earlier run's output (ERROR 6000, Hadoop's "Output directory ... already exists"):
     * nor does the job, which would add its files beside the old ones. An INSERT OVERWRITE (the script removed the
     * output first) replaces it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO     | 1 | old
            INSERT OVERWRITE| 0 | 1
            """)
    void anOutputDirectoryAlreadyThereFailsTheJobUnlessItIsReplaced(String insert, int code, String rows)
            throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("part-m-00000"), "old\n");
        Path job = write("job.sql", """
                CREATE TEMPORARY TABLE src (a INT, b INT) WITH (
                  'connector' = 'filesystem', 'path' = '%s', 'format' = 'pig-storage',
                  'pig-storage.field-delimiter' = ',');
                CREATE TEMPORARY TABLE dst (q INT) WITH (
                  'connector' = 'filesystem', 'path' = '%s', 'format' = 'pig-storage');
                %s dst SELECT a FROM src;
                """.formatted(write("one.txt", "1,0\n"), out, insert));
        assertEquals(code, run("--script", job.toString()), err());
        assertEquals(List.of(rows), sortedLines(out));
        if (code != SqlJobRunner.EXIT_OK) {
            assertEquals(
                    "ferry-runtime: error: Output directory file:" + out + " already exists (Pig does not run over an"
                            + " earlier run's output: delete it first, as an Oozie <prepare><delete> or the script's"
                            + " rmf does)\n",
                    err());
        }
    }

    @Test
    void aFailingPrepareStepExitsOne() throws Exception {
        Path file = write("a-file", "x");
        Path ddlOnly = write("ddl.sql", "CREATE TEMPORARY VIEW v AS SELECT 1 AS x;");
        assertEquals(
                SqlJobRunner.EXIT_JOB_FAILED,
                run(
                        "--script",
                        ddlOnly.toString(),
                        "--prepare-mkdir",
                        file.resolve("sub").toString()));
        assertTrue(err().startsWith("ferry-runtime: error: prepare step failed: "), err());
    }

    @Test
    void aScriptWithoutInsertRunsNothing() throws Exception {
        Path ddlOnly = write("ddl.sql", "CREATE TEMPORARY VIEW v AS SELECT 1 AS x;\n-- nothing else\n");
        assertEquals(SqlJobRunner.EXIT_OK, run("--script", ddlOnly.toString()));
        assertEquals("ferry-runtime: no INSERT statements; nothing to run\n", err());
    }

    @Test
    void usageErrors() {
        assertEquals(SqlJobRunner.EXIT_INVALID, run());
        assertEquals(SqlJobRunner.EXIT_INVALID, run("--script"));
        assertEquals(SqlJobRunner.EXIT_INVALID, run("--script", "x.sql", "--bogus"));
        assertEquals(SqlJobRunner.EXIT_INVALID, run("--script", "x.sql", "--param", "NOVALUE"));
        assertEquals(SqlJobRunner.EXIT_INVALID, run("--script", "x.sql", "--parallelism", "0"));
        assertEquals(
                SqlJobRunner.EXIT_INVALID,
                run("--script", dir.resolve("missing.sql").toString()));
        String[] lines = err().split("\n");
        assertEquals(6, lines.length, err());
        assertTrue(Arrays.stream(lines).allMatch(l -> l.startsWith("ferry-runtime: error: ")), err());
        assertEquals(SqlJobRunner.EXIT_OK, run("--help"));
    }

    @Test
    void equalsFormAndParallelism() throws Exception {
        Path out = dir.resolve("out");
        int code = run("--script=" + script, "--param=INPUT=" + input, "--param=OUTPUT=" + out, "--parallelism=2");
        assertEquals(SqlJobRunner.EXIT_OK, code, err());
        assertEquals(List.of("u1\t1\t5.04000015E7", "u2\t1\t0.5", "u3\t0\t"), sortedLines(out));
    }

    /** Scheme-less LOAD/STORE and prepare paths resolve on --default-fs; a path with a scheme keeps its own. */
    // An unknown scheme fails in Flink's file systems, or, with hadoop-common on the classpath (ORC's and Parquet's
    // formats bring it), in Hadoop's, which Flink falls back to: UnsupportedFileSystemException.
    @ParameterizedTest(name = "[{index}] --default-fs {0}, input {1}, prepare {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                | plain | plain | 0 | -
            file:///         | plain | plain | 0 | -
            nofs://nn:8020   | plain | -     | 1 | job failed: UnsupportedFileSystem(Scheme)?Exception: .*
            nofs://nn:8020   | uri   | -     | 0 | -
            nofs://nn:8020   | uri   | plain | 1 | prepare step failed: .*'nofs'.*
            """)
    void defaultFileSystemResolvesSchemeLessPaths(
            String defaultFs, String inputForm, String prepareForm, int exit, String error) {
        Path out = dir.resolve("out");
        Path made = dir.resolve("made");
        List<String> args = new ArrayList<>(List.of(
                "--script",
                script.toString(),
                "--param",
                "INPUT=" + ("uri".equals(inputForm) ? input.toUri().toString() : input.toString()),
                "--param",
                "OUTPUT=" + out.toUri()));
        if (prepareForm != null) {
            args.addAll(List.of("--prepare-mkdir", made.toString()));
        }
        if (defaultFs != null) {
            args.addAll(List.of("--default-fs", defaultFs));
        }
        try {
            assertEquals(exit, run(args.toArray(String[]::new)), err());
        } finally {
            FileSystem.initialize(new Configuration(), null); // the default file system is process-wide
        }
        if (exit == SqlJobRunner.EXIT_OK) {
            assertEquals(List.of("u1\t1\t5.04000015E7", "u2\t1\t0.5", "u3\t0\t"), sortedLines(out));
            assertEquals(prepareForm != null, Files.isDirectory(made));
        } else {
            assertTrue(err().matches("ferry-runtime: error: " + error + "\\R"), err());
            assertFalse(Files.exists(made));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/user/x", "", "namenode:8020/", "hdfs://bad host/"})
    void aDefaultFileSystemMustBeAUriWithAScheme(String value) {
        assertEquals(SqlJobRunner.EXIT_INVALID, run("--script", script.toString(), "--default-fs", value));
        assertTrue(err().startsWith("ferry-runtime: error: --default-fs wants a file system URI"), err());
    }

    private int run(String... args) {
        return SqlJobRunner.run(args, new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static List<Path> listing(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    private static List<String> sortedLines(Path sink) {
        List<String> lines =
                new ArrayList<>(SharedMiniCluster.readSink(sink).lines().toList());
        lines.sort(null);
        return lines;
    }
}
