package dev.ferry.generator;

import dev.ferry.generator.dag.DagRenderer;
import dev.ferry.generator.k8s.FlinkDeploymentRenderer;
import dev.ferry.generator.report.ReportRenderer;
import dev.ferry.generator.sql.SqlScriptRenderer;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every file of a migrated repository, by relative path: dags/, flink/, k8s/ and the report. */
public final class RepoGenerator {

    private RepoGenerator() {}

    public static SortedMap<String, String> files(Conversion conversion) {
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
        files.put("report.md", ReportRenderer.markdown(conversion));
        if (conversion.plans().stream().flatMap(p -> p.tasks().stream())
                .anyMatch(t -> t instanceof TaskNode.SubWorkflow sub && sub.childDagId() == null)) {
            files.put(APPS_FILE, apps(conversion));
        }
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
        StringBuilder out = new StringBuilder("{\n  \"apps\": {");
        String separator = "\n";
        for (var e : apps.entrySet()) {
            out.append(separator).append("    ").append(json(e.getKey())).append(": ").append(json(e.getValue()));
            separator = ",\n";
        }
        return out.append(apps.isEmpty() ? "}\n}\n" : "\n  }\n}\n").toString();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
