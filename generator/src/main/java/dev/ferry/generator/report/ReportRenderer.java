package dev.ferry.generator.report;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Severity;
import dev.ferry.generator.Templates;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders report.md: the DAGs and jobs generated, and every diagnostic as a TODO with its position. */
public final class ReportRenderer {

    private ReportRenderer() {}

    public static String markdown(Conversion conversion) {
        List<Map<String, Object>> dags = new ArrayList<>();
        for (WorkflowPlan plan : conversion.plans()) {
            List<Map<String, String>> tasks = new ArrayList<>();
            for (TaskNode task : plan.tasks()) {
                tasks.add(Map.of("id", task.id(), "kind", kind(task), "output", output(task), "source", task.span().toString()));
            }
            Map<String, Object> dag = new LinkedHashMap<>();
            dag.put("id", plan.dagId());
            dag.put("file", "dags/" + plan.dagId() + ".py");
            dag.put("sources", String.join(", ", plan.sourceFiles()));
            dag.put("schedule", plan.schedule() == null ? "none (triggered by hand)" : plan.schedule().describe());
            dag.put("tasks", tasks);
            dags.add(dag);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("repo", conversion.repoName());
        model.put("dags", dags);
        model.put("errors", lines(conversion.diagnostics(), Severity.ERROR));
        model.put("todos", lines(conversion.diagnostics(), Severity.WARNING));
        model.put("notes", lines(conversion.diagnostics(), Severity.INFO));
        return Templates.render("report.md.ftl", model);
    }

    private static List<String> lines(List<Diagnostic> diagnostics, Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity)
                .map(d -> "`" + d.span() + "` " + d.code().id() + ": " + d.message() + (d.hint().isEmpty() ? "" : " — " + d.hint()))
                .toList();
    }

    private static String kind(TaskNode task) {
        return switch (task.getClass().getSimpleName()) {
            case "FlinkJob" -> "Flink SQL job (from Pig)";
            case "PodJob" -> "Kubernetes pod (" + ((TaskNode.PodJob) task).actionType() + ")";
            case "Email" -> "email";
            case "Decision" -> "decision";
            case "Fork" -> "fork";
            case "Join" -> "join";
            case "Kill" -> "kill (fails the run)";
            case "End" -> "end";
            case "Shell" -> "shell command (worker)";
            case "Fs" -> "fs operations (worker)";
            case "Ssh" -> "ssh command (SSHOperator)";
            case "SubWorkflow" -> "sub-workflow (child DAG run)";
            case "Git" -> "git clone to destination-uri (worker)";
            default -> "placeholder (TODO)";
        };
    }

    private static String output(TaskNode task) {
        if (task instanceof TaskNode.FlinkJob job) {
            return "`" + job.scriptPath() + "`, `" + job.deploymentPath() + "`";
        }
        return "";
    }
}
