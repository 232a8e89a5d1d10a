package dev.ferry.translator.workflow;

import static dev.ferry.translator.workflow.Lowered.el;
import static dev.ferry.translator.workflow.Lowered.els;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import dev.ferry.translator.workflow.PodContainer.SecretEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Oozie action snippet → the {@link TaskNode.PodJob} data it becomes (command, env, configuration...). */
class PodActionTranslatorTest {

    /** The image argument: the value of the DAG param a person sets. */
    private static final Template SPARK_IMAGE = TemplateText.concat(
            "spark.kubernetes.container.image=", Template.of(new RuntimeExpr.Param("ferry_image_spark")));

    @TempDir
    Path dir;

    record Result(WorkflowPlan plan, TaskNode task, List<String> diagnostics) {
        TaskNode.PodJob pod() {
            return assertInstanceOf(TaskNode.PodJob.class, task);
        }

        PodContainer container() {
            return pod().container();
        }

        boolean reports(String fragment) {
            return diagnostics.stream().anyMatch(d -> d.contains(fragment));
        }
    }

    private Result translate(String prefix, String action) throws IOException {
        return translate(prefix, action, Map.of());
    }

    private Result translate(String prefix, String action, Map<String, String> files) throws IOException {
        return run(prefix, "", action, files);
    }

    /**
     * {@code action} is the body of {@code <action name="a"{@code attributes}>}; {@code prefix} goes before
     * {@code <start>}; {@code files} are written next to workflow.xml.
     */
    private Result run(String prefix, String attributes, String action, Map<String, String> files) throws IOException {
        String xml = """
                <workflow-app xmlns="uri:oozie:workflow:1.0" name="w">
                %s
                    <start to="a"/>
                    <action name="a"%s>
                %s
                        <ok to="end"/>
                        <error to="fail"/>
                    </action>
                    <kill name="fail"><message>failed</message></kill>
                    <end name="end"/>
                </workflow-app>
                """.formatted(prefix, attributes, action);
        Files.writeString(dir.resolve("workflow.xml"), xml);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(dir.resolve(file.getKey()).getParent());
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        Diagnostics diagnostics = new Diagnostics();
        WorkflowApp app = OozieReader.readWorkflow(dir.resolve("workflow.xml"), "workflow.xml", diagnostics)
                .orElseThrow();
        SortedProperties props = new SortedProperties();
        props.put("nameNode", "hdfs://nn:8020");
        props.put("master", "yarn");
        props.put("oozie.wf.application.path", "${nameNode}/apps/w");
        WorkflowSources sources = new WorkflowSources(dir, dir, app, null, props, new TreeMap<>(), "job.properties");
        WorkflowPlan plan = WorkflowTranslator.translate(sources, diagnostics)
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
        TaskNode task = plan.tasks().stream()
                .filter(t -> t.id().equals("a"))
                .findFirst()
                .orElseThrow();
        return new Result(
                plan,
                task,
                diagnostics.sorted().stream().map(Diagnostic::format).toList());
    }

    static final class SortedProperties extends TreeMap<String, String> {}

    @Test
    void javaMainWithOptsArgsCaptureOutputAndConfiguration() throws IOException {
        Result r = translate(
                """
                <global>
                    <job-xml>global.xml</job-xml>
                    <configuration><property><name>team</name><value>data</value></property></configuration>
                </global>""",
                """
                <java>
                    <resource-manager>rm:8032</resource-manager>
                    <name-node>${nameNode}</name-node>
                    <configuration>
                        <property><name>mapred.job.queue.name</name><value>etl</value></property>
                        <property><name>team</name><value>own</value></property>
                    </configuration>
                    <main-class>com.example.Main</main-class>
                    <java-opts>-Xmx1g -Dmsg="hello world"</java-opts>
                    <arg>first</arg>
                    <arg>${nameNode}/in</arg>
                    <arg></arg>
                    <capture-output/>
                </java>""",
                Map.of(
                        "global.xml",
                        "<configuration><property><name>from.job.xml</name><value>1</value>"
                                + "</property><property><name>team</name><value>job-xml</value></property></configuration>"));
        assertEquals(
                els(
                        "java",
                        "-Xmx1g",
                        "-Dmsg=hello world",
                        "-Doozie.action.conf.xml=/tmp/oozie-action/action.xml",
                        "-Doozie.action.output.properties=/tmp/oozie-action/output.properties",
                        "-cp",
                        "/opt/oozie-app/lib/*:/tmp/oozie-action/*:/tmp/oozie-action",
                        "com.example.Main",
                        "first",
                        "${nameNode}/in",
                        ""),
                r.container().command());
        assertTrue(r.container().captureOutput());
        assertEquals(
                el("/tmp/oozie-action/output.properties"), r.container().env().get("OOZIE_ACTION_OUTPUT_PROPERTIES"));
        Map<String, Template> conf = r.container().configuration();
        assertEquals(el("etl"), conf.get("mapred.job.queue.name"));
        assertEquals(el("own"), conf.get("team"), "the action's configuration beats job-xml and <global>");
        assertEquals(el("1"), conf.get("from.job.xml"));
        assertEquals(el("${nameNode}"), conf.get("fs.defaultFS"));
        assertEquals(el("rm:8032"), conf.get("yarn.resourcemanager.address"));
        assertEquals("ferry_image_java", r.container().imageParam());
        assertEquals(
                "todo.invalid/ferry/java-action:set-the-image",
                r.plan().params().get("ferry_image_java"));
        assertTrue(r.reports("warning OOZ-W020: <java> action 'a' runs in a container of its own: set DAG param "
                + "'ferry_image_java'"));
        assertTrue(r.reports("'a' runs classes from the workflow's lib/ jars, which are not in the repository"));
    }

    @Test
    void mapReduceSubmitsItsConfigurationAndWaits() throws IOException {
        Result r = translate("", """
                <map-reduce>
                    <job-tracker>rm:8032</job-tracker>
                    <name-node>hdfs://nn:8020</name-node>
                    <prepare>
                        <delete path="${nameNode}/out"/>
                        <mkdir path="${nameNode}/tmp"/>
                    </prepare>
                    <configuration>
                        <property><name>mapred.mapper.class</name><value>com.example.M</value></property>
                        <property><name>mapred.reducer.class</name><value>com.example.R</value></property>
                    </configuration>
                </map-reduce>""", Map.of("lib/job.jar", "jar"));
        assertEquals(
                els("mapred", "job", "-submit", "/tmp/oozie-action/action.xml"),
                r.container().command());
        assertEquals(el("true"), r.container().env().get("FERRY_WAIT_FOR_MAPREDUCE_JOB"));
        assertEquals(el("com.example.M"), r.container().configuration().get("mapred.mapper.class"));
        assertEquals(
                List.of(
                        new TaskNode.PrepareStep(TaskNode.PrepareOperation.DELETE, el("${nameNode}/out")),
                        new TaskNode.PrepareStep(TaskNode.PrepareOperation.MKDIR, el("${nameNode}/tmp"))),
                r.pod().prepare());
        assertFalse(r.reports("which are not in the repository"), "lib/job.jar is there");
    }

    @Test
    void streamingPresetsWhatStreamingMainSetsAndTheConfigurationWins() throws IOException {
        Result r = translate("", """
                <map-reduce>
                    <streaming>
                        <mapper>/bin/cat</mapper>
                        <reducer>/usr/bin/wc</reducer>
                        <record-reader>StreamXmlRecordReader</record-reader>
                        <record-reader-mapping>begin=&lt;doc&gt;</record-reader-mapping>
                        <env>LANG=C</env>
                        <env>TZ=UTC</env>
                    </streaming>
                    <configuration>
                        <property><name>mapred.output.key.class</name><value>org.example.Key</value></property>
                    </configuration>
                </map-reduce>""");
        Map<String, Template> conf = r.container().configuration();
        assertEquals(el("/bin/cat"), conf.get("stream.map.streamprocessor"));
        assertEquals(el("/usr/bin/wc"), conf.get("stream.reduce.streamprocessor"));
        assertEquals(el("StreamXmlRecordReader"), conf.get("stream.recordreader.class"));
        assertEquals(el("<doc>"), conf.get("stream.recordreader.begin"));
        assertEquals(el("LANG=C TZ=UTC "), conf.get("stream.addenvironment"));
        assertEquals(el("org.apache.hadoop.streaming.PipeMapper"), conf.get("mapred.mapper.class"));
        assertEquals(el("org.example.Key"), conf.get("mapred.output.key.class"));
        assertEquals(
                els("mapred", "job", "-submit", "/tmp/oozie-action/action.xml"),
                r.container().command());
    }

    @Test
    void pipesSetWhatPipesMainSetsAndRunMapredPipes() throws IOException {
        Result r = translate("", """
                <map-reduce>
                    <pipes>
                        <map>com.example.Map</map>
                        <program>bin/wordcount#wc</program>
                    </pipes>
                </map-reduce>""");
        Map<String, Template> conf = r.container().configuration();
        assertEquals(el("com.example.Map"), conf.get("mapred.mapper.class"));
        assertEquals(el("true"), conf.get("hadoop.pipes.java.mapper"));
        assertEquals(el("bin/wordcount#wc"), conf.get("hadoop.pipes.executable"));
        assertEquals(
                els("mapred", "pipes", "-conf", "/tmp/oozie-action/action.xml"),
                r.container().command());
    }

    @Test
    void mapReduceWithACustomLauncherMainRunsThatMain() throws IOException {
        Result r = translate("", """
                <map-reduce>
                    <configuration>
                        <property><name>oozie.launcher.action.main.class</name><value>com.example.MyMain</value></property>
                    </configuration>
                </map-reduce>""");
        List<Template> command = r.container().command();
        assertEquals(el("java"), command.get(0));
        assertEquals(el("com.example.MyMain"), command.get(command.size() - 1));
    }

    @Test
    void sparkSubmitsToKubernetesInOozieOrder() throws IOException {
        Result r = translate("", """
                <spark xmlns="uri:oozie:spark-action:1.0">
                    <configuration><property><name>dfs.replication</name><value>2</value></property></configuration>
                    <master>${master}</master>
                    <mode>cluster</mode>
                    <name>Copy</name>
                    <class>com.example.Copy</class>
                    <jar>lib/copy.jar</jar>
                    <spark-opts>--executor-memory 2G --conf "spark.x=a b"</spark-opts>
                    <arg>in</arg>
                    <arg>out</arg>
                    <file>data/lookup.csv#lookup</file>
                </spark>""");
        assertEquals(
                Lowered.args(
                        "spark-submit",
                        "--master",
                        "k8s://https://kubernetes.default.svc:443",
                        "--deploy-mode",
                        "cluster",
                        "--name",
                        "Copy",
                        "--class",
                        "com.example.Copy",
                        "--conf",
                        SPARK_IMAGE,
                        "--conf",
                        "spark.hadoop.dfs.replication=2",
                        "--executor-memory",
                        "2G",
                        "--conf",
                        "spark.x=a b",
                        "--files",
                        "/tmp/oozie-action/lookup",
                        "lib/copy.jar",
                        "in",
                        "out"),
                r.container().command());
        assertEquals(els("data/lookup.csv#lookup"), r.container().files());
        assertTrue(r.reports("spark master 'yarn' of 'a' becomes k8s://https://kubernetes.default.svc:443"));
        assertTrue(r.reports("<jar> 'lib/copy.jar' of 'a' is not in the repository"));
        assertTrue(r.reports("<file> 'data/lookup.csv#lookup' of 'a' is not in the repository"));
    }

    @Test
    void sparkClientModeOnKubernetesPointsExecutorsAtThisPod() throws IOException {
        Result r = translate("", """
                <spark xmlns="uri:oozie:spark-action:0.1">
                    <job-tracker>rm</job-tracker>
                    <name-node>nn</name-node>
                    <master>yarn-client</master>
                    <name>Pi</name>
                    <jar>pi.py</jar>
                </spark>""");
        assertEquals(
                Lowered.args(
                        "spark-submit",
                        "--master",
                        "k8s://https://kubernetes.default.svc:443",
                        "--deploy-mode",
                        "client",
                        "--conf",
                        "spark.driver.host=$(FERRY_POD_IP)",
                        "--conf",
                        "spark.kubernetes.driver.pod.name=$(FERRY_POD_NAME)",
                        "--name",
                        "Pi",
                        "--conf",
                        SPARK_IMAGE,
                        "pi.py"),
                r.container().command());
    }

    @Test
    void sqoopCommandSplitsOnSpacesAndItsPasswordBecomesASecret() throws IOException {
        Result r = translate("", """
                <sqoop xmlns="uri:oozie:sqoop-action:1.0">
                    <command>import --connect jdbc:mysql://db/${nameNode} --password hunter2 --table t</command>
                </sqoop>""");
        assertEquals(
                els(
                        "sqoop",
                        "import",
                        "-conf",
                        "/tmp/oozie-action/action.xml",
                        "--connect",
                        "jdbc:mysql://db/${nameNode}",
                        "--password",
                        "$(SQOOP_PASSWORD)",
                        "--table",
                        "t"),
                r.container().command());
        assertEquals(
                List.of(new SecretEnv("SQOOP_PASSWORD", "w-a-sqoop", "password")),
                r.container().secretEnv());
        assertFalse(r.plan().toString().contains("hunter2"));
        assertTrue(
                r.reports("warning OOZ-W002: the password (--password) of 'a' is not written to any generated file"));
    }

    @Test
    void distcpJavaOptsGoToTheHadoopClientJvm() throws IOException {
        Result r = translate("", """
                <distcp xmlns="uri:oozie:distcp-action:1.0">
                    <java-opts>-Xmx2g</java-opts>
                    <arg>-update</arg>
                    <arg>/a</arg>
                    <arg>/b</arg>
                </distcp>""");
        assertEquals(
                els("hadoop", "distcp", "-conf", "/tmp/oozie-action/action.xml", "-update", "/a", "/b"),
                r.container().command());
        assertEquals(el("-Xmx2g"), r.container().env().get("HADOOP_CLIENT_OPTS"));
    }

    @Test
    void hiveScriptIsCarriedAndParamsBecomeHivevars() throws IOException {
        Result r = translate("", """
                <hive xmlns="uri:oozie:hive-action:0.5">
                    <job-tracker>rm</job-tracker>
                    <name-node>nn</name-node>
                    <configuration><property><name>hive.exec.parallel</name><value>true</value></property></configuration>
                    <script>q/script.q</script>
                    <param>INPUT=/in</param>
                    <argument>--verbose</argument>
                </hive>""", Map.of("q/script.q", "SELECT 1;\n"));
        assertEquals(
                els(
                        "hive",
                        "--hiveconf",
                        "hive.exec.parallel=true",
                        "-f",
                        "/tmp/oozie-action/script.q",
                        "--hivevar",
                        "INPUT=/in",
                        "--verbose"),
                r.container().command());
        assertEquals(
                List.of(new PodContainer.CarriedFile("scripts/w/a/script.q", "script.q", "SELECT 1;\n")),
                r.container().carried());
        assertTrue(r.reports("warning OOZ-W021: the HiveQL of <hive> action 'a' is not translated to Flink SQL"));
    }

    @Test
    void missingHiveScriptIsAWarningAndFetchedAtRunTime() throws IOException {
        Result r = translate("", """
                <hive xmlns="uri:oozie:hive-action:0.2">
                    <job-tracker>rm</job-tracker>
                    <name-node>nn</name-node>
                    <script>gone.q</script>
                </hive>""");
        assertEquals(els("gone.q"), r.container().files());
        assertEquals(
                els("hive", "-f", "/tmp/oozie-action/gone.q"), r.container().command());
        assertTrue(r.reports("warning OOZ-W001: hive script 'gone.q' of 'a' is not in the repository"));
    }

    @Test
    void hive2PasswordIsASecretReferenceAndTheQueryRunsInBeeline() throws IOException {
        Result r = translate("", """
                <hive2 xmlns="uri:oozie:hive2-action:1.0">
                    <jdbc-url>jdbc:hive2://hs2:10000/default</jdbc-url>
                    <password>pa55word</password>
                    <query>SELECT 1</query>
                </hive2>""");
        assertEquals(
                els(
                        "beeline",
                        "-u",
                        "jdbc:hive2://hs2:10000/default",
                        "-n",
                        "${wf:user()}",
                        "-p",
                        "$(HIVE2_PASSWORD)",
                        "-d",
                        "org.apache.hive.jdbc.HiveDriver",
                        "-e",
                        "SELECT 1"),
                r.container().command());
        assertEquals(
                List.of(new SecretEnv("HIVE2_PASSWORD", "w-a-hive2", "password")),
                r.container().secretEnv());
        assertFalse(r.plan().toString().contains("pa55word"));
        assertTrue(
                r.reports("warning OOZ-W002: the <password> of 'a' is not written"),
                r.diagnostics().toString());
    }

    @Test
    void credentialsBecomeSecretReferencesAndPlainEnv() throws IOException {
        Result r = translateWithCred();
        assertEquals(
                List.of(
                        new SecretEnv("OOZIE_CRED_HCAT_HCAT_PASSWORD", "oozie-cred-hcat", "hcat.password"),
                        new SecretEnv("OOZIE_CRED_HCAT_KERBEROS_KEYTAB", "oozie-cred-hcat", "kerberos.keytab")),
                r.container().secretEnv());
        assertEquals(el("thrift://ms:9083"), r.container().env().get("OOZIE_CRED_HCAT_HCAT_METASTORE_URI"));
        assertEquals(el("/etc/x.keytab"), r.container().env().get("OOZIE_CRED_HCAT_KEYTAB_PATH"));
        assertFalse(r.plan().toString().contains("s3cret"));
        assertFalse(r.plan().toString().contains("KEYTABBYTES"));
        assertTrue(r.reports("warning OOZ-W022: credential 'hcat' (type hcat) of 'a' becomes Kubernetes Secret "
                + "'oozie-cred-hcat' with keys hcat.password, kerberos.keytab"));
    }

    private Result translateWithCred() throws IOException {
        return run("""
                <credentials>
                    <credential name="hcat" type="hcat">
                        <property><name>hcat.metastore.uri</name><value>thrift://ms:9083</value></property>
                        <property><name>hcat.password</name><value>s3cret</value></property>
                        <property><name>kerberos.keytab</name><value>KEYTABBYTES</value></property>
                        <property><name>keytab.path</name><value>/etc/x.keytab</value></property>
                    </credential>
                </credentials>""", " cred=\"hcat\"", """
                <java><main-class>M</main-class></java>""", Map.of());
    }

    @Test
    void secretLookingConfigurationIsKeptOut() throws IOException {
        Result r = translate("", """
                <java>
                    <configuration>
                        <property><name>db.password</name><value>hunter3</value></property>
                    </configuration>
                    <main-class>M</main-class>
                </java>""");
        assertFalse(r.container().configuration().containsKey("db.password"));
        assertFalse(r.plan().toString().contains("hunter3"));
        assertTrue(r.reports("warning OOZ-W002: configuration property 'db.password' of 'a' looks like a secret"));
    }

    @Test
    void customActionTypeStaysAFailingPlaceholder() throws IOException {
        Result r = translate("", """
                <teradata xmlns="uri:custom:teradata-action:0.1"><query>select 1</query></teradata>""");
        TaskNode.Placeholder placeholder = assertInstanceOf(TaskNode.Placeholder.class, r.task());
        assertEquals("teradata", placeholder.actionType());
        assertEquals("end", placeholder.ok());
        assertEquals("fail", placeholder.error());
        assertTrue(r.reports("warning OOZ-W006: <teradata> in uri:custom:teradata-action:0.1 is not an Oozie action"));
        assertTrue(r.reports("warning OOZ-W005: <teradata> actions are not translated yet"));
    }
}
