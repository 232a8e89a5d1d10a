package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** {@code ferry check}: exit codes per --fail-on level, every --format validated against its real schema. */
class CheckCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} --fail-on {1} → {2}")
    @CsvSource({
        "clean,  error,   0", "clean,  todo,    0", "clean,  warning, 0",
        "secret, error,   0", "secret, todo,    0", "secret, warning, 1",
        "todo,   error,   0", "todo,   todo,    1", "todo,   warning, 1",
        "broken, error,   1", "broken, todo,    1", "broken, warning, 1",
    })
    void failOnLevels(String app, String level, int exitCode) {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), app);
        FerryRun run = FerryRun.of("check", repo.toString(), "--fail-on", level);
        assertEquals(exitCode, run.exitCode(), run.out() + run.err());
        assertTrue(
                run.out().endsWith(exitCode == 0 ? ": passes\n" : ": fails at --fail-on " + level + "\n"), run.out());
    }

    @Test
    void textPrintsCompilerStyleDiagnosticsOnStderrAndTheVerdictOnStdout() {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "clean", "broken");
        FerryRun run = FerryRun.of("check", repo.toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertTrue(run.err().startsWith("apps/broken/workflow.xml:11:1: error OOZ-E001: malformed XML"), run.err());
        assertEquals(
                "ferry: 1 DAG(s), 1 error(s), 0 warning(s), 0 TODO task(s): fails at --fail-on error\n", run.out());
    }

    @Test
    void jsonIsTheReportModelAndValidatesAgainstItsSchema() throws IOException {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "clean", "todo", "secret", "broken");
        FerryRun run = FerryRun.of("check", "--format", "json", repo.toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        JsonNode report = JSON.readTree(run.out());
        assertEquals(
                Set.of(),
                validate(run.out(), "/dev/ferry/generator/report/report.schema.json", SpecVersion.VersionFlag.V7));
        assertEquals(
                List.of("apps/broken", "apps/clean", "apps/secret", "apps/todo"), texts(report.path("apps"), "path"));
        assertEquals(1, report.path("summary").path("todoTasks").asInt());
        assertEquals(1, report.path("summary").path("errors").asInt());
        assertEquals(3, report.path("summary").path("warnings").asInt());
        assertEquals(
                List.of("OOZ-E001", "OOZ-W002", "OOZ-W005", "OOZ-W006"), texts(report.path("diagnostics"), "code"));
    }

    @Test
    void sarifValidatesAgainstTheSarif210SchemaAndPointsAtTheFiles() throws IOException {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "todo", "broken");
        FerryRun run = FerryRun.of("check", "--format", "sarif", repo.toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertEquals(Set.of(), validate(run.out(), "/schemas/sarif-2.1.0.json", SpecVersion.VersionFlag.V4));
        JsonNode sarif = JSON.readTree(run.out());
        assertEquals("2.1.0", sarif.path("version").asText());
        JsonNode tool = sarif.path("runs").path(0).path("tool").path("driver");
        assertEquals("ferry", tool.path("name").asText());
        assertEquals(List.of("OOZ-E001", "OOZ-W005", "OOZ-W006"), texts(tool.path("rules"), "id"));
        JsonNode results = sarif.path("runs").path(0).path("results");
        assertEquals(List.of("error", "warning", "warning"), texts(results, "level"));
        JsonNode first = results.path(0).path("locations").path(0).path("physicalLocation");
        assertTrue(
                first.path("artifactLocation").path("uri").asText().endsWith("apps/broken/workflow.xml"),
                first.toString());
        assertEquals(11, first.path("region").path("startLine").asInt());
        assertEquals(0, results.path(0).path("ruleIndex").asInt());
        assertEquals(2, results.path(2).path("ruleIndex").asInt());
    }

    @Test
    void junitValidatesAgainstItsXsdWithOneTestCasePerApp() throws Exception {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "clean", "todo", "secret", "broken");
        FerryRun run = FerryRun.of("check", "--format", "junit", "--fail-on", "todo", repo.toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CheckCommandTest.class.getResource("/schemas/junit-10.xsd"))
                .newValidator()
                .validate(new StreamSource(new StringReader(run.out())));
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(run.out())));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        StringBuilder failing = new StringBuilder();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            if (testcase.getElementsByTagName("failure").getLength() > 0) {
                failing.append(testcase.getAttribute("name")).append(' ');
            }
        }
        assertEquals("apps/broken apps/todo ", failing.toString(), "--fail-on todo fails the error and the TODO task");
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertTrue(run.out().contains("&lt;my-action&gt; actions are not translated yet"), "input text escaped");
    }

    @Test
    void colourOnlyWhenAnsiIsOn() {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "broken");
        dev.ferry.translator.repo.Conversion conversion = Conversions.translateQuietly(repo);
        String plain = Conversions.text(conversion, picocli.CommandLine.Help.Ansi.OFF);
        String coloured = Conversions.text(conversion, picocli.CommandLine.Help.Ansi.ON);
        assertTrue(plain.startsWith("apps/broken/workflow.xml:11:1: error OOZ-E001: "), plain);
        assertTrue(coloured.startsWith("apps/broken/workflow.xml:11:1: \u001B["), coloured);
        assertEquals(plain, coloured.replaceAll("\u001B\\[[0-9;]*m", ""), "only escape codes added");
        assertFalse(FerryRun.of("check", repo.toString()).err().contains("\u001B"), "no terminal in tests: no colour");
    }

    @Test
    void unwritableOutputFileIsAnIoErrorNotAStackTrace() {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "clean");
        FerryRun run = FerryRun.of("check", "--format", "json", "-o", tmp.toString(), repo.toString());
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(run.err().startsWith("ferry: error: "), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void outputOptionWritesTheFindingsToAFile() throws IOException {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "secret");
        Path sarif = tmp.resolve("ferry.sarif");
        FerryRun run = FerryRun.of("check", "--format", "sarif", "-o", sarif.toString(), repo.toString());
        assertEquals(ExitCode.OK, run.exitCode());
        assertEquals(
                Set.of(), validate(Files.readString(sarif), "/schemas/sarif-2.1.0.json", SpecVersion.VersionFlag.V4));
        assertEquals("ferry: 1 DAG(s), 0 error(s), 1 warning(s), 0 TODO task(s): passes\n", run.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--format xml | Invalid value for option '--format'",
                "--fail-on never | Invalid value for option '--fail-on'",
            })
    void badOptionValuesAreUsageErrors(String option, String message) {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "clean");
        String[] parts = option.split(" ");
        FerryRun run = FerryRun.of("check", parts[0], parts[1], repo.toString());
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(run.err().startsWith(message), run.err());
    }

    @Test
    void missingDirectoriesAreUsageErrors() {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "clean");
        FerryRun noRepo = FerryRun.of("check", tmp.resolve("nope").toString());
        assertEquals(ExitCode.FAILURE, noRepo.exitCode());
        assertTrue(noRepo.err().contains("is not a directory"), noRepo.err());
        FerryRun noAgainst = FerryRun.of(
                "check", repo.toString(), "--against", tmp.resolve("nope").toString());
        assertEquals(ExitCode.FAILURE, noAgainst.exitCode());
        assertTrue(noAgainst.err().startsWith("ferry: error: --against"), noAgainst.err());
    }

    static Set<ValidationMessage> validate(String json, String schemaResource, SpecVersion.VersionFlag version)
            throws IOException {
        try (InputStream schema = CheckCommandTest.class.getResourceAsStream(schemaResource)) {
            assertFalse(schema == null, schemaResource);
            JsonSchema validator = JsonSchemaFactory.getInstance(version).getSchema(schema);
            return validator.validate(JSON.readTree(json));
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.path(field).asText())
                .toList();
    }
}
