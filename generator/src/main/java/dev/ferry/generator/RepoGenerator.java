package dev.ferry.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

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
import java.io.UncheckedIOException;
import java.util.Map;
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
        if (conversion.plans().stream().flatMap(p -> p.tasks().stream())
                .anyMatch(t -> t instanceof TaskNode.SubWorkflow sub && sub.childDagId() == null)) {
            files.put(APPS_FILE, apps(conversion));
        }
        files.put("report.html", HtmlReportRenderer.html(conversion));
        files.put("report.json", JsonReportRenderer.json(conversion, files));
        return files;
    }

    /** Where the runtime looks up a sub-workflow app-path known only at run time (actions/subworkflow.py). */
    static final String APPS_FILE = "dags/ferry_apps.json";

    /**
     * {@code {"apps": {"<workflow dir>": "<dag id>", "<workflow file>": "<dag id>"}}} for every unscheduled workflow
     * DAG (what a sub-workflow runs), paths relative to the legacy repository; the first DAG of a path wins.
     */
    static String apps(Conversion conversion) {
        SortedMap<String, String> apps = new TreeMap<>();
        for (WorkflowPlan plan : conversion.plans()) {
            if (plan.schedule() != null || plan.sourceFiles().isEmpty()) {
                continue;
            }
            String workflow = plan.sourceFiles().get(plan.sourceFiles().size() - 1);
            apps.putIfAbsent(workflow, plan.dagId());
            int slash = workflow.lastIndexOf('/');
            apps.putIfAbsent(slash < 0 ? "" : workflow.substring(0, slash), plan.dagId());
        }
        try {
            return APPS_JSON.writeValueAsString(Map.of("apps", apps)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectMapper APPS_JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
}
