package dev.ferry.generator.dag;

import static dev.ferry.generator.dag.PythonSource.call;
import static dev.ferry.generator.dag.PythonSource.list;
import static dev.ferry.generator.dag.PythonSource.string;

import dev.ferry.generator.CommentText;
import dev.ferry.generator.dag.PythonSource.Kwarg;
import dev.ferry.translator.workflow.CoordinatorData;
import dev.ferry.translator.workflow.CoordinatorData.DataInput;
import dev.ferry.translator.workflow.CoordinatorData.DataOutput;
import dev.ferry.translator.workflow.CoordinatorData.DatasetSpec;
import dev.ferry.translator.workflow.CoordinatorData.Instance;
import dev.ferry.translator.workflow.CoordinatorData.LogicDataIn;
import dev.ferry.translator.workflow.CoordinatorData.LogicNode;
import dev.ferry.translator.workflow.CoordinatorData.LogicOperator;
import dev.ferry.translator.workflow.SlaAlert;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.Trigger;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The schedule part of a DAG file: imports, the COORDINATOR datasets/events constant, the DAG's scheduling
 * arguments (timetable, dates, catchup, max_active_runs, deadlines, paused), and the input sensors / output
 * assets with their edges. Every value is Python source; the template only prints it.
 */
final class ScheduleSource {

    private static final int DEPTH = 1;

    private ScheduleSource() {}

    static Map<String, Object> model(WorkflowPlan plan, Map<String, String> variables) {
        WorkflowPlan.Schedule schedule = plan.schedule();
        Map<String, Object> model = new HashMap<>();
        TreeSet<String> sdk = new TreeSet<>(ScheduleSource::isortOrder);
        sdk.add("DAG");
        List<String> stdlib = new ArrayList<>();
        List<String> thirdParty = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<String> edgesBefore = new ArrayList<>();
        List<String> edgesAfter = new ArrayList<>();
        List<String> dagArguments = new ArrayList<>();
        String coordinator = "";
        if (schedule == null) {
            dagArguments.add("schedule=None,");
            dagArguments.add("start_date=" + datetime(WorkflowPlan.UNSCHEDULED_START_DATE) + ",");
            dagArguments.add("catchup=False,");
        } else {
            boolean timedelta = false;
            String timetable;
            if (schedule.trigger() instanceof Trigger.Cron cron) {
                sdk.add("CronTriggerTimetable");
                timetable = oneLineOrExploded("CronTriggerTimetable", List.of(string(cron.expression())),
                        List.of(new Kwarg("timezone", string(cron.timezone()))), "schedule=");
            } else {
                Trigger.Every every = (Trigger.Every) schedule.trigger();
                sdk.add("DeltaTriggerTimetable");
                String delta;
                if (every.unit() == Trigger.Unit.MONTHS) {
                    thirdParty.add("from dateutil.relativedelta import relativedelta");
                    delta = "relativedelta(months=" + every.amount() + ")";
                } else {
                    timedelta = true;
                    delta = "timedelta(" + every.unit().name().toLowerCase(java.util.Locale.ROOT) + "=" + every.amount() + ")";
                }
                timetable = "DeltaTriggerTimetable(" + delta + ")";
            }
            dagArguments.add("schedule=" + timetable + ",");
            dagArguments.add("start_date=" + datetime(schedule.start()) + ",");
            if (schedule.endDate() != null) {
                dagArguments.add("end_date=" + datetime(schedule.endDate()) + ",");
            }
            for (String note : schedule.notes()) {
                comment("Oozie: " + CommentText.line(note)).forEach(dagArguments::add);
            }
            dagArguments.add("catchup=" + (schedule.catchup() ? "True" : "False") + ",");
            if (schedule.maxActiveRuns() != null) {
                dagArguments.add("max_active_runs=" + schedule.maxActiveRuns() + ",");
            }
            if (schedule.pausedOnCreation()) {
                dagArguments.add("is_paused_upon_creation=True,");
            }
            List<SlaAlert> deadlines = schedule.deadlines().stream().filter(SlaAlert::isDeadline).toList();
            if (!deadlines.isEmpty()) {
                sdk.add("DeadlineAlert");
                sdk.add("DeadlineReference");
                sdk.add("SyncCallback");
                timedelta = true;
                dagArguments.add("deadline=" + list(deadlines.stream().map(ScheduleSource::deadline).toList(),
                        DEPTH) + ",");
            }
            String startNode = schedule.data() == null ? null : variables.get(schedule.data().startNode());
            for (SlaAlert alert : schedule.deadlines()) {
                if (!alert.isDeadline() && startNode != null) {
                    after.add(call("oozie.start_sla", List.of(startNode), List.of(
                            new Kwarg("should_start", Integer.toString(alert.minutes())),
                            kwarg("contact", alert.contact(), DEPTH + 1),
                            kwarg("message", alert.message(), DEPTH + 1)), DEPTH));
                }
            }
            CoordinatorData data = schedule.data();
            if (data != null && !data.isEmpty()) {
                coordinator = "COORDINATOR = " + coordinator(data) + "\n";
                if (!data.inputs().isEmpty()) {
                    before.add("input_events = " + call("oozie.input_events", List.of("COORDINATOR"),
                            List.of(new Kwarg("timeout_minutes", data.timeoutMinutes() == null ? "None"
                                    : Integer.toString(data.timeoutMinutes()))), DEPTH));
                    String first = variables.get(data.startNode());
                    if (first != null) {
                        edgesBefore.add("input_events >> " + first);
                    }
                }
                if (!data.outputs().isEmpty()) {
                    after.add("output_events = oozie.output_events(COORDINATOR)");
                    plan.tasks().stream().filter(t -> t instanceof TaskNode.End).findFirst()
                            .ifPresent(end -> edgesAfter.add(variables.get(end.id()) + " >> output_events"));
                }
            }
            if (timedelta) {
                stdlib.add("from datetime import timedelta");
            }
        }
        model.put("stdlib", stdlib);
        model.put("sdkImport", fromImport("airflow.sdk", new ArrayList<>(sdk)));
        model.put("thirdParty", thirdParty);
        model.put("coordinator", coordinator);
        model.put("dagArguments", dagArguments);
        model.put("before", before);
        model.put("after", after);
        model.put("edgesBefore", edgesBefore);
        model.put("edgesAfter", edgesAfter);
        return model;
    }

    /** Extra DAG tags the schedule brings (the bundle). */
    static List<String> tags(WorkflowPlan plan) {
        return plan.schedule() == null ? List.of() : plan.schedule().tags();
    }

    private static String coordinator(CoordinatorData data) {
        List<Kwarg> kwargs = new ArrayList<>();
        kwargs.add(new Kwarg("datasets", list(data.datasets().stream().map(ScheduleSource::dataset).toList(), 1)));
        if (!data.inputs().isEmpty()) {
            kwargs.add(new Kwarg("inputs", list(data.inputs().stream().map(ScheduleSource::dataIn).toList(), 1)));
        }
        if (!data.logic().isEmpty()) {
            kwargs.add(new Kwarg("logic", list(data.logic().stream().map(n -> logic(n, 2)).toList(), 1)));
        }
        if (!data.outputs().isEmpty()) {
            kwargs.add(new Kwarg("outputs", list(data.outputs().stream().map(ScheduleSource::dataOut).toList(), 1)));
        }
        return call("oozie.coordinator", List.of(), kwargs, 0);
    }

    private static String dataset(DatasetSpec d) {
        List<Kwarg> kwargs = new ArrayList<>();
        kwargs.add(kwarg("name", d.name(), 3));
        kwargs.add(new Kwarg("frequency", Integer.toString(d.frequency())));
        kwargs.add(kwarg("unit", d.unit(), 3));
        if (d.endOf()) {
            kwargs.add(new Kwarg("end_of", "True"));
        }
        kwargs.add(kwarg("initial_instance", d.initialInstance(), 3));
        kwargs.add(kwarg("timezone", d.timezone(), 3));
        kwargs.add(kwarg("uri_template", DagRenderer.jinja(d.uriTemplate()), 3));
        kwargs.add(kwarg("done_flag", d.doneFlag(), 3));
        return call("oozie.dataset", List.of(), kwargs, 2);
    }

    private static String dataIn(DataInput in) {
        List<Kwarg> kwargs = new ArrayList<>();
        kwargs.add(kwarg("name", in.name(), 3));
        kwargs.add(kwarg("dataset", in.dataset(), 3));
        if (in.start() != null) {
            kwargs.add(new Kwarg("start", instance(in.start())));
            kwargs.add(new Kwarg("end", instance(in.end())));
        } else {
            kwargs.add(new Kwarg("instances", "[" + String.join(", ", in.instances().stream()
                    .map(ScheduleSource::instance).toList()) + "]"));
        }
        return call("oozie.data_in", List.of(), kwargs, 2);
    }

    /** An input-logic element: {@code oozie.input_or(oozie.input_data_in("a"), ..., name="x", min=2)}. */
    private static String logic(LogicNode node, int depth) {
        List<String> positional = new ArrayList<>();
        List<Kwarg> kwargs = new ArrayList<>();
        String function;
        if (node instanceof LogicOperator op) {
            function = "oozie.input_" + op.kind().elementName();
            op.children().forEach(child -> positional.add(logic(child, depth + 1)));
            attributes(kwargs, op.name(), op.min(), op.waitMinutes(), depth);
        } else {
            LogicDataIn in = (LogicDataIn) node;
            function = "oozie.input_data_in";
            positional.add(PythonSource.string(in.dataIn()));
            attributes(kwargs, in.name(), in.min(), in.waitMinutes(), depth);
        }
        if (kwargs.isEmpty() && node instanceof LogicOperator) {
            // One operand per line, as ruff format keeps a call with a trailing comma.
            StringBuilder out = new StringBuilder(function).append("(\n");
            positional.forEach(p -> out.append(PythonSource.indent(depth + 1)).append(p).append(",\n"));
            return out.append(PythonSource.indent(depth)).append(')').toString();
        }
        return call(function, positional, kwargs, depth);
    }

    private static void attributes(List<Kwarg> kwargs, String name, Integer min, Integer wait, int depth) {
        if (name != null) {
            kwargs.add(kwarg("name", name, depth + 1));
        }
        if (min != null) {
            kwargs.add(new Kwarg("min", Integer.toString(min)));
        }
        if (wait != null) {
            kwargs.add(new Kwarg("wait", Integer.toString(wait)));
        }
    }

    private static String dataOut(DataOutput out) {
        List<Kwarg> kwargs = new ArrayList<>();
        kwargs.add(kwarg("name", out.name(), 3));
        kwargs.add(kwarg("dataset", out.dataset(), 3));
        kwargs.add(new Kwarg("instance", instance(out.instance())));
        if (out.nocleanup()) {
            kwargs.add(new Kwarg("nocleanup", "True"));
        }
        return call("oozie.data_out", List.of(), kwargs, 2);
    }

    private static String instance(Instance i) {
        return switch (i.function()) {
            case OFFSET -> "oozie.offset(" + i.n() + ", " + string(i.unit().name()) + ")";
            case FUTURE -> "oozie.future(" + i.n() + ", " + i.limit() + ")";
            case CURRENT, LATEST -> "oozie." + i.function().elName() + "(" + i.n() + ")";
        };
    }

    private static String deadline(SlaAlert alert) {
        String reference = "DeadlineReference." + alert.reference().name();
        String kwargs = "{\n" + PythonSource.indent(5) + "\"event\": " + string(alert.event().name()) + ",\n"
                + PythonSource.indent(5) + "\"contact\": " + PythonSource.string(alert.contact(), 5, 11) + ",\n"
                + PythonSource.indent(5) + "\"message\": " + PythonSource.string(alert.message(), 5, 11) + ",\n"
                + PythonSource.indent(4) + "}";
        String callback = call("SyncCallback", List.of("oozie.sla_missed"), List.of(new Kwarg("kwargs", kwargs)), 3);
        return call("DeadlineAlert", List.of(), List.of(new Kwarg("reference", reference),
                new Kwarg("interval", "timedelta(minutes=" + alert.minutes() + ")"),
                new Kwarg("callback", callback)), 2);
    }

    private static Kwarg kwarg(String name, String value, int depth) {
        return new Kwarg(name, PythonSource.string(value, depth, name.length() + 1));
    }

    /** {@code f(a, k=v)} on the line when it fits after {@code prefix} at depth 1, else exploded. */
    private static String oneLineOrExploded(String name, List<String> positional, List<Kwarg> kwargs, String prefix) {
        List<String> args = new ArrayList<>(positional);
        kwargs.forEach(k -> args.add(k.name() + "=" + k.source()));
        String line = name + "(" + String.join(", ", args) + ")";
        if (PythonSource.indent(DEPTH).length() + prefix.length() + line.length() + 1 <= PythonSource.LINE_LENGTH) {
            return line;
        }
        return call(name, positional, kwargs, DEPTH);
    }

    /** A comment wrapped to fit ruff's line length at depth 1. */
    private static List<String> comment(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("#");
        int width = PythonSource.LINE_LENGTH - PythonSource.indent(DEPTH).length();
        for (String word : text.split(" ")) {
            if (line.length() + 1 + word.length() > width && line.length() > 1) {
                lines.add(line.toString());
                line = new StringBuilder("#");
            }
            line.append(' ').append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String fromImport(String module, List<String> names) {
        String line = "from " + module + " import " + String.join(", ", names);
        if (line.length() <= PythonSource.LINE_LENGTH) {
            return line;
        }
        StringBuilder out = new StringBuilder("from " + module + " import (\n");
        names.forEach(n -> out.append("    ").append(n).append(",\n"));
        return out.append(")").toString();
    }

    /** isort's order-by-type: CONSTANTS, then Classes, then functions, each alphabetical. */
    private static int isortOrder(String a, String b) {
        int ka = kind(a);
        int kb = kind(b);
        return ka != kb ? Integer.compare(ka, kb) : a.compareTo(b);
    }

    private static int kind(String name) {
        if (name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
            return 0;
        }
        return Character.isUpperCase(name.charAt(0)) ? 1 : 2;
    }

    private static String datetime(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return "pendulum.datetime(" + t.getYear() + ", " + t.getMonthValue() + ", " + t.getDayOfMonth() + ", "
                + t.getHour() + ", " + t.getMinute() + ", " + t.getSecond() + ", tz=\"UTC\")";
    }
}
