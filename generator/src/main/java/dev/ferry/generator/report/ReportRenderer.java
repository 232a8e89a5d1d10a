package dev.ferry.generator.report;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Severity;
import dev.ferry.generator.text.Templates;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.repo.StandaloneScript;
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
                tasks.add(Map.of(
                        "id",
                        MarkdownText.code(task.id()),
                        "kind",
                        MarkdownText.text(kind(task)),
                        "output",
                        output(task),
                        "source",
                        MarkdownText.code(task.span().toString())));
            }
            Map<String, Object> dag = new LinkedHashMap<>();
            dag.put("id", MarkdownText.code(plan.dagId()));
            dag.put("file", MarkdownText.code("dags/" + plan.dagId() + ".py"));
            dag.put(
                    "sources",
                    String.join(
                            ", ",
                            plan.sourceFiles().stream().map(MarkdownText::code).toList()));
            dag.put(
                    "schedule",
                    MarkdownText.text(
                            plan.schedule() == null
                                    ? "none (triggered by hand)"
                                    : plan.schedule().describe()));
            dag.put("tasks", tasks);
            dags.add(dag);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("repo", MarkdownText.code(conversion.repoName()));
        model.put("dags", dags);
        List<Map<String, String>> scripts = new ArrayList<>();
        for (StandaloneScript script : conversion.scripts()) {
            scripts.add(Map.of(
                    "source",
                    MarkdownText.code(script.source()),
                    "status",
                    MarkdownText.text(
                            script.status().label() + (script.reason().isEmpty() ? "" : ": " + script.reason())),
                    "output",
                    script.outputPath().isEmpty() ? "—" : MarkdownText.code(script.outputPath()),
                    "parameters",
                    script.parameters().isEmpty()
                            ? "—"
                            : String.join(
                                    ", ",
                                    script.parameters().stream()
                                            .map(MarkdownText::code)
                                            .toList())));
        }
        model.put("scripts", scripts);
        model.put("errors", lines(conversion.diagnostics(), Severity.ERROR));
        model.put("todos", lines(conversion.diagnostics(), Severity.WARNING));
        model.put("notes", lines(conversion.diagnostics(), Severity.INFO));
        return Templates.render(Templates.REPORT_MD, model);
    }

    /** The report's section on what this run removed from, or kept in, an output directory an earlier run wrote. */
    public static String outputChanges(List<String> removedStale, List<String> keptEdited) {
        StringBuilder out = new StringBuilder("\n## Output directory\n\n");
        removedStale.forEach(f -> out.append("- removed ")
                .append(MarkdownText.code(f))
                .append(": written by an earlier run, no longer generated\n"));
        keptEdited.forEach(f -> out.append("- kept ")
                .append(MarkdownText.code(f))
                .append(": no longer generated, but edited since Ferry wrote it\n"));
        return out.toString();
    }

    private static List<String> lines(List<Diagnostic> diagnostics, Severity severity) {
        return diagnostics.stream()
                .filter(d -> d.severity() == severity)
                .map(d -> MarkdownText.code(d.span().toString()) + " "
                        + d.code().id() + ": " + MarkdownText.text(d.message())
                        + (d.hint().isEmpty() ? "" : " — " + MarkdownText.text(d.hint())))
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
            case "FailsAtStart" -> "fails the run (its EL does not parse)";
            default -> "placeholder (TODO)";
        };
    }

    private static String output(TaskNode task) {
        if (task instanceof TaskNode.FlinkJob job) {
            return MarkdownText.code(job.scriptPath()) + ", " + MarkdownText.code(job.deploymentPath());
        }
        return "";
    }
}
