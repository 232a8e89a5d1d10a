package dev.ferry.generator.dag;

import dev.ferry.generator.text.CommentText;
import dev.ferry.translator.workflow.CoordinatorData;
import dev.ferry.translator.workflow.CoordinatorData.CalendarTerm;
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
import java.util.Locale;
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
            if (schedule.trigger() instanceof Trigger.Manual) {
                timetable = "None";
            } else if (schedule.trigger() instanceof Trigger.Cron cron) {
                sdk.add("CronTriggerTimetable");
                timetable = PythonPrinter.print(
                        new PyExpr.Call(
                                "CronTriggerTimetable",
                                List.of(PyExpr.str(cron.expression())),
                                List.of(DagRenderer.keyword("timezone", cron.timezone())),
                                PyExpr.Layout.FIT),
                        DEPTH,
                        "schedule=".length());
            } else {
                Trigger.Every every = (Trigger.Every) schedule.trigger();
                sdk.add("DeltaTriggerTimetable");
                PyExpr.Call delta;
                if (every.unit() == Trigger.Unit.MONTHS) {
                    thirdParty.add("from dateutil.relativedelta import relativedelta");
                    delta = oneLine(
                            "relativedelta", List.of(), "months", PyExpr.name(Integer.toString(every.amount())));
                } else {
                    timedelta = true;
                    delta = oneLine(
                            "timedelta",
                            List.of(),
                            every.unit().name().toLowerCase(java.util.Locale.ROOT),
                            PyExpr.name(Integer.toString(every.amount())));
                }
                timetable = PythonPrinter.inline(new PyExpr.Call("DeltaTriggerTimetable", List.of(delta), List.of()));
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
            List<SlaAlert> deadlines =
                    schedule.deadlines().stream().filter(SlaAlert::isDeadline).toList();
            if (!deadlines.isEmpty()) {
                sdk.add("DeadlineAlert");
                sdk.add("DeadlineReference");
                sdk.add("SyncCallback");
                timedelta = true;
                dagArguments.add("deadline="
                        + PythonPrinter.print(
                                PyExpr.list(deadlines.stream()
                                        .map(ScheduleSource::deadline)
                                        .toList()),
                                DEPTH,
                                "deadline=".length())
                        + ",");
            }
            String startNode = schedule.data() == null
                    ? null
                    : variables.get(schedule.data().startNode());
            for (SlaAlert alert : schedule.deadlines()) {
                if (!alert.isDeadline() && startNode != null) {
                    after.add(PythonPrinter.print(
                            new PyExpr.Call(
                                    "oozie.start_sla",
                                    List.of(PyExpr.name(startNode)),
                                    List.of(
                                            PyExpr.keyword(
                                                    "should_start", PyExpr.name(Integer.toString(alert.minutes()))),
                                            DagRenderer.keyword("contact", alert.contact()),
                                            DagRenderer.keyword("message", alert.message()))),
                            DEPTH,
                            0));
                }
            }
            CoordinatorData data = schedule.data();
            if (data != null && !data.isEmpty()) {
                coordinator =
                        "COORDINATOR = " + PythonPrinter.print(coordinator(data), 0, "COORDINATOR = ".length()) + "\n";
                if (!data.inputs().isEmpty()) {
                    before.add("input_events = "
                            + PythonPrinter.print(
                                    new PyExpr.Call(
                                            "oozie.input_events",
                                            List.of(PyExpr.name("COORDINATOR")),
                                            List.of(PyExpr.keyword(
                                                    "timeout_minutes",
                                                    PyExpr.name(
                                                            data.timeoutMinutes() == null
                                                                    ? "None"
                                                                    : Integer.toString(data.timeoutMinutes()))))),
                                    DEPTH,
                                    "input_events = ".length()));
                    String first = variables.get(data.startNode());
                    if (first != null) {
                        edgesBefore.add("input_events >> " + first);
                    }
                }
                if (!data.outputs().isEmpty()) {
                    after.add("output_events = oozie.output_events(COORDINATOR)");
                    plan.tasks().stream()
                            .filter(t -> t instanceof TaskNode.End)
                            .findFirst()
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

    private static PyExpr coordinator(CoordinatorData data) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(PyExpr.keyword(
                "datasets",
                PyExpr.list(
                        data.datasets().stream().map(ScheduleSource::dataset).toList())));
        if (!data.inputs().isEmpty()) {
            keywords.add(PyExpr.keyword(
                    "inputs",
                    PyExpr.list(
                            data.inputs().stream().map(ScheduleSource::dataIn).toList())));
        }
        if (!data.logic().isEmpty()) {
            keywords.add(PyExpr.keyword(
                    "logic",
                    PyExpr.list(data.logic().stream().map(ScheduleSource::logic).toList())));
        }
        if (!data.outputs().isEmpty()) {
            keywords.add(PyExpr.keyword(
                    "outputs",
                    PyExpr.list(
                            data.outputs().stream().map(ScheduleSource::dataOut).toList())));
        }
        return new PyExpr.Call("oozie.coordinator", List.of(), keywords);
    }

    private static PyExpr dataset(DatasetSpec d) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(DagRenderer.keyword("name", d.name()));
        keywords.add(PyExpr.keyword("frequency", PyExpr.name(Integer.toString(d.frequency()))));
        keywords.add(DagRenderer.keyword("unit", d.unit()));
        if (d.endOf()) {
            keywords.add(PyExpr.keyword("end_of", PyExpr.name("True")));
        }
        keywords.add(DagRenderer.keyword("initial_instance", d.initialInstance()));
        keywords.add(DagRenderer.keyword("timezone", d.timezone()));
        keywords.add(DagRenderer.keyword("uri_template", d.uriTemplate()));
        keywords.add(DagRenderer.keyword("done_flag", d.doneFlag()));
        if (d.defaultFs() != null) {
            keywords.add(DagRenderer.keyword("default_fs", d.defaultFs()));
        }
        return new PyExpr.Call("oozie.dataset", List.of(), keywords);
    }

    private static PyExpr dataIn(DataInput in) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(DagRenderer.keyword("name", in.name()));
        keywords.add(DagRenderer.keyword("dataset", in.dataset()));
        if (in.start() != null) {
            keywords.add(PyExpr.keyword("start", instance(in.start())));
            keywords.add(PyExpr.keyword("end", instance(in.end())));
        } else {
            keywords.add(PyExpr.keyword(
                    "instances",
                    new PyExpr.ListOf(
                            in.instances().stream()
                                    .map(ScheduleSource::instance)
                                    .toList(),
                            false)));
        }
        return new PyExpr.Call("oozie.data_in", List.of(), keywords);
    }

    /**
     * An input-logic element: {@code oozie.input_or(oozie.input_data_in("a"), ..., name="x", min=2)}; an operator
     * has one operand per line, as ruff format keeps a call with a trailing comma.
     */
    private static PyExpr logic(LogicNode node) {
        if (node instanceof LogicOperator op) {
            List<PyExpr.Keyword> keywords = attributes(op.name(), op.min(), op.waitMinutes());
            return new PyExpr.Call(
                    "oozie.input_" + op.kind().elementName(),
                    op.children().stream().map(ScheduleSource::logic).toList(),
                    keywords,
                    PyExpr.Layout.EXPLODED);
        }
        LogicDataIn in = (LogicDataIn) node;
        return new PyExpr.Call(
                "oozie.input_data_in",
                List.of(PyExpr.str(in.dataIn())),
                attributes(in.name(), in.min(), in.waitMinutes()));
    }

    private static List<PyExpr.Keyword> attributes(String name, Integer min, Integer wait) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        if (name != null) {
            keywords.add(DagRenderer.keyword("name", name));
        }
        if (min != null) {
            keywords.add(PyExpr.keyword("min", PyExpr.name(Integer.toString(min))));
        }
        if (wait != null) {
            keywords.add(PyExpr.keyword("wait", PyExpr.name(Integer.toString(wait))));
        }
        return keywords;
    }

    private static PyExpr dataOut(DataOutput out) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(DagRenderer.keyword("name", out.name()));
        keywords.add(DagRenderer.keyword("dataset", out.dataset()));
        keywords.add(PyExpr.keyword("instance", instance(out.instance())));
        if (out.nocleanup()) {
            keywords.add(PyExpr.keyword("nocleanup", PyExpr.name("True")));
        }
        return new PyExpr.Call("oozie.data_out", List.of(), keywords);
    }

    private static PyExpr instance(Instance i) {
        PyExpr n = count(i);
        List<PyExpr> arguments = switch (i.function()) {
            case OFFSET -> List.of(n, PyExpr.str(i.unit().name()));
            case FUTURE -> List.of(n, PyExpr.name(Integer.toString(i.limit())));
            case CURRENT, LATEST -> List.of(n);
        };
        return new PyExpr.Call("oozie." + i.function().elName(), arguments, List.of());
    }

    /**
     * An instance's n: its number, or the per-run counts it adds up as the runtime computes them
     * ({@code oozie.days_in_month(0) * 24 - 1}).
     */
    private static PyExpr count(Instance i) {
        if (i.terms().isEmpty()) {
            return PyExpr.name(Integer.toString(i.n()));
        }
        PyExpr sum = null;
        for (CalendarTerm term : i.terms()) {
            PyExpr call = new PyExpr.Call(
                    "oozie." + term.count().name().toLowerCase(Locale.ROOT),
                    List.of(PyExpr.name(Integer.toString(term.k()))),
                    List.of(),
                    PyExpr.Layout.ONE_LINE);
            long factor = term.factor();
            if (sum == null) {
                sum = factor == 1 ? call : times(call, factor);
            } else {
                PyExpr.Operator sign = factor < 0 ? PyExpr.Operator.MINUS : PyExpr.Operator.PLUS;
                sum = new PyExpr.Arithmetic(sum, sign, Math.abs(factor) == 1 ? call : times(call, Math.abs(factor)));
            }
        }
        if (i.n() != 0) {
            PyExpr.Operator sign = i.n() < 0 ? PyExpr.Operator.MINUS : PyExpr.Operator.PLUS;
            sum = new PyExpr.Arithmetic(sum, sign, PyExpr.name(Long.toString(Math.abs((long) i.n()))));
        }
        return sum;
    }

    private static PyExpr times(PyExpr call, long factor) {
        return new PyExpr.Arithmetic(call, PyExpr.Operator.TIMES, PyExpr.name(Long.toString(factor)));
    }

    private static PyExpr deadline(SlaAlert alert) {
        PyExpr.Dict callbackArguments = new PyExpr.Dict(List.of(
                new PyExpr.Entry("event", PyExpr.str(alert.event().name())),
                new PyExpr.Entry("contact", PyExpr.str(alert.contact())),
                new PyExpr.Entry("message", PyExpr.str(alert.message()))));
        PyExpr callback = new PyExpr.Call(
                "SyncCallback",
                List.of(PyExpr.name("oozie.sla_missed")),
                List.of(PyExpr.keyword("kwargs", callbackArguments)));
        return new PyExpr.Call(
                "DeadlineAlert",
                List.of(),
                List.of(
                        PyExpr.keyword(
                                "reference",
                                PyExpr.name(
                                        "DeadlineReference." + alert.reference().name())),
                        PyExpr.keyword(
                                "interval",
                                oneLine(
                                        "timedelta",
                                        List.of(),
                                        "minutes",
                                        PyExpr.name(Integer.toString(alert.minutes())))),
                        PyExpr.keyword("callback", callback)));
    }

    /** {@code function(positional, name=value)} on one line. */
    private static PyExpr.Call oneLine(String function, List<PyExpr> positional, String name, PyExpr value) {
        return new PyExpr.Call(function, positional, List.of(PyExpr.keyword(name, value)), PyExpr.Layout.ONE_LINE);
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
