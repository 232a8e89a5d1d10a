package dev.ferry.translator.workflow;

import static dev.ferry.translator.workflow.Lowered.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.translator.el.TemplateText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What happens to each element Oozie actions share, per pod action type: carried into the pod (and where),
 * or a warning + report TODO. One row per (action type, element); nothing is dropped silently.
 */
class ActionElementsTest {

    @TempDir
    Path dir;

    /** Each type's children in schema order; {@code %s} slots take the element under test. */
    private static final Map<String, List<String>> SKELETON = new LinkedHashMap<>();

    static {
        SKELETON.put(
                "java",
                List.of(
                        "<java>",
                        "launcher",
                        "job-xml",
                        "configuration",
                        "<main-class>M</main-class>",
                        "java-opts",
                        "file",
                        "archive",
                        "</java>"));
        SKELETON.put(
                "map-reduce",
                List.of("<map-reduce>", "launcher", "job-xml", "configuration", "file", "archive", "</map-reduce>"));
        SKELETON.put(
                "spark",
                List.of(
                        "<spark xmlns=\"uri:oozie:spark-action:1.0\">",
                        "launcher",
                        "job-xml",
                        "configuration",
                        "<master>local[2]</master>",
                        "<name>n</name>",
                        "<jar>app.py</jar>",
                        "file",
                        "archive",
                        "</spark>"));
        SKELETON.put(
                "sqoop",
                List.of(
                        "<sqoop xmlns=\"uri:oozie:sqoop-action:1.0\">",
                        "launcher",
                        "job-xml",
                        "configuration",
                        "<command>eval --query x</command>",
                        "file",
                        "archive",
                        "</sqoop>"));
        SKELETON.put(
                "distcp",
                List.of(
                        "<distcp xmlns=\"uri:oozie:distcp-action:1.0\">",
                        "launcher",
                        "configuration",
                        "java-opts",
                        "<arg>/a</arg>",
                        "</distcp>"));
        SKELETON.put(
                "hive",
                List.of(
                        "<hive xmlns=\"uri:oozie:hive-action:1.0\">",
                        "launcher",
                        "job-xml",
                        "configuration",
                        "<query>SELECT 1</query>",
                        "file",
                        "archive",
                        "</hive>"));
        SKELETON.put(
                "hive2",
                List.of(
                        "<hive2 xmlns=\"uri:oozie:hive2-action:1.0\">",
                        "launcher",
                        "job-xml",
                        "configuration",
                        "<jdbc-url>jdbc:hive2://h</jdbc-url>",
                        "<query>SELECT 1</query>",
                        "file",
                        "archive",
                        "</hive2>"));
    }

    /** Element under test → its snippet. */
    private static final Map<String, String> SNIPPET = Map.of(
            "file", "<file>lookup.csv#lookup</file>",
            "archive", "<archive>hdfs://nn/tools.zip#tools</archive>",
            "java-opts", "<java-opts>-Xmx1g</java-opts>",
            "launcher", "<launcher><memory.mb>1024</memory.mb><java-opts>-Xss4m</java-opts><queue>q</queue></launcher>",
            "job-xml", "<job-xml>job.xml</job-xml>",
            "missing-job-xml", "<job-xml>nowhere.xml</job-xml>",
            "configuration", "<configuration><property><name>k</name><value>v</value></property></configuration>");

    record Outcome(String description, Predicate<Translated> holds) {}

    record Translated(PodContainer pod, List<String> diagnostics) {
        boolean warns(String fragment) {
            return diagnostics.stream().anyMatch(d -> d.contains("warning") && d.contains(fragment));
        }
    }

    static Outcome carried(String where, Predicate<PodContainer> check) {
        return new Outcome("carried: " + where, t -> check.test(t.pod()));
    }

    static Outcome warned(String fragment) {
        return new Outcome("warning: " + fragment, t -> t.warns(fragment));
    }

    static Outcome both(Outcome a, Outcome b) {
        return new Outcome(
                a.description() + " + " + b.description(),
                t -> a.holds().test(t) && b.holds().test(t));
    }

    static final Outcome FILE =
            carried("fetched into the working directory", p -> p.files().contains(el("lookup.csv#lookup")));
    static final Outcome ARCHIVE =
            carried("fetched and unpacked", p -> p.archives().contains(el("hdfs://nn/tools.zip#tools")));
    static final Outcome JOB_XML = carried(
            "merged into action.xml", p -> el("1").equals(p.configuration().get("from.job.xml")));
    static final Outcome MISSING_JOB_XML = warned("<job-xml> nowhere.xml of 'a' is not in the repository");
    static final Outcome CONFIGURATION =
            carried("action.xml", p -> el("v").equals(p.configuration().get("k")));
    static final Outcome JVM_OPTS = carried("JVM options", p -> p.command().contains(el("-Xmx1g")));
    static final Outcome CLIENT_OPTS = carried(
            "HADOOP_CLIENT_OPTS",
            p -> TemplateText.constant(p.env().getOrDefault("HADOOP_CLIENT_OPTS", el("")))
                    .orElse("")
                    .contains("-Xmx1g"));
    static final Outcome LAUNCHER_JVM = both(
            carried(
                    "memory request, JVM option",
                    p -> "1024".equals(p.memoryMb()) && p.command().contains(el("-Xss4m"))),
            warned("<launcher><queue> q"));
    static final Outcome LAUNCHER_CLIENT = both(
            carried(
                    "memory request, HADOOP_CLIENT_OPTS",
                    p -> "1024".equals(p.memoryMb())
                            && TemplateText.constant(p.env().getOrDefault("HADOOP_CLIENT_OPTS", el("")))
                                    .orElse("")
                                    .contains("-Xss4m")),
            warned("<launcher><queue> q"));

    /** The table: action type, element, what happens to it. */
    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        Map<String, Map<String, Outcome>> table = new LinkedHashMap<>();
        table.put(
                "java",
                Map.of(
                        "file",
                        FILE,
                        "archive",
                        ARCHIVE,
                        "java-opts",
                        JVM_OPTS,
                        "launcher",
                        LAUNCHER_JVM,
                        "job-xml",
                        JOB_XML,
                        "missing-job-xml",
                        MISSING_JOB_XML,
                        "configuration",
                        CONFIGURATION));
        table.put(
                "map-reduce",
                Map.of(
                        "file",
                        FILE,
                        "archive",
                        ARCHIVE,
                        "launcher",
                        LAUNCHER_CLIENT,
                        "job-xml",
                        JOB_XML,
                        "missing-job-xml",
                        MISSING_JOB_XML,
                        "configuration",
                        CONFIGURATION));
        for (String type : List.of("spark", "sqoop", "hive", "hive2")) {
            table.put(
                    type,
                    Map.of(
                            "file",
                            FILE,
                            "archive",
                            ARCHIVE,
                            "launcher",
                            LAUNCHER_CLIENT,
                            "job-xml",
                            JOB_XML,
                            "missing-job-xml",
                            MISSING_JOB_XML,
                            "configuration",
                            CONFIGURATION));
        }
        // distcp's schema has no job-xml, file or archive.
        table.put(
                "distcp",
                Map.of("java-opts", CLIENT_OPTS, "launcher", LAUNCHER_CLIENT, "configuration", CONFIGURATION));
        table.forEach((type, elements) ->
                new TreeMap<>(elements).forEach((element, outcome) -> rows.add(Arguments.of(type, element, outcome))));
        return rows.stream();
    }

    @ParameterizedTest(name = "<{0}> {1}: {2}")
    @MethodSource("rows")
    void elementIsCarriedOrReported(String type, String element, Outcome outcome) throws IOException {
        Translated translated = translate(type, element);
        assertTrue(
                outcome.holds().test(translated),
                "<" + type + "> " + element + " should be " + outcome.description() + "; got " + translated.pod() + "\n"
                        + String.join("\n", translated.diagnostics()));
    }

    @ParameterizedTest(name = "<{0}> with every element")
    @MethodSource("types")
    void everyTypeIsAPodJob(String type) throws IOException {
        assertEquals(
                "ferry_image_" + type.replace('-', '_'),
                translate(type, "configuration").pod().imageParam());
    }

    static Stream<String> types() {
        return SKELETON.keySet().stream();
    }

    private Translated translate(String type, String element) throws IOException {
        String slot = element.equals("missing-job-xml") ? "job-xml" : element;
        StringBuilder action = new StringBuilder();
        for (String part : SKELETON.get(type)) {
            if (part.startsWith("<")) {
                action.append(part).append('\n');
            } else if (part.equals(slot)) {
                action.append(SNIPPET.get(element)).append('\n');
            }
        }
        String xml = """
                <workflow-app xmlns="uri:oozie:workflow:1.0" name="w">
                    <start to="a"/>
                    <action name="a">
                %s
                        <ok to="end"/>
                        <error to="end"/>
                    </action>
                    <end name="end"/>
                </workflow-app>
                """.formatted(action);
        Files.writeString(dir.resolve("workflow.xml"), xml);
        Files.writeString(
                dir.resolve("job.xml"),
                "<configuration><property><name>from.job.xml</name><value>1</value></property></configuration>");
        Files.writeString(dir.resolve("lookup.csv"), "a,1\n");
        Diagnostics diagnostics = new Diagnostics();
        WorkflowApp app = OozieReader.readWorkflow(dir.resolve("workflow.xml"), "workflow.xml", diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        WorkflowSources sources =
                new WorkflowSources(dir, dir, app, null, new TreeMap<>(), new TreeMap<>(), "job.properties");
        WorkflowPlan plan = WorkflowTranslator.translate(sources, diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        TaskNode.PodJob pod =
                assertInstanceOf(TaskNode.PodJob.class, plan.tasks().get(0));
        return new Translated(
                pod.container(),
                diagnostics.sorted().stream().map(Diagnostic::format).toList());
    }
}
