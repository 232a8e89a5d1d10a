package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.translator.sql.SqlJob;
import java.util.List;
import java.util.SortedMap;

/** A task of the plan, named after its Oozie node. {@code triggerRule} is null for Airflow's default (all_success). */
public sealed interface TaskNode {

    String id();

    SourceSpan span();

    String triggerRule();

    /** A Pig action, now a Flink SQL batch job on its own FlinkDeployment. */
    record FlinkJob(String id, SourceSpan span, String triggerRule, SqlJob job, String scriptPath, String deploymentPath,
                    FlinkDeploymentSpec deployment, SortedMap<String, String> params, List<PrepareStep> prepare,
                    String ok, String error)
            implements TaskNode {
        public FlinkJob {
            prepare = List.copyOf(prepare);
        }
    }

    /**
     * An action that runs in a container of its own (java, map-reduce, spark, sqoop, distcp, hive, hive2):
     * one Kubernetes pod per run, the {@code <prepare>} steps run in it before the command.
     */
    record PodJob(String id, SourceSpan span, String triggerRule, String actionType, PodContainer container,
                  List<PrepareStep> prepare, String ok, String error)
            implements TaskNode {
        public PodJob {
            prepare = List.copyOf(prepare);
        }
    }

    /** {@code <prepare>}: delete or mkdir before the job starts (Jinja path). */
    record PrepareStep(String operation, String path) {}

    record Email(String id, SourceSpan span, String triggerRule, String to, String cc, String subject, String body,
                 String ok, String error)
            implements TaskNode {}

    /** Oozie decision: the first case whose predicate renders True wins, else the default. */
    record Decision(String id, SourceSpan span, String triggerRule, List<Case> cases, String defaultTarget)
            implements TaskNode {
        public Decision {
            cases = List.copyOf(cases);
        }
    }

    record Case(String predicate, String target) {}

    record Fork(String id, SourceSpan span, String triggerRule) implements TaskNode {}

    record Join(String id, SourceSpan span, String triggerRule) implements TaskNode {}

    /** Oozie kill: the run fails with the rendered message. */
    record Kill(String id, SourceSpan span, String triggerRule, String message) implements TaskNode {}

    record End(String id, SourceSpan span, String triggerRule) implements TaskNode {}

    /**
     * An action Ferry does not translate yet: its work fails with the TODO and the action takes its error
     * transition, so nothing passes silently and the workflow's own error handling runs.
     */
    record Placeholder(String id, SourceSpan span, String triggerRule, String actionType, String todo,
                       String ok, String error)
            implements TaskNode {}
}
