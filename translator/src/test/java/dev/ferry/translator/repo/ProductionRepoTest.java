package dev.ferry.translator.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.translator.el.ElLowering;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.workflow.CoordinatorData;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories as production teams keep them (issue #17), one pattern per test: submissions as properties files
 * (no job.properties), names and controls built from properties, the uri-template idiom, run-time sub-workflow
 * app-paths, and one failing app that does not block the others. The before (the legacy files) is in the test;
 * the after is the plan's data.
 */
class ProductionRepoTest {

    private static final String COMMON = """
            name_node = hdfs://analytics-hadoop
            oozie_directory = ${name_node}/wmf/refinery/current/oozie
            start_time = 2026-01-01T00:00Z
            stop_time = 2027-01-01T00:00Z
            """;

    private static final String MARKER_WORKFLOW = """
            <workflow-app xmlns="uri:oozie:workflow:0.4" name="refine-wf">
                <start to="end"/>
                <end name="end"/>
            </workflow-app>
            """;

    private static final String DATASETS = """
            <datasets>
                <dataset name="webrequest_text_raw" frequency="${coord:hours(1)}" initial-instance="${start_time}" timezone="UTC">
                    <uri-template>${name_node}/raw/webrequest_text/${YEAR}/${MONTH}/${DAY}/${HOUR}</uri-template>
                </dataset>
                <dataset name="webrequest_upload_raw" frequency="${coord:hours(1)}" initial-instance="${start_time}" timezone="UTC">
                    <uri-template>${name_node}/raw/webrequest_upload/${YEAR}/${MONTH}/${DAY}/${HOUR}</uri-template>
                </dataset>
                <dataset name="refined" frequency="${coord:hours(1)}" initial-instance="${start_time}" timezone="UTC">
                    <uri-template>/refined/year=${YEAR}/month=${"$"}{MONTH + 0}/day=${"$"}{DAY + 0}</uri-template>
                </dataset>
            </datasets>
            """;

    /** A coordinator whose name, dataset, include, throttle, concurrency and instance are properties and EL. */
    private static final String COORDINATOR = """
            <coordinator-app xmlns="uri:oozie:coordinator:0.4" name="refine-${source}-coord"
                frequency="${coord:hours(1)}" start="${start_time}" end="${stop_time}" timezone="UTC">
                <parameters>
                    <property><name>raw_dataset</name><value>webrequest_${source}_raw</value></property>
                </parameters>
                <controls>
                    <timeout>${60 * 24}</timeout>
                    <concurrency>${concurrency}</concurrency>
                    <throttle>${24*4}</throttle>
                </controls>
                <datasets><include>${oozie_directory}/webrequest/datasets.xml</include></datasets>
                <input-events>
                    <data-in name="raw" dataset="${raw_dataset}">
                        <start-instance>${coord:current(-(24 * period_days - 1))}</start-instance>
                        <end-instance>${coord:current(0)}</end-instance>
                    </data-in>
                </input-events>
                <output-events>
                    <data-out name="out" dataset="refined" nocleanup="true"><instance>${coord:current(0)}</instance></data-out>
                </output-events>
                <action><workflow><app-path>${oozie_directory}/webrequest/refine</app-path></workflow></action>
            </coordinator-app>
            """;

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }

    private void refineApp() throws IOException {
        write("oozie/webrequest/datasets.xml", DATASETS);
        write("oozie/webrequest/refine/coordinator.xml", COORDINATOR);
        write("oozie/webrequest/refine/workflow.xml", MARKER_WORKFLOW);
        for (String source : List.of("text", "upload")) {
            write(
                    "oozie/webrequest/refine/coord_" + source + ".properties",
                    COMMON + "source = " + source
                            + "\nperiod_days = 2\nconcurrency = ${2 * 2}\n"
                            + "oozie.coord.application.path = ${oozie_directory}/webrequest/refine/coordinator.xml\n");
        }
    }

    private static WorkflowPlan plan(Conversion conversion, String dagId) {
        return conversion.plans().stream()
                .filter(p -> p.dagId().equals(dagId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(dagId + " not in "
                        + conversion.plans().stream().map(WorkflowPlan::dagId).toList() + "\n"
                        + conversion.diagnostics()));
    }

    private static List<Diagnostic> errors(Conversion conversion) {
        return conversion.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    @Test
    void eachPropertiesFileNamingAnAppIsOneDagWithItsOwnResolvedNames() throws IOException {
        refineApp();
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of(), errors(conversion));
        assertEquals(
                List.of("refine_text_coord", "refine_upload_coord"),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList());
        for (String source : List.of("text", "upload")) {
            WorkflowPlan plan = plan(conversion, "refine_" + source + "_coord");
            CoordinatorData data = plan.schedule().data();
            // dataset="${raw_dataset}" = webrequest_${source}_raw, from the included file named by a property
            assertEquals("webrequest_" + source + "_raw", data.inputs().get(0).dataset());
            // coord:current(-(24 * period_days - 1)) with period_days = 2
            assertEquals(
                    new CoordinatorData.Instance(CoordinatorData.Function.CURRENT, -47, null, null),
                    data.inputs().get(0).start());
            assertEquals(4, plan.schedule().maxActiveRuns()); // ${concurrency} = ${2 * 2}
            assertEquals(1440, data.timeoutMinutes()); // ${60 * 24}
            // source only names things at submission: the DAG does not read it, so it is no param (UsedParams)
            assertFalse(plan.params().containsKey("source"), plan.params().toString());
        }
    }

    @Test
    void theDollarIdiomLeavesInstanceElForTheRuntime() throws IOException {
        refineApp();
        CoordinatorData data = plan(RepoTranslator.translate(repo), "refine_text_coord")
                .schedule()
                .data();
        CoordinatorData.DatasetSpec refined = data.datasets().stream()
                .filter(d -> d.name().equals("refined"))
                .findFirst()
                .orElseThrow();
        assertEquals(Template.text("/refined/year=${YEAR}/month=${MONTH + 0}/day=${DAY + 0}"), refined.uriTemplate());
    }

    private CoordinatorData.DatasetSpec refinedDataset() {
        return plan(RepoTranslator.translate(repo), "refine_text_coord").schedule().data().datasets().stream()
                .filter(d -> d.name().equals("refined"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void datasetUrisWithoutASchemeAreOnTheWorkflowsNameNode() throws IOException {
        refineApp();
        // The workflow names no name-node: nothing to put such a URI on (the worker's file system, as before).
        assertNull(refinedDataset().defaultFs());
        write("oozie/webrequest/refine/workflow.xml", """
                <workflow-app xmlns="uri:oozie:workflow:0.4" name="refine-wf">
                    <global><name-node>${name_node}</name-node></global>
                    <start to="end"/>
                    <end name="end"/>
                </workflow-app>
                """);
        Diagnostics diagnostics = new Diagnostics();
        Template nameNode = ElLowering.template(
                ElParser.parse("${name_node}", SourceSpan.file("t"), diagnostics)
                        .orElseThrow(),
                diagnostics);
        assertEquals(nameNode, refinedDataset().defaultFs());
    }

    @Test
    void aTemplateVariableOozieCannotFillIsAConversionErrorOfThatAppOnly() throws IOException {
        refineApp();
        write(
                "oozie/other/coordinator.xml",
                COORDINATOR
                        .replace("refine-${source}-coord", "other-coord")
                        .replace("/webrequest/datasets.xml", "/other/datasets.xml")
                        .replace("/webrequest/refine", "/other"));
        write("oozie/other/datasets.xml", DATASETS.replace("${\"$\"}{DAY + 0}", "${\"$\"}{SECOND}"));
        write("oozie/other/workflow.xml", MARKER_WORKFLOW.replace("refine-wf", "other-wf"));
        write(
                "oozie/other/coordinator.properties",
                COMMON + "source = text\nperiod_days = 1\nconcurrency = 1\n"
                        + "oozie.coord.application.path = ${oozie_directory}/other\n");
        Conversion conversion = RepoTranslator.translate(repo);
        assertTrue(
                errors(conversion).stream()
                        .anyMatch(d -> d.format().contains("error OOZ-E030: uri-template part '${SECOND}'")),
                conversion.diagnostics().toString());
        assertEquals(
                List.of("oozie/other/coordinator.properties"),
                conversion.failed().stream().map(FailedApp::app).toList());
        // the other apps still convert
        assertEquals(
                List.of("refine_text_coord", "refine_upload_coord"),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList());
    }

    @Test
    void aBundleGivesEachCoordinatorEntryItsOwnNames() throws IOException {
        refineApp();
        write("oozie/webrequest/bundle/bundle.xml", """
                <bundle-app xmlns="uri:oozie:bundle:0.2" name="refine-bundle">
                    <coordinator name="text"><app-path>${oozie_directory}/webrequest/refine</app-path>
                        <configuration><property><name>source</name><value>text</value></property></configuration>
                    </coordinator>
                    <coordinator name="upload"><app-path>${oozie_directory}/webrequest/refine</app-path>
                        <configuration><property><name>source</name><value>upload</value></property></configuration>
                    </coordinator>
                </bundle-app>
                """);
        write(
                "oozie/webrequest/bundle/bundle.properties",
                COMMON + "period_days = 1\nconcurrency = 1\n"
                        + "oozie.bundle.application.path = ${oozie_directory}/webrequest/bundle\n");
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of(), errors(conversion));
        assertEquals(
                "webrequest_text_raw",
                plan(conversion, "refine_bundle.text")
                        .schedule()
                        .data()
                        .inputs()
                        .get(0)
                        .dataset());
        assertEquals(
                "webrequest_upload_raw",
                plan(conversion, "refine_bundle.upload")
                        .schedule()
                        .data()
                        .inputs()
                        .get(0)
                        .dataset());
        assertEquals(
                new CoordinatorData.Instance(CoordinatorData.Function.CURRENT, -23, null, null),
                plan(conversion, "refine_bundle.upload")
                        .schedule()
                        .data()
                        .inputs()
                        .get(0)
                        .start());
    }

    @Test
    void aLoopCallingItselfResolvesItsChildrenAtRunTime() throws IOException {
        write("oozie/util/loop/workflow.xml", """
                <workflow-app xmlns="uri:oozie:workflow:0.4" name="loop-wf">
                    <start to="run_action"/>
                    <action name="run_action">
                        <sub-workflow><app-path>${loop_action}</app-path><propagate-configuration/></sub-workflow>
                        <ok to="run_next"/><error to="kill"/>
                    </action>
                    <action name="run_next">
                        <sub-workflow><app-path>${wf:appPath()}</app-path><propagate-configuration/></sub-workflow>
                        <ok to="end"/><error to="kill"/>
                    </action>
                    <kill name="kill"><message>failed</message></kill>
                    <end name="end"/>
                </workflow-app>
                """);
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of(), errors(conversion));
        Map<String, Template> appPaths = new java.util.TreeMap<>();
        for (TaskNode task : plan(conversion, "loop_wf").tasks()) {
            if (task instanceof TaskNode.SubWorkflow sub) {
                assertNull(sub.childDagId());
                appPaths.put(sub.id(), sub.appPath());
            }
        }
        assertEquals(Map.of("run_action", el("${loop_action}"), "run_next", el("${wf:appPath()}")), appPaths);
    }

    @Test
    void aPropertiesFileNamingTwoAppKindsIsRefusedAsOozieDoes() throws IOException {
        refineApp();
        write(
                "oozie/webrequest/refine/both.properties",
                COMMON
                        + "oozie.coord.application.path = ${oozie_directory}/webrequest/refine\n"
                        + "oozie.wf.application.path = ${oozie_directory}/webrequest/refine\n");
        Conversion conversion = RepoTranslator.translate(repo);
        assertTrue(
                errors(conversion).stream()
                        .anyMatch(d -> d.format().startsWith("oozie/webrequest/refine/both.properties")
                                && d.format().contains("(E0302)")),
                conversion.diagnostics().toString());
        assertEquals(2, conversion.plans().size());
    }

    private static final String DAILY_COORDINATOR = """
            <coordinator-app xmlns="uri:oozie:coordinator:0.2" name="daily-coord" frequency="${coord:days(1)}"
                start="${start}" end="${end}" timezone="UTC">
                <action><workflow><app-path>${workflowAppUri}</app-path></workflow></action>
            </coordinator-app>
            """;

    private static final String DAILY_WORKFLOW = """
            <workflow-app xmlns="uri:oozie:workflow:0.4" name="daily-wf">
                <start to="end"/>
                <end name="end"/>
            </workflow-app>
            """;

    private static List<String> messages(Conversion conversion) {
        return conversion.diagnostics().stream().map(Diagnostic::message).toList();
    }

    /**
     * Apps kept side by side under a folder that is not the repository's root ({@code src/dist/jobs/}), each HDFS
     * path built from a property ({@code jobDir}) whose value is no path of the repository: the coordinator's
     * submission and its workflow are found by the tail they share with the folder's children.
     */
    @Test
    void appsSideBySideUnderAFolderFindEachOtherByTheirHdfsPaths() throws IOException {
        write("src/dist/jobs/cd_daily/coordinator.xml", DAILY_COORDINATOR);
        write("src/dist/jobs/cd_daily/job.properties", """
                nameNode=hdfs://nn
                jobDir=${nameNode}/user/${user.name}/dmp/jobs
                oozie.coord.application.path=${jobDir}/cd_daily
                workflowAppUri=${jobDir}/wf_daily
                start=2026-01-01T00:00Z
                end=2027-01-01T00:00Z
                """);
        write("src/dist/jobs/wf_daily/workflow.xml", DAILY_WORKFLOW);
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of(), errors(conversion));
        assertEquals(
                List.of("daily_coord"),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList());
        WorkflowPlan plan = plan(conversion, "daily_coord");
        assertTrue(
                plan.sourceFiles().contains("src/dist/jobs/wf_daily/workflow.xml"),
                plan.sourceFiles().toString());
        assertEquals("cron `0 0 * * *` in UTC", plan.schedule().trigger().describe());
    }

    /**
     * A properties file in the directory it uploads, naming it by its HDFS name (not the repository's): the
     * application of that kind beside the file is what it submits, with the file's properties.
     */
    @Test
    void aPropertiesFileSubmitsTheAppBesideItWhenItsPathNamesNoDirectoryOfTheRepository() throws IOException {
        write("coordinator.xml", DAILY_COORDINATOR.replace("${workflowAppUri}", "${appRoot}/workflow.xml"));
        write("workflow.xml", DAILY_WORKFLOW);
        write("expired-coordinator.properties", """
                nameNode=hdfs://nn
                appRoot=${nameNode}/user/svc/expired-jobs-dev
                oozie.coord.application.path=${appRoot}
                start=2026-01-01T00:00Z
                end=2027-01-01T00:00Z
                """);
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of(), errors(conversion));
        assertEquals(
                List.of("daily_coord"),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList());
        assertEquals(
                "cron `0 0 * * *` in UTC",
                plan(conversion, "daily_coord").schedule().trigger().describe());
        assertTrue(
                messages(conversion)
                        .contains(
                                "oozie.coord.application.path '${appRoot}' names no directory of the"
                                        + " repository; the coordinator.xml beside the file is taken as the application it submits"),
                messages(conversion).toString());
    }

    /**
     * A job.properties submitting the workflow beside a coordinator it does not submit (Oozie runs one application
     * per file): the workflow is the DAG; the coordinator, whose start and end no file gives, is not converted with
     * those properties, and says so instead of failing the repository.
     */
    @Test
    void aCoordinatorBesideAFileSubmittingTheWorkflowIsNotConvertedWithThatFile() throws IOException {
        write("coordinator.xml", DAILY_COORDINATOR);
        write("workflow.xml", DAILY_WORKFLOW);
        write("job.properties", """
                nameNode=hdfs://nn
                oozie.wf.application.path=${nameNode}/tmp/demo/oozie-demo/
                #oozie.coord.application.path=${nameNode}/tmp/demo/oozie-demo/
                """);
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of(), errors(conversion));
        assertEquals(
                List.of("daily_wf"),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList());
        assertNull(plan(conversion, "daily_wf").schedule());
        assertTrue(
                messages(conversion)
                        .contains("no properties file submits this coordinator, and its start or end"
                                + " needs properties that job.properties beside it, which submits workflow.xml, does not give;"
                                + " not converted"),
                messages(conversion).toString());
    }

    /** The same coordinator with its own start and end still converts with the file beside it: it is schedulable. */
    @Test
    void aCoordinatorWithItsOwnDatesBesideAFileSubmittingTheWorkflowStillConverts() throws IOException {
        write(
                "coordinator.xml",
                DAILY_COORDINATOR
                        .replace("${start}", "2026-01-01T00:00Z")
                        .replace("${end}", "2027-01-01T00:00Z")
                        .replace("${workflowAppUri}", "${nameNode}/tmp/demo/oozie-demo/workflow.xml"));
        write("workflow.xml", DAILY_WORKFLOW);
        write("job.properties", """
                nameNode=hdfs://nn
                oozie.wf.application.path=${nameNode}/tmp/demo/oozie-demo/
                """);
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of(), errors(conversion));
        assertEquals(
                List.of("daily_coord", "daily_wf"),
                conversion.plans().stream().map(WorkflowPlan::dagId).toList());
        assertEquals(
                "cron `0 0 * * *` in UTC",
                plan(conversion, "daily_coord").schedule().trigger().describe());
    }

    /** The template Oozie EL {@code text} lowers to. */
    private static Template el(String text) {
        Diagnostics diagnostics = new Diagnostics();
        return ElLowering.template(
                ElParser.parse(text, SourceSpan.file("expected"), diagnostics).orElseThrow(), diagnostics);
    }
}
