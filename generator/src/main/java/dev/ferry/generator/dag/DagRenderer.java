package dev.ferry.generator.dag;

import static dev.ferry.generator.dag.PythonSource.call;
import static dev.ferry.generator.dag.PythonSource.list;
import static dev.ferry.generator.dag.PythonSource.optionalString;
import static dev.ferry.generator.dag.PythonSource.string;
import static dev.ferry.generator.dag.PythonSource.stringDict;
import static dev.ferry.generator.dag.PythonSource.stringTuple;

import dev.ferry.generator.CommentText;
import dev.ferry.generator.Templates;
import dev.ferry.generator.dag.PythonSource.Kwarg;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
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
        // One line per node: node >> its transition targets (the runtime follows ok/error/case by name).
        Map<String, java.util.LinkedHashSet<String>> targets = new LinkedHashMap<>();
        for (WorkflowPlan.Edge edge : plan.edges()) {
            targets.computeIfAbsent(edge.from(), k -> new java.util.LinkedHashSet<>()).add(variables.get(edge.to()));
        }
        List<String> edges = new ArrayList<>();
        targets.forEach((from, to) -> edges.add(variables.get(from) + " >> "
                + (to.size() == 1 ? to.iterator().next() : "[" + String.join(", ", to) + "]")));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("docstring", docstring(plan));
        model.put("dagId", string(plan.dagId()));
        model.put("description", string(plan.description(), 1, "description=".length()));
        model.put("schedule", ScheduleSource.model(plan, variables));
        model.put("params", stringDict(plan.params(), DEPTH));
        model.put("runConfiguration", stringDict(jinja(plan.runConfiguration()), DEPTH + 1));
        List<String> tags = new ArrayList<>(plan.tags());
        ScheduleSource.tags(plan).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        model.put("tags", "[" + String.join(", ", tags.stream().map(PythonSource::string).toList()) + "]");
        model.put("tasks", tasks);
        List<String> slas = new ArrayList<>(plan.actionSlas().values().stream().map(sla -> actionSla(sla, variables)).toList());
        if (plan.workflowSla() != null) {
            slas.add(workflowSla(plan, variables));
        }
        model.put("slas", slas);
        model.put("edges", edges);
        return Templates.render("dag.py.ftl", model);
    }

    private static String docstring(WorkflowPlan plan) {
        StringBuilder text = new StringBuilder("Airflow DAG translated by Ferry from:\n\n");
        plan.sourceFiles().forEach(file -> text.append("- ").append(CommentText.line(file)).append('\n'));
        return PythonSource.docstring(text.append("\nTask ids are the Oozie node names; actions are task groups that follow their\n")
                .append("ok/error transitions.\n").toString());
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

    /** {@code oozie.action_sla(node, nominal_time=..., ...)}: the SLA the action's outcome checks. */
    private static String actionSla(dev.ferry.translator.workflow.ActionSla sla, Map<String, String> variables) {
        return call("oozie.action_sla", List.of(variables.get(sla.node())), slaKwargs(sla), DEPTH);
    }

    /** {@code oozie.workflow_sla(first, name=..., ends=[...], kills=[...], ...)}: checked at end or kill. */
    private static String workflowSla(WorkflowPlan plan, Map<String, String> variables) {
        dev.ferry.translator.workflow.WorkflowSla sla = plan.workflowSla();
        List<Kwarg> kwargs = new ArrayList<>();
        kwargs.add(kwarg("name", sla.sla().node()));
        kwargs.add(new Kwarg("ends", "[" + String.join(", ", sla.ends().stream().map(variables::get).toList()) + "]"));
        kwargs.add(new Kwarg("kills", "[" + String.join(", ", sla.kills().stream().map(variables::get).toList()) + "]"));
        kwargs.addAll(slaKwargs(sla.sla()));
        return call("oozie.workflow_sla", List.of(variables.get(sla.startNode())), kwargs, DEPTH);
    }

    private static List<Kwarg> slaKwargs(dev.ferry.translator.workflow.ActionSla sla) {
        List<Kwarg> kwargs = new ArrayList<>();
        kwargs.add(kwarg("nominal_time", sla.nominalTime() == null ? "" : jinja(sla.nominalTime())));
        String[][] optional = {{"should_start", jinja(sla.shouldStart())}, {"should_end", jinja(sla.shouldEnd())},
            {"max_duration", jinja(sla.maxDuration())}, {"alert_events", jinja(sla.alertEvents())},
            {"alert_contact", jinja(sla.alertContact())}, {"notification_msg", jinja(sla.notificationMsg())}};
        for (String[] pair : optional) {
            if (pair[1] != null) {
                kwargs.add(kwarg(pair[0], pair[1]));
            }
        }
        return kwargs;
    }

    private static List<Kwarg> transitions(String ok, String error) {
        return List.of(kwarg("ok", ok), kwarg("error", error));
    }

    /** A keyword argument of a task call with a templated string value. */
    private static Kwarg kwarg(String name, Template value) {
        return kwarg(name, jinja(value));
    }

    static String jinja(Template template) {
        return JinjaPrinter.print(template);
    }

    static List<String> jinja(List<Template> templates) {
        return templates.stream().map(JinjaPrinter::print).toList();
    }

    static Map<String, String> jinja(Map<String, Template> templates) {
        Map<String, String> out = new LinkedHashMap<>();
        templates.forEach((k, v) -> out.put(k, JinjaPrinter.print(v)));
        return out;
    }

    /** A keyword argument of a task call with a string value. */
    private static Kwarg kwarg(String name, String value) {
        return new Kwarg(name, string(value, DEPTH + 1, name.length() + 1));
    }

    private static String stringList(List<String> values) {
        return list(values.stream().map(v -> string(v, DEPTH + 2, 0)).toList(), DEPTH + 1);
    }

    private static void optionalList(List<Kwarg> kwargs, String name, List<Template> values) {
        if (!values.isEmpty()) {
            kwargs.add(new Kwarg(name, stringList(jinja(values))));
        }
    }

    /** {@code <prepare>} as a list of (operation, path) tuples. */
    private static String prepareSteps(List<TaskNode.PrepareStep> steps) {
        return list(steps.stream().map(p -> stringTuple(List.of(operation(p.operation()), jinja(p.path())), DEPTH + 2))
                .toList(), DEPTH + 1);
    }

    /** The runtime's name of a prepare operation. */
    static String operation(TaskNode.PrepareOperation operation) {
        return operation.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String taskCall(TaskNode task) {
        List<Kwarg> kwargs = new ArrayList<>();
        String function;
        if (task instanceof TaskNode.FlinkJob job) {
            function = "oozie.flink_sql_job";
            kwargs.add(new Kwarg("repo", "REPO"));
            kwargs.add(kwarg("script", job.scriptPath()));
            kwargs.add(kwarg("deployment", job.deploymentPath()));
            kwargs.add(new Kwarg("params", stringDict(jinja(job.params()), DEPTH + 1)));
            if (!job.prepare().isEmpty()) {
                kwargs.add(new Kwarg("prepare", prepareSteps(job.prepare())));
            }
            kwargs.addAll(transitions(job.ok(), job.error()));
        } else if (task instanceof TaskNode.PodJob pod) {
            function = "oozie.pod_action";
            kwargs.addAll(PodJobCall.kwargs(pod, DEPTH));
        } else if (task instanceof TaskNode.Email email) {
            function = "oozie.email";
            kwargs.add(kwarg("to", email.to()));
            if (email.cc() != null) {
                kwargs.add(new Kwarg("cc", optionalString(jinja(email.cc()))));
            }
            kwargs.add(kwarg("subject", email.subject()));
            kwargs.add(kwarg("body", email.body()));
            kwargs.addAll(transitions(email.ok(), email.error()));
        } else if (task instanceof TaskNode.Decision decision) {
            function = "oozie.decision";
            kwargs.add(new Kwarg("cases", list(decision.cases().stream()
                    .map(c -> stringTuple(List.of(jinja(c.predicate()), c.target()), DEPTH + 2)).toList(), DEPTH + 1)));
            kwargs.add(kwarg("default", decision.defaultTarget()));
        } else if (task instanceof TaskNode.Fork) {
            function = "oozie.fork";
        } else if (task instanceof TaskNode.Join) {
            function = "oozie.join";
        } else if (task instanceof TaskNode.Kill kill) {
            function = "oozie.kill";
            kwargs.add(kwarg("message", kill.message()));
        } else if (task instanceof TaskNode.End) {
            function = "oozie.end";
        } else if (task instanceof TaskNode.Shell shell) {
            function = "oozie.shell";
            kwargs.add(kwarg("command", shell.exec()));
            optionalList(kwargs, "arguments", shell.arguments());
            optionalList(kwargs, "env", shell.env());
            optionalList(kwargs, "files", shell.files());
            optionalList(kwargs, "archives", shell.archives());
            if (shell.captureOutput()) {
                kwargs.add(new Kwarg("capture_output", "True"));
            }
            if (!shell.prepare().isEmpty()) {
                kwargs.add(new Kwarg("prepare", prepareSteps(shell.prepare())));
            }
            kwargs.addAll(transitions(shell.ok(), shell.error()));
        } else if (task instanceof TaskNode.Fs fs) {
            function = "oozie.fs";
            if (fs.nameNode() != null) {
                kwargs.add(kwarg("name_node", fs.nameNode()));
            }
            kwargs.add(new Kwarg("steps", list(fs.steps().stream().map(step -> {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("op", step.operation());
                fields.putAll(jinja(step.arguments()));
                return stringDict(fields, DEPTH + 2);
            }).toList(), DEPTH + 1)));
            kwargs.addAll(transitions(fs.ok(), fs.error()));
        } else if (task instanceof TaskNode.SubWorkflow sub) {
            function = "oozie.sub_workflow";
            kwargs.add(sub.childDagId() != null ? kwarg("dag", sub.childDagId())
                    : kwarg("app_path", sub.appPath()));
            kwargs.add(new Kwarg("configuration", stringDict(jinja(sub.configuration()), DEPTH + 1)));
            if (sub.propagate()) {
                kwargs.add(new Kwarg("propagate_configuration", "True"));
            }
            kwargs.addAll(transitions(sub.ok(), sub.error()));
        } else if (task instanceof TaskNode.Ssh ssh) {
            function = "oozie.ssh";
            kwargs.add(kwarg("ssh_conn_id", ssh.connectionId()));
            kwargs.add(kwarg("remote_host", ssh.remoteHost()));
            kwargs.add(kwarg("command", ssh.command()));
            if (!ssh.arguments().isEmpty()) {
                kwargs.add(new Kwarg("arguments", list(ssh.arguments().stream()
                        .map(a -> stringTuple(List.of(a.quoted() ? "arg" : "args", jinja(a.text())), DEPTH + 2)).toList(),
                        DEPTH + 1)));
            }
            if (ssh.captureOutput()) {
                kwargs.add(new Kwarg("capture_output", "True"));
            }
            kwargs.addAll(transitions(ssh.ok(), ssh.error()));
        } else if (task instanceof TaskNode.Git git) {
            function = "oozie.git";
            kwargs.add(kwarg("git_uri", git.gitUri()));
            if (git.branch() != null) {
                kwargs.add(kwarg("branch", git.branch()));
            }
            if (git.keyPath() != null) {
                kwargs.add(kwarg("key_path", git.keyPath()));
            }
            kwargs.add(kwarg("destination_uri", git.destinationUri()));
            if (git.nameNode() != null) {
                kwargs.add(kwarg("name_node", git.nameNode()));
            }
            if (!git.prepare().isEmpty()) {
                kwargs.add(new Kwarg("prepare", prepareSteps(git.prepare())));
            }
            kwargs.addAll(transitions(git.ok(), git.error()));
        } else if (task instanceof TaskNode.Placeholder placeholder) {
            function = "oozie.placeholder";
            kwargs.add(kwarg("action_type", placeholder.actionType()));
            kwargs.add(kwarg("todo", placeholder.todo()));
            kwargs.addAll(transitions(placeholder.ok(), placeholder.error()));
        } else {
            throw new IllegalArgumentException("unknown task " + task);
        }
        if (task.triggerRule() != null) {
            kwargs.add(kwarg("trigger_rule", task.triggerRule().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (task.retry() != null) {
            // Oozie's retry-max / retry-interval (minutes) / retry-policy, applied by the runtime to the retried unit.
            kwargs.add(new Kwarg("retry_max", Integer.toString(task.retry().max())));
            kwargs.add(new Kwarg("retry_interval", Integer.toString(task.retry().intervalMinutes())));
            if (task.retry().exponential()) {
                kwargs.add(kwarg("retry_policy", "exponential"));
            }
        }
        return call(function, List.of(string(task.id())), kwargs, DEPTH);
    }
}
