package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOracle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ferry verify} end to end: real Pig (oracle JVM) and the runtime jar (its own JVM) on the same data. */
class VerifyCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("ferry.root", ".."));

    @Test
    void agreesOnAMultiStoreScriptThatReadsWhatItStored(@TempDir Path tmp) throws Exception {
        Path input = Files.writeString(tmp.resolve("in.tsv"), "ann\t3\tParis\nbob\t\tParis\ncid\t7\tLyon\n\t2\tLyon\nÉva\t5\n");
        Path script = Files.writeString(tmp.resolve("job.pig"), String.join("\n",
                "raw = LOAD '$INPUT';",
                "SPLIT raw INTO many IF (int) $1 > 2, few OTHERWISE;",
                "STORE many INTO '$OUT/many';",
                "again = LOAD '$OUT/many' AS (name:chararray, n:int, city:chararray);",
                "g = GROUP again BY city;",
                "c = FOREACH g GENERATE group, SUM(again.n);",
                "o = ORDER c BY group;",
                "STORE o INTO '$OUT/sums';",
                "STORE few INTO '$OUT/few' USING PigStorage(',');", ""));
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", script.toString(), "--param", "INPUT=" + input, "--param", "OUT=" + tmp.resolve("out"));
        assertEquals(0, exit, out.toString());
        assertEquals(List.of(
                // 3, 7 and 5 are > 2; bob's empty count is null, so neither branch takes him (Pig's OTHERWISE).
                "agree: STORE many INTO '$OUT/many' (line 3), 3 row(s)",
                "agree: STORE o INTO '$OUT/sums' (line 8), 3 row(s), in order",
                "agree: STORE few INTO '$OUT/few' (line 9), 1 row(s)"), out.toString().lines().toList());
        assertTrue(Files.notExists(tmp.resolve("out")), "verify writes only scratch copies of the outputs");
    }

    @Test
    void aScriptThatDoesNotTranslateIsExitOne(@TempDir Path tmp) throws Exception {
        Path script = Files.writeString(tmp.resolve("job.pig"), "a = LOAD 'x' AS (m:map[]);\nSTORE a INTO 'y';\n");
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, "verify", script.toString()));
    }

    @Test
    void multisetDiffListsTheLinesEachSideHasMoreOften() {
        assertEquals("- a\t1    (Pig only)\n+ b\t2    (Flink only)",
                OutputComparison.multisetDiff(List.of("a\t1", "c", "c"), List.of("c", "b\t2", "c"), 10));
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new Ferry());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--oracle", PigOracle.defaultTargetDir().toString(),
                "--runtime-jar", ROOT.resolve("runtime/target/ferry-runtime.jar").toString())).toArray(String[]::new);
        return cli.execute(all);
    }
}
