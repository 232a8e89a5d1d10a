package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecVersion;
import dev.ferry.oracle.PigOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pig scripts that no workflow runs are translated by {@code convert} too and listed in the report: one row per
 * kind of file a repository keeps beside its Oozie apps, before (not converted, not mentioned) and after.
 */
class StandaloneScriptsTest {

    private static final Path ADAPTER_JAR =
            Path.of(System.getProperty("ferry.root", "..")).resolve("runtime/pig-udf/target/ferry-pig-udf.jar");

    @TempDir
    Path tmp;

    private static final String WORKFLOW = """
            <workflow-app name="daily" xmlns="uri:oozie:workflow:0.5">
                <start to="clean"/>
                <action name="clean">
                    <pig>
                        <job-tracker>jt</job-tracker><name-node>hdfs://nn</name-node>
                        <script>pig/clean.pig</script>
                        <param>IN=/in</param><param>OUT=/out</param>
                    </pig>
                    <ok to="load"/><error to="fail"/>
                </action>
                <action name="load">
                    <pig>
                        <job-tracker>jt</job-tracker><name-node>hdfs://nn</name-node>
                        <script>${scriptDir}/load.pig</script>
                        <param>IN=/in</param>
                    </pig>
                    <ok to="end"/><error to="fail"/>
                </action>
                <kill name="fail"><message>failed</message></kill>
                <end name="end"/>
            </workflow-app>
            """;

    private static final String COPY = """
            rows = LOAD '$IN' USING PigStorage(',') AS (name:chararray, n:int);
            STORE rows INTO '$OUT' USING PigStorage(',');
            """;

    /** Every kind of .pig file, and what convert makes of it: (file, status, output, parameters). */
    private static final List<List<String>> EXPECTED = List.of(
            List.of("adhoc/broken.pig", "error", "", ""),
            List.of("adhoc/dump_only.pig", "translated", "flink/_standalone/adhoc/dump_only.sql", "IN"),
            List.of(
                    "adhoc/odd dir/top <n>.pig",
                    "translated",
                    "flink/_standalone/adhoc/odd_dir/top__n_.sql",
                    "IN,N,OUT"),
            List.of("adhoc/stream.pig", "todo", "", ""),
            List.of("adhoc/totals.pig", "translated", "flink/_standalone/adhoc/totals.sql", "IN,OUT"));

    @Test
    void scriptsNoWorkflowRunsAreTranslatedAndListed() throws IOException {
        Path repo = tmp.resolve("legacy");
        write(repo.resolve("apps/daily/workflow.xml"), WORKFLOW);
        write(repo.resolve("apps/daily/job.properties"), "scriptDir=pig\n");
        write(repo.resolve("apps/daily/pig/clean.pig"), COPY); // run by the workflow
        write(repo.resolve("apps/daily/pig/load.pig"), COPY.replace("$OUT", "/loaded")); // run, path only a run knows
        write(repo.resolve("adhoc/lib/macros.pig"), """
                DEFINE total(rel) RETURNS out {
                    g = GROUP $rel BY name;
                    $out = FOREACH g GENERATE group AS name, SUM($rel.n) AS n;
                };
                """); // a macro library: IMPORTed, not run
        write(repo.resolve("adhoc/totals.pig"), """
                IMPORT 'lib/macros.pig';
                rows = LOAD '$IN' USING PigStorage(',') AS (name:chararray, n:int);
                t = total(rows);
                STORE t INTO '$OUT' USING PigStorage(',');
                """);
        write(repo.resolve("adhoc/odd dir/top <n>.pig"), """
                rows = LOAD '$IN' USING PigStorage(',') AS (name:chararray, n:int);
                o = ORDER rows BY n DESC;
                top = LIMIT o $N;
                STORE top INTO '$OUT';
                """);
        write(repo.resolve("adhoc/stream.pig"), """
                rows = LOAD '$IN' AS (line:chararray);
                s = STREAM rows THROUGH `cut -f1`;
                STORE s INTO '$OUT';
                """);
        write(repo.resolve("adhoc/broken.pig"), "rows = LOAD '$IN' AS (a:int);\nSTORE nowhere INTO '$OUT';\n");
        write(repo.resolve("adhoc/dump_only.pig"), "rows = LOAD '$IN' AS (a:int);\nDUMP rows;\n");

        Path out = tmp.resolve("out");
        FerryRun run = FerryRun.of("convert", repo.toString(), "-o", out.toString());

        // The broken script is bad input: a diagnostic at its line and a non-zero exit; everything else is written.
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.err());
        assertTrue(run.err().contains("adhoc/broken.pig:2:"), run.err());
        assertTrue(run.err().contains("adhoc/stream.pig:2:"), run.err());
        assertTrue(run.out().contains("and 3 standalone Pig script(s)"), run.out());
        JsonNode report = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
        assertEquals(
                Set.of(),
                CheckCommandTest.validate(
                        Files.readString(out.resolve("report.json")),
                        "/dev/ferry/generator/report/report.schema.json",
                        SpecVersion.VersionFlag.V7));
        List<List<String>> listed = new ArrayList<>();
        report.path("scripts").forEach(s -> {
            List<String> parameters = new ArrayList<>();
            s.path("parameters").forEach(p -> parameters.add(p.asText()));
            listed.add(List.of(
                    s.path("source").asText(),
                    s.path("status").asText(),
                    s.path("output").asText(),
                    String.join(",", parameters)));
        });
        assertEquals(EXPECTED, listed);
        try (Stream<Path> sql = Files.walk(out.resolve("flink/_standalone"))) {
            assertEquals(
                    Set.of("adhoc/dump_only.sql", "adhoc/odd_dir/top__n_.sql", "adhoc/totals.sql"),
                    Set.copyOf(sql.filter(Files::isRegularFile)
                            .map(p -> out.resolve("flink/_standalone")
                                    .relativize(p)
                                    .toString())
                            .toList()));
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Pig scripts no workflow runs"), md);
        assertTrue(
                md.contains("| `adhoc/totals.pig` | translated | `flink/_standalone/adhoc/totals.sql` | `IN`, `OUT` |"),
                md);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<code>adhoc/odd dir/top &lt;n&gt;.pig</code>"), html);
        assertFalse(html.contains("top <n>"), html);

        // The standalone job does what Pig does with the macro: totals per name.
        Path in = Files.createDirectories(tmp.resolve("data/in"));
        Files.writeString(in.resolve("part-0"), "a,1\nb,2\na,3\n");
        Path result = tmp.resolve("data/out");
        EmbeddedFlink.run(
                Files.readString(out.resolve("flink/_standalone/adhoc/totals.sql")),
                Map.of("IN", in.toString(), "OUT", result.toString()));
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(result)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                rows.addAll(Files.readAllLines(f));
            }
        }
        assertEquals(List.of("a,4", "b,2"), rows.stream().sorted().toList());
    }

    @Test
    void aStandaloneScriptShipsTheJarsItRegistersBesideItsSql() throws IOException {
        Path repo = tmp.resolve("legacy");
        Path jar = JavaUdfDifferentialTest.compile(Files.createDirectories(tmp.resolve("build")));
        Files.copy(jar, Files.createDirectories(repo.resolve("adhoc/udf/lib")).resolve("acme-udfs.jar"));
        write(repo.resolve("adhoc/udf/lower.pig"), """
                REGISTER 'lib/acme-udfs.jar';
                DEFINE lower com.acme.pig.ToLower();
                rows = LOAD '$IN' AS (user:chararray, query:chararray);
                r = FOREACH rows GENERATE user, lower(query);
                STORE r INTO '$OUT';
                """);

        Path out = tmp.resolve("out");
        FerryRun run = FerryRun.of("convert", repo.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path sql = out.resolve("flink/_standalone/adhoc/udf/lower.sql");
        Path shipped = out.resolve("flink/_standalone/adhoc/udf/udfs/adhoc/udf/lib/acme-udfs.jar");
        assertEquals(-1L, Files.mismatch(jar, shipped), "a byte copy of the jar beside the script: " + shipped);

        // The runner finds it where it finds a DAG task's jars: FERRY_UDF_JARS defaults to udfs/ beside --script.
        Path in = Files.createDirectories(tmp.resolve("data/in"));
        Files.writeString(in.resolve("part-0"), "ann\tFerry Boats\nbob\tÄPFEL\n");
        Path adapter = Files.createDirectories(tmp.resolve("adapter"));
        Files.copy(ADAPTER_JAR, adapter.resolve("ferry-pig-udf.jar"));
        Path result = tmp.resolve("data/out");
        Map<String, String> params = dev.ferry.runtime.JobArguments.parse(
                        Map.of("FERRY_UDF_DIR", adapter.toString()),
                        "--script",
                        sql.toString(),
                        "--param",
                        "IN=" + in,
                        "--param",
                        "OUT=" + result)
                .params();
        EmbeddedFlink.run(Files.readString(sql), params);
        assertEquals(
                List.of("ann\tferry boats", "bob\täpfel"),
                PigOutput.read(result).stream().sorted().toList());
    }

    /** A repository whose every script is a TODO or bad input still gets the report listing them (and exit 1). */
    @Test
    void scriptsThatAllFailAreStillListedInAReport() throws IOException {
        Path repo = tmp.resolve("legacy");
        write(
                repo.resolve("broken.pig"),
                "rows = LOAD '$IN' AS (a:int);\nr = FOREACH rows GENERATE zz;\nSTORE r INTO 'o';\n");
        write(
                repo.resolve("stream.pig"),
                "rows = LOAD '$IN' AS (a:int);\ns = STREAM rows THROUGH `cat`;\nSTORE s INTO 'o';\n");

        Path out = tmp.resolve("out");
        FerryRun run = FerryRun.of("convert", repo.toString(), "-o", out.toString());

        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.err());
        assertTrue(run.err().contains("broken.pig:2:27: error PIG-E011"), run.err());
        JsonNode report = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
        List<String> listed = new ArrayList<>();
        report.path("scripts")
                .forEach(s -> listed.add(
                        s.path("source").asText() + " " + s.path("status").asText()));
        assertEquals(List.of("broken.pig error", "stream.pig todo"), listed);
        assertTrue(Files.readString(out.resolve("report.md")).contains("`broken.pig`"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("stream.pig"));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
