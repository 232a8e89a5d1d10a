package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOracle;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pig Java UDFs written for these tests in the style of Pig's tutorial (a URL FilterFunc with constructor
 * arguments, ToLower, ExtractHour, an n-gram generator returning a bag, a UDF of a GROUP's bag), compiled here
 * into a jar of a test repository. Real Pig 0.18 runs the script with the jar; Ferry's translation runs on
 * embedded Flink with the same jar through the runtime's adapter (target/ferry-pig-udf.jar, registered by the
 * job's SQL). Same data, with nulls, blanks and unicode.
 */
class JavaUdfDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    static final Path ROOT = Path.of(System.getProperty("ferry.root", ".."));
    private static final Path UDF_SOURCES = ROOT.resolve("cli/src/test/resources/udfs/tutorial/src");
    static final Path ADAPTER_JAR = ROOT.resolve("runtime/pig-udf/target/ferry-pig-udf.jar");

    /** user, YYMMDDHHMMSS time, query: a URL, a blank query, a null query, a short time, unicode. */
    static final String LOG = String.join(
                    "\n",
                    "ann\t970916161309\tHello Pig World",
                    "bob\t970916071309\thttp://pig.apache.org",
                    "cid\t9709\tZoë Straße ÜBER",
                    "dan\t970916235959\t   ",
                    "eve\t970916000000\t",
                    "fay\t\twww.example.org docs",
                    "\t970916120000\tpig   latin pig")
            + "\n";

    private static Path compiledJar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compileTheUdfs(@TempDir Path build) throws IOException {
        assertTrue(Files.isRegularFile(ADAPTER_JAR), "build runtime/pig-udf first: " + ADAPTER_JAR);
        compiledJar = compile(build);
    }

    /** One case: its name, whether the repository has the UDFs' sources (else only the jar), the script. */
    record Case(String name, boolean withSources, String script) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case(
                        "tutorial pipeline: FilterFunc with arguments, ToLower, ExtractHour, FLATTEN of n-grams",
                        true,
                        """
                        REGISTER '%s';
                        DEFINE keep com.acme.pig.UrlFilter('http', 'www.');
                        DEFINE lower com.acme.pig.ToLower();
                        DEFINE hour com.acme.pig.ExtractHour();
                        DEFINE ngrams com.acme.pig.NGramGenerator('2');
                        raw = LOAD '$INPUT' AS (user:chararray, time:chararray, query:chararray);
                        clean1 = FILTER raw BY keep(query);
                        clean2 = FOREACH clean1 GENERATE user, time, lower(query) AS query;
                        houred = FOREACH clean2 GENERATE user, hour(time) AS hour, query;
                        ngramed = FOREACH houred GENERATE user, hour, FLATTEN(ngrams(query)) AS ngram;
                        STORE ngramed INTO '$OUTPUT';
                        """),
                // The result types come from the class files' generic signatures (read, never loaded).
                new Case("only the jar types the calls", false, """
                        REGISTER '%s';
                        DEFINE hour com.acme.pig.ExtractHour();
                        DEFINE lower com.acme.pig.ToLower();
                        raw = LOAD '$INPUT' AS (user:chararray, time:chararray, query:chararray);
                        r = FOREACH raw GENERATE user, hour(time) + 1, lower(query), hour(query);
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("called by class name without DEFINE, as Pig's tutorial does", true, """
                        REGISTER '%s';
                        raw = LOAD '$INPUT' AS (user:chararray, time:chararray, query:chararray);
                        r = FOREACH raw GENERATE com.acme.pig.ToLower(query), com.acme.pig.ExtractHour(time);
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("a bytearray argument is a DataByteArray, a chararray a String", true, """
                        REGISTER '%s';
                        DEFINE bytes com.acme.pig.BytesLength();
                        raw = LOAD '$INPUT' AS (user, time:chararray, query:chararray);
                        r = FOREACH raw GENERATE user, bytes(user), bytes(query), bytes(time);
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("a GROUP's bag (whole or projected) is a DataBag", true, """
                        REGISTER '%s';
                        DEFINE longest com.acme.pig.Longest();
                        raw = LOAD '$INPUT' AS (user:chararray, time:chararray, query:chararray);
                        g = GROUP raw BY SIZE(time);
                        l = FOREACH g GENERATE group, longest(raw.query), longest(raw), COUNT(raw);
                        STORE l INTO '$OUTPUT';
                        """),
                // outputSchema() spelled literally in the source types a tuple, a bag of two fields and a map.
                new Case("outputSchema types tuple, bag and map results", true, """
                        REGISTER '%s';
                        DEFINE stats com.acme.pig.WordStats();
                        DEFINE lengths com.acme.pig.WordLengths();
                        DEFINE first com.acme.pig.FirstWordMap();
                        raw = LOAD '$INPUT' AS (user:chararray, time:chararray, query:chararray);
                        r = FOREACH raw GENERATE user, stats(query) AS s, lengths(query) AS l, first(query) AS m;
                        t = FOREACH r GENERATE user, s, s.$1 + 1, l, m, m#'first', SIZE(l);
                        STORE t INTO '$OUTPUT';
                        """),
                new Case("FLATTEN of outputSchema-typed tuple and bag results", true, """
                        REGISTER '%s';
                        raw = LOAD '$INPUT' AS (user:chararray, time:chararray, query:chararray);
                        r = FOREACH raw GENERATE user, FLATTEN(com.acme.pig.WordStats(query)),
                            FLATTEN(com.acme.pig.WordLengths(query));
                        f = FILTER r BY $4 > 2L;
                        STORE f INTO '$OUTPUT';
                        """),
                // Pig runs an Algebraic UDF as Initial / Intermed / Final; the adapter calls exec on the whole bag.
                new Case("an Algebraic UDF of a GROUP's bag", true, """
                        REGISTER '%s';
                        DEFINE distinct_queries com.acme.pig.DistinctQueries();
                        raw = LOAD '$INPUT' AS (user:chararray, time:chararray, query:chararray);
                        g = GROUP raw BY SIZE(time);
                        d = FOREACH g GENERATE group, distinct_queries(raw.query), COUNT(raw);
                        STORE d INTO '$OUTPUT';
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithPig(Case c) throws Exception {
        assertEquals("", differences(repository(c.withSources()), c.script()));
    }

    /** {@code ferry verify}: the Pig copy REGISTERs the repository's jar, the Flink job gets the adapter and the jar. */
    @Test
    void ferryVerifyAgreesOnAScriptThatCallsJavaUdfs() throws Exception {
        Path repo = repository(false);
        Path input = Files.writeString(repo.resolve("log.tsv"), LOG);
        Path script = Files.writeString(repo.resolve("t.pig"), """
                REGISTER udfs/acme-udfs.jar;
                raw = LOAD '$INPUT' AS (user:chararray, time:chararray, query:chararray);
                r = FOREACH raw GENERATE user, com.acme.pig.ToLower(query), com.acme.pig.ExtractHour(time);
                STORE r INTO '$OUT';
                """);
        StringWriter out = new StringWriter();
        int exit = VerifyCommandTest.run(
                out, "verify", script.toString(), "--param", "INPUT=" + input, "--param", "OUT=" + tmp.resolve("out"));
        assertEquals(0, exit, out.toString());
        assertEquals(
                List.of("agree: STORE r INTO '$OUT' (line 4), 7 row(s), equal as multisets"),
                out.toString().lines().toList());
    }

    /**
     * {@code ferry convert} ships the REGISTERed jar with the job: a byte copy beside the job's SQL (under
     * {@code udfs/}, at its repository path), listed in the FlinkDeployment's script
     * ConfigMap at the same place; the runner, told only where the adapter is, finds it there (its default
     * FERRY_UDF_JARS), and the converted job agrees with Pig running the legacy script.
     */
    @Test
    void convertShipsTheRegisteredJarBesideTheJobAndTheRunnerFindsIt() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("legacy"));
        Path app = Files.createDirectories(repo.resolve("apps/clicks"));
        String jarName = "lib/acme-udfs_1.0.jar";
        Files.createDirectories(app.resolve("lib"));
        Files.copy(compiledJar, app.resolve(jarName));
        Files.writeString(
                app.resolve("workflow.xml"),
                LegacyRepos.CLEAN
                        .replace(
                                "<fs><mkdir path=\"/tmp/x\"/></fs>",
                                "<pig><job-tracker>jt</job-tracker><name-node>nn</name-node><script>clicks.pig</script>"
                                        + "<param>INPUT=/in</param><param>OUTPUT=/out</param></pig>")
                        .replace("NAME", "clicks")
                        .replace("\"mk\"", "\"hours\""));
        String script = """
                REGISTER '%s';
                DEFINE lower com.acme.pig.ToLower();
                raw = LOAD '$INPUT' AS (user:chararray, time:chararray, query:chararray);
                r = FOREACH raw GENERATE user, lower(query), com.acme.pig.ExtractHour(time);
                STORE r INTO '$OUTPUT';
                """;
        Files.writeString(app.resolve("clicks.pig"), script.formatted(jarName));
        Path out = tmp.resolve("migrated");
        FerryRun convert = FerryRun.of("convert", repo.toString(), "-o", out.toString());
        assertEquals(0, convert.exitCode(), convert.err());

        List<Path> sql;
        try (Stream<Path> files = Files.walk(out.resolve("flink"))) {
            sql = files.filter(f -> f.toString().endsWith(".sql")).toList();
        }
        assertEquals(1, sql.size(), sql.toString());
        Path shipped = sql.get(0).resolveSibling("udfs/apps/clicks/" + jarName);
        assertEquals(-1L, Files.mismatch(compiledJar, shipped), "a byte copy of the jar at " + shipped);
        List<Path> yaml;
        try (Stream<Path> files = Files.walk(out.resolve("k8s"))) {
            yaml = files.filter(f -> f.getFileName().toString().equals("hours.yaml"))
                    .toList();
        }
        assertEquals(1, yaml.size(), yaml.toString());
        Map<?, ?> podSpec = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) new org.yaml.snakeyaml.Yaml()
                                .<Map<?, ?>>load(Files.readString(yaml.get(0)))
                                .get("spec"))
                        .get("podTemplate"))
                .get("spec");
        Map<?, ?> volume = ((List<?>) podSpec.get("volumes"))
                .stream()
                        .map(v -> (Map<?, ?>) v)
                        .filter(v -> v.get("configMap") != null)
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                List.of(
                        Map.of("key", "job.sql", "path", "job.sql"),
                        Map.of("key", "jar-1", "path", "udfs/apps/clicks/" + jarName)),
                ((Map<?, ?>) volume.get("configMap")).get("items"));

        Path input = Files.writeString(tmp.resolve("input.tsv"), LOG);
        Path adapterDir = Files.createDirectories(tmp.resolve("adapter"));
        Files.copy(ADAPTER_JAR, adapterDir.resolve("ferry-pig-udf.jar"));
        Map<String, String> params = dev.ferry.runtime.JobArguments.parse(
                        Map.of("FERRY_UDF_DIR", adapterDir.toString()),
                        "--script",
                        sql.get(0).toString(),
                        "--param",
                        "INPUT=" + input,
                        "--param",
                        "OUTPUT=" + tmp.resolve("flink"))
                .params();
        EmbeddedFlink.run(Files.readString(sql.get(0)), params);
        assertEquals("", againstPig(script.formatted(app.resolve(jarName)), input));
    }

    /** Runs {@code script} (REGISTERing a jar by its absolute path) in Pig and compares with the Flink rows. */
    private String againstPig(String script, Path input) throws Exception {
        return PigVsFlink.againstFlinkOutput(tmp, Files.writeString(tmp.resolve("pig.pig"), script), input);
    }

    /**
     * Runs the script in Pig (REGISTER of the jar's absolute path: Pig resolves a relative one in its working
     * directory) and in Flink (the repository's relative path, under FERRY_UDF_JARS = the repository).
     */
    private String differences(Path repo, String script) throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), LOG);
        Path ferryScript = Files.writeString(repo.resolve("case.pig"), script.formatted("udfs/acme-udfs.jar"));
        Files.copy(ADAPTER_JAR, repo.resolve("ferry-pig-udf.jar"));
        EmbeddedFlink.run(
                EmbeddedFlink.translate(ferryScript, "case.pig"),
                Map.of(
                        "INPUT", input.toString(),
                        "OUTPUT", tmp.resolve("flink").toString(),
                        "FERRY_UDF_DIR", repo.toString(),
                        "FERRY_UDF_JARS", repo.toString()));
        return againstPig(script.formatted(repo.resolve("udfs/acme-udfs.jar")), input);
    }

    /** A legacy repository with the jar under udfs/ and, if asked, the UDFs' sources under src/. */
    private Path repository(boolean withSources) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(compiledJar, Files.createDirectories(repo.resolve("udfs")).resolve("acme-udfs.jar"));
        if (withSources) {
            Path to = Files.createDirectories(repo.resolve("src/com/acme/pig"));
            try (Stream<Path> sources = Files.list(UDF_SOURCES.resolve("com/acme/pig"))) {
                for (Path source : sources.toList()) {
                    Files.copy(source, to.resolve(source.getFileName()));
                }
            }
        }
        return repo;
    }

    /** javac of the tutorial UDFs against Pig's jar (and hadoop-common's, which its Tuple extends), then a jar. */
    static Path compile(Path build) throws IOException {
        return compile(build, UDF_SOURCES, "acme-udfs.jar", List.of("pig-0.18", "hadoop-common", "joda-time"));
    }

    /**
     * javac of the sources under {@code sources} against the jars of the oracle's classpath whose names contain one of
     * {@code jars} (Pig's, hadoop-common's, which its Tuple extends...), then a jar of the classes.
     */
    static Path compile(Path build, Path sources, String jarName, List<String> jars) throws IOException {
        String oracleClasspath = Files.readString(PigOracle.defaultTargetDir().resolve(PigOracle.CLASSPATH_FILE))
                .strip();
        List<String> pigJars = Stream.of(oracleClasspath.split(File.pathSeparator))
                .filter(jar -> jars.stream().anyMatch(jar::contains))
                .toList();
        Path classes = Files.createDirectories(build.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of(
                "--release",
                "17",
                "-nowarn",
                "-cp",
                String.join(File.pathSeparator, pigJars),
                "-d",
                classes.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> arguments.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "javac of the test UDFs");
        Path jar = build.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void copy(Path file, OutputStream out) {
        try {
            Files.copy(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
