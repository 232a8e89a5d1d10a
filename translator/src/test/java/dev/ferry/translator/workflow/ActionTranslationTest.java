package dev.ferry.translator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
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
        assertEquals(new TaskNode.Shell("probe", null, null, "run.sh",
                List.of("{{ wf.conf('day') }}", "a b; $(rm -rf /)"),
                List.of("DAY={{ wf.conf('day') }}"),
                List.of("{{ wf.conf('nameNode') }}/apps/run.sh#run.sh"),
                List.of("{{ wf.conf('nameNode') }}/apps/lib.zip#lib"),
                true,
                List.of(new TaskNode.PrepareStep("delete", "{{ wf.conf('nameNode') }}/tmp/probe")),
                "end", "fail", new RetryPolicy(2, 5, true)), withoutSpan(task));
        // resource-manager and name-node are launcher settings: reported, not dropped silently
        assertEquals(List.of("<resource-manager>", "<name-node>"), warnings(DiagnosticCode.OOZ_W001).stream()
                .map(d -> d.message().substring(0, d.message().indexOf(' '))).toList());
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
        assertEquals(new ActionSla("probe", "{{ wf.conf('nominal_time') }}", "{{ 10 * 1 }}", "{{ 2 * 60 }}", null,
                "start_miss,end_miss", "{{ wf.user() }}@example.com", null), plan.actionSlas().get("probe"));
        assertEquals(List.of("sla:info of 'probe': upstream-apps not translated"),
                warnings(DiagnosticCode.OOZ_W001).stream().map(Diagnostic::message).toList());
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
        assertTrue(notes.get(0).span().toString().startsWith("app/workflow.xml:"), notes.get(0).span().toString());
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
        assertEquals(new TaskNode.Fs("tidy", null, null, "{{ wf.conf('nameNode') }}", List.of(
                step("delete", "path", "/out/{{ wf.conf('day') }}"),
                step("mkdir", "path", "/out"),
                step("move", "source", "/in/x", "target", "/out/x"),
                step("chmod", "path", "/out", "permissions", "750", "dir-files", "false", "recursive", "true"),
                step("touchz", "path", "/out/_SUCCESS"),
                step("chgrp", "path", "/out", "group", "etl")), "end", "fail", null), withoutSpan(task));
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
        assertEquals(capped, warnings(DiagnosticCode.OOZ_W001).stream().anyMatch(d -> d.message().contains("capped")));
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
        assertEquals(new TaskNode.SubWorkflow("run-child", null, null, "child_wf",
                new TreeMap<>(Map.of("day", "{{ wf.conf('day') }}", "mode", "full")), true, "end", "fail", null),
                withoutSpan(task));
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
        assertTrue(diagnostics.sorted().stream().anyMatch(d -> d.code() == DiagnosticCode.OOZ_E009
                && d.message().contains("hdfs://nn/apps/elsewhere")), diagnostics.sorted().toString());
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
        assertEquals(new TaskNode.Ssh("remote", null, null, "ssh_etl_gateway_example_com", "gateway.example.com",
                "report.sh", List.of(new TaskNode.SshArgument(true, "{{ wf.conf('day') }}"),
                        new TaskNode.SshArgument(true, "two words")), true, "end", "fail", null),
                withoutSpan(task));
        assertTrue(warnings(DiagnosticCode.OOZ_W001).stream().anyMatch(d -> d.message().contains(
                "create it (conn type ssh, host gateway.example.com, login etl)")), diagnostics.sorted().toString());
    }

    @Test
    void gitStaysAFailingPlaceholderThatSaysWhatItDid() throws IOException {
        TaskNode task = translate("app", """
                <action name="fetch">
                    <git xmlns="uri:oozie:git-action:1.0">
                        <resource-manager>rm:8032</resource-manager>
                        <name-node>hdfs://nn</name-node>
                        <git-uri>git@github.com:acme/etl.git</git-uri>
                        <branch>main</branch>
                        <key-path>hdfs://nn/keys/id_rsa</key-path>
                        <destination-uri>hdfs://nn/apps/etl</destination-uri>
                    </git>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                """);
        assertTrue(task instanceof TaskNode.Placeholder p && p.actionType().equals("git"), task.toString());
        assertEquals(List.of("<git> action 'fetch' is not translated yet (clone of git@github.com:acme/etl.git (branch main) "
                        + "into hdfs://nn/apps/etl, with the SSH key at hdfs://nn/keys/id_rsa); it becomes a task that fails "
                        + "with a TODO"), warnings(DiagnosticCode.OOZ_W005).stream().map(Diagnostic::message).toList());
    }

    // ---------------------------------------------------------------- helpers

    private TaskNode translate(String dir, String action) throws IOException {
        WorkflowPlan plan = translateAll(dir, action);
        return plan.tasks().stream().filter(t -> !List.of("end", "fail").contains(t.id())).findFirst().orElseThrow();
    }

    private WorkflowPlan translateAll(String dir, String action) throws IOException {
        String xml = """
                <workflow-app xmlns="uri:oozie:workflow:1.0" name="wf">
                    <start to="%s"/>
                %s
                    <kill name="fail"><message>failed</message></kill>
                    <end name="end"/>
                </workflow-app>
                """.formatted(action.substring(action.indexOf('"') + 1, action.indexOf('"', action.indexOf('"') + 1)),
                action.indent(4));
        Path file = write(dir + "/workflow.xml", xml);
        WorkflowApp workflow = OozieReader.readWorkflow(file, dir + "/workflow.xml", diagnostics).orElseThrow();
        WorkflowSources sources = new WorkflowSources(repo, file.getParent(), workflow, null, new TreeMap<>(),
                new TreeMap<>(), dir + "/workflow.xml");
        return WorkflowTranslator.translate(sources, diagnostics).orElse(new WorkflowPlan("wf", "", List.of(), null,
                new TreeMap<>(), new TreeMap<>(), List.of(), List.of(), List.of()));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private List<Diagnostic> warnings(DiagnosticCode code) {
        return diagnostics.sorted().stream().filter(d -> d.code() == code).toList();
    }

    private static TaskNode.FsStep step(String operation, String... arguments) {
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < arguments.length; i += 2) {
            map.put(arguments[i], arguments[i + 1]);
        }
        return new TaskNode.FsStep(operation, map);
    }

    /** The task with its source span dropped, so a test states only what it translates to. */
    private static TaskNode withoutSpan(TaskNode task) {
        if (task instanceof TaskNode.Shell s) {
            return new TaskNode.Shell(s.id(), null, s.triggerRule(), s.exec(), s.arguments(), s.env(), s.files(),
                    s.archives(), s.captureOutput(), s.prepare(), s.ok(), s.error(), s.retry());
        }
        if (task instanceof TaskNode.Fs f) {
            return new TaskNode.Fs(f.id(), null, f.triggerRule(), f.nameNode(), f.steps(), f.ok(), f.error(), f.retry());
        }
        if (task instanceof TaskNode.Ssh h) {
            return new TaskNode.Ssh(h.id(), null, h.triggerRule(), h.connectionId(), h.remoteHost(), h.command(),
                    h.arguments(), h.captureOutput(), h.ok(), h.error(), h.retry());
        }
        if (task instanceof TaskNode.SubWorkflow w) {
            return new TaskNode.SubWorkflow(w.id(), null, w.triggerRule(), w.childDagId(), w.configuration(),
                    w.propagate(), w.ok(), w.error(), w.retry());
        }
        return task;
    }
}
