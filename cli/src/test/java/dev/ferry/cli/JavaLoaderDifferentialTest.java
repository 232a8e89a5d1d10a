package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOracleException;
import dev.ferry.oracle.PigOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pig loaders the runtime's adapter runs unchanged (the pig-load connector of target/ferry-pig-udf.jar): loaders
 * written for these tests (cli/src/test/resources/udfs/loaders: a {@code key=value;...} loader of bytearrays, one of
 * typed fields, one with its own LoadCaster), compiled here into a jar the scripts REGISTER, and Pig's BinStorage.
 * Real Pig 0.18 runs each script; Ferry's translation runs on embedded Flink over the same files.
 */
class JavaLoaderDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    private static final Path LOADER_SOURCES =
            JavaUdfDifferentialTest.ROOT.resolve("cli/src/test/resources/udfs/loaders/src");

    /** user, n, score, note: missing keys, a number that does not parse, spaces, unicode, a line of no pairs. */
    static final String KEY_VALUES = String.join(
                    "\n",
                    "user=ann;n=3;score=2.5;note=hello",
                    "n=7;user=bob;note=Zoë Straße",
                    "user=cid;n=x1;score=;note=",
                    "user=dan; n = 4 ;score=1e3",
                    "",
                    "user=eve;n=-12;score=-0.5;note=a=b",
                    "user=ann;n=5;score=4;note=日本語")
            + "\n";

    /** name, count, score, flag: typed by the loader; unparsable and empty fields null, a short line. */
    static final String CSV = String.join(
                    "\n",
                    "ann,3,2.5,true",
                    "bob,x,1e2,false",
                    "cid,,,",
                    "dan,2147483647,-0.0,TRUE",
                    "Zoë,12",
                    ",7,0.1,maybe")
            + "\n";

    /** k, v, w in hexadecimal for the HexKeyValueLoader's caster. */
    static final String HEX =
            String.join("\n", "k=abc;v=ff;w=7fffffffff", "k=Zoë;v=10;w=zz", "k=;v=;w=-1a", "v=0") + "\n";

    private static Path compiledJar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compileTheLoaders(@TempDir Path build) throws IOException {
        compiledJar = JavaUdfDifferentialTest.compile(
                build,
                LOADER_SOURCES,
                "acme-loaders.jar",
                List.of("pig-0.18", "hadoop-common", "hadoop-mapreduce-client-core", "joda-time"));
    }

    /** One case: its name, the files of the input directory ($INPUT), the script ('%s' is the jar). */
    record Case(String name, Map<String, String> files, String script) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case(
                        "bytearrays cast by Utf8StorageConverter: nulls, bad numbers, spaces, unicode",
                        Map.of("data.kv", KEY_VALUES),
                        """
                        REGISTER '%s';
                        raw = LOAD '$INPUT/data.kv' USING com.acme.pig.KeyValueLoader('user', 'n', 'score', 'note')
                            AS (user:chararray, n:int, score:double, note);
                        r = FOREACH raw GENERATE user, n, n + 1, score, note, (chararray) note AS text;
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("bytearrays cast to long, float and boolean", Map.of("data.kv", KEY_VALUES), """
                        REGISTER '%s';
                        raw = LOAD '$INPUT/data.kv' USING com.acme.pig.KeyValueLoader('n', 'score', 'note', 'user')
                            AS (n:long, score:float, note:boolean, user:bytearray);
                        STORE raw INTO '$OUTPUT';
                        """),
                new Case("typed fields kept and converted to the declared types", Map.of("data.csv", CSV), """
                        REGISTER '%s';
                        raw = LOAD '$INPUT/data.csv' USING com.acme.pig.TypedCsvLoader()
                            AS (name:chararray, n:long, score:float, flag:boolean);
                        r = FOREACH raw GENERATE name, n * 2L, score, flag;
                        STORE r INTO '$OUTPUT';
                        """),
                new Case(
                        "typed fields declared as other types: chararray of numbers, int of a double",
                        Map.of("data.csv", CSV),
                        """
                        REGISTER '%s';
                        raw = LOAD '$INPUT/data.csv' USING com.acme.pig.TypedCsvLoader()
                            AS (name:chararray, n:chararray, score:int, flag:chararray);
                        STORE raw INTO '$OUTPUT';
                        """),
                new Case("typed fields read as bytearrays keep their values", Map.of("data.csv", CSV), """
                        REGISTER '%s';
                        raw = LOAD '$INPUT/data.csv' USING com.acme.pig.TypedCsvLoader() AS (name, n, score);
                        r = FOREACH raw GENERATE name, n, score;
                        STORE r INTO '$OUTPUT';
                        """),
                // getSchema's literal schema, read from the source in the repository, types the fields.
                new Case("a loader's own getSchema types a LOAD without AS", Map.of("data.csv", CSV), """
                        REGISTER '%s';
                        raw = LOAD '$INPUT/data.csv' USING com.acme.pig.TypedCsvSchemaLoader();
                        r = FOREACH raw GENERATE name, n + 1, score * 2.0, flag;
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("the loader's own LoadCaster casts its bytearrays", Map.of("data.kv", HEX), """
                        REGISTER '%s';
                        raw = LOAD '$INPUT/data.kv' USING com.acme.pig.HexKeyValueLoader('k', 'v', 'w')
                            AS (k:chararray, v:int, w:long);
                        STORE raw INTO '$OUTPUT';
                        """),
                new Case(
                        "a DEFINEd loader over a glob and a comma list; hidden files skipped",
                        Map.of(
                                "part-1.kv", "user=ann;n=1\nuser=bob;n=2\n",
                                "part-2.kv", "user=cid;n=3\n",
                                "_part-3.kv", "user=hidden;n=4\n",
                                "other.kv", "user=dan;n=5\n",
                                "unread.kv", "user=eve;n=6\n"),
                        """
                        REGISTER '%s';
                        DEFINE kv com.acme.pig.KeyValueLoader('user', 'n');
                        raw = LOAD '$INPUT/*part-[0-9].kv,$INPUT/other.kv' USING kv() AS (user:chararray, n:int);
                        STORE raw INTO '$OUTPUT';
                        """),
                new Case("a loader and a Java UDF of the same jar in one job", Map.of("data.kv", KEY_VALUES), """
                        REGISTER '%s';
                        DEFINE initial com.acme.pig.Initial();
                        raw = LOAD '$INPUT/data.kv' USING com.acme.pig.KeyValueLoader('user', 'note')
                            AS (user:chararray, note:chararray);
                        r = FOREACH raw GENERATE user, initial(note);
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("GROUP and aggregates over the loaded fields", Map.of("data.kv", KEY_VALUES), """
                        REGISTER '%s';
                        raw = LOAD '$INPUT/data.kv' USING com.acme.pig.KeyValueLoader('user', 'n', 'score')
                            AS (user:chararray, n:int, score:double);
                        g = GROUP raw BY user;
                        r = FOREACH g GENERATE group, COUNT(raw), SUM(raw.n), MAX(raw.score);
                        STORE r INTO '$OUTPUT';
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithPig(Case c) throws Exception {
        Path input = Files.createDirectories(tmp.resolve("input"));
        for (Map.Entry<String, String> file : c.files().entrySet()) {
            Files.writeString(input.resolve(file.getKey()), file.getValue());
        }
        assertEquals("", differences(c.script(), Map.of("INPUT", input.toString()), true));
    }

    /** An empty file: no rows on either side, and no failure. */
    @Test
    void anEmptyInputReadsNoRows() throws Exception {
        Path input = Files.createDirectories(tmp.resolve("input"));
        Files.writeString(input.resolve("empty.kv"), "");
        String script = """
                REGISTER '%s';
                raw = LOAD '$INPUT/empty.kv' USING com.acme.pig.KeyValueLoader('user') AS (user:chararray);
                STORE raw INTO '$OUTPUT';
                """;
        assertEquals("", differences(script, Map.of("INPUT", input.toString()), false));
        assertEquals(List.of(), PigOutput.read(tmp.resolve("flink")));
    }

    /**
     * Pig writes rows with BinStorage (typed fields, nulls, a bytearray field, unicode); both engines read them back
     * with BinStorage: typed as stored, converted to other types, as text, untyped.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("binStorageSchemas")
    void binStorageWrittenByPigIsReadAsPigReadsIt(String schema) throws Exception {
        Path bin = binStorageFile();
        String script = "b = LOAD '$BIN' USING BinStorage() AS (" + schema + ");\nSTORE b INTO '$OUTPUT';\n";
        assertEquals("", differences(script, Map.of("BIN", bin.toString()), true));
    }

    static List<String> binStorageSchemas() {
        return List.of(
                "user:chararray, n:int, score:double, note",
                "user:chararray, n:long, score:float, note:bytearray",
                "user:bytearray, n:chararray, score:chararray, note",
                "user, n, score, note");
    }

    /** BinStorage's LoadCaster casts no bytearray (ERROR 1118): the job fails in both engines. */
    @Test
    void binStorageBytearraysDoNotCastInEitherEngine() throws Exception {
        Path bin = binStorageFile();
        String script = """
                b = LOAD '$BIN' USING BinStorage() AS (user:chararray, n:int, score:double, note:chararray);
                STORE b INTO '$OUTPUT';
                """;
        assertBothFail(
                script,
                Map.of("BIN", bin.toString()),
                "Cannot cast bytes loaded from BinStorage. Please provide a" + " custom converter.");
    }

    /** Rows Pig stored with BinStorage: user, n (int), score (double), note (a bytearray). */
    private Path binStorageFile() throws Exception {
        Path input = Files.writeString(
                tmp.resolve("data.tsv"),
                String.join("\n", "ann\t3\t2.5\thello", "bob\t\t1e2\tZoë Straße", "\tx\t\t", "dan\t-7\t0.25\t日本語")
                        + "\n");
        Path bin = tmp.resolve("bin");
        Path write = Files.writeString(tmp.resolve("write.pig"), """
                raw = LOAD '$INPUT' AS (user:chararray, n:int, score:double, note);
                STORE raw INTO '$BIN' USING BinStorage();
                """);
        PigOracle.shared().run(write, Map.of("INPUT", input.toString(), "BIN", bin.toString()));
        return bin;
    }

    /** A location that does not exist fails the job, as it fails Pig's, with Hadoop's message. */
    @Test
    void aMissingInputFailsBothJobs() throws Exception {
        String script = """
                REGISTER '%s';
                raw = LOAD '$INPUT/none.kv' USING com.acme.pig.KeyValueLoader('user') AS (user:chararray);
                STORE raw INTO '$OUTPUT';
                """;
        Path missing = tmp.resolve("missing");
        assertBothFail(
                script, Map.of("INPUT", missing.toString()), "Input path does not exist: file:" + missing + "/none.kv");
    }

    /** The script fails in Flink with {@code message} in its causes, and in Pig. */
    private void assertBothFail(String script, Map<String, String> params, String message) throws Exception {
        Path repo = repository();
        Path ferryScript = Files.writeString(repo.resolve("case.pig"), script.formatted("udfs/acme-loaders.jar"));
        RuntimeException flink = assertThrows(
                RuntimeException.class,
                () -> EmbeddedFlink.run(EmbeddedFlink.translate(ferryScript, "case.pig"), params(repo, params)));
        assertTrue(
                ExceptionUtils.stringifyException(flink).contains(message), ExceptionUtils.stringifyException(flink));
        Path pigScript = Files.writeString(tmp.resolve("pig.pig"), script.formatted(compiledJar));
        Map<String, String> pigParams = new java.util.HashMap<>(params);
        pigParams.put("OUTPUT", tmp.resolve("pig").toString());
        assertThrows(PigOracleException.class, () -> PigOracle.shared().run(pigScript, pigParams));
    }

    /** The SQL names the loader and its fields' Pig types plainly; the jars are added to the job's classpath. */
    @Test
    void theTableNamesTheLoaderAndTheJobAddsTheJars() throws Exception {
        Path repo = repository();
        Path script = Files.writeString(repo.resolve("case.pig"), """
                REGISTER 'udfs/acme-loaders.jar';
                raw = LOAD '$INPUT' USING com.acme.pig.KeyValueLoader('user', 'it''s') AS (user:chararray, n:int, x);
                STORE raw INTO '$OUTPUT';
                """.replace("''", "\\'"));
        String sql = EmbeddedFlink.translate(script, "case.pig");
        assertTrue(sql.contains("""
                ADD JAR '${FERRY_UDF_DIR}/ferry-pig-udf.jar';
                """), sql);
        assertTrue(sql.contains("""
                ADD JAR '${FERRY_UDF_JARS}/udfs/acme-loaders.jar';
                """), sql);
        assertTrue(sql.contains("""
                CREATE TEMPORARY TABLE `raw` (
                  `user` STRING,
                  n INT,
                  x STRING
                ) WITH (
                  'connector' = 'pig-load',
                  'path' = '${INPUT}',
                  'load-function' = 'com.acme.pig.KeyValueLoader(''user'', ''it\\''s'')',
                  'field-types' = 'chararray,int,bytearray'
                );"""), sql);
        assertFalse(sql.contains("CREATE TEMPORARY SYSTEM FUNCTION"), sql);
    }

    /** Without AS the table has no columns to give: a TODO that says to declare them. */
    @Test
    void aLoaderWithoutAsIsATodoSayingToDeclareTheFields() throws Exception {
        Path repo = repository();
        Path script = Files.writeString(repo.resolve("case.pig"), """
                REGISTER 'udfs/acme-loaders.jar';
                raw = LOAD '$INPUT' USING com.acme.pig.KeyValueLoader('user');
                STORE raw INTO '$OUTPUT';
                """);
        AssertionError e = assertThrows(AssertionError.class, () -> EmbeddedFlink.translate(script, "case.pig"));
        assertTrue(
                e.getMessage().contains("case.pig:2:27: error PIG-E020")
                        && e.getMessage().contains("com.acme.pig.KeyValueLoader without AS is not translated yet")
                        && e.getMessage().contains("declare them with AS (name:type, ...)"),
                e.getMessage());
    }

    /**
     * Runs the script in Flink (the repository's jar path, under FERRY_UDF_JARS) and in Pig (the jar's absolute
     * path) with {@code params} and OUTPUT; the rows both wrote, compared as multisets.
     */
    private String differences(String script, Map<String, String> params, boolean rowsExpected) throws Exception {
        Path repo = repository();
        Path ferryScript = Files.writeString(repo.resolve("case.pig"), script.formatted("udfs/acme-loaders.jar"));
        EmbeddedFlink.run(EmbeddedFlink.translate(ferryScript, "case.pig"), params(repo, params));
        Path pigScript = Files.writeString(tmp.resolve("pig.pig"), script.formatted(compiledJar));
        Map<String, String> pigParams = new java.util.HashMap<>(params);
        pigParams.put("OUTPUT", tmp.resolve("pig").toString());
        PigOracle.shared().run(pigScript, pigParams);
        List<String> pig = PigOutput.read(tmp.resolve("pig"));
        if (rowsExpected) {
            assertFalse(pig.isEmpty(), "Pig wrote no rows: the case proves nothing");
        }
        return OutputComparison.differences(pig, PigOutput.read(tmp.resolve("flink")), false, "\t");
    }

    private Map<String, String> params(Path repo, Map<String, String> params) {
        return AdapterRepository.flinkParams(repo, params, tmp.resolve("flink"));
    }

    /** A repository with the loaders' jar under udfs/, their sources under src/ and the adapter's jar. */
    private Path repository() throws IOException {
        return AdapterRepository.create(tmp, compiledJar, LOADER_SOURCES);
    }
}
