package dev.ferry.translator.workflow;

import static dev.ferry.translator.workflow.Lowered.el;
import static dev.ferry.translator.workflow.Lowered.els;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.parser.oozie.WorkflowApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Oozie action snippet → the task it becomes, as data (spans left out): shell, fs, sub-workflow,
 * retries, and the actions still left to a placeholder.
 */
class ActionTranslationTest {

    @TempDir
    Path repo;

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void shellBecomesArgvEnvFilesAndCapturedOutput() throws IOException {
        TaskNode task = translate("app", """
                <action name="probe" retry-max="2" retry-interval="5" retry-policy="exponential">
                    <shell xmlns="uri:oozie:shell-action:1.0">
                        <resource-manager>${resourceManager}</resource-manager>
                        <name-node>${nameNode}</name-node>
                        <prepare><delete path="${nameNode}/tmp/probe"/></prepare>
                        <exec>run.sh</exec>
                        <argument>  ${wf:conf('day')}  </argument>
                        <argument>a b; $(rm -rf /)</argument>
                        <env-var>DAY=${wf:conf('day')}</env-var>
                        <file>${nameNode}/apps/run.sh#run.sh</file>
                        <archive>${nameNode}/apps/lib.zip#lib</archive>
                        <capture-output/>
                    </shell>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        assertEquals(
                new TaskNode.Shell(
                        "probe",
                        at("app"),
                        null,
                        el("run.sh"),
                        els("${wf:conf('day')}", "a b; $(rm -rf /)"),
                        List.of(el("DAY=${wf:conf('day')}")),
                        List.of(el("${nameNode}/apps/run.sh#run.sh")),
                        List.of(el("${nameNode}/apps/lib.zip#lib")),
                        true,
                        List.of(new TaskNode.PrepareStep(
                                TaskNode.PrepareOperation.DELETE, el("${nameNode}/tmp/probe"))),
                        "end",
                        "fail",
                        new RetryPolicy(2, 5, true)),
                task);
        // resource-manager and name-node are launcher settings: reported, not dropped silently
        assertEquals(
                List.of("<resource-manager>", "<name-node>"),
                warnings(DiagnosticCode.OOZ_W001).stream()
                        .map(d -> d.message().substring(0, d.message().indexOf(' ')))
                        .toList());
    }

    @Test
    void actionSlaIsKeptForTheOutcomeToCheckAndItsOtherElementsAreReported() throws IOException {
        WorkflowPlan plan = translateAll("app", """
                <action name="probe">
                    <shell xmlns="uri:oozie:shell-action:1.0">
                        <exec>run.sh</exec>
                    </shell>
                    <ok to="end"/>
                    <error to="fail"/>
                    <sla:info xmlns:sla="uri:oozie:sla:0.2">
                        <sla:nominal-time>${nominal_time}</sla:nominal-time>
                        <sla:should-start>${10 * MINUTES}</sla:should-start>
                        <sla:should-end>${2 * HOURS}</sla:should-end>
                        <sla:alert-events>start_miss,end_miss</sla:alert-events>
                        <sla:alert-contact>${wf:user()}@example.com</sla:alert-contact>
                        <sla:upstream-apps>feed</sla:upstream-apps>
                    </sla:info>
                </action>
                """);
        // MINUTES = 1 and HOURS = 60 (ELConstantsFunctions): the templates render 10 and 120 minutes
        assertEquals(
                new ActionSla(
                        "probe",
                        el("${nominal_time}"),
                        el("${10 * 1}"),
                        el("${2 * 60}"),
                        null,
                        el("start_miss,end_miss"),
                        el("${wf:user()}@example.com"),
                        null),
                plan.actionSlas().get("probe"));
        assertEquals(
                List.of("sla:info of 'probe': upstream-apps not translated"),
                warnings(DiagnosticCode.OOZ_W001).stream()
                        .map(Diagnostic::message)
                        .toList());
    }

    @Test
    void workflowSlaEndsAtTheReachableEndAndKillNodes() throws IOException {
        Path file = write("wsla/workflow.xml", """
                <workflow-app xmlns="uri:oozie:workflow:1.0" xmlns:sla="uri:oozie:sla:0.2" name="wf">
                    <start to="probe"/>
                    <action name="probe">
                        <shell xmlns="uri:oozie:shell-action:1.0"><exec>run.sh</exec></shell>
                        <ok to="end"/>
                        <error to="fail"/>
                    </action>
                    <kill name="never"><message>unreachable</message></kill>
                    <kill name="fail"><message>failed</message></kill>
                    <end name="end"/>
                    <sla:info>
                        <sla:nominal-time>${nominal_time}</sla:nominal-time>
                        <sla:should-end>${30 * MINUTES}</sla:should-end>
                    </sla:info>
                </workflow-app>
                """);
        WorkflowApp workflow =
                OozieReader.readWorkflow(file, "wsla/workflow.xml", diagnostics).orElseThrow();
        WorkflowPlan plan = WorkflowTranslator.translate(
                        new WorkflowSources(
                                repo,
                                file.getParent(),
                                workflow,
                                null,
                                new TreeMap<>(),
                                new TreeMap<>(),
                                "wsla/workflow.xml"),
                        diagnostics)
                .orElseThrow();
        WorkflowSla sla = plan.workflowSla();
        assertEquals("probe", sla.startNode());
        assertEquals(List.of("end"), sla.ends());
        assertEquals(List.of("fail"), sla.kills());
        assertEquals(el("${30 * 1}"), sla.sla().shouldEnd());
    }

    @Test
    void shellRelativeFileIsATodoNote() throws IOException {
        translate("app", """
                <action name="run">
                    <shell xmlns="uri:oozie:shell-action:0.3">
                        <exec>run.sh</exec>
                        <file>run.sh</file>
                    </shell>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        List<Diagnostic> notes = warnings(DiagnosticCode.OOZ_W001);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).message().contains("oozie.wf.application.path"), notes.toString());
        assertTrue(
                notes.get(0).span().toString().startsWith("app/workflow.xml:"),
                notes.get(0).span().toString());
    }

    @Test
    void fsKeepsTheOperationsInOrder() throws IOException {
        TaskNode task = translate("app", """
                <action name="tidy">
                    <fs>
                        <name-node>${nameNode}</name-node>
                        <delete path="/out/${wf:conf('day')}"/>
                        <mkdir path="/out"/>
                        <move source="/in/x" target="/out/x"/>
                        <chmod path="/out" permissions="750" dir-files="false"><recursive/></chmod>
                        <touchz path="/out/_SUCCESS"/>
                        <chgrp path="/out" group="etl"/>
                    </fs>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        assertEquals(
                new TaskNode.Fs(
                        "tidy",
                        at("app"),
                        null,
                        el("${nameNode}"),
                        List.of(
                                step("delete", "path", "/out/${wf:conf('day')}"),
                                step("mkdir", "path", "/out"),
                                step("move", "source", "/in/x", "target", "/out/x"),
                                step(
                                        "chmod",
                                        "path",
                                        "/out",
                                        "permissions",
                                        "750",
                                        "dir-files",
                                        "false",
                                        "recursive",
                                        "true"),
                                step("touchz", "path", "/out/_SUCCESS"),
                                step("chgrp", "path", "/out", "group", "etl")),
                        "end",
                        "fail",
                        null),
                task);
    }

    static Stream<Arguments> retries() {
        return Stream.of(
                // attributes                                         retried as           capped (warning)
                Arguments.of("", null, false),
                Arguments.of("retry-max=\"0\"", null, false),
                Arguments.of("retry-max=\"2\"", new RetryPolicy(2, 10, false), false),
                Arguments.of("retry-max=\"1\" retry-interval=\"0\"", new RetryPolicy(1, 0, false), false),
                Arguments.of("retry-max=\"3\" retry-policy=\"exponential\"", new RetryPolicy(3, 10, true), false),
                Arguments.of("retry-max=\"3\" retry-policy=\"periodic\"", new RetryPolicy(3, 10, false), false),
                Arguments.of("retry-max=\"7\" retry-interval=\"2\"", new RetryPolicy(3, 2, false), true));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("retries")
    void retryAttributesFollowOozieDefaultsAndCap(String attributes, RetryPolicy expected, boolean capped)
            throws IOException {
        TaskNode task = translate("app", """
                <action name="a" %s>
                    <shell xmlns="uri:oozie:shell-action:1.0"><exec>true</exec></shell>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """.formatted(attributes));
        assertEquals(expected, task.retry());
        assertEquals(
                capped,
                warnings(DiagnosticCode.OOZ_W001).stream()
                        .anyMatch(d -> d.message().contains("capped")));
    }

    @Test
    void subWorkflowRunsTheChildDagFoundFromItsAppPath() throws IOException {
        write("apps/child/workflow.xml", """
                <workflow-app xmlns="uri:oozie:workflow:1.0" name="child-wf">
                    <start to="end"/>
                    <end name="end"/>
                </workflow-app>
                """);
        TaskNode task = translate("apps/parent", """
                <action name="run-child">
                    <sub-workflow>
                        <app-path>${nameNode}/user/${wf:user()}/apps/child</app-path>
                        <propagate-configuration/>
                        <configuration>
                            <property><name>day</name><value>${wf:conf('day')}</value></property>
                            <property><name>mode</name><value>full</value></property>
                        </configuration>
                    </sub-workflow>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        assertEquals(
                new TaskNode.SubWorkflow(
                        "run-child",
                        at("apps/parent"),
                        null,
                        "child_wf",
                        els(Map.of("day", "${wf:conf('day')}", "mode", "full")),
                        true,
                        "end",
                        "fail",
                        null),
                task);
    }

    @Test
    void subWorkflowWhoseChildIsNotInTheRepositoryIsAnError() throws IOException {
        translateAll("app", """
                <action name="run-child">
                    <sub-workflow><app-path>hdfs://nn/apps/elsewhere</app-path></sub-workflow>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        assertTrue(
                diagnostics.sorted().stream()
                        .anyMatch(d -> d.code() == DiagnosticCode.OOZ_E009
                                && d.message().contains("hdfs://nn/apps/elsewhere")),
                diagnostics.sorted().toString());
    }

    @Test
    void sshRunsOverAConnectionNamedAfterTheHost() throws IOException {
        TaskNode task = translate("app", """
                <action name="remote">
                    <ssh xmlns="uri:oozie:ssh-action:0.2">
                        <host>etl@gateway.example.com</host>
                        <command>report.sh</command>
                        <arg>${wf:conf('day')}</arg>
                        <arg>two words</arg>
                        <capture-output/>
                    </ssh>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        assertEquals(
                new TaskNode.Ssh(
                        "remote",
                        at("app"),
                        null,
                        "ssh_etl_gateway_example_com",
                        el("gateway.example.com"),
                        el("report.sh"),
                        List.of(
                                new TaskNode.SshArgument(true, el("${wf:conf('day')}")),
                                new TaskNode.SshArgument(true, el("two words"))),
                        true,
                        "end",
                        "fail",
                        null),
                task);
        assertTrue(
                warnings(DiagnosticCode.OOZ_W001).stream()
                        .anyMatch(d ->
                                d.message().contains("create it (conn type ssh, host gateway.example.com, login etl)")),
                diagnostics.sorted().toString());
    }

    @Test
    void gitBecomesACloneWithItsBranchKeyDestinationPrepareAndRetries() throws IOException {
        TaskNode task = translate("app", """
                <action name="fetch" retry-max="1" retry-interval="2">
                    <git xmlns="uri:oozie:git-action:1.0">
                        <resource-manager>${resourceManager}</resource-manager>
                        <name-node>${nameNode}</name-node>
                        <prepare><delete path="${nameNode}/apps/etl"/></prepare>
                        <git-uri>ssh://git@github.com/acme/etl.git</git-uri>
                        <branch>${wf:conf('branch')}</branch>
                        <key-path>/keys/${wf:user()}/id_rsa</key-path>
                        <destination-uri>${nameNode}/apps/etl</destination-uri>
                    </git>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        assertEquals(
                new TaskNode.Git(
                        "fetch",
                        at("app"),
                        null,
                        el("${nameNode}"),
                        el("ssh://git@github.com/acme/etl.git"),
                        el("${wf:conf('branch')}"),
                        el("/keys/${wf:user()}/id_rsa"),
                        el("${nameNode}/apps/etl"),
                        List.of(new TaskNode.PrepareStep(TaskNode.PrepareOperation.DELETE, el("${nameNode}/apps/etl"))),
                        "end",
                        "fail",
                        new RetryPolicy(1, 2, false)),
                task);
        // resource-manager only configures Oozie's YARN launcher: reported, not dropped silently
        assertEquals(
                List.of("<resource-manager> of git action 'fetch' is not carried over: the clone runs on the "
                        + "Airflow worker, not in a YARN launcher"),
                messages(DiagnosticCode.OOZ_W001));
        assertEquals(List.of(), warnings(DiagnosticCode.OOZ_W005));
    }

    @Test
    void gitWithoutBranchOrKeyClonesTheDefaultBranchWithoutAKey() throws IOException {
        TaskNode task = translate("app", """
                <action name="fetch">
                    <git xmlns="uri:oozie:git-action:1.0">
                        <name-node>hdfs://nn:8020</name-node>
                        <git-uri>https://github.com/apache/oozie</git-uri>
                        <destination-uri>hdfs://nn:8020/user/etl/oozie</destination-uri>
                    </git>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        assertEquals(
                new TaskNode.Git(
                        "fetch",
                        at("app"),
                        null,
                        el("hdfs://nn:8020"),
                        el("https://github.com/apache/oozie"),
                        null,
                        null,
                        el("hdfs://nn:8020/user/etl/oozie"),
                        List.of(),
                        "end",
                        "fail",
                        null),
                task);
        assertEquals(List.of(), diagnostics.sorted(), diagnostics.sorted().toString());
    }

    @Test
    void gitTakesBranchAndKeyPathFromConfigurationWhenTheElementsAreAbsent() throws IOException {
        // GitActionExecutor.setupActionConf merges <configuration> first and sets oozie.git.branch /
        // oozie.git.key.path only from elements that are there; git-uri & co. always overwrite theirs.
        TaskNode task = translate("app", """
                <action name="fetch">
                    <git xmlns="uri:oozie:git-action:1.0">
                        <name-node>hdfs://nn</name-node>
                        <git-uri>https://example.com/etl.git</git-uri>
                        <destination-uri>hdfs://nn/apps/etl</destination-uri>
                        <configuration>
                            <property><name>oozie.git.branch</name><value>release-${wf:conf('v')}</value></property>
                            <property><name>oozie.git.key.path</name><value>hdfs://nn/keys/etl</value></property>
                            <property><name>oozie.git.source.uri</name><value>https://elsewhere/x.git</value></property>
                            <property><name>fs.s3a.access.key</name><value>AKIA-not-in-any-file</value></property>
                            <property><name>dfs.replication</name><value>2</value></property>
                        </configuration>
                    </git>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        TaskNode.Git git = (TaskNode.Git) task;
        assertEquals(el("release-${wf:conf('v')}"), git.branch());
        assertEquals(el("hdfs://nn/keys/etl"), git.keyPath());
        assertEquals(el("https://example.com/etl.git"), git.gitUri());
        assertEquals(
                List.of(
                        "configuration of git action 'fetch' is not carried over (Oozie gives it to the Hadoop "
                                + "FileSystem that reads key-path and writes destination-uri): fs.s3a.access.key, dfs.replication",
                        "configuration property 'oozie.git.source.uri' of git action 'fetch' has no effect: Oozie "
                                + "sets it from <git-uri>"),
                messages(DiagnosticCode.OOZ_W001));
        assertTrue(diagnostics.sorted().stream().noneMatch(d -> d.message().contains("AKIA")), "a value was reported");
    }

    @Test
    void gitUriWithoutASchemeFailsInOozieAndSaysSo() throws IOException {
        TaskNode task = translate("app", """
                <action name="fetch">
                    <git xmlns="uri:oozie:git-action:1.0">
                        <name-node>hdfs://nn</name-node>
                        <git-uri>git@github.com:acme/etl.git</git-uri>
                        <destination-uri>/apps/etl</destination-uri>
                    </git>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        // Translated as written: the runtime fails it exactly as GitMain.isValidUri does.
        assertEquals(el("git@github.com:acme/etl.git"), ((TaskNode.Git) task).gitUri());
        List<Diagnostic> notes = warnings(DiagnosticCode.OOZ_W001);
        assertEquals(
                List.of(
                        "<git-uri> 'git@github.com:acme/etl.git' of git action 'fetch' is not a URI with a scheme: "
                                + "Oozie's GitMain fails the action at run time (JA018), and so does the translated task",
                        "<destination-uri> '/apps/etl' of git action 'fetch' is not a URI with a scheme: Oozie's GitMain fails "
                                + "the action at run time (JA018), and so does the translated task"),
                notes.stream().map(Diagnostic::message).toList());
        assertEquals(
                "write it as a URI, for example ssh://git@github.com/acme/etl.git",
                notes.get(0).hint());
    }

    @Test
    void gitWithAnEmptyDestinationIsTranslatedAndReported() throws IOException {
        TaskNode task = translate("app", """
                <action name="fetch">
                    <git xmlns="uri:oozie:git-action:1.0">
                        <name-node>hdfs://nn</name-node>
                        <git-uri>https://example.com/etl.git</git-uri>
                        <destination-uri></destination-uri>
                    </git>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        assertEquals(el(""), ((TaskNode.Git) task).destinationUri());
        assertEquals(
                List.of("<destination-uri> '' of git action 'fetch' is not a URI with a scheme: Oozie's GitMain "
                        + "fails the action at run time (JA018), and so does the translated task"),
                messages(DiagnosticCode.OOZ_W001));
    }

    @Test
    void gitWithoutGitUriIsAnError() throws IOException {
        // Oozie: GIT010 "Action Configuration does not have oozie.git.source.uri property"; here the XSD says it first.
        Path file = write("app/workflow.xml", """
                <workflow-app xmlns="uri:oozie:workflow:1.0" name="wf">
                    <start to="fetch"/>
                <action name="fetch">
                    <git xmlns="uri:oozie:git-action:1.0">
                        <name-node>hdfs://nn</name-node>
                        <destination-uri>hdfs://nn/apps/etl</destination-uri>
                    </git>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                    <kill name="fail"><message>failed</message></kill>
                    <end name="end"/>
                </workflow-app>
                """);
        assertTrue(
                OozieReader.readWorkflow(file, "app/workflow.xml", diagnostics).isEmpty());
        assertTrue(
                diagnostics.sorted().stream()
                        .anyMatch(d -> d.code() == DiagnosticCode.OOZ_E014
                                && d.message().contains("git-uri")),
                diagnostics.sorted().toString());
    }

    static Stream<Arguments> pigScriptsFerryCannotRead() {
        return Stream.of(
                // script element, what the warning says about it
                Arguments.of("id.pig", "pig script 'id.pig' is not in the repository (looked for app/id.pig)"),
                Arguments.of(
                        "hdfs://nn:8020/user/etl/scripts/agg.pig",
                        // an HDFS script is looked for by its file name in the workflow directory
                        "pig script 'hdfs://nn:8020/user/etl/scripts/agg.pig' is not in the repository (looked for"
                                + " app/agg.pig)"),
                Arguments.of(
                        "${wf:conf('script')}",
                        "the pig script path '${wf:conf('script')}' depends on run-time values"));
    }

    /**
     * Oozie reads a pig action's script from HDFS only when the action starts, so a script the repository does not
     * hold is not bad input: the action becomes a task that fails with the TODO and takes its error transition, the
     * workflow around it converts (real repositories often keep only the XML and properties).
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pigScriptsFerryCannotRead")
    void pigActionWhoseScriptCannotBeReadBecomesATodoTask(String script, String why) throws IOException {
        TaskNode task = translate("app", """
                <action name="aggregate">
                    <pig>
                        <job-tracker>${jobTracker}</job-tracker>
                        <name-node>${nameNode}</name-node>
                        <script>%s</script>
                        <param>INPUT=/data/in</param>
                    </pig>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """.formatted(script));
        TaskNode.Placeholder placeholder = (TaskNode.Placeholder) task;
        assertEquals(
                List.of("pig", "end", "fail"),
                List.of(placeholder.actionType(), placeholder.ok(), placeholder.error()));
        assertTrue(placeholder.todo().contains(why), placeholder.todo());
        assertEquals(
                List.of(why + "; action 'aggregate' becomes a task that fails with this TODO"),
                messages(DiagnosticCode.OOZ_W009));
        assertTrue(
                diagnostics.sorted().stream().noneMatch(Diagnostic::isError),
                diagnostics.sorted().toString());
    }

    static Stream<Arguments> nodesWhoseElDoesNotParse() {
        return Stream.of(
                // node, its type, where the first bad expression is, what the task's error says (and how many W034)
                Arguments.of("""
                        <action name="probe">
                            <shell xmlns="uri:oozie:shell-action:1.0"><exec>echo</exec><argument>${day</argument></shell>
                            <ok to="end"/>
                            <error to="fail"/>
                        </action>
                        """, "shell", "app/workflow.xml:4:78: ", "EL expression '${day' is not closed by '}'", 1),
                // two bad expressions: the first in the file is the task's error, each is a warning
                Arguments.of(
                        """
                        <action name="probe">
                            <shell xmlns="uri:oozie:shell-action:1.0">
                                <exec>run.sh</exec>
                                <argument>${wf:conf('day')</argument>
                                <env-var>DAY=${wf:conf(}</env-var>
                            </shell>
                            <ok to="end"/>
                            <error to="fail"/>
                        </action>
                        """,
                        "shell",
                        "app/workflow.xml:6:23: ",
                        "EL expression '${wf:conf('day')' is not closed by '}'",
                        2),
                Arguments.of("""
                        <decision name="probe">
                            <switch>
                                <case to="end">${wf:conf('mode') eq }</case>
                                <default to="fail"/>
                            </switch>
                        </decision>
                        """, "decision", "app/workflow.xml:5:", "EL syntax error in '${wf:conf('mode') eq }'", 1));
    }

    /**
     * Oozie evaluates an action's or decision's EL when a run reaches the node and fails the job there
     * (ActionStartXCommand, EL_ERROR): the workflow converts, the node becomes a task that fails the run, and each
     * expression is an OOZ-W034 at its position.
     */
    @ParameterizedTest
    @MethodSource("nodesWhoseElDoesNotParse")
    void nodeWhoseElDoesNotParseFailsTheRunWhereOozieFailsTheJob(
            String node, String type, String where, String error, int warnings) throws IOException {
        WorkflowPlan plan = translateAll("app", node);
        assertTrue(!diagnostics.hasErrors(), diagnostics.sorted().toString());
        TaskNode.FailsAtStart task = plan.tasks().stream()
                .filter(t -> t.id().equals("probe"))
                .map(TaskNode.FailsAtStart.class::cast)
                .findFirst()
                .orElseThrow();
        assertEquals(type, task.nodeType());
        assertTrue(task.error().startsWith(where) && task.error().contains(error), task.error());
        List<Diagnostic> w034 = warnings(DiagnosticCode.OOZ_W034);
        assertEquals(warnings, w034.size(), diagnostics.sorted().toString());
        assertTrue(
                (w034.get(0).span() + ": ").startsWith(where),
                w034.get(0).span().toString());
        assertTrue(
                w034.get(0).message().startsWith(error)
                        && w034.get(0)
                                .message()
                                .endsWith("when a run reaches " + type + " 'probe' (its error"
                                        + " transition is not taken); its task fails the DAG run the same way"),
                w034.get(0).message());
    }

    @Test
    void elThatDoesNotParseBesideAnotherErrorStaysAnError() throws IOException {
        translateAll("app", """
                <action name="probe">
                    <sub-workflow>
                        <app-path>missing</app-path>
                        <configuration>
                            <property><name>day</name><value>${day</value></property>
                        </configuration>
                    </sub-workflow>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        assertTrue(diagnostics.hasErrors(), diagnostics.sorted().toString());
        assertEquals(List.of(), warnings(DiagnosticCode.OOZ_W034));
        assertEquals(
                1,
                warnings(DiagnosticCode.OOZ_E007).size(),
                diagnostics.sorted().toString());
    }

    // ---------------------------------------------------------------- helpers

    private TaskNode translate(String dir, String action) throws IOException {
        WorkflowPlan plan = translateAll(dir, action);
        return plan.tasks().stream()
                .filter(t -> !List.of("end", "fail").contains(t.id()))
                .findFirst()
                .orElseThrow();
    }

    private WorkflowPlan translateAll(String dir, String action) throws IOException {
        String xml = """
                <workflow-app xmlns="uri:oozie:workflow:1.0" name="wf">
                    <start to="%s"/>
                %s
                    <kill name="fail"><message>failed</message></kill>
                    <end name="end"/>
                </workflow-app>
                """.formatted(
                        action.substring(action.indexOf('"') + 1, action.indexOf('"', action.indexOf('"') + 1)),
                        action.indent(4));
        Path file = write(dir + "/workflow.xml", xml);
        WorkflowApp workflow = OozieReader.readWorkflow(file, dir + "/workflow.xml", diagnostics)
                .orElseThrow();
        WorkflowSources sources = new WorkflowSources(
                repo, file.getParent(), workflow, null, new TreeMap<>(), new TreeMap<>(), dir + "/workflow.xml");
        return WorkflowTranslator.translate(sources, diagnostics)
                .orElse(new WorkflowPlan(
                        "wf", "", List.of(), null, new TreeMap<>(), new TreeMap<>(), List.of(), List.of(), List.of()));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private List<String> messages(DiagnosticCode code) {
        return warnings(code).stream().map(Diagnostic::message).toList();
    }

    private List<Diagnostic> warnings(DiagnosticCode code) {
        return diagnostics.sorted().stream().filter(d -> d.code() == code).toList();
    }

    private static TaskNode.FsStep step(String operation, String... arguments) {
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < arguments.length; i += 2) {
            map.put(arguments[i], arguments[i + 1]);
        }
        return new TaskNode.FsStep(operation, els(map));
    }

    /** Where the translated action stands: {@link #translateAll} puts it on line 3, indented by four. */
    private static SourceSpan at(String dir) {
        return SourceSpan.of(dir + "/workflow.xml", 3, 5);
    }
}
