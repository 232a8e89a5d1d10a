package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad Oozie input → the exact diagnostics, each with its code and line:col. One case per method: the XML
 * as written, then what Ferry says about it. Nothing here may throw.
 */
class OozieDiagnosticsTest {

    @Test
    void malformedXmlIsOozE001WhereTheParserStops() {
        assertEquals(
                List.of("wf.xml:4:3: error OOZ-E001: malformed XML: The element type \"end\" must be "
                        + "terminated by the matching end-tag \"</end>\"."),
                workflowProblems("""
                        <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                            <start to="end"/>
                            <end name="end">
                        </workflow-app>
                        """));
    }

    @Test
    void schemaViolationIsOozE014AtTheOffendingElement() {
        assertEquals(
                List.of(
                        "wf.xml:4:9: error OOZ-E004: pig action has no <script> element",
                        "wf.xml:5:13: error OOZ-E014: Invalid content was found starting with element 'scrpt'. "
                                + "One of 'job-tracker, name-node, prepare, job-xml, configuration, script' is expected."),
                workflowProblems("""
                        <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                            <start to="a"/>
                            <action name="a">
                                <pig>
                                    <scrpt>x.pig</scrpt>
                                </pig>
                                <ok to="end"/>
                                <error to="end"/>
                            </action>
                            <end name="end"/>
                        </workflow-app>
                        """));
    }

    @Test
    void everySchemaViolationIsReportedInOnePass() {
        assertEquals(
                List.of(
                        "wf.xml:3:5: error OOZ-E014: Attribute 'retry-max' is not allowed to appear in element 'action'.",
                        "wf.xml:6:9: error OOZ-E014: Invalid content was found starting with element 'bogus'. "
                                + "One of 'an element of uri:oozie:sla:0.1' is expected."),
                workflowProblems("""
                        <workflow-app xmlns="uri:oozie:workflow:0.2" name="w">
                            <start to="a"/>
                            <action name="a" retry-max="2">
                                <fs/>
                                <ok to="end"/><error to="end"/>
                                <bogus/>
                            </action>
                            <end name="end"/>
                        </workflow-app>
                        """));
    }

    @Test
    void elementOfANewerSchemaVersionIsOozE014() {
        // <throttle> arrived in coordinator 0.2.
        assertEquals(
                List.of("c.xml:6:9: error OOZ-E014: Invalid content was found starting with element "
                        + "'throttle'. One of 'execution' is expected."),
                coordinatorProblems("""
                        <coordinator-app xmlns="uri:oozie:coordinator:0.1" name="c" frequency="60"
                                         start="2026-01-01T00:00Z" end="2026-01-02T00:00Z" timezone="UTC">
                            <controls>
                                <timeout>10</timeout>
                                <concurrency>1</concurrency>
                                <throttle>2</throttle>
                            </controls>
                            <action><workflow><app-path>/apps/wf</app-path></workflow></action>
                        </coordinator-app>
                        """));
    }

    @Test
    void missingContentIsReportedAtTheElementNotItsEndTag() {
        assertEquals(
                List.of("wf.xml:6:9: error OOZ-E014: The content of element 'sla:info' is not complete. "
                        + "One of 'should-start, should-end' is expected."),
                workflowProblems("""
                        <workflow-app xmlns="uri:oozie:workflow:1.0" xmlns:sla="uri:oozie:sla:0.2" name="w">
                            <start to="a"/>
                            <action name="a">
                                <fs/>
                                <ok to="end"/><error to="end"/>
                                <sla:info>
                                    <sla:nominal-time>${nominalTime}</sla:nominal-time>
                                </sla:info>
                            </action>
                            <end name="end"/>
                        </workflow-app>
                        """));
    }

    @Test
    void doctypeWithAnExternalEntityIsRefusedAndNothingIsRead() {
        List<String> problems = workflowProblems("""
                <?xml version="1.0"?>
                <!DOCTYPE workflow-app [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="&secret;">
                    <start to="end"/>
                    <end name="end"/>
                </workflow-app>
                """);
        assertEquals(
                List.of("wf.xml:2:10: error OOZ-E002: DOCTYPE declarations are refused (no DTDs, no external "
                        + "entities)\n  hint: remove the <!DOCTYPE ...> line; Oozie files do not need one"),
                problems);
        assertFalse(problems.get(0).contains("root:"), "no file content leaks into the message");
    }

    /** Fork 'split' (line 3) of paths a and b, then each case's nodes from line 7 on, then kill 'fail' and end. */
    private static final String FORK_OF_A_AND_B = """
            <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                <start to="split"/>
                <fork name="split">
                    <path start="a"/>
                    <path start="b"/>
                </fork>
            %s    <kill name="fail"><message>m</message></kill>
                <end name="end"/>
            </workflow-app>
            """;

    static Stream<Arguments> forksOozieRefuses() {
        return Stream.of(
                Arguments.of(
                        "paths that never join: OOZ-E008",
                        """
                        <action name="a"><fs/><ok to="end"/><error to="fail"/></action>
                        <action name="b"><fs/><ok to="end"/><error to="fail"/></action>
                        """,
                        List.of(
                                "wf.xml:3:5: error OOZ-E008: a path of fork 'split' reaches end 'end' without passing"
                                        + " its join",
                                "wf.xml:3:5: error OOZ-E008: fork 'split' has no matching join: no path reaches a"
                                        + " <join>")),
                Arguments.of(
                        "a path that skips the join: OOZ-E008",
                        """
                        <action name="a"><fs/><ok to="j"/><error to="fail"/></action>
                        <action name="b"><fs/><ok to="end"/><error to="fail"/></action>
                        <join name="j" to="end"/>
                        """,
                        List.of("wf.xml:3:5: error OOZ-E008: a path of fork 'split' reaches end 'end' without passing"
                                + " its join")),
                Arguments.of(
                        "paths ending in different joins: OOZ-E008",
                        """
                        <action name="a"><fs/><ok to="j1"/><error to="fail"/></action>
                        <action name="b"><fs/><ok to="j2"/><error to="fail"/></action>
                        <join name="j1" to="end"/>
                        <join name="j2" to="end"/>
                        """,
                        List.of("wf.xml:3:5: error OOZ-E008: the paths of fork 'split' end in different joins "
                                + "[j1, j2]; they must meet in one")),
                Arguments.of(
                        "paths meeting before their join: OOZ-E019 at the shared action",
                        """
                        <action name="a"><fs/><ok to="shared"/><error to="fail"/></action>
                        <action name="b"><fs/><ok to="shared"/><error to="fail"/></action>
                        <action name="shared"><fs/><ok to="j"/><error to="fail"/></action>
                        <join name="j" to="end"/>
                        """,
                        List.of("wf.xml:9:5: error OOZ-E019: action 'shared' is reached by more than one ok path that "
                                + "no single decision chooses between\n"
                                + "  hint: Oozie refuses this; route the paths through a join or a decision")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forksOozieRefuses")
    void forkOozieRefusesIsReportedAtTheForkOrTheNodeTheyMeet(String name, String nodes, List<String> expected) {
        assertEquals(expected, workflowProblems(FORK_OF_A_AND_B.formatted(nodes.indent(4))));
    }

    @Test
    void decisionBranchesMeetingAgainAreFine() {
        assertEquals(List.of(), workflowProblems("""
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                    <start to="d"/>
                    <decision name="d">
                        <switch>
                            <case to="a">${wf:conf('fast') eq 'true'}</case>
                            <default to="b"/>
                        </switch>
                    </decision>
                    <action name="a"><fs/><ok to="shared"/><error to="fail"/></action>
                    <action name="b"><fs/><ok to="shared"/><error to="fail"/></action>
                    <action name="shared"><fs/><ok to="end"/><error to="fail"/></action>
                    <kill name="fail"><message>m</message></kill>
                    <end name="end"/>
                </workflow-app>
                """));
    }

    @Test
    void joinReachedOutsideAnyForkIsOozE017() {
        assertEquals(
                List.of("wf.xml:4:5: error OOZ-E017: join 'j' is reached from outside any fork"),
                workflowProblems("""
                        <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                            <start to="a"/>
                            <action name="a"><fs/><ok to="j"/><error to="fail"/></action>
                            <join name="j" to="end"/>
                            <kill name="fail"><message>m</message></kill>
                            <end name="end"/>
                        </workflow-app>
                        """));
    }

    @Test
    void cycleIsOozE016AtTheNodeThatClosesIt() {
        assertEquals(
                List.of(
                        "wf.xml:4:5: error OOZ-E016: cycle in the workflow: a -> b -> a\n"
                                + "  hint: Oozie refuses workflows with loops; re-run through a coordinator instead",
                        "wf.xml:6:5: warning OOZ-W003: end 'end' is not reachable from <start>; it is never run"),
                workflowProblems("""
                        <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                            <start to="a"/>
                            <action name="a"><fs/><ok to="b"/><error to="fail"/></action>
                            <action name="b"><fs/><ok to="a"/><error to="fail"/></action>
                            <kill name="fail"><message>m</message></kill>
                            <end name="end"/>
                        </workflow-app>
                        """));
    }

    @Test
    void transitionToAnUnknownNodeIsOozE005AtTheTransition() {
        assertEquals(
                List.of("wf.xml:3:27: error OOZ-E005: <ok> of action 'a' goes to 'ned', which is not a node "
                        + "of this workflow\n  hint: did you mean 'end'?"),
                workflowProblems("""
                        <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                            <start to="a"/>
                            <action name="a"><fs/><ok to="ned"/><error to="fail"/></action>
                            <kill name="fail"><message>m</message></kill>
                            <end name="end"/>
                        </workflow-app>
                        """));
    }

    @Test
    void unreachableNodeIsAWarningAndTheWorkflowStillReads() {
        Diagnostics diagnostics = new Diagnostics();
        Optional<WorkflowApp> app = OozieReader.readWorkflow("""
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                    <start to="end"/>
                    <action name="orphan"><fs/><ok to="end"/><error to="end"/></action>
                    <end name="end"/>
                </workflow-app>
                """, "wf.xml", diagnostics);
        assertEquals(
                List.of("wf.xml:3:5: warning OOZ-W003: action 'orphan' is not reachable from <start>; "
                        + "it is never run"),
                format(diagnostics));
        assertTrue(app.isPresent());
    }

    @Test
    void customActionTypeIsKeptAsGenericActionWithOozW006() {
        Diagnostics diagnostics = new Diagnostics();
        Optional<WorkflowApp> app = OozieReader.readWorkflow("""
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                    <start to="a"/>
                    <action name="a">
                        <teradata xmlns="uri:custom:teradata-action:0.1"><query>select 1</query></teradata>
                        <ok to="end"/>
                        <error to="end"/>
                    </action>
                    <end name="end"/>
                </workflow-app>
                """, "wf.xml", diagnostics);
        assertEquals(
                List.of("wf.xml:4:9: warning OOZ-W006: <teradata> in uri:custom:teradata-action:0.1 is not an "
                        + "Oozie action type; it is kept as a generic action\n"
                        + "  hint: a custom action executor needs its own translation"),
                format(diagnostics));
        GenericAction action =
                (GenericAction) app.orElseThrow().actions().get(0).action();
        assertEquals("teradata", action.type());
        assertEquals("select 1", action.element().childText("query"));
        assertFalse(action.isOozieAction(), "no generated class for a custom namespace");
    }

    @Test
    void undeclaredCredentialIsOozE018() {
        assertEquals(
                List.of("wf.xml:3:5: error OOZ-E018: action 'a' uses credential 'hcat', which <credentials> "
                        + "does not declare"),
                workflowProblems("""
                        <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                            <start to="a"/>
                            <action name="a" cred="hcat"><fs/><ok to="end"/><error to="end"/></action>
                            <end name="end"/>
                        </workflow-app>
                        """));
    }

    @Test
    void unknownSchemaVersionIsReadWithoutValidationAndSaysSo() {
        Diagnostics diagnostics = new Diagnostics();
        Optional<WorkflowApp> app = OozieReader.readWorkflow("""
                <workflow-app xmlns="uri:oozie:workflow:0.9" name="w">
                    <start to="end"/>
                    <end name="end"/>
                </workflow-app>
                """, "wf.xml", diagnostics);
        assertEquals(
                List.of("wf.xml:1:1: warning OOZ-W007: namespace uri:oozie:workflow:0.9 has no bundled Oozie "
                        + "XSD; the file is read without validation"),
                format(diagnostics));
        assertTrue(app.isPresent());
    }

    @Test
    void duplicateCoordinatorInABundleIsOozE006() {
        Diagnostics diagnostics = new Diagnostics();
        Optional<BundleApp> bundle = OozieReader.readBundle("""
                <bundle-app xmlns="uri:oozie:bundle:0.2" name="b">
                    <coordinator name="c">
                        <app-path>/a</app-path>
                    </coordinator>
                    <coordinator name="c">
                        <app-path>/b</app-path>
                    </coordinator>
                </bundle-app>
                """, "b.xml", diagnostics);
        assertEquals(
                List.of("b.xml:5:5: error OOZ-E006: duplicate coordinator name 'c' in bundle "
                        + "(first defined at b.xml:2:5)"),
                format(diagnostics));
        assertTrue(bundle.isEmpty());
    }

    @Test
    void bundleWithoutCoordinatorsIsAnErrorEvenWithoutANamespace() {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(OozieReader.readBundle("<bundle-app name=\"b\"/>", "b.xml", diagnostics)
                .isEmpty());
        assertEquals(
                List.of(
                        "b.xml:1:1: error OOZ-E004: bundle-app has no <coordinator>",
                        "b.xml:1:1: warning OOZ-W007: the root"
                                + " element has no namespace: Oozie itself rejects this file at submission; Ferry converts it without schema"
                                + " validation"),
                format(diagnostics).stream()
                        .map(l -> l.lines().findFirst().orElseThrow())
                        .toList());
    }

    @Test
    void requiredParameterNotSuppliedIsOozE015AtItsDeclaration() {
        Diagnostics diagnostics = new Diagnostics();
        WorkflowApp app = OozieReader.readWorkflow("""
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                    <parameters>
                        <property><name>input</name></property>
                        <property><name>queue</name><value>default</value></property>
                    </parameters>
                    <start to="end"/>
                    <end name="end"/>
                </workflow-app>
                """, "wf.xml", diagnostics).orElseThrow();
        assertEquals(List.of(), format(diagnostics));

        Diagnostics run = new Diagnostics();
        assertEquals(
                java.util.Map.of("queue", "default", "other", "x"),
                app.resolveParameters(java.util.Map.of("other", "x"), run));
        assertEquals(
                List.of("wf.xml:3:9: error OOZ-E015: parameter 'input' is required (declared without a "
                        + "<value>) but not supplied\n  hint: set input in job.properties or config-default.xml, or give it "
                        + "a <value>"),
                format(run));

        Diagnostics supplied = new Diagnostics();
        assertEquals(
                java.util.Map.of("input", "/in", "queue", "fast"),
                app.resolveParameters(java.util.Map.of("input", "/in", "queue", "fast"), supplied));
        assertEquals(List.of(), format(supplied));
    }

    @Test
    void asyncDatasetIsReportedNotDroppedAndNocleanupIsKept() {
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorApp app =
                OozieReader.readCoordinator("""
                <coordinator-app xmlns="uri:oozie:coordinator:0.4" name="c" frequency="60"
                                 start="2026-01-01T00:00Z" end="2026-01-02T00:00Z" timezone="UTC">
                    <datasets>
                        <async-dataset name="clicks" sequence-type="timestamp" initial-version="1">
                            <uri-template>hcat://metastore/db/clicks</uri-template>
                        </async-dataset>
                        <dataset name="out" frequency="60" initial-instance="2026-01-01T00:00Z" timezone="UTC">
                            <uri-template>/data/out/${YEAR}</uri-template>
                        </dataset>
                    </datasets>
                    <input-events>
                        <data-in name="in" dataset="clicks"><instance>${coord:current(0)}</instance></data-in>
                    </input-events>
                    <output-events>
                        <data-out name="o" dataset="out" nocleanup="true"><instance>${coord:current(0)}</instance></data-out>
                    </output-events>
                    <action><workflow><app-path>/apps/wf</app-path></workflow></action>
                </coordinator-app>
                """, "c.xml", diagnostics).orElseThrow();
        assertEquals(
                List.of("c.xml:4:9: warning OOZ-W001: <async-dataset> 'clicks' (HCatalog-style, sequence-type "
                        + "timestamp) is not translated; data-in/data-out using it have no dataset"),
                format(diagnostics));
        assertEquals("true", app.outputEvents().get(0).nocleanup());
        assertEquals(null, app.inputEvents().get(0).nocleanup());
    }

    /** The graph walks use explicit stacks: a very long chain neither overflows nor crashes. */
    @Test
    void longChainOfActionsIsCheckedWithoutOverflowingTheStack() {
        StringBuilder xml = new StringBuilder(
                "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"w\">\n" + "<start to=\"a0\"/>\n");
        int length = 5_000;
        for (int i = 0; i < length; i++) {
            String next = i + 1 < length ? "a" + (i + 1) : "a0";
            xml.append("<action name=\"a")
                    .append(i)
                    .append("\"><fs/><ok to=\"")
                    .append(next)
                    .append("\"/><error to=\"end\"/></action>\n");
        }
        xml.append("<end name=\"end\"/>\n</workflow-app>\n");
        List<String> problems = workflowProblems(xml.toString());
        assertEquals(1, problems.size(), "one cycle through every action");
        assertTrue(
                problems.get(0).startsWith("wf.xml:5002:1: error OOZ-E016: cycle in the workflow: a0 -> a1 -> "),
                problems.get(0).substring(0, 80));
    }

    private static List<String> workflowProblems(String xml) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<WorkflowApp> app = OozieReader.readWorkflow(xml, "wf.xml", diagnostics);
        assertTrue(app.isEmpty() || !diagnostics.hasErrors(), "a result only without errors");
        return format(diagnostics);
    }

    private static List<String> coordinatorProblems(String xml) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<CoordinatorApp> app = OozieReader.readCoordinator(xml, "c.xml", diagnostics);
        assertTrue(app.isEmpty() || !diagnostics.hasErrors(), "a result only without errors");
        return format(diagnostics);
    }

    private static List<String> format(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }
}
