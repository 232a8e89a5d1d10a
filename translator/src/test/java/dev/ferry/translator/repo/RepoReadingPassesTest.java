package dev.ferry.translator.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The repository is read in passes (submissions, bundles, coordinators, standalone workflows), each on every core;
 * a pass sees what the passes before it found, whatever thread read it: a workflow a coordinator schedules (submitted
 * or not, in a bundle or not) never also becomes a standalone DAG, a coordinator a bundle names never also its own
 * DAG, and an application that does not read is one failed app. Many applications of each kind, so the passes run
 * on several threads wherever the machine has more than one core.
 */
class RepoReadingPassesTest {

    private static String coordinator(String name, String appPath) {
        return """
                <coordinator-app name="%s" frequency="${coord:days(1)}" start="2026-01-01T00:00Z"
                                 end="2026-02-01T00:00Z" timezone="UTC" xmlns="uri:oozie:coordinator:0.4">
                    <action><workflow><app-path>%s</app-path></workflow></action>
                </coordinator-app>
                """.formatted(name, appPath);
    }

    private static String workflow(String name) {
        return """
                <workflow-app name="%s" xmlns="uri:oozie:workflow:0.5">
                    <start to="end"/>
                    <end name="end"/>
                </workflow-app>
                """.formatted(name);
    }

    @ParameterizedTest(name = "{0} applications of each kind")
    @ValueSource(ints = {1, 9})
    void everyPassSeesWhatTheEarlierPassesFound(int count, @TempDir Path repo) throws IOException {
        List<String> expected = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i : IntStream.range(0, count).toArray()) {
            // pass 1: a submitted coordinator whose workflow lives in wf/, which is therefore scheduled
            write(repo.resolve("submitted/s" + i + "/job.properties"), """
                    nameNode=hdfs://nn:8020
                    oozie.coord.application.path=${nameNode}/submitted/s%d
                    """.formatted(i));
            write(repo.resolve("submitted/s" + i + "/coordinator.xml"), coordinator("sub" + i, "/wf/sub" + i));
            write(repo.resolve("wf/sub" + i + "/workflow.xml"), workflow("sub-wf" + i));
            expected.add("sub" + i);
            // pass 2: a bundle naming a coordinator in bundled/, whose workflow lives in wf/
            write(repo.resolve("bundles/b" + i + "/bundle.xml"), """
                    <bundle-app name="bundle%d" xmlns="uri:oozie:bundle:0.2">
                        <coordinator name="c"><app-path>/bundled/c%d</app-path></coordinator>
                    </bundle-app>
                    """.formatted(i, i));
            write(repo.resolve("bundled/c" + i + "/coordinator.xml"), coordinator("in-bundle" + i, "/wf/bundled" + i));
            write(repo.resolve("wf/bundled" + i + "/workflow.xml"), workflow("bundled-wf" + i));
            expected.add("bundle" + i + ".c");
            // pass 3: a coordinator of its own, whose workflow lives in wf/
            write(repo.resolve("coords/k" + i + "/coordinator.xml"), coordinator("coord" + i, "/wf/coord" + i));
            write(repo.resolve("wf/coord" + i + "/workflow.xml"), workflow("coord-wf" + i));
            expected.add("coord" + i);
            // pass 4: a workflow nothing schedules, and one that is not well-formed
            write(repo.resolve("alone/a" + i + "/workflow.xml"), workflow("alone" + i));
            expected.add("alone" + i);
            write(repo.resolve("broken/x" + i + "/workflow.xml"), "<workflow-app name=\"broken\">");
            failed.add("broken/x" + i + "/workflow.xml");
        }

        Conversion conversion = translatedTo(repo, expected);
        assertEquals(
                failed.stream().sorted().toList(),
                conversion.failed().stream().map(FailedApp::app).toList());
    }

    /**
     * The properties files are read on every core too: each file's submission and diagnostics are its own, whichever
     * thread read it: a file naming two applications is OOZ-E011, one naming an app-path the repository lacks OOZ-W001,
     * the others submit their workflow.
     */
    @ParameterizedTest(name = "{0} properties files of each kind")
    @ValueSource(ints = {1, 9})
    void eachPropertiesFileIsReadOnItsOwn(int count, @TempDir Path repo) throws IOException {
        List<String> expected = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (int i : IntStream.range(0, count).toArray()) {
            write(repo.resolve("both/p" + i + "/job.properties"), """
                    oozie.wf.application.path=/both/p%d
                    oozie.coord.application.path=/both/p%d
                    """.formatted(i, i));
            findings.add("OOZ_E011 both/p" + i + "/job.properties");
            write(repo.resolve("missing/m" + i + "/job.properties"), "oozie.wf.application.path=/nowhere" + i + "\n");
            findings.add("OOZ_W001 missing/m" + i + "/job.properties");
            write(repo.resolve("ok/o" + i + "/job.properties"), "oozie.wf.application.path=/ok/o" + i + "\n");
            write(repo.resolve("ok/o" + i + "/workflow.xml"), workflow("ok" + i));
            expected.add("ok" + i);
        }

        Conversion conversion = translatedTo(repo, expected);
        assertEquals(
                findings.stream().sorted().toList(),
                conversion.diagnostics().stream()
                        .filter(d -> d.span().file().endsWith("job.properties"))
                        .map(d -> d.code() + " " + d.span().file())
                        .sorted()
                        .toList());
    }

    /** The repository translated, its DAG ids checked to be exactly {@code dagIds}. */
    private static Conversion translatedTo(Path repo, List<String> dagIds) {
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(
                dagIds.stream().sorted().toList(),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList(),
                conversion.diagnostics().toString());
        return conversion;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
