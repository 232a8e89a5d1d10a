package dev.ferry.translator.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A repository with a bundle whose coordinator and workflow live elsewhere, found through app-paths: one DAG
 * per bundle coordinator, named bundle.coordinator, tagged with the bundle, paused when {@code enabled="false"},
 * with the bundle's configuration as properties; the scheduled workflow does not also become an unscheduled DAG.
 */
class BundleRepoTest {

    private static final String BUNDLE = """
            <bundle-app name="nightly" xmlns="uri:oozie:bundle:0.2">
                <controls><kick-off-time>${kickOff}</kick-off-time></controls>
                <coordinator name="ingest" enabled="false">
                    <app-path>${appRoot}/ingest</app-path>
                    <configuration>
                        <property><name>start</name><value>${bundleStart}</value></property>
                        <property><name>end</name><value>2026-02-01T00:00Z</value></property>
                        <property><name>region</name><value>${bundle:conf('bundleRegion')}-1</value></property>
                    </configuration>
                </coordinator>
                <coordinator name="report">
                    <app-path>${appRoot}/report/coordinator.xml</app-path>
                    <configuration>
                        <property><name>start</name><value>2026-01-10T00:00Z</value></property>
                        <property><name>end</name><value>2026-02-01T00:00Z</value></property>
                    </configuration>
                </coordinator>
            </bundle-app>
            """;

    private static String coordinator(String name, String appPath) {
        return """
                <coordinator-app name="%s" frequency="${coord:days(1)}" start="${start}" end="${end}" timezone="UTC"
                                 xmlns="uri:oozie:coordinator:0.4">
                    <action><workflow><app-path>%s</app-path></workflow></action>
                </coordinator-app>
                """.formatted(name, appPath);
    }

    private static final String WORKFLOW = """
            <workflow-app name="wf" xmlns="uri:oozie:workflow:0.5">
                <start to="check"/>
                <decision name="check"><switch><case to="end">${empty region}</case><default to="end"/></switch></decision>
                <end name="end"/>
            </workflow-app>
            """;

    @Test
    void bundleCoordinatorsBecomeTaggedDags(@TempDir Path repo) throws IOException {
        write(repo.resolve("bundles/nightly/bundle.xml"), BUNDLE);
        write(repo.resolve("bundles/nightly/job.properties"), """
                nameNode=hdfs://nn:8020
                appRoot=${nameNode}/user/${user.name}/apps
                bundleStart=2026-01-05T00:00Z
                bundleRegion=${nameNode}/eu
                kickOff=2026-01-01T00:00Z
                """);
        // The coordinators have no workflow.xml beside them: their app-paths point into wf/.
        write(repo.resolve("apps/ingest/coordinator.xml"), coordinator("ingest-coord", "${nameNode}/apps/wf/ingest"));
        write(
                repo.resolve("apps/report/coordinator.xml"),
                coordinator("report-coord", "${nameNode}/user/${coord:user()}/apps/wf/report/workflow.xml"));
        write(repo.resolve("wf/ingest/workflow.xml"), WORKFLOW);
        write(repo.resolve("wf/report/workflow.xml"), WORKFLOW);

        Conversion conversion = RepoTranslator.translate(repo);

        assertFalse(conversion.hasErrors(), conversion.diagnostics().toString());
        // Exactly the two bundle coordinators; neither workflow is also an unscheduled DAG.
        assertEquals(
                List.of("nightly.ingest", "nightly.report"),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList());
        WorkflowPlan ingest = conversion.plans().get(0);
        WorkflowPlan report = conversion.plans().get(1);
        assertTrue(ingest.schedule().pausedOnCreation(), "enabled=\"false\" creates the DAG paused");
        assertFalse(report.schedule().pausedOnCreation());
        assertEquals(List.of("nightly"), ingest.schedule().tags());
        // start comes from the bundle's configuration, resolved against the bundle's job.properties.
        assertEquals(Instant.parse("2026-01-05T00:00:00Z"), ingest.schedule().start());
        assertEquals(Instant.parse("2026-01-10T00:00:00Z"), report.schedule().start());
        // bundle:conf (bundle-submit EL) reads the bundle job's property, its own references expanded
        assertEquals("hdfs://nn:8020/eu-1", ingest.params().get("region"));
        assertEquals("bundles/nightly/bundle.xml", ingest.sourceFiles().get(0));
        assertTrue(
                ingest.sourceFiles().contains("wf/ingest/workflow.xml"),
                ingest.sourceFiles().toString());
    }

    @Test
    void coordinatorFollowsItsAppPathWhenNoWorkflowIsBesideIt(@TempDir Path repo) throws IOException {
        write(repo.resolve("coord/daily/coordinator.xml"), coordinator("daily", "${workflowAppUri}"));
        write(repo.resolve("coord/daily/job.properties"), """
                nameNode=hdfs://nn:8020
                workflowAppUri=${nameNode}/user/${user.name}/examples/apps/daily-wf
                start=2026-01-01T00:00Z
                end=2026-01-02T00:00Z
                """);
        write(repo.resolve("daily-wf/workflow.xml"), WORKFLOW);

        Conversion conversion = RepoTranslator.translate(repo);

        assertFalse(conversion.hasErrors(), conversion.diagnostics().toString());
        assertEquals(
                List.of("daily"),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList());
        assertEquals(
                "cron `0 0 * * *` in UTC",
                conversion.plans().get(0).schedule().trigger().describe());
    }

    /**
     * Oozie records a bundle job under its name with EL resolved from the submission ({@code ELUtils.resolveAppName}):
     * the DAG id, the tag and the description carry that name, never raw {@code ${...}}; a part the repository's
     * properties do not fix reads {@code <name>}.
     */
    @ParameterizedTest(name = "{0} with [{1}] -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ${family}-refine                | family=web                       | web_refine.ingest            | web-refine
            ${family}_${env}                | family=web;env=prod              | web_prod.ingest              | web_prod
            nightly-${wf:user()}            | family=web                       | nightly_wf_user_.ingest      | nightly-<wf:user()>
            ${family}-${missing}            | family=web                       | web_missing_.ingest          | web-<missing>
            ${family}                       | family=${base}-x;base=etl        | etl_x.ingest                 | etl-x
            """)
    void aBundleNameWithElIsResolvedFromItsProperties(
            String name, String properties, String dagId, String tag, @TempDir Path repo) throws IOException {
        write(
                repo.resolve("bundles/b/bundle.xml"),
                BUNDLE.replace("name=\"nightly\"", "name=\"" + name + "\"")
                        .replace("<coordinator name=\"report\">", "<coordinator name=\"report\" enabled=\"true\">"));
        write(repo.resolve("bundles/b/job.properties"), """
                nameNode=hdfs://nn:8020
                appRoot=${nameNode}/user/${user.name}/apps
                bundleStart=2026-01-05T00:00Z
                bundleRegion=eu
                kickOff=2026-01-01T00:00Z
                """ + properties.replace(';', '\n') + "\n");
        write(repo.resolve("apps/ingest/coordinator.xml"), coordinator("ingest-coord", "${nameNode}/apps/wf/ingest"));
        write(repo.resolve("apps/report/coordinator.xml"), coordinator("report-coord", "${nameNode}/apps/wf/report"));
        write(repo.resolve("wf/ingest/workflow.xml"), WORKFLOW);
        write(repo.resolve("wf/report/workflow.xml"), WORKFLOW);

        WorkflowPlan ingest = RepoTranslator.translate(repo).plans().get(0);

        assertEquals(dagId, ingest.dagId());
        assertEquals(List.of(tag), ingest.schedule().tags());
        assertTrue(ingest.description().endsWith(", in bundle " + tag), ingest.description());
        assertFalse(ingest.description().contains("${"), ingest.description());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
