package dev.ferry.translator.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.workflow.PodContainer;
import dev.ferry.translator.workflow.TaskNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files an action names that are not in its workflow's directory: Maven-assembled repositories keep a hive script
 * or a {@code conf/hive-default.xml} once, in a folder above the workflows, and copy it into every app when they
 * package; others name the file by its HDFS path ({@code ${nameNode}/user/${wf:user()}/share/sqoop-site.xml}).
 * Harvested repositories had 23 OOZ-W001 of this kind, each a script fetched at run time or a job-xml whose
 * properties were lost. The file the repository holds is used, found as an app path is.
 */
class SharedActionFilesTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }

    private void app(String script, String jobXml) throws IOException {
        write("src/main/resources/conf/hive-default.xml", """
                <configuration><property><name>hive.exec.dynamic.partition</name><value>true</value></property>
                </configuration>
                """);
        write("src/main/resources/hive-scripts/create.q", "CREATE TABLE t (a INT);\n");
        write("src/main/resources/create-tables/workflow.xml", """
                <workflow-app xmlns="uri:oozie:workflow:0.4.5" name="create-tables">
                    <global><job-tracker>${jobTracker}</job-tracker><name-node>${nameNode}</name-node></global>
                    <start to="create"/>
                    <action name="create">
                        <hive xmlns="uri:oozie:hive-action:0.4">
                            <job-xml>%s</job-xml>
                            <script>%s</script>
                        </hive>
                        <ok to="end"/>
                        <error to="kill"/>
                    </action>
                    <kill name="kill"><message>failed</message></kill>
                    <end name="end"/>
                </workflow-app>
                """.formatted(jobXml, script));
    }

    private static PodContainer container(Conversion conversion) {
        return conversion.plans().get(0).tasks().stream()
                .filter(t -> t instanceof TaskNode.PodJob)
                .map(t -> ((TaskNode.PodJob) t).container())
                .findFirst()
                .orElseThrow();
    }

    private static List<Diagnostic> notFound(Conversion conversion) {
        return conversion.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.OOZ_W001)
                .filter(d -> d.message().contains("is not in the repository")
                        || d.message().contains("is not a file of the workflow directory"))
                .toList();
    }

    @Test
    void aScriptAndAJobXmlInASharedFolderAboveTheWorkflowAreUsed() throws IOException {
        app("hive-scripts/create.q", "conf/hive-default.xml");
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of(), notFound(conversion));
        PodContainer container = container(conversion);
        assertEquals(
                List.of("CREATE TABLE t (a INT);\n"),
                container.carried().stream()
                        .map(PodContainer.CarriedFile::content)
                        .toList());
        assertEquals(Template.text("true"), container.configuration().get("hive.exec.dynamic.partition"));
    }

    @Test
    void anHdfsPathIsFoundByItsTail() throws IOException {
        app("hdfs://nn/apps/shared/hive-scripts/create.q", "${nameNode}/user/${wf:user()}/apps/conf/hive-default.xml");
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of(), notFound(conversion));
        assertEquals(1, container(conversion).carried().size());
    }

    @Test
    void aFileTheRepositoryDoesNotHoldIsStillFetchedAtRunTimeWithTheNote() throws IOException {
        app("hive-scripts/missing.q", "conf/missing-site.xml");
        Conversion conversion = RepoTranslator.translate(repo);
        List<Diagnostic> notes = notFound(conversion);
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(container(conversion).carried().isEmpty());
    }
}
