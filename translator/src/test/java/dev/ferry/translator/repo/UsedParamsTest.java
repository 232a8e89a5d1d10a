package dev.ferry.translator.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A DAG's params are the submission's properties it reads: directly, through the values those refer to, through a
 * child it propagates its configuration to; all of them when it can read any property. Every row converts a
 * repository whose app {@code apps/main} runs {@code actions} with {@code job.properties} holding {@link #SHARED}
 * (a team's shared file: most of it unused) plus the row's own properties.
 */
class UsedParamsTest {

    /** What every row's job.properties holds besides its own lines. */
    private static final String SHARED = """
            nameNode=hdfs://nn
            queueName=default
            base=${nameNode}/data
            outDir=${base}/out
            unused.one=1
            unused_two=${base}/two
            oozie.wf.application.path=${nameNode}/apps/main
            """;

    private static final Set<String> ALL =
            Set.of("nameNode", "queueName", "base", "outDir", "unused.one", "unused_two");

    @TempDir
    Path repo;

    static Stream<Arguments> rows() {
        return Stream.of(
                row("a property used directly", fs("${queueName}"), "", Map.of(), Set.of("queueName")),
                row(
                        "the properties a used value refers to, transitively (as wf.conf expands them)",
                        fs("${outDir}"),
                        "",
                        Map.of(),
                        Set.of("outDir", "base", "nameNode")),
                row(
                        "inside EL: a function's argument, a comparison",
                        fs("${concat(queueName, wf:id())}/${unused.one gt 0}"),
                        "",
                        Map.of(),
                        Set.of("queueName", "unused.one")),
                row("wf:conf with a literal name", fs("${wf:conf('base')}"), "", Map.of(), Set.of("base", "nameNode")),
                row(
                        "wf:conf with a computed name can read any",
                        fs("${wf:conf(concat('ba', 'se'))}"),
                        "",
                        Map.of(),
                        ALL),
                row("wf:user reads user.name", fs("${wf:user()}"), "user.name=etl\n", Map.of(), Set.of("user.name")),
                row("nothing read: no params", fs("tmp/x"), "", Map.of(), Set.of()),
                row(
                        "the runtime's own ferry_ params stay",
                        fs("tmp/x"),
                        "ferry_namespace=etl\n",
                        Map.of(),
                        Set.of("ferry_namespace")),
                row(
                        "a child it propagates to: the child's reads are its own",
                        subWorkflow("child", true),
                        "",
                        Map.of("apps/child/workflow.xml", workflow("child", fs("${outDir}"))),
                        Set.of("nameNode", "outDir", "base")),
                row(
                        "a child it does not propagate to reads its own properties",
                        subWorkflow("child", false),
                        "",
                        Map.of("apps/child/workflow.xml", workflow("child", fs("${outDir}"))),
                        Set.of()),
                row(
                        "a child that can read any property, propagated to",
                        subWorkflow("child", true),
                        "",
                        Map.of("apps/child/workflow.xml", workflow("child", fs("${wf:conf(wf:name())}"))),
                        ALL),
                row(
                        "a child known only at run time, propagated to",
                        """
                        <action name="a"><sub-workflow><app-path>${wf:conf('next')}</app-path>
                          <propagate-configuration/></sub-workflow>
                          <ok to="end"/><error to="kill"/></action>
                        """,
                        "next=${nameNode}/apps/child\n",
                        Map.of(),
                        union(ALL, Set.of("next"))),
                row("an action left as a TODO keeps everything for its port by hand", """
                        <action name="a"><custom-thing xmlns="uri:custom:0.1"/>
                          <ok to="end"/><error to="kill"/></action>
                        """, "", Map.of(), ALL),
                row(
                        "a value with a secret is run configuration, not a param",
                        fs("${jdbc}"),
                        "jdbc=jdbc:postgresql://etl:CANARY@db/${base}\n",
                        Map.of(),
                        Set.of("base", "nameNode")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void paramsAreThePropertiesTheDagReads(
            String name, String actions, String properties, Map<String, String> files, Set<String> kept)
            throws IOException {
        write("apps/main/workflow.xml", workflow("main", actions));
        write("apps/main/job.properties", SHARED + properties);
        for (Map.Entry<String, String> file : files.entrySet()) {
            write(file.getKey(), file.getValue());
        }
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(
                List.of(),
                conversion.diagnostics().stream().filter(Diagnostic::isError).toList());
        WorkflowPlan main = conversion.plans().stream()
                .filter(p -> p.dagId().equals("main"))
                .findFirst()
                .orElseThrow();
        assertEquals(new TreeSet<>(kept), main.params().keySet());
    }

    private static Arguments row(
            String name, String actions, String properties, Map<String, String> files, Set<String> kept) {
        return Arguments.of(name, actions, properties, new TreeMap<>(files), kept);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** An fs action making the directory {@code path} of {@code hdfs://nn}. */
    private static String fs(String path) {
        return """
                <action name="a"><fs><mkdir path="hdfs://nn/%s"/></fs>
                  <ok to="end"/><error to="kill"/></action>
                """.formatted(path);
    }

    private static String subWorkflow(String child, boolean propagate) {
        return """
                <action name="a"><sub-workflow><app-path>${nameNode}/apps/%s</app-path>%s</sub-workflow>
                  <ok to="end"/><error to="kill"/></action>
                """.formatted(child, propagate ? "<propagate-configuration/>" : "");
    }

    private static String workflow(String name, String actions) {
        return """
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="%s">
                  <start to="a"/>
                  %s
                  <kill name="kill"><message>failed</message></kill>
                  <end name="end"/>
                </workflow-app>
                """.formatted(name, actions);
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }
}
