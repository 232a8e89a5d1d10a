package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;
import java.util.SortedMap;

/**
 * One Airflow DAG translated from one Oozie workflow (and the coordinator that schedules it).
 *
 * @param params        static configuration (config-default.xml, workflow parameter defaults,
 *                      job.properties), secrets removed: the DAG's params, overridable per run
 * @param runConfiguration configuration computed per run (coordinator action properties), as Jinja
 * @param tasks         one task per reachable Oozie node except start, in document order
 * @param edges         the Oozie transitions, from a task's port to the next task
 */
public record WorkflowPlan(String dagId, String description, List<String> sourceFiles, Schedule schedule,
                           SortedMap<String, String> params, SortedMap<String, String> runConfiguration,
                           List<TaskNode> tasks, List<Edge> edges, List<String> tags) {

    public WorkflowPlan {
        sourceFiles = List.copyOf(sourceFiles);
        tasks = List.copyOf(tasks);
        edges = List.copyOf(edges);
        tags = List.copyOf(tags);
    }

    /** Where a transition leaves a task: after it, on its ok or error outcome, or as a decision case. */
    public enum Port { NEXT, OK, ERROR, CASE }

    public record Edge(String from, Port port, String to) {}

    /**
     * When the DAG runs. {@code cron} is a Unix cron evaluated in {@code timezone}; Oozie runs the
     * instance for time T at T, so the DAG uses a trigger timetable (logical date = trigger time).
     *
     * @param endExclusive Oozie's end is exclusive; null when the coordinator has none
     */
    public record Schedule(String cron, String timezone, java.time.Instant start, java.time.Instant endExclusive,
                           Integer maxActiveRuns, String oozieFrequency, SourceSpan span) {}
}
