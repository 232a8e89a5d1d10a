package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** workflow.xml → {@link WorkflowApp}: before (XML) and after (the model, described one node a line). */
class WorkflowReaderTest {

    @Test
    void namespaceLessWorkflow() {
        String xml = """
                <workflow-app name="no-ns">
                    <start to="pig-node"/>
                    <action name="pig-node">
                        <pig>
                            <job-tracker>${jobTracker}</job-tracker>
                            <name-node>${nameNode}</name-node>
                            <script>scripts/agg.pig</script>
                            <param>INPUT=${input}</param>
                            <param>FILTER=a=b</param>
                        </pig>
                        <ok to="end"/>
                        <error to="fail"/>
                    </action>
                    <kill name="fail"><message>failed: ${wf:errorMessage(wf:lastErrorNode())}</message></kill>
                    <end name="end"/>
                </workflow-app>
                """;
        assertEquals("""
                workflow no-ns (namespace none) start -> pig-node
                action pig-node @3:5 ok -> end, error -> fail
                  pig rm=${jobTracker} nn=${nameNode} script=scripts/agg.pig @7:21 params=[INPUT=${input}, FILTER=a=b]
                kill fail @14:5 "failed: ${wf:errorMessage(wf:lastErrorNode())}"
                end end @15:5
                """, describe(read(xml)));
    }

    @Test
    void workflowVersion05WithEveryNodeKind() {
        String xml = """
                <workflow-app xmlns="uri:oozie:workflow:0.5" xmlns:sla="uri:oozie:sla:0.2" name="all-kinds">
                    <parameters>
                        <property><name>input</name></property>
                        <property><name>queue</name><value>default</value><description>the queue</description></property>
                    </parameters>
                    <global>
                        <job-tracker>${jobTracker}</job-tracker>
                        <name-node>${nameNode}</name-node>
                        <job-xml>global.xml</job-xml>
                        <configuration>
                            <property><name>mapred.job.queue.name</name><value>${queue}</value></property>
                        </configuration>
                    </global>
                    <credentials>
                        <credential name="hive" type="hive2">
                            <property><name>hive2.jdbc.url</name><value>${jdbcUrl}</value></property>
                        </credential>
                    </credentials>
                    <start to="cleanup"/>
                    <action name="cleanup" retry-max="3" retry-interval="10" cred="hive">
                        <fs>
                            <delete path="${nameNode}/out"/>
                            <mkdir path="${nameNode}/out"/>
                            <move source="${nameNode}/a" target="/b"/>
                            <chmod path="${nameNode}/out" permissions="755" dir-files="false"><recursive/></chmod>
                            <touchz path="${nameNode}/out/_READY"/>
                        </fs>
                        <ok to="split"/>
                        <error to="fail"/>
                    </action>
                    <fork name="split">
                        <path start="pig"/>
                        <path start="shell"/>
                    </fork>
                    <action name="pig">
                        <pig>
                            <prepare><delete path="${nameNode}/tmp"/><mkdir path="${nameNode}/tmp"/></prepare>
                            <job-xml>pig-site.xml</job-xml>
                            <configuration><property><name>pig.tmpfilecompression</name><value>true</value></property></configuration>
                            <script>id.pig</script>
                            <argument>-verbose</argument>
                            <file>lib/udf.jar#udf.jar</file>
                            <archive>lib/py.zip</archive>
                        </pig>
                        <ok to="joined"/>
                        <error to="fail"/>
                        <sla:info><sla:nominal-time>${nominalTime}</sla:nominal-time><sla:should-end>${60 * MINUTES}</sla:should-end></sla:info>
                    </action>
                    <action name="shell">
                        <shell xmlns="uri:oozie:shell-action:0.3">
                            <exec>echo</exec>
                            <argument>hi</argument>
                            <capture-output/>
                        </shell>
                        <ok to="joined"/>
                        <error to="fail"/>
                    </action>
                    <join name="joined" to="check"/>
                    <decision name="check">
                        <switch>
                            <case to="notify">
                                ${wf:actionData('shell')['out'] eq 'hi'}
                            </case>
                            <case to="end">${fs:exists('/x')}</case>
                            <default to="fail"/>
                        </switch>
                    </decision>
                    <action name="notify">
                        <email xmlns="uri:oozie:email-action:0.2">
                            <to>ops@example.com,dev@example.com</to>
                            <cc>boss@example.com</cc>
                            <subject>done ${wf:id()}</subject>
                            <body>all good</body>
                            <content_type>text/plain</content_type>
                            <attachment>/a.txt, /b.txt</attachment>
                        </email>
                        <ok to="end"/>
                        <error to="fail"/>
                    </action>
                    <kill name="fail"><message>boom</message></kill>
                    <end name="end"/>
                    <sla:info><sla:nominal-time>${nominalTime}</sla:nominal-time><sla:should-end>${60 * MINUTES}</sla:should-end></sla:info>
                </workflow-app>
                """;
        WorkflowApp app = read(xml);
        assertEquals("""
                workflow all-kinds (namespace uri:oozie:workflow:0.5) start -> cleanup
                action cleanup @20:5 ok -> split, error -> fail retry=3/10 cred=hive
                  fs DELETE{path=${nameNode}/out} MKDIR{path=${nameNode}/out} MOVE{source=${nameNode}/a, target=/b} \
                CHMOD{path=${nameNode}/out, permissions=755, dir-files=false} recursive TOUCHZ{path=${nameNode}/out/_READY}
                fork split @31:5 -> [pig, shell]
                action pig @35:5 ok -> joined, error -> fail other=[info]
                  pig rm=null nn=null script=id.pig @40:21 params=[] prepare=[DELETE ${nameNode}/tmp, MKDIR ${nameNode}/tmp] \
                job-xml=[pig-site.xml] conf=[pig.tmpfilecompression=true] args=[-verbose] files=[lib/udf.jar#udf.jar] archives=[lib/py.zip]
                action shell @49:5 ok -> joined, error -> fail
                  shell exec=echo@51:13 arguments=[hi@52:13] capture-output
                join joined @58:5 -> check
                decision check @59:5 default -> fail @65:13
                  case -> notify @61:13 "${wf:actionData('shell')['out'] eq 'hi'}" @62:17
                  case -> end @64:13 "${fs:exists('/x')}" @64:28
                action notify @68:5 ok -> end, error -> fail
                  email to=ops@example.com,dev@example.com cc=boss@example.com bcc=null subject=done ${wf:id()} \
                body=all good type=text/plain attachments=[/a.txt, /b.txt]
                kill fail @80:5 "boom"
                end end @81:5
                """, describe(app));
        assertEquals("0.5", app.schemaVersion());
        assertEquals(
                List.of(
                        new Parameter("input", null, null, SourceSpan.of("wf.xml", 3, 9)),
                        new Parameter("queue", "default", "the queue", SourceSpan.of("wf.xml", 4, 9))),
                app.parameters());
        Global global = app.global();
        assertEquals("${jobTracker}", global.resourceManager());
        assertEquals("${nameNode}", global.nameNode());
        assertEquals(List.of("global.xml"), global.jobXml());
        assertEquals(
                List.of(new ConfigProperty("mapred.job.queue.name", "${queue}", SourceSpan.of("wf.xml", 11, 13))),
                global.configuration());
        assertEquals("hive2", app.credentials().get(0).type());
        assertEquals(
                "hive2.jdbc.url", app.credentials().get(0).properties().get(0).name());
        assertEquals(
                List.of("info"),
                app.otherElements().stream().map(XmlElement::name).toList(),
                "the workflow-level sla:info is kept for the report");
        assertEquals(SourceSpan.of("wf.xml", 19, 5), app.startSpan());
    }

    @Test
    void actionWithoutOkAndErrorGivesOozE004ForEach() {
        String xml = """
                <workflow-app xmlns="uri:oozie:workflow:1.0" name="w">
                    <start to="a"/>
                    <action name="a">
                        <fs/>
                    </action>
                    <end name="end"/>
                </workflow-app>
                """;
        assertEquals(
                List.of(
                        "wf.xml:3:5: error OOZ-E004: action 'a' has no <ok to=\"...\"/>",
                        "wf.xml:3:5: error OOZ-E004: action 'a' has no <error to=\"...\"/>"),
                problems(xml));
    }

    @Test
    void transitionToAnUnknownNodeGivesOozE005WithAHint() {
        String xml = """
                <workflow-app xmlns="uri:oozie:workflow:0.4" name="w">
                    <start to="first"/>
                    <action name="first">
                        <fs/>
                        <ok to="ned"/>
                        <error to="fial"/>
                    </action>
                    <kill name="fail"><message>x</message></kill>
                    <end name="end"/>
                </workflow-app>
                """;
        assertEquals(
                List.of(
                        "wf.xml:5:9: error OOZ-E005: <ok> of action 'first' goes to 'ned', which is not a node of this workflow",
                        "  hint: did you mean 'end'?",
                        "wf.xml:6:9: error OOZ-E005: <error> of action 'first' goes to 'fial', which is not a node of this workflow",
                        "  hint: did you mean 'fail'?"),
                problemLines(xml));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        String xml = """
                <workflow-app xmlns="uri:oozie:workflow:0.5">
                    <start to="nowhere"/>
                    <action name="a">
                        <pig><param>NO_EQUALS</param></pig>
                        <ok to="end"/>
                        <error to="end"/>
                    </action>
                    <action name="a" retry-max="lots">
                        <fs/>
                        <ok to="end"/>
                        <error to="end"/>
                    </action>
                    <decision name="d"><switch><case to="gone">${true}</case></switch></decision>
                    <fork name="f"/>
                    <join name="j"/>
                    <kill name="k"/>
                    <end name="end"/>
                </workflow-app>
                """;
        assertEquals(
                List.of(
                        "wf.xml:1:1: error OOZ-E004: workflow-app has no 'name' attribute",
                        "wf.xml:2:5: error OOZ-E005: <start> goes to 'nowhere', which is not a node of this workflow",
                        "wf.xml:4:9: error OOZ-E004: pig action has no <script> element",
                        "wf.xml:4:21: error OOZ-E004: pig <param> 'NO_EQUALS' is not NAME=VALUE",
                        "wf.xml:8:5: error OOZ-E006: duplicate node name 'a' (first defined at wf.xml:3:5)",
                        "wf.xml:8:5: error OOZ-E011: action 'a': retry-max must be a whole number, found 'lots'",
                        "wf.xml:13:24: error OOZ-E004: decision 'd' has no <default to=\"...\"/>",
                        "wf.xml:14:5: error OOZ-E004: fork 'f' has no <path start=\"...\"/>",
                        "wf.xml:15:5: error OOZ-E004: join 'j' has no 'to' attribute",
                        "wf.xml:16:5: error OOZ-E004: kill 'k' has no <message> element"),
                problems(xml));
    }

    @Test
    void missingStartAndUnknownNodeNames() {
        assertEquals(
                List.of("wf.xml:1:1: error OOZ-E004: workflow-app has no <start> element"),
                problems("<workflow-app name=\"w\"><end name=\"end\"/></workflow-app>"));
        assertEquals(
                List.of(
                        "wf.xml:1:56: error OOZ-E004: action 'a' has no action element (pig, fs, email, shell, java...)"),
                problems("<workflow-app name=\"w\"><start to=\"a\"/><end name=\"end\"/><action name=\"a\">"
                        + "<ok to=\"end\"/><error to=\"end\"/></action></workflow-app>"));
    }

    @Test
    void wrongRootOrNamespaceGivesOozE003() {
        assertEquals(
                List.of("wf.xml:1:1: error OOZ-E003: expected <workflow-app> in namespace uri:oozie:workflow:0.1-1.0 "
                        + "(or none), found <coordinator-app> in uri:oozie:coordinator:0.2"),
                problems("<coordinator-app xmlns=\"uri:oozie:coordinator:0.2\" name=\"c\"/>"));
        assertEquals(
                List.of("wf.xml:1:1: error OOZ-E003: expected <workflow-app> in namespace uri:oozie:workflow:0.1-1.0 "
                        + "(or none), found <workflow-app> in urn:something:else"),
                problems("<workflow-app xmlns=\"urn:something:else\" name=\"w\"/>"));
    }

    @Test
    void everySchemaVersionIsAccepted() {
        for (String version : List.of("0.1", "0.2", "0.2.5", "0.3", "0.4", "0.4.5", "0.5", "1.0")) {
            String xml = "<workflow-app xmlns=\"uri:oozie:workflow:" + version + "\" name=\"w\"><start to=\"end\"/>"
                    + "<end name=\"end\"/></workflow-app>";
            assertEquals(version, read(xml).schemaVersion());
        }
    }

    private static WorkflowApp read(String xml) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<WorkflowApp> app = OozieReader.readWorkflow(xml, "wf.xml", diagnostics);
        // A namespace-less workflow carries only the warning that Oozie itself would reject it.
        assertEquals(
                List.of(),
                diagnostics.sorted().stream()
                        .filter(d -> !(!xml.contains("xmlns") && d.code().id().equals("OOZ-W007")))
                        .map(Diagnostic::format)
                        .toList());
        return app.orElseThrow();
    }

    @Test
    void nodeNamesThatAreNotOozieIdentifiersAreErrorsWithoutASchemaToo() {
        // Names reach task ids and file names: a path, a parent reference, a space or a leading digit is refused
        // here, as Oozie's XSD IDENTIFIER refuses it, even when a file without namespace is not validated.
        for (String name : List.of("a/b", "..", "../../x", "a b", "9lives", "a.b", "x\\y")) {
            String xml = """
                    <workflow-app name="w">
                        <start to="NAME"/>
                        <kill name="NAME"><message>m</message></kill>
                    </workflow-app>
                    """.replace("NAME", name);
            assertEquals(
                    List.of("wf.xml:3:5: error OOZ-E011: node name '" + name + "' is not an Oozie identifier (a letter"
                            + " or '_', then letters, digits, '-' or '_')"),
                    problems(xml),
                    name);
        }
        for (String name : List.of("a", "_x", "load-raw_2", "A".repeat(60))) {
            Diagnostics diagnostics = new Diagnostics();
            String xml = "<workflow-app name=\"w\"><start to=\"" + name + "\"/><kill name=\"" + name
                    + "\"><message>m</message></kill></workflow-app>";
            assertTrue(
                    OozieReader.readWorkflow(xml, "wf.xml", diagnostics).isPresent(),
                    name + ": " + diagnostics.sorted());
        }
    }

    private static List<String> problems(String xml) {
        // These inputs have no namespace; the warning that Oozie would reject them is tested in namespaceLessWorkflow's
        // caller.
        return problemLines(xml).stream()
                .filter(l -> !l.startsWith("  hint") && !l.contains("OOZ-W007: the root element has no"))
                .toList();
    }

    private static List<String> problemLines(String xml) {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(
                OozieReader.readWorkflow(xml, "wf.xml", diagnostics).isEmpty(),
                "a workflow with errors is not returned");
        return diagnostics.sorted().stream().flatMap(d -> d.format().lines()).toList();
    }

    /** One node a line, with its position, so a reader can check the model against the XML by eye. */
    static String describe(WorkflowApp app) {
        StringBuilder out = new StringBuilder();
        out.append("workflow ")
                .append(app.name())
                .append(" (namespace ")
                .append(app.namespace().isEmpty() ? "none" : app.namespace())
                .append(") start -> ")
                .append(app.startTo())
                .append('\n');
        for (WorkflowNode node : app.nodes()) {
            String at = " @" + node.span().line() + ":" + node.span().column();
            if (node instanceof ActionNode a) {
                out.append("action ")
                        .append(a.name())
                        .append(at)
                        .append(" ok -> ")
                        .append(a.okTo())
                        .append(", error -> ")
                        .append(a.errorTo());
                if (a.retryMax() != null) {
                    out.append(" retry=").append(a.retryMax()).append('/').append(a.retryInterval());
                }
                if (a.cred() != null) {
                    out.append(" cred=").append(a.cred());
                }
                if (!a.otherElements().isEmpty()) {
                    out.append(" other=")
                            .append(a.otherElements().stream()
                                    .map(XmlElement::name)
                                    .toList());
                }
                out.append("\n  ").append(describe(a.action())).append('\n');
            } else if (node instanceof DecisionNode d) {
                out.append("decision ")
                        .append(d.name())
                        .append(at)
                        .append(" default -> ")
                        .append(d.defaultTo())
                        .append(' ')
                        .append(pos(d.defaultSpan()))
                        .append('\n');
                for (DecisionCase c : d.cases()) {
                    out.append("  case -> ")
                            .append(c.to())
                            .append(' ')
                            .append(pos(c.span()))
                            .append(" \"")
                            .append(c.predicate())
                            .append("\" ")
                            .append(pos(c.predicateSpan()))
                            .append('\n');
                }
            } else if (node instanceof ForkNode f) {
                out.append("fork ")
                        .append(f.name())
                        .append(at)
                        .append(" -> ")
                        .append(f.paths().stream().map(ForkPath::start).toList())
                        .append('\n');
            } else if (node instanceof JoinNode j) {
                out.append("join ")
                        .append(j.name())
                        .append(at)
                        .append(" -> ")
                        .append(j.to())
                        .append('\n');
            } else if (node instanceof KillNode k) {
                out.append("kill ")
                        .append(k.name())
                        .append(at)
                        .append(" \"")
                        .append(k.message())
                        .append("\"\n");
            } else {
                out.append("end ").append(node.name()).append(at).append('\n');
            }
        }
        return out.toString();
    }

    private static String describe(Action action) {
        if (action instanceof PigAction p) {
            StringBuilder out = new StringBuilder("pig rm=" + p.resourceManager() + " nn=" + p.nameNode() + " script="
                    + p.script() + " " + pos(p.scriptSpan()) + " params="
                    + p.params().stream().map(x -> x.name() + "=" + x.value()).toList());
            if (!p.prepare().isEmpty()) {
                out.append(" prepare=")
                        .append(p.prepare().stream()
                                .map(s -> s.kind() + " " + s.path())
                                .toList());
            }
            if (!p.jobXml().isEmpty()) {
                out.append(" job-xml=").append(p.jobXml());
            }
            if (!p.configuration().isEmpty()) {
                out.append(" conf=")
                        .append(p.configuration().stream()
                                .map(c -> c.name() + "=" + c.value())
                                .toList());
            }
            if (!p.arguments().isEmpty()) {
                out.append(" args=")
                        .append(p.arguments())
                        .append(" files=")
                        .append(p.files())
                        .append(" archives=")
                        .append(p.archives());
            }
            return out.toString();
        }
        if (action instanceof FsAction fs) {
            return "fs "
                    + fs.operations().stream()
                            .map(o -> o.kind() + o.attributes().toString() + (o.recursive() ? " recursive" : ""))
                            .collect(Collectors.joining(" "));
        }
        if (action instanceof EmailAction e) {
            return "email to=" + e.to() + " cc=" + e.cc() + " bcc=" + e.bcc() + " subject=" + e.subject() + " body="
                    + e.body() + " type=" + e.contentType() + " attachments=" + e.attachments();
        }
        if (action instanceof ShellAction shell) {
            return "shell exec=" + shell.exec().text() + pos(shell.exec().span()) + " arguments="
                    + shell.arguments().stream()
                            .map(a -> a.text() + pos(a.span()))
                            .toList()
                    + (shell.captureOutput() ? " capture-output" : "");
        }
        GenericAction g = (GenericAction) action;
        return g.type() + " (" + g.namespace() + ") children="
                + g.element().children().stream().map(XmlElement::name).toList();
    }

    private static String pos(SourceSpan span) {
        return "@" + span.line() + ":" + span.column();
    }
}
