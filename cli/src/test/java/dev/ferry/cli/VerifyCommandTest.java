package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOracle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code ferry verify} end to end: real Pig (oracle JVM) and the runtime jar (its own JVM) on the same data. */
class VerifyCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("ferry.root", ".."));

    /** The LOAD reads what the STORE wrote also where it spells the path another way (the same file for Hadoop). */
    @ParameterizedTest(name = "read back from {0}")
    @ValueSource(strings = {"$OUT/many", "$OUT/./many/", "$OUT//many"})
    void agreesOnAMultiStoreScriptThatReadsWhatItStored(String readBack, @TempDir Path tmp) throws Exception {
        Path input = Files.writeString(
                tmp.resolve("in.tsv"), "ann\t3\tParis\nbob\t\tParis\ncid\t7\tLyon\n\t2\tLyon\nÉva\t5\n");
        Path script = Files.writeString(
                tmp.resolve("job.pig"),
                String.join(
                        "\n",
                        "raw = LOAD '$INPUT';",
                        "SPLIT raw INTO many IF (int) $1 > 2, few OTHERWISE;",
                        "STORE many INTO '$OUT/many';",
                        "again = LOAD '" + readBack + "' AS (name:chararray, n:int, city:chararray);",
                        "g = GROUP again BY city;",
                        "c = FOREACH g GENERATE group, SUM(again.n);",
                        "o = ORDER c BY group;",
                        "STORE o INTO '$OUT/sums';",
                        "STORE few INTO '$OUT/few' USING PigStorage(',');",
                        ""));
        StringWriter out = new StringWriter();
        int exit = run(
                out, "verify", script.toString(), "--param", "INPUT=" + input, "--param", "OUT=" + tmp.resolve("out"));
        assertEquals(0, exit, out.toString());
        assertEquals(
                List.of(
                        // 3, 7 and 5 are > 2; bob's empty count is null, so neither branch takes him (Pig's OTHERWISE).
                        "agree: STORE many INTO '$OUT/many' (line 3), 3 row(s), equal as multisets",
                        "agree: STORE o INTO '$OUT/sums' (line 8), 3 row(s), equal, in order",
                        "agree: STORE few INTO '$OUT/few' (line 9), 1 row(s), equal as multisets"),
                out.toString().lines().toList());
        assertTrue(Files.notExists(tmp.resolve("out")), "verify writes only scratch copies of the outputs");
    }

    /**
     * A parameter that is a shell command's output runs no command, in Pig's copy neither: verify asks for its value
     * ({@code --param X}, what the command prints) and compares with it; a {@code %default} one of a given parameter
     * needs nothing (Pig does not run it either).
     */
    @ParameterizedTest(name = "[{index}] {0} with {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # the line                     | --param  | exit | the line printed
            %declare MIN `CMD`             | -        | 1    | job.pig:1:1: error PIG-E003: parameter 'MIN' is the output of the shell command `CMD`, which Ferry does not run (in Pig's copy neither), so verify needs its value
            %declare MIN `CMD`             | MIN=2    | 0    | agree: STORE b INTO '$OUT' (line 4), 2 row(s), equal as multisets
            %default MIN `CMD`             | -        | 1    | job.pig:1:1: error PIG-E003: parameter 'MIN' is the output of the shell command `CMD`, which Ferry does not run (in Pig's copy neither), so verify needs its value
            %default MIN `CMD`             | MIN=3    | 0    | agree: STORE b INTO '$OUT' (line 4), 1 row(s), equal as multisets
            %default MIN 3\\n%default MIN `CMD` | - | 0    | agree: STORE b INTO '$OUT' (line 5), 1 row(s), equal as multisets
            """)
    void aShellCommandParameterIsAskedForAndNeverRun(
            String line, String param, int exit, String printed, @TempDir Path tmp) throws Exception {
        Path ran = tmp.resolve("ran");
        String command = "touch " + ran + " && echo 1";
        Path input = Files.writeString(tmp.resolve("in.tsv"), "1\n2\n3\n4\n\n");
        Path script = Files.writeString(
                tmp.resolve("job.pig"),
                line.replace("\\n", "\n").replace("CMD", command)
                        + "\na = LOAD '$INPUT' AS (n:int);\nb = FILTER a BY n > $MIN;\nSTORE b INTO '$OUT';\n");
        List<String> args = new java.util.ArrayList<>(List.of(
                "verify", script.toString(), "--param", "INPUT=" + input, "--param", "OUT=" + tmp.resolve("out")));
        if (param != null) {
            args.addAll(List.of("--param", param));
        }
        StringWriter out = new StringWriter();
        assertEquals(exit, run(out, args.toArray(String[]::new)), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.endsWith(printed.replace("CMD", command))), out.toString());
        assertTrue(Files.notExists(ran), "the command never runs");
    }

    /**
     * DESCRIBE and EXPLAIN print a schema and plans where Pig prints a DUMP's rows; the job has none of them
     * (PIG-W001) and they change no row, so Pig's copy runs without them and the DUMP's lines are compared alone
     * (before, Pig's schema line made a DUMP-and-DESCRIBE script DIFFER by one line).
     */
    @Test
    void describeAndExplainPrintNothingThatIsCompared(@TempDir Path tmp) throws Exception {
        Path input = Files.writeString(tmp.resolve("in.tsv"), "1\tann\n12\tdan\n12\t\u00c9va\n2\t\n");
        Path script = Files.writeString(
                tmp.resolve("job.pig"),
                "A = load '$INPUT' as (v:int, w:chararray);\ndescribe A;\nB = filter A by v > 1;\n"
                        + "EXPLAIN B;\ndump B;\n");
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", script.toString(), "--param", "INPUT=" + input);
        assertTrue(out.toString().contains("agree: DUMP B (line 5), 3 line(s) printed"), out.toString());
        assertEquals(0, exit, out.toString());
    }

    /**
     * {@code --keep-work} keeps the work directory and prints where it is: Pig's and Flink's copies of the STORE are in
     * it. (Without it the directory is deleted: {@link ScratchDirectoryTest}.)
     */
    @Test
    void keepWorkKeepsPigsAndFlinksOutputsAndSaysWhere(@TempDir Path tmp) throws Exception {
        Path input = Files.writeString(tmp.resolve("in.tsv"), "1\tann\n12\tdan\n");
        Path script = Files.writeString(
                tmp.resolve("job.pig"), "A = load '$INPUT' as (v:int, w:chararray);\nstore A into 'out';\n");
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", script.toString(), "--param", "INPUT=" + input, "--keep-work");
        assertEquals(0, exit, out.toString());
        List<String> kept = out.toString()
                .lines()
                .filter(l -> l.startsWith("ferry verify: work files kept in "))
                .toList();
        assertEquals(1, kept.size(), out.toString());
        Path work = Path.of(kept.get(0).substring("ferry verify: work files kept in ".length()));
        try {
            assertTrue(Files.isDirectory(work.resolve("pig/0")), out.toString());
            assertTrue(Files.isDirectory(work.resolve("flink/0")), out.toString());
        } finally {
            ScratchDirectory.delete(work);
        }
    }

    /** Each printing command becomes spaces up to its ';', line breaks kept: every later position stays. */
    @Test
    void printingCommandsBecomeSpaces() {
        List<List<String>> rows = List.of(
                List.of("a = load 'x';\ndescribe a;\ndump a;", "a = load 'x';\n           \ndump a;"),
                List.of("a = load 'x';\nexplain a;\ndump a;", "a = load 'x';\n          \ndump a;"),
                List.of("a = load 'x';\nILLUSTRATE a; dump a;", "a = load 'x';\n              dump a;"),
                List.of("a = load 'x';\ndump a;", "a = load 'x';\ndump a;"));
        for (List<String> row : rows) {
            dev.ferry.parser.pig.PigScript parsed = dev.ferry.parser.pig.PigParser.parse(
                            row.get(0), "t.pig", new dev.ferry.diagnostics.Diagnostics())
                    .orElseThrow();
            assertEquals(
                    row.get(1),
                    ScriptVerification.withoutPrintingCommands(row.get(0), "t.pig", parsed.statements()),
                    row.get(0));
        }
    }

    /**
     * A parameter used only as a number of reducers ({@code PARALLEL $N}, {@code SET default_parallel $N}, Hadoop's
     * reducer count) and given nowhere is bound to 1: the count changes no row. One used elsewhere too, or given, is
     * left as it is (PIG-E002 still names one that has no value).
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # the script                                               | the parameters bound
            g = GROUP a BY k PARALLEL $N;                              | {N=1}
            g = GROUP a BY k PARALLEL ${N};                            | {N=1}
            set default_parallel $reducers;                            | {reducers=1}
            SET default_parallel '$R';                                 | {R=1}
            a = load 'x'; set default_parallel $R;                     | {R=1}
            set mapreduce.job.reduces $R; set mapred.reduce.tasks $S;  | {R=1, S=1}
            set default_parallel $R; a = load '$R';                    | {}
            %default R 4\\nset default_parallel $R;                   | {}
            set default_parallel $GIVEN;                               | {GIVEN=7}
            set job.name $R;                                           | {}
            reset default_parallel $R;                                 | {}
            """)
    void aReducerCountParameterIsBoundToOne(String script, String bound) {
        assertEquals(
                bound,
                ScriptVerification.withParallelism(
                                script.replace("\\n", "\n"),
                                script.contains("GIVEN") ? java.util.Map.of("GIVEN", "7") : java.util.Map.of())
                        .toString());
    }

    /**
     * A SET whose value is a parameter with no value leaves Pig's copy (spaces up to its ';', line breaks kept): its
     * value cannot be guessed and the translation takes no SET, so Pig runs with the key's default as the job does.
     * A SET of a literal, of a given parameter or of a %default one stays.
     */
    @Test
    void aSettingOfAnUnboundParameterLeavesPigsCopy() {
        List<List<String>> rows = List.of(
                List.of(
                        "set mapreduce.job.queuename $QUEUE;\na = load 'x';",
                        "                                   \na = load 'x';"),
                List.of(
                        "set job.name '$NAME run';\nset debug off;\na = load 'x';",
                        "                         \nset debug off;\na = load 'x';"),
                List.of("set io.sort.mb ${MB}; a = load 'x';", " ".repeat(21) + " a = load 'x';"),
                List.of("set job.name $GIVEN;\na = load 'x';", "set job.name $GIVEN;\na = load 'x';"),
                List.of(
                        "%default Q low\nset mapreduce.job.queuename $Q;\na = load 'x';",
                        "%default Q low\nset mapreduce.job.queuename $Q;\na = load 'x';"),
                List.of("set job.name 'cost$';\na = load 'x';", "set job.name 'cost$';\na = load 'x';"));
        for (List<String> row : rows) {
            dev.ferry.parser.pig.PigScript parsed = dev.ferry.parser.pig.PigParser.parse(
                            row.get(0), "t.pig", new dev.ferry.diagnostics.Diagnostics())
                    .orElseThrow();
            java.util.Map<String, String> values = new java.util.HashMap<>(java.util.Map.of("GIVEN", "x"));
            parsed.defaults().forEach(d -> values.put(d.name(), d.value()));
            assertEquals(
                    row.get(1),
                    ScriptVerification.withoutUnboundSettings(row.get(0), "t.pig", parsed.statements(), values),
                    row.get(0));
        }
    }

    /**
     * A script whose SETs take run-time parameters (its reducers, its queue) runs in both engines with no --param:
     * it was "not run" (PIG-E002) before.
     */
    @Test
    void settingsOfRunTimeParametersNeedNoValue(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("in.tsv"), "a\t1\nb\t2\na\t\n\t5\n");
        Files.writeString(
                repo.resolve("job.pig"),
                String.join(
                        "\n",
                        "SET default_parallel $reducers;",
                        "SET mapreduce.job.queuename '$QUEUE';",
                        "a = LOAD 'in.tsv' AS (k:chararray, n:int);",
                        "g = GROUP a BY k;",
                        "c = FOREACH g GENERATE group, SUM(a.n);",
                        "STORE c INTO 'out';",
                        ""));
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", "--repo", repo.toString());
        assertTrue(
                out.toString().contains("agree: STORE c INTO 'out' (line 6), 3 row(s), equal as multisets"),
                out.toString());
        assertEquals(0, exit, out.toString());
    }

    /**
     * Real Pig 0.18 fails the job of two GROUPs by position of one LOAD without AS when a generated line is short (its
     * multi-query packager reads a key field past the end of the tuple: IndexOutOfBoundsException): verify generates
     * the same rows again with every line whole and compares on those, saying so. It was "not run" (VER-E003).
     */
    /**
     * A Pig loader run by the adapter jar that discards a field it cannot convert, then a piggybank storer: the job
     * (java -jar, the adapter's own classes, no test classpath) failed with ClassNotFoundException
     * com.google.common.collect.Maps while Pig wrote the rows; the adapter now carries Pig 0.18's Guava.
     */
    @Test
    void anAdapterLoadThatDiscardsAFieldAgreesWithPig(@TempDir Path tmp) throws Exception {
        Path input = Files.writeString(tmp.resolve("in.tsv"), "ann\t3\thello\nbob\tx\tsays hi\nzoë\t7\t\n");
        Path script = Files.writeString(tmp.resolve("job.pig"), """
                c = LOAD 'in.tsv' USING org.apache.pig.piggybank.storage.CSVExcelStorage('\\t')
                    AS (user:chararray, n:int, note:chararray);
                STORE c INTO 'out' USING org.apache.pig.piggybank.storage.CSVExcelStorage(',');
                """);
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", script.toString(), "--data", "c=" + input);
        assertTrue(out.toString().contains("agree: STORE c INTO 'out' (line 3), 3 row(s)"), out.toString());
        assertEquals(0, exit, out.toString());
    }

    @Test
    void pigFailingOnShortGeneratedLinesIsRetriedOnWholeLines(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(
                ROOT.resolve("parser/src/test/resources/pig/valid/loader_without_as_grouped.pig"),
                repo.resolve("job.pig"));
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", "--repo", repo.toString());
        List<String> lines = out.toString().lines().map(String::strip).toList();
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith("generated rows with no line cut short: real Pig failed on the"
                                + " first ones (real Pig failed on the verification input:")),
                out.toString());
        assertEquals(
                2,
                lines.stream()
                        .filter(l -> l.matches("agree: STORE (counts|pairs) INTO .* [1-9][0-9]* row\\(s\\).*"))
                        .count(),
                out.toString());
        assertEquals(0, exit, out.toString());
    }

    @Test
    void aScriptThatDoesNotTranslateIsExitOne(@TempDir Path tmp) throws Exception {
        Path script = Files.writeString(tmp.resolve("job.pig"), "a = LOAD 'x' AS (m:map[]);\nSTORE a INTO 'y';\n");
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, "verify", script.toString()));
    }

    /**
     * A script named without a directory part ({@code ferry verify job.pig} in its directory) is verified as any
     * other: it was an internal error (its path has no parent). Run as a process whose working directory is the
     * script's.
     */
    @Test
    void aScriptNamedWithoutADirectoryIsVerified(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("job.pig"), "a = LOAD 'x' AS (n:int);\nSTORE a INTO 'y';\n");
        Files.writeString(tmp.resolve("x"), "1\n2\n");
        Process ferry = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Ferry.class.getName(),
                        "verify",
                        "job.pig",
                        "--oracle",
                        PigOracle.defaultTargetDir().toAbsolutePath().toString(),
                        "--runtime-jar",
                        ROOT.resolve("runtime/target/ferry-runtime.jar")
                                .toAbsolutePath()
                                .toString())
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .start();
        String printed = new String(ferry.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, ferry.waitFor(), printed);
        assertTrue(printed.contains("agree"), printed);
        assertFalse(printed.contains("internal error"), printed);
    }

    /**
     * {@code --repo}: one line per script and the counts. Each outcome once: a sampled input (the file is in the
     * repository), a generated one (it is not), a TODO, a parameter without a value (PIG-E002, not run), a path
     * that is not written in its statement and twice in the script (VER-E001, not run), a script with a DUMP and
     * no STORE, and a macro library (no effect: Pig runs no job for it).
     */
    @Test
    void repoModePrintsEachScriptsOutcomeAndTheAgreeRate(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("data"));
        Files.writeString(repo.resolve("data/clicks.tsv"), "ann\t3\nbob\t\nann\t4\n\t1\n");
        Files.writeString(
                repo.resolve("a_sampled.pig"),
                "c = LOAD 'data/clicks.tsv' AS (name:chararray, n:int);\n"
                        + "g = GROUP c BY name;\nr = FOREACH g GENERATE group, SUM(c.n), COUNT(c);\nSTORE r INTO 'out/sums';\n");
        Files.writeString(
                repo.resolve("b_generated.pig"),
                "u = LOAD '/warehouse/users' USING PigStorage(',') AS (name:chararray, age:int, score:double);\n"
                        + "v = LOAD '$USERS' USING PigStorage(',') AS (who:chararray, city:chararray);\n"
                        + "j = JOIN u BY name, v BY who;\nr = FOREACH j GENERATE city, age * 2, score;\nSTORE r INTO '$OUT';\n");
        Files.writeString(
                repo.resolve("c_todo.pig"),
                "a = LOAD 'x' AS (line:chararray);\nb = STREAM a THROUGH `cat`;\nSTORE b INTO 'y';\n");
        Files.writeString(
                repo.resolve("d_param.pig"),
                "a = LOAD 'x' AS (n:int);\nb = FILTER a BY n > $MIN;\nSTORE b INTO 'y';\n");
        Files.writeString(
                repo.resolve("e_macro.pig"),
                "DEFINE load_ints(p) RETURNS r {\n  $r = LOAD '$p' AS (n:int);\n};\n"
                        + "a = load_ints('x');\nb = load_ints('x');\nSTORE a INTO 'y';\nSTORE b INTO 'z';\n");
        Files.writeString(repo.resolve("f_nostore.pig"), "a = LOAD 'x' AS (n:int);\nDUMP a;\n");
        // Pig reads an IMPORT relative to where it runs: verify points it at the file beside the script.
        Files.createDirectories(repo.resolve("lib"));
        Files.writeString(repo.resolve("lib/m.pig"), "DEFINE big(X) RETURNS Y {\n  $Y = FILTER $X BY n > 2;\n};\n");
        Files.writeString(
                repo.resolve("g_import.pig"),
                "IMPORT 'lib/m.pig';\na = LOAD 'x' AS (n:int, s:chararray);\nb = big(a);\nSTORE b INTO 'y';\n");
        // No row can pass the FILTER: both sides write nothing, which is no evidence and is said so.
        Files.writeString(
                repo.resolve("h_empty.pig"),
                "a = LOAD 'x' AS (n:int);\nb = FILTER a BY n > 1000 AND n < 5;\nSTORE b INTO 'y';\n");
        // Generated values include those the conditions compare with: rows pass (no value of the vocabulary would).
        Files.writeString(
                repo.resolve("i_seeded.pig"),
                "a = LOAD 'x' AS (n:int, s:chararray);\nb = FILTER a BY n >= 1000 AND s IN ('p', 'q');\n"
                        + "STORE b INTO 'y';\n");
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", "--repo", repo.toString());
        List<String> summary =
                out.toString().lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals(
                List.of(
                        "agree    a_sampled.pig  (inputs: 1 sampled)",
                        "agree    b_generated.pig  (inputs: 2 generated)",
                        "TODO     c_todo.pig",
                        "not run  d_param.pig  (inputs: 1 generated)",
                        "not run  e_macro.pig  (inputs: 1 generated)",
                        "agree    f_nostore.pig  (inputs: 1 generated)",
                        "agree    g_import.pig  (inputs: 1 generated)",
                        "agree (0 rows) h_empty.pig  (inputs: 1 generated)",
                        "agree    i_seeded.pig  (inputs: 1 generated)",
                        "no effect lib/m.pig",
                        "",
                        "scripts 10: translated 8, no effect 1, TODO 1, error 0",
                        "translated 8: agree 6 (1 on empty outputs only), differ 0, not run 2",
                        "agree rate: 6/10 (60%) of all scripts, 6/6 (100%) of the scripts compared",
                        "inputs of the scripts compared: 1 sampled from the repository, 6 generated from LOAD schemas"),
                summary,
                out.toString());
        assertTrue(out.toString().contains("d_param.pig:2:21: error PIG-E002"), out.toString());
        assertTrue(
                out.toString()
                        .contains(
                                "agree (0 rows): STORE b INTO 'y' (line 3), no row written by Pig nor by the Flink job"),
                out.toString());
        // What the DUMP printed in Pig and on Flink is compared, and there was something to compare.
        assertTrue(
                java.util.regex.Pattern.compile("agree: DUMP a \\(line 2\\), [1-9][0-9]* line\\(s\\) printed")
                        .matcher(out.toString())
                        .find(),
                out.toString());
        assertTrue(out.toString().contains("e_macro.pig:2:7: error VER-E001"), out.toString());
        assertEquals(1, exit, "scripts that could not be run fail the verification");
        assertTrue(
                Files.notExists(repo.resolve("out")) && Files.notExists(repo.resolve("y")),
                "nothing is written into the repository");
    }

    /**
     * {@code --repo} on scripts that LOAD binary files (Avro, ORC, Parquet, BinStorage) no file of the repository
     * holds: real Pig writes generated rows with each loader's storer, and both sides read those files; the grouped,
     * filtered and computed rows agree.
     */
    @Test
    void binaryLoadersReadFilesRealPigWrites(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(
                repo.resolve("avro.pig"),
                "a = LOAD '/data/events' USING AvroStorage() AS (name:chararray, n:int, score:double, ok:boolean);\n"
                        + "g = GROUP a BY name;\nr = FOREACH g GENERATE group, COUNT(a), SUM(a.n), MAX(a.score);\n"
                        + "STORE r INTO '/out/avro';\n");
        Files.writeString(
                repo.resolve("bin.pig"),
                "a = LOAD '/data/bin' USING BinStorage() AS (name:chararray, n:int, d:double);\n"
                        + "b = FOREACH a GENERATE name, n + 1, d;\nSTORE b INTO '/out/bin';\n");
        Files.writeString(
                repo.resolve("orc.pig"),
                "a = LOAD '/data/orc' USING OrcStorage() AS (name:chararray, n:long, d:double);\n"
                        + "b = FILTER a BY n > 1;\nSTORE b INTO '/out/orc';\n");
        Files.writeString(
                repo.resolve("parquet.pig"),
                "a = LOAD '/data/pq' USING ParquetLoader() AS (name:chararray, n:int, f:float);\n"
                        + "b = FOREACH a GENERATE name, n * 2, f;\nSTORE b INTO '/out/pq';\n");
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", "--repo", repo.toString());
        assertEquals(
                List.of(
                        "agree    avro.pig  (inputs: 1 generated)",
                        "agree    bin.pig  (inputs: 1 generated)",
                        "agree    orc.pig  (inputs: 1 generated)",
                        "agree    parquet.pig  (inputs: 1 generated)"),
                out.toString()
                        .lines()
                        .filter(l -> !l.startsWith(" ") && !l.isEmpty())
                        .limit(4)
                        .toList(),
                out.toString());
        assertTrue(
                out.toString()
                                .lines()
                                .filter(l -> l.matches(" +agree: STORE .* [1-9][0-9]* row\\(s\\).*"))
                                .count()
                        == 4,
                out.toString());
        assertEquals(0, exit, out.toString());
    }

    /**
     * What Pig leaves open is not compared: a LIMIT with no ORDER keeps some n rows (the count and containment in
     * its input are checked), a SAMPLE keeps each row with its fraction (containment and a binomial bound); a
     * LIMIT after an ORDER is compared whole and in order. A {@code PARALLEL $N} parameter needs no value.
     */
    @Test
    void limitAndSampleAreComparedByWhatPigDefines(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            rows.append("k").append(i % 7).append('\t').append(i).append('\n');
        }
        Files.writeString(repo.resolve("in.tsv"), rows);
        Files.writeString(
                repo.resolve("job.pig"),
                String.join(
                        "\n",
                        "a = LOAD 'in.tsv' AS (k:chararray, n:int);",
                        "g = GROUP a BY k PARALLEL $REDUCERS;",
                        "c = FOREACH g GENERATE group, COUNT(a) AS n;",
                        "some = LIMIT a 5;",
                        "STORE some INTO 'out/some';",
                        "s = SAMPLE a 0.25;",
                        "STORE s INTO 'out/sample';",
                        "o = ORDER c BY n DESC, group;",
                        "top = LIMIT o 3;",
                        "STORE top INTO 'out/top';",
                        ""));
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", "--repo", repo.toString());
        assertEquals(0, exit, out.toString());
        List<String> lines = out.toString().lines().map(String::strip).toList();
        assertEquals(
                List.of(
                        "agree: STORE some INTO 'out/some' (line 5), 5 row(s), LIMIT without ORDER: the same count,"
                                + " every row one of a's 200",
                        "agree: STORE top INTO 'out/top' (line 10), 3 row(s), equal, in order; rows tied with the last"
                                + " one kept may be any of o's"),
                lines.stream()
                        .filter(l -> l.contains("out/some") || l.contains("out/top"))
                        .toList(),
                out.toString());
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l -> l.matches("agree: STORE s INTO 'out/sample' \\(line 7\\), \\d+ row\\(s\\), SAMPLE"
                                        + " 0.25: every row one of a's 200, the count in \\[20, 80] \\(5 standard deviations of"
                                        + " the binomial\\)")),
                out.toString());
    }

    /**
     * Which comparison a STORE of {@code r} gets: the script's last lines (after two LOADs and a GROUP) | the
     * comparison (for a nested LIMIT: the bag's field, whether flattened, the ORDER's fields in its tuples). A block
     * of another shape, or an ORDER whose fields cannot be placed, is compared whole.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = FOREACH G { p = A.x; l = LIMIT p 2; GENERATE group, l; };                       | NestedLimit 1 false []
            r = FOREACH G { l = LIMIT A $N; GENERATE group, l; };                               | NestedLimit 1 false []
            r = FOREACH O { s = ORDER items BY qty DESC; f = LIMIT s 1; GENERATE id, FLATTEN(f); }; | NestedLimit 1 true [1]
            r = FOREACH O {\\n s = ORDER items BY $0;\\n f = LIMIT s 3;\\n GENERATE id, 'x', f;\\n};   | NestedLimit 2 false [0]
            r = FOREACH G { s = ORDER A BY y, k DESC; l = LIMIT s 1; GENERATE group, FLATTEN(l); }; | NestedLimit 1 true [2, 0]
            r = FOREACH G { s = ORDER A BY x; f = FILTER s BY x > 0; l = LIMIT f 1; GENERATE group, l; }; | Multiset
            r = FOREACH G { s = ORDER A BY nosuch; l = LIMIT s 1; GENERATE group, l; };         | Multiset
            r = FOREACH G { l = LIMIT A 2; GENERATE group, SUM(l.x); };                         | Multiset
            r = FOREACH G { l = LIMIT A 1; GENERATE FLATTEN(l), group; };                       | Multiset
            r = FOREACH G { l = LIMIT A 2; GENERATE group, l, l; };                             | Multiset
            r = FOREACH G { l = LIMIT A 2; m = FILTER l BY x > 0; GENERATE group, m; };         | Multiset
            r = FOREACH G { l = LIMIT A 2; GENERATE group, COUNT(A), l; };                      | NestedLimit 2 false []
            r = FOREACH G { l = LIMIT A 2; GENERATE group, SIZE(l); };                          | Multiset
            r = FOREACH G { f = FILTER A BY x > 0; s = ORDER f BY y DESC; l = LIMIT s 2; GENERATE group, l, COUNT(A); }; | NestedLimit 1 false [2]
            r = FOREACH G { d = DISTINCT A; s = ORDER d BY x; l = LIMIT s 1; GENERATE FLATTEN(l); }; | NestedLimit 0 true [1]
            r = FOREACH G { p = A.(x, y); s = ORDER p BY y; l = LIMIT s 1; GENERATE FLATTEN(l); }; | Multiset
            r = FOREACH G { d = DISTINCT A.x; l = LIMIT d 2; GENERATE group, l; };               | Multiset
            r = FOREACH G { s = ORDER A BY y DESC; p = s.x; l = LIMIT p 1; GENERATE group, l; }; | ProjectedTopN 1 [1] [2] [true] 1
            r = FOREACH G { s = ORDER A BY y DESC; p = s.x; d = DISTINCT p; l = LIMIT p 1; GENERATE group, d, COUNT(d), l; }; | ProjectedTopN 3 [1] [2] [true] 1
            r = FOREACH G { s = ORDER A BY y DESC; p = s.x; s = FILTER A BY x > 0; l = LIMIT p 1; GENERATE group, l; }; | Multiset
            r = FOREACH G { s = ORDER A BY y DESC; p = A.x; l = LIMIT p 1; GENERATE group, l; }; | Multiset
            r = FOREACH G { s = ORDER A BY y; s = LIMIT s $N; GENERATE group, s.x, COUNT(A); }; | ProjectedTopN 1 [1] [2] [false] 2
            r = FOREACH G { s = ORDER A BY y, $0 DESC; l = LIMIT s 3; n = FILTER A BY x > 0; GENERATE l.x, COUNT(n); }; | ProjectedTopN 0 [1] [2, 0] [false, true] 3
            r = FOREACH G { s = ORDER A BY y; l = LIMIT s 2; m = FILTER l BY x > 0; GENERATE group, l.x; }; | Multiset
            r = FOREACH G { s = ORDER A BY nosuch; p = s.x; l = LIMIT p 1; GENERATE group, l; }; | Multiset
            r = FOREACH G { s = ORDER A BY y; l = LIMIT s 2; GENERATE group, l.nosuch; };       | Multiset
            r = FOREACH G { s = ORDER A BY y; l = LIMIT s 2; GENERATE group, l.x, l.y; };      | Multiset
            r = FOREACH G { s = ORDER A BY y; f = FILTER s BY x > 0; p = f.x; l = LIMIT p 1; GENERATE group, l; }; | Multiset
            T = FOREACH G GENERATE group AS g, TOP(2, 1, A) AS t;\\nr = FOREACH T GENERATE g, FLATTEN(t); | FlattenedTop 1 1 2
            T = FOREACH G GENERATE group AS g, 'c', TOP($N, 2, A) AS t;\\nr = FOREACH T GENERATE g, 'k', FLATTEN(t); | FlattenedTop 2 2 2
            T = FOREACH G GENERATE group AS g, TOP(2, 1, A) AS t;\\nr = FOREACH T GENERATE FLATTEN(t), g; | Multiset
            T = FOREACH G GENERATE group AS g, MAX(A.x) AS t;\\nr = FOREACH T GENERATE g, FLATTEN(t);   | Multiset
            T = FOREACH G GENERATE group AS g, TOP(2, 1, A) AS t;\\nr = FOREACH T GENERATE g, t;          | Multiset
            S = SAMPLE A 0.5;\\nr = RANK S;                                                     | RankedSample
            S = SAMPLE A $P;\\nr = RANK S;                                                      | RankedSample
            S = SAMPLE A 0.5;\\nr = RANK S BY x;                                                | Multiset
            S = SAMPLE A 0.5;\\nr = RANK S;\\nA = LOAD 'z' AS (k:int);                           | Multiset
            r = SAMPLE A 0.5;                                                                  | Sample
            r = LIMIT A 2;                                                                     | Limit
            """)
    void eachStoreIsComparedByWhatPigDefinesOfIt(String last, String expected) {
        String text = "A = LOAD 'a' AS (k:int, x:int, y:chararray);\n"
                + "O = LOAD 'o' AS (id:int, items:bag{t:(sku:chararray, qty:int)});\n"
                + "G = GROUP A BY k;\n" + last.replace("\\n", "\n") + "\nSTORE r INTO 'out';\n";
        dev.ferry.parser.pig.PigScript parsed = dev.ferry.parser.pig.PigParser.parse(
                        text, "t.pig", new dev.ferry.diagnostics.Diagnostics())
                .orElseThrow();
        ScriptVerification.Comparison comparison = ScriptVerification.comparison(
                parsed, "r", text.split("\n").length, java.util.Map.of("N", "2", "P", "0.25"), text, 0);
        String shown = comparison instanceof ScriptVerification.Comparison.NestedLimit n
                ? "NestedLimit " + n.at() + " " + n.flattened() + " " + n.keys()
                : comparison instanceof ScriptVerification.Comparison.ProjectedTopN t
                        ? "ProjectedTopN " + t.at() + " " + t.projection() + " " + t.keys() + " " + t.descending() + " "
                                + t.n()
                        : comparison instanceof ScriptVerification.Comparison.FlattenedTop f
                                ? "FlattenedTop " + f.at() + " " + f.field() + " " + f.n()
                                : comparison.getClass().getSimpleName();
        assertEquals(expected, shown, text);
    }

    /** Pig's copy computes the nested FOREACH again with its LIMIT a FILTER that keeps every tuple, as written. */
    @Test
    void aNestedLimitIsComparedWithTheWholeBags() {
        String text = "A = LOAD 'a' AS (k:int, x:int);\nG = GROUP A BY k;\n"
                + "r = FOREACH G {\n  p = A.x; -- the x; only\n  l = LIMIT p $N;\n  GENERATE group, l;\n};\n"
                + "STORE r INTO 'out';\n";
        dev.ferry.parser.pig.PigScript parsed = dev.ferry.parser.pig.PigParser.parse(
                        text, "t.pig", new dev.ferry.diagnostics.Diagnostics())
                .orElseThrow();
        assertEquals(
                "\nferry_full_3 = FOREACH G {\n  p = A.x; -- the x; only\n  l = FILTER p BY true;\n  GENERATE group,"
                        + " l;\n};\n",
                ScriptVerification.comparison(parsed, "r", 8, java.util.Map.of("N", "2"), text, 3)
                        .definition());
    }

    /**
     * Pig's copy of a LIMIT of a projected ORDER computes the FOREACH with the LIMIT a FILTER of the ORDER itself and
     * the projected GENERATE item the bare bag: the ORDER's whole tuples, keys included, as written.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            s = order A by x desc;\\n  p = s.k;\\n  l = limit p 1;\\n  generate group, l; | s = order A by x desc;\\n  p = s.k;\\n  l = FILTER s BY true;\\n  generate group, l;
            s = order A by x;\\n  s = limit s $N;\\n  n = filter A by x > 0;\\n  generate group, s . k as ks, COUNT(n); | s = order A by x;\\n  s = FILTER s BY true;\\n  n = filter A by x > 0;\\n  generate group, s as ks, COUNT(n);
            """)
    void aLimitOfAProjectedOrderIsComparedWithTheOrdersWholeBags(String block, String whole) {
        String text = "A = LOAD 'a' AS (k:int, x:int);\nG = GROUP A BY k;\nr = FOREACH G {\n  "
                + block.replace("\\n", "\n") + "\n};\nSTORE r INTO 'out';\n";
        dev.ferry.parser.pig.PigScript parsed = dev.ferry.parser.pig.PigParser.parse(
                        text, "t.pig", new dev.ferry.diagnostics.Diagnostics())
                .orElseThrow();
        ScriptVerification.Comparison comparison = ScriptVerification.comparison(
                parsed, "r", text.split("\n").length, java.util.Map.of("N", "2"), text, 3);
        assertEquals(
                "\nferry_full_3 = FOREACH G {\n  " + whole.replace("\\n", "\n") + "\n};\n",
                comparison.definition(),
                comparison.toString());
    }

    /** Pig's copy of a FLATTEN of TOP computes both statements again with the TOP the whole bag, as written. */
    @Test
    void aFlattenOfTopIsComparedWithTheWholeBagsFlattened() {
        String text = "A = LOAD 'a' AS (k:int, x:int);\nG = GROUP A BY k;\n"
                + "T = foreach G generate group as g, TOP(2, 1, A) as t, COUNT(A);\n"
                + "r = foreach T generate g, flatten(t);\nSTORE r INTO 'out';\n";
        dev.ferry.parser.pig.PigScript parsed = dev.ferry.parser.pig.PigParser.parse(
                        text, "t.pig", new dev.ferry.diagnostics.Diagnostics())
                .orElseThrow();
        assertEquals(
                "\nferry_top_1 = foreach G generate group as g, A as t, COUNT(A);"
                        + "\nferry_full_1 = FOREACH ferry_top_1 generate g, flatten(t);\n",
                ScriptVerification.comparison(parsed, "r", 5, java.util.Map.of(), text, 1)
                        .definition());
    }

    /** A nested block needs no ';' after its brace: the whole FOREACH ends there, the next statement is not in it. */
    @Test
    void aNestedBlockWithoutASemicolonEndsAtItsBrace() {
        String text = "A = LOAD 'a' AS (k:int, x:int);\nG = GROUP A BY k;\n"
                + "r = foreach G { s = order A by x desc; l = limit s 1; generate group, l; }\nstore r into 'out';\n";
        dev.ferry.parser.pig.PigScript parsed = dev.ferry.parser.pig.PigParser.parse(
                        text, "t.pig", new dev.ferry.diagnostics.Diagnostics())
                .orElseThrow();
        assertEquals(
                "\nferry_full_0 = foreach G { s = order A by x desc; l = FILTER s BY true; generate group, l; };\n",
                ScriptVerification.comparison(parsed, "r", 4, java.util.Map.of(), text, 0)
                        .definition());
    }

    /**
     * A DUMP alone of a LIMIT is compared as a STORE of it: without ORDER any rows of the input, after an ORDER any of
     * the rows tied at the cut (three rows have k = 2, the LIMIT keeps one of them), in real Pig and on Flink.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            l = LIMIT a 3;              | 3 line(s) printed, LIMIT without ORDER: the same count, every row one of a's 5
            o = ORDER a BY k;\\nl = LIMIT o 2; | 2 line(s) printed, equal, in order; rows tied with the last one kept may be any of o's
            """)
    void aDumpOfALimitAgreesOnAnyRowsPigLeavesOpen(String limit, String agreement, @TempDir Path tmp) throws Exception {
        Path input = Files.writeString(tmp.resolve("in.tsv"), "1\tann\n2\tbob\n2\tcid\n2\tdan\n3\téva\n");
        String text = "a = LOAD '$INPUT' AS (k:int, name:chararray);\n" + limit.replace("\\n", "\n") + "\ndump l;\n";
        Path script = Files.writeString(tmp.resolve("job.pig"), text);
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", script.toString(), "--param", "INPUT=" + input);
        assertEquals(
                List.of("agree: DUMP l (line " + text.split("\n").length + "), " + agreement),
                out.toString().lines().toList());
        assertEquals(0, exit, out.toString());
    }

    /** A DUMP's line is its tuple's fields in parentheses; the comparison reads the fields. */
    @Test
    void aDumpOfALimitIsComparedAsItsStoreWouldBe() {
        List<String> input = List.of("1,a", "2,b", "3,c");
        ScriptVerification.Comparison limit = new ScriptVerification.Comparison.Limit("a");
        assertEquals(List.of("1,a", "(x", "{(1)}"), ScriptVerification.fieldsOf(List.of("(1,a)", "(x", "({(1)})")));
        assertEquals(
                "",
                limit.differences(
                        ScriptVerification.fieldsOf(List.of("(1,a)", "(2,b)")),
                        ScriptVerification.fieldsOf(List.of("(3,c)", "(1,a)")),
                        input,
                        ","));
        assertEquals(
                "Flink wrote a row that is not in the input (or more often than there): 4,d",
                limit.differences(
                        ScriptVerification.fieldsOf(List.of("(1,a)", "(2,b)")),
                        ScriptVerification.fieldsOf(List.of("(4,d)", "(1,a)")),
                        input,
                        ","));
    }

    /**
     * Generated rows are dirty on purpose, so an ASSERT may fail Pig's job: the script then agrees when the Flink job
     * fails an ASSERT too, and differs when it fails otherwise; nothing is "not run".
     */
    @Test
    void anAssertTheInputViolatesFailsBothJobs(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("in.tsv"), "3\n-4\n7\n");
        Files.writeString(
                repo.resolve("job.pig"),
                "a = LOAD 'in.tsv' AS (x:int);\nASSERT a BY x > 0, 'x must be positive';\nSTORE a INTO 'out';\n");
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", "--repo", repo.toString());
        assertEquals(0, exit, out.toString());
        assertEquals(
                List.of(
                        "agree    job.pig  (inputs: 1 sampled)",
                        "         agree: both jobs fail an ASSERT on this input (the comparison: the same failure)"),
                out.toString().lines().limit(2).toList());
    }

    /**
     * A LOAD without AS of a directory holding a .pig_schema (as PigStorage '-schema' or JsonStorage wrote it): the
     * sample carries the schema file, so Pig types the fields by it as the translation did (a directory and a file of
     * one; without the copy Pig knew no field 'n' and the script was not run).
     */
    @Test
    void aSampleCarriesTheSchemaFileOfItsDirectory(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path data = Files.createDirectories(repo.resolve("data"));
        Files.writeString(data.resolve("part-m-00000"), "ann\t3\nżółw\t\n\t-4\n");
        Files.writeString(data.resolve(".pig_schema"), PIG_SCHEMA);
        Files.writeString(
                repo.resolve("dir.pig"),
                "a = LOAD 'data';\nb = FOREACH a GENERATE name, n + 1;\nSTORE b INTO 'out';\n");
        Files.writeString(
                repo.resolve("file.pig"),
                "a = LOAD 'data/part-m-00000' USING PigStorage('\\t');\nb = FILTER a BY n > 0;\nSTORE b INTO 'out2';\n");
        StringWriter out = new StringWriter();
        int exit = run(out, "verify", "--repo", repo.toString());
        assertEquals(0, exit, out.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.contains("agree    dir.pig  (inputs: 1 sampled)"), out.toString());
        assertTrue(lines.contains("agree    file.pig  (inputs: 1 sampled)"), out.toString());
    }

    /** The .pig_schema Pig 0.18's PigStorage '-schema' writes for (name:chararray, n:int). */
    static final String PIG_SCHEMA =
            "{\"fields\":[{\"name\":\"name\",\"type\":55,\"description\":\"autogenerated from Pig"
                    + " Field Schema\",\"schema\":null},{\"name\":\"n\",\"type\":10,\"description\":\"autogenerated from Pig Field"
                    + " Schema\",\"schema\":null}],\"version\":0,\"sortKeys\":[],\"sortKeyOrders\":[]}";

    @Test
    void theScriptAndRepoModesExcludeEachOther(@TempDir Path tmp) {
        StringWriter out = new StringWriter();
        assertEquals(2, run(out, "verify"));
        assertEquals(2, run(out, "verify", "x.pig", "--repo", tmp.toString()));
    }

    /** ORDER BY x: rows tied on x may come in either order; rows out of x's order, or other rows, differ. */
    @Test
    void orderedOutputsAgreeUpToTheOrderOfTies() {
        List<String> pig = List.of("12\tann", "12\tbob", "3\tcid");
        assertEquals("", OutputComparison.differences(pig, List.of("12\tbob", "12\tann", "3\tcid"), List.of(0), "\t"));
        assertEquals(
                "line 1 is out of order\nPig:   12\tann\nFlink: 3\tcid",
                OutputComparison.differences(pig, List.of("3\tcid", "12\tbob", "12\tann"), List.of(0), "\t"));
        assertTrue(OutputComparison.differences(pig, List.of("12\tbob", "12\tbob", "3\tcid"), List.of(0), "\t")
                .startsWith("line 1 differs"));
        assertEquals(
                "line 1 is out of order\nPig:   12\tann\nFlink: 12\tbob",
                OutputComparison.differences(pig, List.of("12\tbob", "12\tann", "3\tcid"), List.of(0, 1), "\t"));
    }

    @Test
    void multisetDiffListsTheLinesEachSideHasMoreOften() {
        assertEquals(
                "- a\t1    (Pig only)\n+ b\t2    (Flink only)",
                OutputComparison.multisetDiff(List.of("a\t1", "c", "c"), List.of("c", "b\t2", "c"), 10));
    }

    /** Runs {@code ferry} with the oracle and the runtime jar of this build. */
    static int run(StringWriter out, String... args) {
        CommandLine cli = Ferry.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        String[] all = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args),
                        java.util.stream.Stream.of(
                                "--oracle", PigOracle.defaultTargetDir().toString(),
                                "--runtime-jar",
                                        ROOT.resolve("runtime/target/ferry-runtime.jar")
                                                .toString()))
                .toArray(String[]::new);
        return cli.execute(all);
    }
}
