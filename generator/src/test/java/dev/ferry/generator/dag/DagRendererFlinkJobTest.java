package dev.ferry.generator.dag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.workflow.FlinkDeploymentSpec;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A Flink job task → the {@code oozie.flink_sql_job(...)} call; {@code default_fs} only where the plan has one. */
class DagRendererFlinkJobTest {

    static Stream<Arguments> defaultFileSystems() {
        return Stream.of(
                Arguments.of(null, ""),
                Arguments.of(Template.text("hdfs://nn:8020"), "        default_fs=\"hdfs://nn:8020\",\n"),
                Arguments.of(
                        Template.of(new RuntimeExpr.Property("nameNode")),
                        "        default_fs=\"{{ wf.conf('nameNode') }}\",\n"));
    }

    @ParameterizedTest
    @MethodSource("defaultFileSystems")
    void theNameNodeBecomesTheJobsDefaultFileSystem(Template defaultFs, String keyword) {
        SqlJob sql = new SqlJob(
                "load",
                "s.pig",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                SqlJob.JavaUdfs.NONE);
        TaskNode job = new TaskNode.FlinkJob(
                "load",
                null,
                null,
                sql,
                "flink/wf/load.sql",
                "k8s/wf/load.yaml",
                FlinkDeploymentSpec.forJob("wf-load", "/opt/ferry/flink/wf/load.sql"),
                new TreeMap<>(),
                List.of(),
                defaultFs,
                "end",
                "end",
                null);
        String dag = DagRenderer.render(new WorkflowPlan(
                "wf",
                "Oozie workflow wf",
                List.of("workflow.xml"),
                null,
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(job, new TaskNode.End("end", null, null)),
                List.of(new WorkflowPlan.Edge("load", WorkflowPlan.Port.OK, "end")),
                List.of()));
        String expected = """
                    load = oozie.flink_sql_job(
                        "load",
                        repo=REPO,
                        script="flink/wf/load.sql",
                        deployment="k8s/wf/load.yaml",
                        params={},
                """ + keyword + """
                        ok="end",
                        error="end",
                    )
                """;
        assertTrue(dag.contains(expected), dag);
    }
}
