package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.translator.el.Template;
import java.util.List;
import java.util.SortedMap;

/**
 * One Airflow DAG translated from one Oozie workflow (and the coordinator that schedules it).
 *
 * @param params        static configuration (config-default.xml, workflow parameter defaults,
 *                      job.properties), secrets removed: the DAG's params, overridable per run
 * @param runConfiguration configuration computed per run (coordinator action properties)
 * @param tasks         one task per reachable Oozie node except start, in document order
 * @param edges         the Oozie transitions, from a task's port to the next task
 */
public record WorkflowPlan(
        String dagId,
        String description,
        List<String> sourceFiles,
        Schedule schedule,
        SortedMap<String, String> params,
        SortedMap<String, Template> runConfiguration,
        List<TaskNode> tasks,
        List<Edge> edges,
        List<String> tags,
        SortedMap<String, ActionSla> actionSlas,
        WorkflowSla workflowSla) {

    public WorkflowPlan {
        sourceFiles = List.copyOf(sourceFiles);
        tasks = List.copyOf(tasks);
        edges = List.copyOf(edges);
        tags = List.copyOf(tags);
        actionSlas = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(actionSlas));
    }

    /**
     * The {@code start_date} of a DAG no coordinator schedules (runs only when triggered): a fixed date in the past,
     * so the output does not depend on the day it is converted.
     */
    public static final java.time.Instant UNSCHEDULED_START_DATE = java.time.Instant.parse("2026-01-01T00:00:00Z");

    /** A plan without SLAs checked by its tasks (action SLAs; the SLA of a workflow no coordinator schedules). */
    public WorkflowPlan(
            String dagId,
            String description,
            List<String> sourceFiles,
            Schedule schedule,
            SortedMap<String, String> params,
            SortedMap<String, Template> runConfiguration,
            List<TaskNode> tasks,
            List<Edge> edges,
            List<String> tags) {
        this(
                dagId,
                description,
                sourceFiles,
                schedule,
                params,
                runConfiguration,
                tasks,
                edges,
                tags,
                new java.util.TreeMap<>(),
                null);
    }

    /** This plan with other tasks (the same ids, in the same order: edges stay valid). */
    public WorkflowPlan withTasks(List<TaskNode> other) {
        return new WorkflowPlan(
                dagId,
                description,
                sourceFiles,
                schedule,
                params,
                runConfiguration,
                other,
                edges,
                tags,
                actionSlas,
                workflowSla);
    }

    /** The same plan with another run configuration. */
    public WorkflowPlan withRunConfiguration(SortedMap<String, Template> other) {
        return new WorkflowPlan(
                dagId, description, sourceFiles, schedule, params, other, tasks, edges, tags, actionSlas, workflowSla);
    }

    /** The same plan with other params. */
    public WorkflowPlan withParams(SortedMap<String, String> other) {
        return new WorkflowPlan(
                dagId,
                description,
                sourceFiles,
                schedule,
                other,
                runConfiguration,
                tasks,
                edges,
                tags,
                actionSlas,
                workflowSla);
    }

    /** Where a transition leaves a task: after it, on its ok or error outcome, or as a decision case. */
    public enum Port {
        NEXT,
        OK,
        ERROR,
        CASE
    }

    public record Edge(String from, Port port, String to) {}

    /**
     * When the DAG runs, translated from a coordinator. Oozie runs the instance for nominal time T at T, so the
     * DAG uses a trigger timetable (logical date = trigger time).
     *
     * @param endExclusive Oozie's end is exclusive; null when the coordinator has none
     * @param catchup      Oozie materialises every instance from start (FIFO); LAST_ONLY/NONE turn it off
     * @param pausedOnCreation a bundle's coordinator with {@code enabled="false"}, or a coordinator whose start is
     *     given at submission (its start a placeholder a person must set)
     * @param deadlines    Oozie SLA (sla:info should-end, max-duration) as Airflow deadline alerts
     * @param data         datasets, input events (sensors) and output events (assets); empty when none
     * @param tags         extra DAG tags (the bundle's name)
     * @param notes        how the schedule differs from Oozie's, printed as comments in the DAG
     */
    public record Schedule(
            Trigger trigger,
            java.time.Instant start,
            java.time.Instant endExclusive,
            Integer maxActiveRuns,
            boolean catchup,
            boolean pausedOnCreation,
            List<SlaAlert> deadlines,
            String oozieFrequency,
            CoordinatorData data,
            List<String> tags,
            List<String> notes,
            SourceSpan span) {
        public Schedule {
            deadlines = List.copyOf(deadlines);
            tags = List.copyOf(tags);
            notes = List.copyOf(notes);
        }

        /**
         * The DAG's {@code end_date}: Oozie's end is exclusive (no action at {@code end}), Airflow's end_date is
         * inclusive, so the last second before the end; null when the coordinator never ends.
         */
        public java.time.Instant endDate() {
            return endExclusive == null ? null : endExclusive.minusSeconds(1);
        }

        /** One line for the report: the timetable and the Oozie frequency it came from. */
        public String describe() {
            return trigger.describe() + " (Oozie frequency `" + oozieFrequency + "`)";
        }
    }
}
