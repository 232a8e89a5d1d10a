package dev.ferry.translator.repo;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.repo.FerryConfig.Entry;
import dev.ferry.parser.repo.FerryConfig.Sizing;
import dev.ferry.translator.workflow.FlinkDeploymentSpec;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ferry.yaml's {@code sizing:} over the Flink jobs of converted DAGs, field by field: a task's setting over its DAG's
 * over the repository's over what the job had (Pig's PARALLEL / default_parallel, else Ferry's defaults). A DAG or task
 * named there that the conversion did not produce is FERRY-W011 where it is named.
 */
final class JobSizing {

    private JobSizing() {}

    static List<WorkflowPlan> apply(List<WorkflowPlan> plans, Sizing repository, Diagnostics diagnostics) {
        Map<String, WorkflowPlan> byId = new HashMap<>();
        plans.forEach(p -> byId.put(p.dagId(), p));
        repository.dags().forEach((dagId, dag) -> {
            WorkflowPlan plan = byId.get(dagId);
            if (plan == null) {
                unknown(diagnostics, dag, "DAG '" + dagId + "'", byId.keySet());
                return;
            }
            Set<String> jobs = plan.tasks().stream()
                    .filter(t -> t instanceof TaskNode.FlinkJob)
                    .map(TaskNode::id)
                    .collect(Collectors.toSet());
            dag.value().tasks().forEach((taskId, task) -> {
                if (!jobs.contains(taskId)) {
                    unknown(diagnostics, task, "Flink job task '" + taskId + "' in DAG '" + dagId + "'", jobs);
                }
            });
        });
        if (isEmpty(repository) && repository.dags().isEmpty()) {
            return plans;
        }
        return plans.stream()
                .map(plan -> {
                    Entry<Sizing> dag = repository.dags().get(plan.dagId());
                    Sizing dagLevel = dag == null ? repository : dag.value().over(repository);
                    Map<String, Entry<Sizing>> tasks =
                            dag == null ? Map.of() : dag.value().tasks();
                    return plan.withTasks(plan.tasks().stream()
                            .map(task -> {
                                if (!(task instanceof TaskNode.FlinkJob job)) {
                                    return task;
                                }
                                Entry<Sizing> own = tasks.get(job.id());
                                Sizing sizing =
                                        own == null ? dagLevel : own.value().over(dagLevel);
                                return isEmpty(sizing)
                                        ? task
                                        : new TaskNode.FlinkJob(
                                                job.id(),
                                                job.span(),
                                                job.triggerRule(),
                                                job.job(),
                                                job.scriptPath(),
                                                job.deploymentPath(),
                                                sized(job.deployment(), sizing),
                                                job.params(),
                                                job.prepare(),
                                                job.defaultFs(),
                                                job.ok(),
                                                job.error(),
                                                job.retry());
                            })
                            .toList());
                })
                .toList();
    }

    static FlinkDeploymentSpec sized(FlinkDeploymentSpec spec, Sizing sizing) {
        FlinkDeploymentSpec sized = sizing.parallelism() == null ? spec : spec.withParallelism(sizing.parallelism());
        return sized.withMemory(
                sizing.jobManagerMemory() != null ? sizing.jobManagerMemory() : spec.jobManagerMemory(),
                sizing.taskManagerMemory() != null ? sizing.taskManagerMemory() : spec.taskManagerMemory());
    }

    private static boolean isEmpty(Sizing sizing) {
        return sizing.parallelism() == null && sizing.jobManagerMemory() == null && sizing.taskManagerMemory() == null;
    }

    private static void unknown(Diagnostics diagnostics, Entry<Sizing> entry, String what, Set<String> known) {
        diagnostics.report(
                DiagnosticCode.FERRY_W011,
                entry.span(),
                "ferry.yaml sizes " + what + ", which the conversion did not produce; the entry is not applied",
                known.isEmpty()
                        ? "it has none"
                        : "known: " + known.stream().sorted().limit(20).collect(Collectors.joining(", ")));
    }
}
