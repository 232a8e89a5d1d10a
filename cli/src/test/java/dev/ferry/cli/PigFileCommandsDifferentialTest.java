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

    /**
     * File commands between STOREs and LOADs: Grunt runs the STOREs before each command, then the command; the job
     * runs its statement sets and commands in the same order. Both runs write under their own root ($OUTPUT) and local
     * directory ($LOCAL, in the working directory, where the job's local files must be); the trees they leave (every
     * file's path and content, Hadoop's .crc files aside) are the same.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            STORE raw INTO '$OUTPUT/a'; fs -mkdir -p $OUTPUT/archive/2026; mv $OUTPUT/a $OUTPUT/archive/2026/a; b = LOAD '$OUTPUT/archive/2026/a' AS (user:chararray, n:int); c = FILTER b BY n > 1; STORE c INTO '$OUTPUT/c';
            STORE raw INTO '$OUTPUT/a'; cp $OUTPUT/a $OUTPUT/copy; fs -touchz $OUTPUT/a/_DONE;
            mkdir $OUTPUT; fs -put $LOCAL/input.tsv $OUTPUT/staged; s = LOAD '$OUTPUT/staged' AS (user:chararray, n:int); g = GROUP s BY user; t = FOREACH g GENERATE group, SUM(s.n); STORE t INTO '$OUTPUT/t';
            STORE raw INTO '$OUTPUT/a'; fs -get $OUTPUT/a $LOCAL/a; copyToLocal $OUTPUT/a/part-m-00000 $LOCAL/part;
            copyFromLocal $LOCAL/input.tsv $OUTPUT/in2/input.tsv; x = LOAD '$OUTPUT/in2' AS (user:chararray, n:int); STORE x INTO '$OUTPUT/x';
            mkdir $OUTPUT/m/n; STORE raw INTO '$OUTPUT/a'; fs -rm -r $OUTPUT/m/n; rmf $OUTPUT/nothing-there;
            STORE raw INTO '$OUTPUT/a'; fs -rm $OUTPUT/a/_SUCCESS; fs -mkdir $OUTPUT/m; fs -cp $OUTPUT/a/part-* $OUTPUT/m; STORE raw INTO '$OUTPUT/m/b';
            fs -mkdir $OUTPUT; fs -mkdir $OUTPUT/scratch; STORE raw INTO '$OUTPUT/scratch/r'; fs -mv $OUTPUT/scratch/r $OUTPUT/r; fs -rm -r -f $OUTPUT/scratch;
            STORE raw INTO '$OUTPUT/a'; rm $OUTPUT/a; b = FILTER raw BY n IS NULL; STORE b INTO '$OUTPUT/a';
            """)
    void fileCommandsBetweenStoresAndLoadsLeaveTheSameFiles(String statements) throws Exception {
        String script = "raw = LOAD '$INPUT' AS (user:chararray, n:int);\n" + statements.replace("; ", ";\n") + "\n";
        Path scriptFile = Files.writeString(tmp.resolve("commands.pig"), script);
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        // local files must lie in the job's working directory (the test's)
        Path local = Files.createTempDirectory(Path.of("").toAbsolutePath().resolve("target"), "file-commands");
        Map<String, Path> roots = new java.util.LinkedHashMap<>();
        for (String engine : new String[] {"pig", "flink"}) {
            Path root = tmp.resolve(engine).resolve("root");
            Path localRoot = Files.createDirectories(local.resolve(engine));
            Files.writeString(localRoot.resolve("input.tsv"), INPUT);
            Files.createDirectories(root.getParent());
            Map<String, String> params =
                    Map.of("INPUT", input.toString(), "OUTPUT", root.toString(), "LOCAL", localRoot.toString());
            if (engine.equals("pig")) {
                dev.ferry.oracle.PigOracle.shared().run(scriptFile, params);
            } else {
                EmbeddedFlink.run(EmbeddedFlink.translate(scriptFile, "commands.pig"), params);
            }
            roots.put(engine, root.getParent());
            roots.put(engine + "-local", localRoot);
        }
        String pig = tree(roots.get("pig"));
        assertTrue(pig.contains("part-"), "Pig wrote no part file: the case proves nothing\n" + pig);
        assertEquals(pig, tree(roots.get("flink")));
        assertEquals(tree(roots.get("pig-local")), tree(roots.get("flink-local")));
    }

    /** Grunt's rm (and fs -rm without -f) of a path that is not there fails the script in Pig, and the job. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            STORE raw INTO '$OUTPUT'; rm $OUTPUT-missing;
            STORE raw INTO '$OUTPUT'; fs -rm -r $OUTPUT-missing;
            STORE raw INTO '$OUTPUT'; fs -mkdir $OUTPUT;
            """)
    void aFileCommandThatFailsInPigFailsTheJob(String statements) throws Exception {
        Path script = Files.writeString(
                tmp.resolve("fails.pig"),
                "raw = LOAD '$INPUT' AS (user:chararray, n:int);\n" + statements.replace("; ", ";\n") + "\n");
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        PigVsFlink.Failure failure = PigVsFlink.failure(tmp, script, Map.of("INPUT", input.toString()));
        assertTrue(failure.flinkSays("failed: "), String.valueOf(failure.flink()));
    }

    /** Every file and directory under {@code root}: its relative path, and a file's content; Hadoop's .crc files aside. */
    private static String tree(Path root) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(
                            p -> !p.equals(root) && !p.getFileName().toString().endsWith(".crc"))
                    .sorted()
                    .map(p -> root.relativize(p) + (Files.isDirectory(p) ? "/" : " = " + read(p)))
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
