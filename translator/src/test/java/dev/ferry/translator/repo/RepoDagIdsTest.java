package dev.ferry.translator.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DAG ids of unscheduled workflows: a variant file beside workflow.xml with the same workflow name (as in the
 * Oozie examples' map-reduce app) becomes a DAG of its own; two workflow.xml of the same name (legal in
 * Oozie) get DAG ids told apart by their paths, with a warning, never one file silently overwriting the other.
 */
class RepoDagIdsTest {

    private static final String WORKFLOW = """
            <workflow-app xmlns="uri:oozie:workflow:1.0" name="mr-wf">
                <start to="end"/>
                <end name="end"/>
            </workflow-app>
            """;

    @TempDir
    Path repo;

    @Test
    void aVariantFileBesideWorkflowXmlGetsItsFileNameInTheDagId() throws IOException {
        Files.createDirectories(repo.resolve("app"));
        Files.writeString(repo.resolve("app/workflow.xml"), WORKFLOW);
        Files.writeString(repo.resolve("app/workflow-with-config-class.xml"), WORKFLOW);
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(
                java.util.List.of(),
                conversion.diagnostics().stream().filter(Diagnostic::isError).toList());
        assertEquals(
                java.util.List.of("mr_wf", "mr_wf_workflow_with_config_class"),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList());
    }

    @Test
    void twoWorkflowXmlOfTheSameNameAreToldApartByTheirPaths() throws IOException {
        for (String app : new String[] {"team-a/daily", "team-b/daily"}) {
            Files.createDirectories(repo.resolve(app));
            Files.writeString(repo.resolve(app + "/workflow.xml"), WORKFLOW);
        }
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(
                java.util.List.of(),
                conversion.diagnostics().stream().filter(Diagnostic::isError).toList());
        assertEquals(
                java.util.List.of("mr_wf_team_a_daily", "mr_wf_team_b_daily"),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList());
        assertEquals(
                2,
                conversion.diagnostics().stream()
                        .filter(d -> d.format().contains("warning OOZ-W030: DAG id 'mr_wf' is shared"))
                        .count());
    }
}
