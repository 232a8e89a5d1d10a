package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecVersion;
import dev.ferry.generator.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** convert writes report.json (valid against its schema, hashing every other file) and an escaped report.html. */
class ReportsTest {

    @TempDir
    Path tmp;

    @Test
    void reportJsonValidatesAndRecordsTheHashOfEveryOtherFile() throws IOException {
        Path repo = LegacyRepos.write(tmp.resolve("legacy"), "clean", "todo", "secret");
        Path out = tmp.resolve("out");
        assertEquals(
                ExitCode.OK,
                FerryRun.of("convert", repo.toString(), "-o", out.toString()).exitCode());
        String json = Files.readString(out.resolve("report.json"));
        assertEquals(
                Set.of(),
                CheckCommandTest.validate(
                        json, "/dev/ferry/generator/report/report.schema.json", SpecVersion.VersionFlag.V7));
        TreeMap<String, String> recorded = new TreeMap<>();
        new ObjectMapper()
                .readTree(json)
                .path("files")
                .forEach(f ->
                        recorded.put(f.path("path").asText(), f.path("sha256").asText()));
        TreeMap<String, String> actual = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String path = out.relativize(f).toString();
                if (!path.equals("report.json")
                        && !path.startsWith(".ferry/")) { // .ferry/: the output writer's manifest
                    actual.put(path, Report.GeneratedFile.sha256(Files.readString(f)));
                }
            }
        }
        assertEquals(actual, recorded);
        JsonNode todo = new ObjectMapper().readTree(json).path("dags").path(2); // clean, secret, todo
        assertEquals("todo_wf", todo.path("id").asText());
        assertEquals("placeholder", todo.path("tasks").path(0).path("kind").asText());
        assertTrue(todo.path("tasks").path(0).path("todo").asBoolean());
        assertEquals(new TreeSet<>(Set.of("ok:end", "error:fail")), transitions(todo.path("transitions"), "mk"));
    }

    @Test
    void reportHtmlEscapesEverythingFromTheInput() throws IOException {
        Path repo = LegacyRepos.write(tmp.resolve("legacy"), "todo");
        Path odd = repo.resolve("apps/a<b&c\"d");
        Files.move(repo.resolve("apps/todo"), odd); // file names are input too
        Path out = tmp.resolve("out");
        FerryRun run = FerryRun.of("convert", repo.toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("&lt;my-action&gt; actions are not translated yet"), html);
        assertTrue(html.contains("<code>apps/a&lt;b&amp;c&quot;d/workflow.xml:4:9</code>"), html);
        assertFalse(html.contains("<my-action>") || html.contains("a<b"), html);
        assertFalse(html.contains("<script"), "no script in the report at all");
    }

    private static TreeSet<String> transitions(JsonNode transitions, String from) {
        TreeSet<String> set = new TreeSet<>();
        transitions.forEach(t -> {
            if (t.path("from").asText().equals(from)) {
                set.add(t.path("port").asText() + ":" + t.path("to").asText());
            }
        });
        return set;
    }
}
