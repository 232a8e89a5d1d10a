package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOracleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pig StoreFuncs the runtime's adapter runs unchanged (the pig-store connector of target/ferry-pig-udf.jar): Pig's
 * BinStorage, piggybank's CSVExcelStorage and MultiStorage (the adapter carries piggybank 0.17.0), and a StoreFunc
 * written for these tests (cli/src/test/resources/udfs/storers), compiled here into a jar the scripts REGISTER. Real
 * Pig 0.18 runs each script; Ferry's translation runs on embedded Flink over the same input. The functions are
 * deterministic, so the two output directories must be the same tree: the same file names (part-m-00000 or
 * part-r-00000, MultiStorage's directories, _SUCCESS, the local file system's .crc files) with the same bytes.
 */
class JavaStorerDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    private static final Path STORER_SOURCES =
            JavaUdfDifferentialTest.ROOT.resolve("cli/src/test/resources/udfs/storers/src");

    /**
     * user, n, score, big, flag, note: nulls in each column, unicode, a comma, double quotes, a '|' the scripts turn
     * into a newline, a number that does not parse, an empty note.
     */
    static final String ROWS = String.join(
                    "\n",
                    "ann\t3\t2.5\t9000000000\ttrue\thello",
                    "bob\t\t-0.125\t-1\tfalse\tsays \"hi\", then|leaves",
                    "\tx\t\t\t\t",
                    "zoë\t7\t1e3\t0\tTRUE\tZoë Straße, 日本語",
                    "ann\t-12\t0.1\t42\tmaybe\t\"quoted\"",
                    "cid\t0\t\t5\tfalse\t")
            + "\n";

    private static final String LOAD =
            "raw = LOAD '$INPUT' AS (user:chararray, n:int, score:double, big:long, flag:boolean, note);\n";

    private static Path compiledJar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compileTheStorer(@TempDir Path build) throws IOException {
        compiledJar = JavaUdfDifferentialTest.compile(
                build,
                STORER_SOURCES,
                "acme-storers.jar",
                List.of("pig-0.18", "hadoop-common", "hadoop-mapreduce-client-core", "joda-time"));
    }

    /** One case: its name and the script after the REGISTERs and the LOAD of {@link #ROWS} as raw. */
    record Case(String name, String script) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("BinStorage of typed fields, nulls, a bytearray and unicode (a map task: part-m-00000)", """
                        STORE raw INTO '$OUTPUT' USING BinStorage();
                        """),
                new Case("BinStorage by class name after a GROUP and an ORDER (a reduce task: part-r-00000)", """
                        g = GROUP raw BY user;
                        c = FOREACH g GENERATE group AS user, COUNT(raw) AS rows, SUM(raw.n) AS n, MAX(raw.score);
                        o = ORDER c BY user;
                        STORE o INTO '$OUTPUT' USING org.apache.pig.builtin.BinStorage();
                        """),
                new Case("CSVExcelStorage: commas, quotes, a newline, unicode, nulls, a header from the schema", """
                        DEFINE CSV org.apache.pig.piggybank.storage.CSVExcelStorage(',', 'YES_MULTILINE', 'UNIX',
                            'WRITE_OUTPUT_HEADER');
                        r = FOREACH raw GENERATE user, n, score, flag, REPLACE(note, '\\\\|', '\\n') AS note;
                        STORE r INTO '$OUTPUT' USING CSV;
                        """),
                new Case("CSVExcelStorage with a ';' delimiter and Windows line ends, by class name", """
                        r = FOREACH raw GENERATE user, REPLACE(note, '\\\\|', '\\n') AS note, big;
                        STORE r INTO '$OUTPUT' USING org.apache.pig.piggybank.storage.CSVExcelStorage(';',
                            'YES_MULTILINE', 'WINDOWS');
                        """),
                new Case("CSVExcelStorage loading a field that does not convert (Pig warns, the field is null)", """
                        c = LOAD '$INPUT' USING org.apache.pig.piggybank.storage.CSVExcelStorage('\\t')
                            AS (user:chararray, n:int, score:double);
                        STORE c INTO '$OUTPUT' USING org.apache.pig.piggybank.storage.CSVExcelStorage(',');
                        """),
                new Case("MultiStorage: one directory per user, a null user's among them", """
                        r = FOREACH raw GENERATE user, n, note;
                        STORE r INTO '$OUTPUT' USING org.apache.pig.piggybank.storage.MultiStorage('$OUTPUT', '0');
                        """),
                new Case("CSVExcelStorage of a bag, a tuple and a map (their text as Pig's objects print it)", """
                        g = GROUP raw BY user;
                        r = FOREACH g {
                            s = ORDER raw BY n;
                            GENERATE group AS user, s.(n, score) AS pairs, (group, COUNT(raw)) AS t,
                                TOMAP('u', group) AS m;
                        };
                        STORE r INTO '$OUTPUT' USING org.apache.pig.piggybank.storage.CSVExcelStorage(',');
                        """),
                new Case("BinStorage of bags of typed fields, each in a stated order (part-r-00000)", """
                        g = GROUP raw BY user;
                        r = FOREACH g {
                            s = ORDER raw BY n;
                            GENERATE group AS user, s.(n, score) AS pairs;
                        };
                        STORE r INTO '$OUTPUT' USING BinStorage();
                        """),
                new Case("MultiStorage of a bag field: a directory per user, the bag as Pig writes it", """
                        g = GROUP raw BY user;
                        r = FOREACH g {
                            s = ORDER raw BY n;
                            GENERATE group AS user, s.(n, flag) AS rows;
                        };
                        STORE r INTO '$OUTPUT' USING org.apache.pig.piggybank.storage.MultiStorage('$OUTPUT', '0');
                        """),
                new Case(
                        "a REGISTERed StoreFunc by class name: the schema's names and Pig's classes of the fields",
                        """
                        r = FOREACH raw GENERATE user, n + 1 AS next, score, big, flag, note, (chararray) note AS text;
                        STORE r INTO '$OUTPUT' USING com.acme.pig.KeyValueStorer();
                        """),
                new Case(
                        "a replicated JOIN of a GROUP's result as its fragment stays in the reduce (part-r-00000)",
                        """
                        g = GROUP raw BY user;
                        c = FOREACH g GENERATE group AS user, COUNT(raw) AS rows;
                        bob = FILTER raw BY user == 'bob';
                        j = JOIN c BY user, bob BY user USING 'replicated';
                        r = FOREACH j GENERATE c::user, rows, note;
                        STORE r INTO '$OUTPUT' USING BinStorage();
                        """),
                new Case("a DEFINEd StoreFunc with an argument, after a GROUP (part-r-00000)", """
                        DEFINE kv com.acme.pig.KeyValueStorer(' | ');
                        g = GROUP raw BY flag;
                        c = FOREACH g GENERATE group AS flag, COUNT(raw) AS rows;
                        o = ORDER c BY rows, flag;
                        STORE o INTO '$OUTPUT' USING kv;
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheFilesPigWrites(Case c) throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), ROWS);
        runBoth(LOAD + c.script(), Map.of("INPUT", input.toString()));
        List<String> pig = tree(tmp.resolve("pig"));
        assertTrue(
                pig.stream().anyMatch(file -> file.startsWith("part-") || file.contains("/")),
                "Pig wrote no data file: the case proves nothing\n" + pig);
        assertEquals(String.join("\n", pig), String.join("\n", tree(tmp.resolve("flink"))));
    }

    /**
     * A STORE into a directory that exists fails in both engines, where Pig checks the OutputFormat's output specs
     * (Hadoop's FileAlreadyExistsException); after {@code rmf} of it both replace it.
     */
    @Test
    void anExistingOutputFailsBothJobsUnlessTheScriptRemovesIt() throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), ROWS);
        for (String engine : List.of("pig", "flink")) {
            Files.writeString(Files.createDirectories(tmp.resolve(engine)).resolve("old"), "old\n");
        }
        String script = LOAD + "STORE raw INTO '$OUTPUT' USING BinStorage();\n";
        Path repo = AdapterRepository.create(tmp, compiledJar, null);
        Path ferryScript = Files.writeString(repo.resolve("case.pig"), script);
        String sql = EmbeddedFlink.translate(ferryScript, "case.pig");
        Map<String, String> params =
                AdapterRepository.flinkParams(repo, Map.of("INPUT", input.toString()), tmp.resolve("flink"));
        Exception flink = assertThrows(Exception.class, () -> EmbeddedFlink.run(sql, params));
        String expected = "Output directory file:" + tmp.resolve("flink") + " already exists";
        assertTrue(
                ExceptionUtils.stringifyException(flink).contains(expected), ExceptionUtils.stringifyException(flink));
        assertThrows(
                PigOracleException.class,
                () -> PigOracle.shared()
                        .run(
                                Files.writeString(tmp.resolve("pig.pig"), script),
                                Map.of(
                                        "INPUT",
                                        input.toString(),
                                        "OUTPUT",
                                        tmp.resolve("pig").toString())));

        runBoth("rmf $OUTPUT\n" + script, Map.of("INPUT", input.toString()));
        List<String> pig = tree(tmp.resolve("pig"));
        assertTrue(pig.stream().anyMatch(file -> file.startsWith("part-m-00000 ")), String.join("\n", pig));
        assertEquals(String.join("\n", pig), String.join("\n", tree(tmp.resolve("flink"))));
    }

    /**
     * A StoreFunc that fails at a row fails both jobs, and neither leaves data behind: the rows written before it are
     * aborted with the task, as Pig's committer aborts them.
     */
    @Test
    void aFailingStoreFuncFailsBothJobsAndCommitsNothing() throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), ROWS);
        String script = LOAD + "STORE raw INTO '$OUTPUT' USING com.acme.pig.FailingStorer('cid');\n";
        Path repo = AdapterRepository.create(tmp, compiledJar, null);
        Path ferryScript = Files.writeString(repo.resolve("case.pig"), "REGISTER 'udfs/acme-storers.jar';\n" + script);
        String sql = EmbeddedFlink.translate(ferryScript, "case.pig");
        Map<String, String> params =
                AdapterRepository.flinkParams(repo, Map.of("INPUT", input.toString()), tmp.resolve("flink"));
        Exception flink = assertThrows(Exception.class, () -> EmbeddedFlink.run(sql, params));
        assertTrue(
                ExceptionUtils.stringifyException(flink).contains("FailingStorer refuses the row of cid"),
                ExceptionUtils.stringifyException(flink));
        Path pigScript = Files.writeString(tmp.resolve("pig.pig"), "REGISTER '" + compiledJar + "';\n" + script);
        assertThrows(
                PigOracleException.class,
                () -> PigOracle.shared()
                        .run(
                                pigScript,
                                Map.of(
                                        "INPUT",
                                        input.toString(),
                                        "OUTPUT",
                                        tmp.resolve("pig").toString())));
        for (String engine : List.of("pig", "flink")) {
            Path output = tmp.resolve(engine);
            List<String> left = Files.isDirectory(output) ? tree(output) : List.of();
            assertTrue(
                    left.stream().noneMatch(file -> file.startsWith("part-") || file.startsWith("_SUCCESS")),
                    engine + " left " + left);
        }
    }

    /**
     * BinStorage round trip: each engine STOREs with BinStorage, then a later script LOADs those files with BinStorage
     * (Ferry's run reads Flink's files, Pig's run Pig's) and computes over the typed fields: the same rows.
     */
    @Test
    void binStorageWrittenByEachEngineIsLoadedBackAsPigLoadsIt() throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), ROWS);
        runBoth(LOAD + "STORE raw INTO '$OUTPUT' USING BinStorage();\n", Map.of("INPUT", input.toString()));
        Path pigBin = Files.move(tmp.resolve("pig"), tmp.resolve("pig-bin"));
        Path flinkBin = Files.move(tmp.resolve("flink"), tmp.resolve("flink-bin"));
        String reader = """
                b = LOAD '$INPUT' USING BinStorage()
                    AS (user:chararray, n:int, score:double, big:long, flag:boolean, note:bytearray);
                r = FOREACH b GENERATE user, n * 2, score + 1.0, big - 1L, (flag ? 'yes' : 'no'), note;
                STORE r INTO '$OUTPUT';
                """;
        Path repo = AdapterRepository.create(tmp, compiledJar, null);
        Path ferryScript = Files.writeString(repo.resolve("reader.pig"), reader);
        EmbeddedFlink.run(
                EmbeddedFlink.translate(ferryScript, "reader.pig"),
                AdapterRepository.flinkParams(repo, Map.of("INPUT", flinkBin.toString()), tmp.resolve("flink")));
        Path pigReader = Files.writeString(tmp.resolve("reader.pig"), reader);
        assertEquals("", PigVsFlink.againstFlinkOutput(tmp, pigReader, pigBin));
    }

    /** The SQL names the StoreFunc, its fields' Pig types and Pig's task plainly; the jars are added to the job. */
    @Test
    void theSinkNamesTheStoreFunctionAndTheJobAddsTheJars() throws Exception {
        Path repo = AdapterRepository.create(tmp, compiledJar, null);
        Path script = Files.writeString(repo.resolve("case.pig"), """
                REGISTER 'udfs/acme-storers.jar';
                raw = LOAD '$INPUT' AS (user:chararray, n:int, note);
                g = GROUP raw BY user;
                c = FOREACH g GENERATE group AS user, COUNT(raw) AS rows;
                STORE raw INTO '$OUTPUT/raw' USING com.acme.pig.KeyValueStorer('it''s $SEP');
                STORE c INTO '$OUTPUT/c' USING com.acme.pig.KeyValueStorer();
                """.replace("''", "\\'"));
        String sql = EmbeddedFlink.translate(script, "case.pig");
        assertTrue(sql.contains("ADD JAR '${FERRY_UDF_DIR}/ferry-pig-udf.jar';\n"), sql);
        assertTrue(sql.contains("ADD JAR '${FERRY_UDF_JARS}/udfs/acme-storers.jar';\n"), sql);
        assertTrue(sql.contains("""
                CREATE TEMPORARY TABLE raw_store (
                  `user` STRING,
                  n INT,
                  note STRING
                ) WITH (
                  'connector' = 'pig-store',
                  'path' = '${OUTPUT}/raw',
                  'store-function' = 'com.acme.pig.KeyValueStorer(''it\\''s ${SEP}'')',
                  'field-types' = 'chararray,int,bytearray'
                );"""), sql);
        assertTrue(sql.contains("""
                  'connector' = 'pig-store',
                  'path' = '${OUTPUT}/c',
                  'store-function' = 'com.acme.pig.KeyValueStorer()',
                  'field-types' = 'chararray,long',
                  'task' = 'reduce'
                );"""), sql);
        assertFalse(sql.contains("CREATE TEMPORARY SYSTEM FUNCTION"), sql);
    }

    /**
     * Runs the script in Flink (REGISTERing the repository's jar and piggybank as installations have it) and in Pig
     * (the jars' absolute paths), writing tmp/flink and tmp/pig.
     */
    private void runBoth(String script, Map<String, String> params) throws Exception {
        Path repo = AdapterRepository.create(tmp, compiledJar, null);
        String ferry = "REGISTER 'udfs/acme-storers.jar';\nREGISTER /usr/lib/pig/piggybank.jar;\n" + script;
        Path ferryScript = Files.writeString(repo.resolve("case.pig"), ferry);
        EmbeddedFlink.run(
                EmbeddedFlink.translate(ferryScript, "case.pig"),
                AdapterRepository.flinkParams(repo, params, tmp.resolve("flink")));
        String pig = "REGISTER '" + compiledJar + "';\nREGISTER '" + PiggyBankDifferentialTest.piggybankJar() + "';\n"
                + script;
        Map<String, String> pigParams = new HashMap<>(params);
        pigParams.put("OUTPUT", tmp.resolve("pig").toString());
        PigOracle.shared().run(Files.writeString(tmp.resolve("pig.pig"), pig), pigParams);
    }

    /**
     * Every file under an output directory, in path order, as its path, its size and its bytes (text where printable,
     * else escaped): two trees are the same exactly when these lines are.
     */
    static List<String> tree(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                files.add(root.relativize(file).toString().replace('\\', '/') + " (" + bytes.length + " bytes): "
                        + escaped(bytes));
            }
        }
        return files;
    }

    private static String escaped(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
