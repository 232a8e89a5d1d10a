package dev.ferry.generator;

import dev.ferry.generator.dag.DagRenderer;
import dev.ferry.generator.k8s.ClusterFiles;
import dev.ferry.generator.k8s.FlinkDeploymentRenderer;
import dev.ferry.generator.report.HtmlReportRenderer;
import dev.ferry.generator.report.JsonReportRenderer;
import dev.ferry.generator.report.ReportRenderer;
import dev.ferry.generator.sql.SqlScriptRenderer;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every file of a migrated repository, by relative path: dags/, flink/, k8s/ and the report (md, json, html). */
public final class RepoGenerator {

    private RepoGenerator() {}

    /** What a conversion may leave out. */
    /**
     * What a conversion may leave out or must be told: whether to write the janitor DAG, and the service account
     * the Airflow workers run as (the subject of their RoleBinding in k8s/rbac.yaml; null: no binding written).
     */
    public record Options(boolean janitor, ClusterFiles.ServiceAccount airflowWorker) {
        public static final Options DEFAULT = new Options(true, null);
    }

    public static SortedMap<String, String> files(Conversion conversion) {
        return files(conversion, Options.DEFAULT);
    }

    public static SortedMap<String, String> files(Conversion conversion, Options options) {
        SortedMap<String, String> files = new TreeMap<>();
        for (WorkflowPlan plan : conversion.plans()) {
            files.put("dags/" + plan.dagId() + ".py", DagRenderer.render(plan));
            for (TaskNode task : plan.tasks()) {
                if (task instanceof TaskNode.FlinkJob job) {
                    files.put(job.scriptPath(), SqlScriptRenderer.render(job.job()));
                    files.put(job.deploymentPath(), FlinkDeploymentRenderer.render(plan.dagId(), job));
                } else if (task instanceof TaskNode.PodJob pod) {
                    pod.container().carried().forEach(c -> files.put(c.outputPath(), c.content()));
                }
            }
        }
        // Once per repository: the RBAC the jobs need, and the janitor DAG unless opted out.
        files.put(ClusterFiles.RBAC_PATH, ClusterFiles.rbac(options.airflowWorker()));
        if (options.janitor()) {
            String janitor = ClusterFiles.janitorDagId(conversion.plans().stream().map(WorkflowPlan::dagId).toList());
            files.put(ClusterFiles.janitorPath(janitor), ClusterFiles.janitorDag(janitor));
        }
        files.put("report.md", ReportRenderer.markdown(conversion));
        files.put("report.html", HtmlReportRenderer.html(conversion));
        files.put("report.json", JsonReportRenderer.json(conversion, files));
        return files;
    }
}
