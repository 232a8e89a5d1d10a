package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled schema version of every action Ferry reads through JAXB (all but fs) → the same version-neutral record. Each
 * child of the action element sits on its own line, so {@code text@N} says the value came with its element's span
 * (line N). A row per version, and rows for what only some versions have.
 */
class ActionReaderTest {

    private static final String CLUSTER = "<job-tracker>jt</job-tracker>\n<name-node>nn</name-node>\n";

    private static final String SHELL = CLUSTER + """
            <prepare><delete path="/out"/><mkdir path="/tmp/x"/></prepare>
            <exec>run.sh</exec>
            <argument>-v</argument>
            <argument>  two words  </argument>
            <env-var>K=V</env-var>
            <file>f.txt#link</file>
            <archive>a.zip</archive>
            <capture-output/>""";
    private static final String SHELL_READ = "shell exec=run.sh@8 arguments=[-v@9, two words@10] envVars=[K=V@11]"
            + " files=[f.txt#link@12] archives=[a.zip@13] captureOutput"
            + " | cluster=[job-tracker@5, name-node@6] prepare=[DELETE /out@7, MKDIR /tmp/x@7] rm=jt nn=nn";

    private static final String SPARK_01 = CLUSTER + """
            <master>yarn</master>
            <mode>cluster</mode>
            <name>job</name>
            <class>Main</class>
            <jar>app.jar</jar>
            <spark-opts>--num-executors 2</spark-opts>
            <arg>a</arg>""";
    private static final String SPARK_01_READ = "spark master=yarn@7 mode=cluster@8 name=job@9 class=Main@10"
            + " jar=app.jar@11 sparkOpts=--num-executors 2@12 args=[a@13] files=[] archives=[]";
    private static final String SPARK = SPARK_01 + "\n<file>f</file>\n<archive>z</archive>";
    private static final String SPARK_READ =
            SPARK_01_READ.replace("files=[] archives=[]", "files=[f@14] archives=[z@15]");

    private static final String HIVE = CLUSTER + """
            <script>q.hql</script>
            <param>DAY=1</param>
            <file>f</file>
            <archive>z</archive>""";
    private static final String HIVE_READ =
            "hive script=q.hql@7 query=null params=[DAY=1@8] arguments=[] files=[f@9] archives=[z@10]";
    private static final String HIVE_ARGUMENT = CLUSTER + """
            <script>q.hql</script>
            <param>DAY=1</param>
            <argument>--verbose</argument>""";
    private static final String HIVE_ARGUMENT_READ =
            "hive script=q.hql@7 query=null params=[DAY=1@8] arguments=[--verbose@9] files=[] archives=[]";
    private static final String HIVE_QUERY = CLUSTER + "<query>select 1</query>";
    private static final String HIVE_QUERY_READ =
            "hive script=null query=select 1@7 params=[] arguments=[] files=[] archives=[]";

    private static final String HIVE2 = CLUSTER + """
            <jdbc-url>jdbc:hive2://h:10000/db</jdbc-url>
            <password>pw</password>
            <script>q.hql</script>
            <param>DAY=1</param>
            <argument>--verbose</argument>
            <file>f</file>""";
    private static final String HIVE2_READ = "hive2 jdbcUrl=jdbc:hive2://h:10000/db@7 password=pw@8 script=q.hql@9"
            + " query=null params=[DAY=1@10] arguments=[--verbose@11] files=[f@12] archives=[]";
    private static final String HIVE2_QUERY = CLUSTER + """
            <jdbc-url>jdbc:hive2://h:10000/db</jdbc-url>
            <query>select 1</query>""";
    private static final String HIVE2_QUERY_READ = "hive2 jdbcUrl=jdbc:hive2://h:10000/db@7 password=null"
            + " script=null query=select 1@8 params=[] arguments=[] files=[] archives=[]";

    private static final String SQOOP_COMMAND = CLUSTER + """
            <command>import --table t</command>
            <file>f</file>""";
    private static final String SQOOP_COMMAND_READ = "sqoop command=import --table t@7 args=[] files=[f@8] archives=[]";
    private static final String SQOOP_ARGS = CLUSTER + """
            <arg>import</arg>
            <arg>--table</arg>
            <arg>t</arg>""";
    private static final String SQOOP_ARGS_READ =
            "sqoop command=null args=[import@7, --table@8, t@9] files=[] archives=[]";

    private static final String SSH_01 = """
            <host>etl@gateway</host>
            <command>ls</command>
            <args>-l</args>
            <args>/tmp</args>
            <capture-output/>""";
    private static final String SSH_01_READ =
            "ssh host=etl@gateway@5 command=ls@6 arguments=[args:-l@7, args:/tmp@8] captureOutput";
    private static final String SSH_ARG = """
            <host>etl@gateway</host>
            <command>ls</command>
            <arg>-l</arg>
            <arg>a b</arg>""";
    private static final String SSH_ARG_READ = "ssh host=etl@gateway@5 command=ls@6 arguments=[arg:-l@7, arg:a b@8]";

    private static final String DISTCP = CLUSTER + """
            <java-opts>-Xmx1g</java-opts>
            <arg>hdfs://a/x</arg>
            <arg>hdfs://b/x</arg>""";
    private static final String DISTCP_READ = "distcp javaOpts=-Xmx1g@7 args=[hdfs://a/x@8, hdfs://b/x@9]";

    private static final String GIT = """
            <resource-manager>rm</resource-manager>
            <name-node>nn</name-node>
            <git-uri>https://example.com/r.git</git-uri>
            <branch>main</branch>
            <key-path>/keys/id</key-path>
            <destination-uri>hdfs://nn/r</destination-uri>""";
    private static final String GIT_READ = "git gitUri=https://example.com/r.git@7 branch=main@8 keyPath=/keys/id@9"
            + " destinationUri=hdfs://nn/r@10 | cluster=[resource-manager@5, name-node@6] prepare=[] rm=rm nn=nn";

    private static final String SUB_WORKFLOW = """
            <app-path>${appPath}/child</app-path>
            <propagate-configuration/>
            <configuration><property><name>a</name><value>1</value></property></configuration>""";
    private static final String SUB_WORKFLOW_READ =
            "sub-workflow appPath=${appPath}/child@5 propagate configuration=[a=1@7]";

    private static final String JAVA = CLUSTER + """
            <main-class>Main</main-class>
            <java-opts>-Xmx1g</java-opts>
            <arg>a</arg>
            <file>f</file>
            <archive>z</archive>
            <capture-output/>""";
    private static final String JAVA_READ = "java mainClass=Main@7 javaOpts=-Xmx1g@8 javaOpt=[] args=[a@9] files=[f@10]"
            + " archives=[z@11] captureOutput";
    private static final String JAVA_OPT = CLUSTER + """
            <main-class>Main</main-class>
            <java-opt>-Xmx1g</java-opt>
            <java-opt>-Da=b</java-opt>""";
    private static final String JAVA_OPT_READ =
            "java mainClass=Main@7 javaOpts=null javaOpt=[-Xmx1g@8, -Da=b@9] args=[] files=[] archives=[]";

    private static final String STREAMING = CLUSTER + """
            <streaming>
            <mapper>m.py</mapper>
            <reducer>r.py</reducer>
            <record-reader>rr</record-reader>
            <record-reader-mapping>a=b</record-reader-mapping>
            <env>E=1</env>
            </streaming>
            <file>f</file>""";
    private static final String STREAMING_READ = "map-reduce streaming(mapper=m.py@8 reducer=r.py@9 recordReader=rr@10"
            + " mappings=[a=b@11] env=[E=1@12]) pipes=null configClass=null files=[f@14] archives=[]";
    private static final String PIPES = CLUSTER + """
            <pipes>
            <map>M</map>
            <reduce>R</reduce>
            <inputformat>I</inputformat>
            <partitioner>P</partitioner>
            <writer>W</writer>
            <program>bin/p</program>
            </pipes>""";
    private static final String PIPES_READ = "map-reduce streaming=null pipes(map=M@8 reduce=R@9 inputFormat=I@10"
            + " partitioner=P@11 writer=W@12 program=bin/p@13) configClass=null files=[] archives=[]";
    private static final String CONFIG_CLASS = CLUSTER + "<config-class>acme.Conf</config-class>";
    private static final String CONFIG_CLASS_READ =
            "map-reduce streaming=null pipes=null configClass=acme.Conf@7 files=[] archives=[]";

    private static final String PIG_01 = CLUSTER + """
            <script>agg.pig</script>
            <param>INPUT=/in</param>
            <file>f</file>
            <archive>z</archive>""";
    private static final String PIG_01_READ =
            "pig script=agg.pig@7 params=[INPUT=/in@8] arguments=[] files=[f] archives=[z] rm=jt nn=nn";
    private static final String PIG = CLUSTER + """
            <script>agg.pig</script>
            <param>INPUT=/in</param>
            <argument>-verbose</argument>
            <file>f</file>""";
    private static final String PIG_READ =
            "pig script=agg.pig@7 params=[INPUT=/in@8] arguments=[-verbose] files=[f] archives=[] rm=jt nn=nn";

    private static final String EMAIL_01 = """
            <to>a@example.com</to>
            <cc>b@example.com</cc>
            <subject>done</subject>
            <body>ok</body>""";
    private static final String EMAIL_01_READ = "email to=a@example.com cc=b@example.com bcc=null subject=done body=ok"
            + " contentType=null attachments=[]";
    private static final String EMAIL = """
            <to>a@example.com</to>
            <cc>b@example.com</cc>
            <bcc>c@example.com</bcc>
            <subject>done</subject>
            <body>ok</body>
            <content_type>text/html</content_type>
            <attachment>/r/a.csv, /r/b.csv</attachment>""";
    private static final String EMAIL_READ = "email to=a@example.com cc=b@example.com bcc=c@example.com subject=done"
            + " body=ok contentType=text/html attachments=[/r/a.csv, /r/b.csv]";

    private static final List<String> WORKFLOWS = List.of("0.1", "0.2", "0.2.5", "0.3", "0.4", "0.4.5", "0.5", "1.0");

    static Stream<Arguments> versions() {
        List<Arguments> rows = new ArrayList<>();
        for (String v : List.of("0.1", "0.2", "0.3", "1.0")) {
            rows.add(extension("shell", v, SHELL, SHELL_READ));
        }
        rows.add(extension("spark", "0.1", SPARK_01, SPARK_01_READ));
        rows.add(extension("spark", "0.2", SPARK, SPARK_READ));
        rows.add(extension("spark", "1.0", SPARK, SPARK_READ));
        for (String v : List.of("0.2", "0.3", "0.4", "0.5", "0.6", "1.0")) {
            rows.add(extension("hive", v, HIVE, HIVE_READ));
        }
        for (String v : List.of("0.5", "0.6", "1.0")) {
            rows.add(extension("hive", v, HIVE_ARGUMENT, HIVE_ARGUMENT_READ));
        }
        rows.add(extension("hive", "0.6", HIVE_QUERY, HIVE_QUERY_READ));
        rows.add(extension("hive", "1.0", HIVE_QUERY, HIVE_QUERY_READ));
        for (String v : List.of("0.1", "0.2", "1.0")) {
            rows.add(extension("hive2", v, HIVE2, HIVE2_READ));
        }
        rows.add(extension("hive2", "0.2", HIVE2_QUERY, HIVE2_QUERY_READ));
        rows.add(extension("hive2", "1.0", HIVE2_QUERY, HIVE2_QUERY_READ));
        for (String v : List.of("0.2", "0.3", "0.4", "1.0")) {
            rows.add(extension("sqoop", v, SQOOP_COMMAND, SQOOP_COMMAND_READ));
            rows.add(extension("sqoop", v, SQOOP_ARGS, SQOOP_ARGS_READ));
        }
        rows.add(extension("ssh", "0.1", SSH_01, SSH_01_READ));
        rows.add(extension("ssh", "0.2", SSH_01, SSH_01_READ));
        rows.add(extension("ssh", "0.2", SSH_ARG, SSH_ARG_READ));
        for (String v : List.of("0.1", "0.2", "1.0")) {
            rows.add(extension("distcp", v, DISTCP, DISTCP_READ));
        }
        rows.add(extension("git", "1.0", GIT, GIT_READ));
        rows.add(extension("email", "0.1", EMAIL_01, EMAIL_01_READ));
        rows.add(extension("email", "0.2", EMAIL_01, EMAIL_01_READ));
        rows.add(extension("email", "0.2", EMAIL, EMAIL_READ));
        rows.add(core("pig", "0.1", PIG_01, PIG_01_READ));
        for (String v : WORKFLOWS) {
            rows.add(core("sub-workflow", v, SUB_WORKFLOW, SUB_WORKFLOW_READ));
            if (!v.equals("0.1")) {
                rows.add(core("pig", v, PIG, PIG_READ));
            }
            rows.add(core("java", v, JAVA, JAVA_READ));
            rows.add(core("map-reduce", v, STREAMING, STREAMING_READ));
            rows.add(core("map-reduce", v, PIPES, PIPES_READ));
        }
        for (String v : List.of("0.4", "0.4.5", "0.5", "1.0")) {
            rows.add(core("java", v, JAVA_OPT, JAVA_OPT_READ));
        }
        for (String v : List.of("0.5", "1.0")) {
            rows.add(core("map-reduce", v, CONFIG_CLASS, CONFIG_CLASS_READ));
        }
        // A file without namespaces (not validated) binds to the newest schema of each element.
        rows.add(Arguments.of("", "shell", "", SHELL, SHELL_READ));
        rows.add(Arguments.of("", "java", "", JAVA, JAVA_READ));
        return rows.stream();
    }

    private static Arguments extension(String element, String version, String children, String expected) {
        String workflow = version.equals("1.0") ? "uri:oozie:workflow:1.0" : "uri:oozie:workflow:0.5";
        return Arguments.of(workflow, element, "uri:oozie:" + element + "-action:" + version, children, expected);
    }

    private static Arguments core(String element, String version, String children, String expected) {
        return Arguments.of("uri:oozie:workflow:" + version, element, "", children, expected);
    }

    @ParameterizedTest(name = "{1} {2} {0}")
    @MethodSource("versions")
    void everyVersionFillsTheSameRecord(
            String workflow, String element, String namespace, String children, String expected) {
        String xml = String.join(
                "\n",
                workflow.isEmpty()
                        ? "<workflow-app name=\"w\">"
                        : "<workflow-app xmlns=\"" + workflow + "\" name=\"w\">",
                "<start to=\"a\"/>",
                "<action name=\"a\">",
                namespace.isEmpty() ? "<" + element + ">" : "<" + element + " xmlns=\"" + namespace + "\">",
                children,
                "</" + element + ">",
                "<ok to=\"end\"/>",
                "<error to=\"end\"/>",
                "</action>",
                "<end name=\"end\"/>",
                "</workflow-app>");
        Diagnostics diagnostics = new Diagnostics();
        WorkflowApp app = OozieReader.readWorkflow(xml, "workflow.xml", diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals(
                List.of(),
                diagnostics.sorted().stream()
                        .filter(d -> !d.code().name().equals("OOZ_W007"))
                        .toList());
        assertEquals(expected, describe(app.actions().get(0).action()));
    }

    @Test
    void everyBundledVersionOfTheseActionsHasARow() {
        Set<String> families =
                Set.of("shell", "spark", "hive", "hive2", "sqoop", "ssh", "distcp", "git", "email", "workflow");
        Set<String> bundled = OozieSchemas.namespaces().stream()
                .filter(n -> families.contains(n.replaceFirst("^uri:oozie:(.*?)(-action)?:[0-9.]+$", "$1")))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = versions()
                .flatMap(row -> Stream.of((String) row.get()[0], (String) row.get()[2]))
                .filter(n -> !n.isEmpty())
                .filter(n -> !n.startsWith("uri:oozie:workflow:") || WORKFLOWS.contains(n.substring(19)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(bundled, covered);
    }

    private static String describe(Action action) {
        if (action instanceof PigAction p) {
            return "pig script=" + p.script() + "@" + p.scriptSpan().line() + " params="
                    + p.params().stream()
                            .map(q ->
                                    q.name() + "=" + q.value() + "@" + q.span().line())
                            .toList()
                    + " arguments=" + p.arguments() + " files=" + p.files() + " archives=" + p.archives() + " rm="
                    + p.resourceManager() + " nn=" + p.nameNode();
        } else if (action instanceof EmailAction e) {
            return "email to=" + e.to() + " cc=" + e.cc() + " bcc=" + e.bcc() + " subject=" + e.subject() + " body="
                    + e.body() + " contentType=" + e.contentType() + " attachments=" + e.attachments();
        } else if (action instanceof ShellAction s) {
            return "shell exec=" + t(s.exec()) + " arguments=" + ts(s.arguments()) + " envVars=" + ts(s.envVars())
                    + " files=" + ts(s.files()) + " archives=" + ts(s.archives())
                    + (s.captureOutput() ? " captureOutput" : "") + parts(s.parts());
        } else if (action instanceof SparkAction s) {
            return "spark master=" + t(s.master()) + " mode=" + t(s.mode()) + " name=" + t(s.name()) + " class="
                    + t(s.mainClass()) + " jar=" + t(s.jar()) + " sparkOpts=" + t(s.sparkOpts()) + " args="
                    + ts(s.args()) + " files=" + ts(s.files()) + " archives=" + ts(s.archives());
        } else if (action instanceof HiveAction h) {
            return h.type() + (h.beeline() ? " jdbcUrl=" + t(h.jdbcUrl()) + " password=" + t(h.password()) : "")
                    + " script=" + t(h.script()) + " query=" + t(h.query()) + " params=" + ts(h.params())
                    + " arguments=" + ts(h.arguments()) + " files=" + ts(h.files()) + " archives=" + ts(h.archives());
        } else if (action instanceof SqoopAction s) {
            return "sqoop command=" + t(s.command()) + " args=" + ts(s.args()) + " files=" + ts(s.files())
                    + " archives=" + ts(s.archives());
        } else if (action instanceof SshAction s) {
            return "ssh host=" + t(s.host()) + " command=" + t(s.command()) + " arguments="
                    + s.arguments().stream()
                            .map(a -> (a.quoted() ? "arg:" : "args:") + t(a.text()))
                            .toList()
                    + (s.captureOutput() ? " captureOutput" : "");
        } else if (action instanceof DistcpAction d) {
            return "distcp javaOpts=" + t(d.javaOpts()) + " args=" + ts(d.args());
        } else if (action instanceof GitAction g) {
            return "git gitUri=" + t(g.gitUri()) + " branch=" + t(g.branch()) + " keyPath=" + t(g.keyPath())
                    + " destinationUri=" + t(g.destinationUri()) + parts(g.parts());
        } else if (action instanceof SubWorkflowAction s) {
            return "sub-workflow appPath=" + t(s.appPath()) + (s.propagateConfiguration() ? " propagate" : "")
                    + " configuration="
                    + s.configuration().stream()
                            .map(p ->
                                    p.name() + "=" + p.value() + "@" + p.span().line())
                            .toList();
        } else if (action instanceof JavaAction j) {
            return "java mainClass=" + t(j.mainClass()) + " javaOpts=" + t(j.javaOpts()) + " javaOpt="
                    + ts(j.javaOpt()) + " args=" + ts(j.args()) + " files=" + ts(j.files()) + " archives="
                    + ts(j.archives()) + (j.captureOutput() ? " captureOutput" : "");
        } else if (action instanceof MapReduceAction m) {
            MapReduceAction.Streaming s = m.streaming();
            MapReduceAction.Pipes p = m.pipes();
            return "map-reduce streaming"
                    + (s == null
                            ? "=null"
                            : "(mapper=" + t(s.mapper()) + " reducer=" + t(s.reducer()) + " recordReader="
                                    + t(s.recordReader()) + " mappings=" + ts(s.recordReaderMappings()) + " env="
                                    + ts(s.env()) + ")")
                    + " pipes"
                    + (p == null
                            ? "=null"
                            : "(map=" + t(p.map()) + " reduce=" + t(p.reduce()) + " inputFormat="
                                    + t(p.inputFormat()) + " partitioner=" + t(p.partitioner()) + " writer="
                                    + t(p.writer()) + " program=" + t(p.program()) + ")")
                    + " configClass=" + t(m.configClass()) + " files=" + ts(m.files()) + " archives="
                    + ts(m.archives());
        }
        return action.toString();
    }

    private static String parts(ActionParts parts) {
        return " | cluster="
                + parts.cluster().stream()
                        .map(e -> e.name() + "@" + e.span().line())
                        .toList()
                + " prepare="
                + parts.prepare().stream()
                        .map(p -> p.kind() + " " + p.path() + "@" + p.span().line())
                        .toList()
                + " rm=" + parts.settings().resourceManager() + " nn="
                + parts.settings().nameNode();
    }

    private static String t(ElementText text) {
        return text == null ? "null" : text.text() + "@" + text.span().line();
    }

    private static String ts(List<ElementText> texts) {
        return texts.stream().map(ActionReaderTest::t).toList().toString();
    }
}
