package dev.ferry.generator.dag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import dev.ferry.translator.workflow.RetryPolicy;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A git task → the {@code oozie.git(...)} call, every field the plan carries and none it does not. */
class DagRendererGitTest {

    private static String render(TaskNode.Git git) {
        List<TaskNode> tasks = List.of(
                git,
                new TaskNode.End("end", null, null),
                new TaskNode.Kill("fail", null, null, Template.text("failed")));
        List<WorkflowPlan.Edge> edges = List.of(
                new WorkflowPlan.Edge("fetch", WorkflowPlan.Port.OK, "end"),
                new WorkflowPlan.Edge("fetch", WorkflowPlan.Port.ERROR, "fail"));
        return DagRenderer.render(new WorkflowPlan(
                "wf",
                "Oozie workflow wf",
                List.of("workflow.xml"),
                null,
                new TreeMap<>(),
                new TreeMap<>(),
                tasks,
                edges,
                List.of()));
    }

    @Test
    void everyFieldBecomesAKeywordArgument() {
        Template nameNode = Template.of(new RuntimeExpr.Property("nameNode"));
        Template apps = TemplateText.concat(nameNode, "/apps/etl");
        String dag = render(new TaskNode.Git(
                "fetch",
                null,
                null,
                nameNode,
                Template.text("ssh://git@github.com/acme/etl.git"),
                Template.text("main"),
                Template.text("/keys/etl_rsa"),
                apps,
                List.of(new TaskNode.PrepareStep(TaskNode.PrepareOperation.DELETE, apps)),
                "end",
                "fail",
                new RetryPolicy(2, 5, false)));
        String expected = """
                    fetch = oozie.git(
                        "fetch",
                        git_uri="ssh://git@github.com/acme/etl.git",
                        branch="main",
                        key_path="/keys/etl_rsa",
                        destination_uri="{{ wf.conf('nameNode') }}/apps/etl",
                        name_node="{{ wf.conf('nameNode') }}",
                        prepare=[
                            ("delete", "{{ wf.conf('nameNode') }}/apps/etl"),
                        ],
                        ok="end",
                        error="fail",
                        retry_max=2,
                        retry_interval=5,
                    )
                """;
        assertTrue(dag.contains(expected), dag);
        assertTrue(dag.contains("    fetch >> [end, fail]\n"), dag);
    }

    @Test
    void noBranchKeyOrPrepareLeavesTheirArgumentsOut() {
        String dag = render(new TaskNode.Git(
                "fetch",
                null,
                null,
                null,
                Template.text("https://github.com/apache/oozie"),
                null,
                null,
                Template.text("hdfs://nn/apps/oozie"),
                List.of(),
                "end",
                "fail",
                null));
        String expected = """
                    fetch = oozie.git(
                        "fetch",
                        git_uri="https://github.com/apache/oozie",
                        destination_uri="hdfs://nn/apps/oozie",
                        ok="end",
                        error="fail",
                    )
                """;
        assertTrue(dag.contains(expected), dag);
    }
}
