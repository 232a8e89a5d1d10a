package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ferry preview}: exit codes, the APP filter, where the page goes, and that it is deterministic. What the page
 * shows in a browser is e2e/test_preview.py (real Chromium).
 */
class PreviewCommandTest {

    private static final Pattern DAG = Pattern.compile("<section class=\"dag\" id=\"dag-\\d+\" data-dag=\"([^\"]*)\">");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "apps {0} → exit {1}")
    @CsvSource({"clean, 0", "todo, 0", "'clean,broken', 1"})
    void exitCodeFollowsTheConversion(String apps, int exitCode) {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), apps.split(","));
        FerryRun run = FerryRun.of("preview", repo.toString());
        assertEquals(exitCode, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("<!DOCTYPE html>"), run.out());
        assertEquals(exitCode == 1, run.out().contains("<ul id=\"errors\">"), "errors listed in the page");
    }

    @Test
    void appSelectsItsDagsAndAnUnknownAppIsAUsageError() {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "clean", "todo");
        assertEquals(
                "[clean_wf, todo_wf]",
                dags(FerryRun.of("preview", repo.toString()).out()));
        assertEquals(
                "[todo_wf]",
                dags(FerryRun.of("preview", repo.toString(), "apps/todo").out()));
        assertEquals(
                "[todo_wf]",
                dags(FerryRun.of("preview", repo.toString(), "apps/todo/").out()));
        assertEquals(
                "[clean_wf]",
                dags(FerryRun.of("preview", repo.toString(), "clean_wf").out()));
        FerryRun unknown = FerryRun.of("preview", repo.toString(), "apps/tod");
        assertEquals(ExitCode.FAILURE, unknown.exitCode());
        assertTrue(unknown.err().contains("no DAG of"), unknown.err());
        assertEquals("", unknown.out());
    }

    @Test
    void writesTheFileAndNothingElse() throws IOException {
        Path repo = LegacyRepos.write(tmp.resolve("repo"), "todo");
        Path page = tmp.resolve("out/page.html");
        Files.createDirectories(page.getParent());
        FerryRun run = FerryRun.of("preview", repo.toString(), "-o", page.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        try (var files = Files.list(page.getParent())) {
            assertEquals(1, files.count());
        }
        String html = Files.readString(page);
        assertTrue(html.contains("data-task=\"mk\""), "the TODO task is drawn");
        assertTrue(html.contains("class=\"node kind-placeholder todo\""), "styled as a TODO");
        assertEquals(html, FerryRun.of("preview", repo.toString()).out(), "byte-identical reruns");
    }

    @Test
    void aPodActionShowsTheFilesItsContainerGets() throws IOException {
        Path app = tmp.resolve("repo/apps/h");
        Files.createDirectories(app);
        Files.writeString(
                app.resolve("workflow.xml"),
                LegacyRepos.CLEAN
                        .replace("NAME", "hive-wf")
                        .replace(
                                "<fs><mkdir path=\"/tmp/x\"/></fs>",
                                "<hive xmlns=\"uri:oozie:hive-action:0.5\"><job-tracker>jt</job-tracker><name-node>nn</name-node>"
                                        + "<script>daily.q</script></hive>"));
        Files.writeString(app.resolve("daily.q"), "SELECT '<b>42</b>' FROM t;\n");
        FerryRun run = FerryRun.of("preview", tmp.resolve("repo").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Carried into the container: <code>"), run.out());
        assertTrue(run.out().contains("SELECT &#39;&lt;b&gt;42&lt;/b&gt;&#39; FROM t;"), "the script, escaped");
    }

    @Test
    void notADirectoryIsAUsageError() {
        FerryRun run = FerryRun.of("preview", tmp.resolve("missing").toString());
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    private static String dags(String html) {
        Matcher m = DAG.matcher(html);
        java.util.List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids.toString();
    }
}
