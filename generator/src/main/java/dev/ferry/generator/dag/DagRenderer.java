package dev.ferry.generator.dag;

import static dev.ferry.generator.dag.PythonSource.call;
import static dev.ferry.generator.dag.PythonSource.list;
import static dev.ferry.generator.dag.PythonSource.optionalString;
import static dev.ferry.generator.dag.PythonSource.string;
import static dev.ferry.generator.dag.PythonSource.stringDict;

import dev.ferry.generator.Templates;
import dev.ferry.generator.dag.PythonSource.Kwarg;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a {@link WorkflowPlan} as an Airflow DAG file; the task and edge lines follow the plan's order. */
public final class DagRenderer {

    /** The call each task kind becomes; depth 1 is the body of the {@code with DAG(...)} block. */
    private static final int DEPTH = 1;

    private DagRenderer() {}

    public static String render(WorkflowPlan plan) {
        Map<String, String> variables = variables(plan);
        List<Map<String, String>> tasks = new ArrayList<>();
        for (TaskNode task : plan.tasks()) {
            tasks.add(Map.of("variable", variables.get(task.id()), "call", taskCall(task)));
        }
        List<String> edges = new ArrayList<>();
        for (WorkflowPlan.Edge edge : plan.edges()) {
            String from = variables.get(edge.from());
            String port = switch (edge.port()) {
                case NEXT -> from + ".next";
                case OK -> from + ".ok";
                case ERROR -> from + ".error";
                case CASE -> from + ".to(" + string(edge.to()) + ")";
            };
            edges.add(port + " >> " + variables.get(edge.to()) + ".entry");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("docstring", docstring(plan));
        model.put("dagId", string(plan.dagId()));
        model.put("description", string(plan.description()));
        model.put("schedule", schedule(plan.schedule()));
        model.put("params", stringDict(plan.params(), DEPTH));
        model.put("runConfiguration", stringDict(plan.runConfiguration(), DEPTH + 1));
        model.put("tags", "[" + String.join(", ", plan.tags().stream().map(PythonSource::string).toList()) + "]");
        model.put("tasks", tasks);
        model.put("edges", edges);
        return Templates.render("dag.py.ftl", model);
    }

    private static String docstring(WorkflowPlan plan) {
        return "Airflow DAG translated by Ferry from " + String.join(", ", plan.sourceFiles()) + ".\n\n"
                + "Task ids are the Oozie node names; each action's ok/error transitions are its .ok/.error exits.\n";
    }

    /** Unique Python names for the Oozie node names. */
    private static Map<String, String> variables(WorkflowPlan plan) {
        Map<String, String> names = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (TaskNode task : plan.tasks()) {
            String base = PythonSource.identifier(task.id());
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "_" + n;
            }
            names.put(task.id(), name);
        }
        return names;
    }

    private static Map<String, Object> schedule(WorkflowPlan.Schedule schedule) {
        Map<String, Object> model = new HashMap<>();
        if (schedule == null) {
            model.put("timetable", false);
            model.put("expression", "None");
            model.put("start", datetime(Instant.parse("2026-01-01T00:00:00Z"), "UTC"));
            model.put("catchup", "False");
            return model;
        }
        model.put("timetable", true);
        model.put("expression", "CronTriggerTimetable(" + string(schedule.cron()) + ", timezone=" + string(schedule.timezone()) + ")");
        model.put("start", datetime(schedule.start(), schedule.timezone()));
        if (schedule.endExclusive() != null) {
            // Airflow's end_date is inclusive, Oozie's end is not.
            model.put("end", datetime(schedule.endExclusive().minusSeconds(1), schedule.timezone()));
        }
        // Oozie materialises every instance from start, as Airflow's catchup does.
        model.put("catchup", "True");
        if (schedule.maxActiveRuns() != null) {
            model.put("maxActiveRuns", schedule.maxActiveRuns());
        }
        return model;
    }

    private static String datetime(Instant instant, String timezone) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return "pendulum.datetime(" + t.getYear() + ", " + t.getMonthValue() + ", " + t.getDayOfMonth() + ", "
                + t.getHour() + ", " + t.getMinute() + ", " + t.getSecond() + ", tz=\"UTC\")";
    }

    private static String taskCall(TaskNode task) {
        List<Kwarg> kwargs = new ArrayList<>();
        String function;
        if (task instanceof TaskNode.FlinkJob job) {
            function = "oozie.flink_sql_job";
            kwargs.add(new Kwarg("repo", "REPO"));
            kwargs.add(new Kwarg("script", string(job.scriptPath())));
            kwargs.add(new Kwarg("deployment", string(job.deploymentPath())));
            kwargs.add(new Kwarg("params", stringDict(job.params(), DEPTH + 1)));
            if (!job.prepare().isEmpty()) {
                kwargs.add(new Kwarg("prepare", list(job.prepare().stream()
                        .map(p -> "(" + string(p.operation()) + ", " + string(p.path()) + ")").toList(), DEPTH + 1)));
            }
        } else if (task instanceof TaskNode.Email email) {
            function = "oozie.email";
            kwargs.add(new Kwarg("to", string(email.to())));
            if (email.cc() != null) {
                kwargs.add(new Kwarg("cc", optionalString(email.cc())));
            }
            kwargs.add(new Kwarg("subject", string(email.subject())));
            kwargs.add(new Kwarg("body", string(email.body())));
        } else if (task instanceof TaskNode.Decision decision) {
            function = "oozie.decision";
            kwargs.add(new Kwarg("cases", list(decision.cases().stream()
                    .map(c -> "(" + string(c.predicate()) + ", " + string(c.target()) + ")").toList(), DEPTH + 1)));
            kwargs.add(new Kwarg("default", string(decision.defaultTarget())));
        } else if (task instanceof TaskNode.Fork) {
            function = "oozie.fork";
        } else if (task instanceof TaskNode.Join) {
            function = "oozie.join";
        } else if (task instanceof TaskNode.Kill kill) {
            function = "oozie.kill";
            kwargs.add(new Kwarg("message", string(kill.message())));
        } else if (task instanceof TaskNode.End) {
            function = "oozie.end";
        } else if (task instanceof TaskNode.Placeholder placeholder) {
            function = "oozie.placeholder";
            kwargs.add(new Kwarg("action_type", string(placeholder.actionType())));
            kwargs.add(new Kwarg("todo", string(placeholder.todo())));
        } else {
            throw new IllegalArgumentException("unknown task " + task);
        }
        if (task.triggerRule() != null) {
            kwargs.add(new Kwarg("trigger_rule", string(task.triggerRule())));
        }
        return call(function, List.of(string(task.id())), kwargs, DEPTH);
    }
}
