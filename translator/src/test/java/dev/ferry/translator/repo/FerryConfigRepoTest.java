package dev.ferry.translator.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.translator.workflow.FlinkDeploymentSpec;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ferry.yaml in a repository: {@code submissions:} gives a properties file that names no application path its
 * application; {@code sizing:} sizes the Flink jobs field by field (task over DAG over repository over the job's own).
 */
class FerryConfigRepoTest {

    @TempDir
    Path repo;

    private static final String WORKFLOW = """
            <workflow-app name="%s" xmlns="uri:oozie:workflow:0.5">
                <start to="load"/>
                <action name="load"><pig><script>s.pig</script><param>QUEUE=${queue}</param></pig>
                    <ok to="store"/><error to="end"/></action>
                <action name="store"><pig><script>s.pig</script></pig><ok to="end"/><error to="end"/></action>
                <end name="end"/>
            </workflow-app>
            """;

    private void app(String dir, String name) throws IOException {
        write(dir + "/workflow.xml", WORKFLOW.formatted(name));
        write(dir + "/s.pig", "a = LOAD '/in' AS (f:chararray);\nSTORE a INTO '/out';\n");
    }

    private void write(String relative, String text) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aMappedPropertiesFileIsASubmissionOfItsApplication() throws IOException {
        app("apps/daily", "daily");
        write("conf/prod.properties", "queue=prod\n");
        write("conf/stray.properties", "queue=none\n");
        write("ferry.yaml", """
                submissions:
                  conf/prod.properties: apps/daily
                  conf/missing.properties: apps/daily
                """);
        Conversion conversion = RepoTranslator.translate(repo);
        WorkflowPlan plan = conversion.plans().stream()
                .filter(p -> p.dagId().equals("daily"))
                .findFirst()
                .orElseThrow();
        assertEquals("prod", plan.params().get("queue"));
        assertEquals(List.of("ferry.yaml:3:3 FERRY-W011"), codes(conversion, DiagnosticCode.FERRY_W011));
    }

    @Test
    void sizingIsTaskOverDagOverRepositoryFieldByField() throws IOException {
        app("apps/daily", "daily");
        app("apps/weekly", "weekly");
        write("ferry.yaml", """
                sizing:
                  taskManagerMemory: 4g
                  dags:
                    daily:
                      parallelism: 8
                      tasks:
                        store: {jobManagerMemory: 2g}
                        nothing: {parallelism: 1}
                    nightly: {parallelism: 3}
                """);
        Conversion conversion = RepoTranslator.translate(repo);
        String base = FlinkDeploymentSpec.DEFAULT_PARALLELISM + "/1600m";
        assertEquals(
                Map.of(
                        "daily.load",
                        "8/1600m/4g",
                        "daily.store",
                        "8/2g/4g",
                        "weekly.load",
                        base + "/4g",
                        "weekly.store",
                        base + "/4g"),
                sizes(conversion));
        assertEquals(
                List.of("ferry.yaml:8:9 FERRY-W011", "ferry.yaml:9:5 FERRY-W011"),
                codes(conversion, DiagnosticCode.FERRY_W011));
    }

    @Test
    void withoutFerryYamlJobsKeepTheirDefaults() throws IOException {
        app("apps/daily", "daily");
        FlinkDeploymentSpec defaults = FlinkDeploymentSpec.forJob("x", "y");
        String base = defaults.parallelism() + "/" + defaults.jobManagerMemory() + "/" + defaults.taskManagerMemory();
        assertEquals(Map.of("daily.load", base, "daily.store", base), sizes(RepoTranslator.translate(repo)));
    }

    @Test
    void aBrokenFerryYamlIsAnErrorAndAppliesNothing() throws IOException {
        app("apps/daily", "daily");
        write("ferry.yaml", "sizing:\n  paralelism: 4\n");
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of("ferry.yaml:2:3 FERRY-E010"), codes(conversion, DiagnosticCode.FERRY_E010));
        assertEquals(
                FlinkDeploymentSpec.DEFAULT_PARALLELISM + "/1600m/2048m",
                sizes(conversion).get("daily.load"));
    }

    private static Map<String, String> sizes(Conversion conversion) {
        Map<String, String> sizes = new TreeMap<>();
        for (WorkflowPlan plan : conversion.plans()) {
            for (TaskNode task : plan.tasks()) {
                if (task instanceof TaskNode.FlinkJob job) {
                    FlinkDeploymentSpec spec = job.deployment();
                    sizes.put(
                            plan.dagId() + "." + job.id(),
                            spec.parallelism() + "/" + spec.jobManagerMemory() + "/" + spec.taskManagerMemory());
                }
            }
        }
        return sizes;
    }

    private static List<String> codes(Conversion conversion, DiagnosticCode code) {
        return conversion.diagnostics().stream()
                .filter(d -> d.code() == code)
                .map(d -> d.span().file() + ":" + d.span().line() + ":"
                        + d.span().column() + " " + d.code().id())
                .collect(Collectors.toList());
    }
}
