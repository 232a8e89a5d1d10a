package dev.ferry.generator.dag;

import static dev.ferry.generator.dag.PythonSource.string;

import dev.ferry.generator.text.CommentText;
import dev.ferry.generator.text.Templates;
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
            tasks.add(Map.of(
                    "variable", variables.get(task.id()), "call", PythonPrinter.print(taskCall(task), DEPTH, 0)));
        }
        // One line per node: node >> its transition targets (the runtime follows ok/error/case by name).
        Map<String, java.util.LinkedHashSet<String>> targets = new LinkedHashMap<>();
        for (WorkflowPlan.Edge edge : plan.edges()) {
            targets.computeIfAbsent(edge.from(), k -> new java.util.LinkedHashSet<>())
                    .add(variables.get(edge.to()));
        }
        List<String> edges = new ArrayList<>();
        targets.forEach((from, to) -> edges.add(variables.get(from) + " >> "
                + (to.size() == 1 ? to.iterator().next() : "[" + String.join(", ", to) + "]")));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("docstring", docstring(plan));
        model.put("dagId", string(plan.dagId()));
        model.put("description", string(plan.description(), 1, "description=".length()));
        model.put("schedule", ScheduleSource.model(plan, variables));
        model.put("params", PythonPrinter.print(PyExpr.dict(plan.params()), DEPTH, 0));
        model.put("runConfiguration", PythonPrinter.print(PyExpr.dict(jinja(plan.runConfiguration())), DEPTH + 1, 0));
        List<String> tags = new ArrayList<>(plan.tags());
        ScheduleSource.tags(plan).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        model.put(
                "tags",
                "[" + String.join(", ", tags.stream().map(PythonSource::string).toList()) + "]");
        model.put("tasks", tasks);
        List<String> slas = new ArrayList<>(plan.actionSlas().values().stream()
                .map(sla -> actionSla(sla, variables))
                .toList());
        if (plan.workflowSla() != null) {
            slas.add(workflowSla(plan, variables));
        }
        model.put("slas", slas);
        model.put("edges", edges);
        return Templates.render(Templates.DAG, model);
    }

    private static String docstring(WorkflowPlan plan) {
        StringBuilder text = new StringBuilder("Airflow DAG translated by Ferry from:\n\n");
        plan.sourceFiles()
                .forEach(
                        file -> text.append("- ").append(CommentText.line(file)).append('\n'));
        return PythonSource.docstring(
                text.append("\nTask ids are the Oozie node names; actions are task groups that follow their\n")
                        .append("ok/error transitions.\n")
                        .toString());
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
        return PythonPrinter.print(
                new PyExpr.Call("oozie.action_sla", List.of(PyExpr.name(variables.get(sla.node()))), slaKeywords(sla)),
                DEPTH,
                0);
    }

    /** {@code oozie.workflow_sla(first, name=..., ends=[...], kills=[...], ...)}: checked at end or kill. */
    private static String workflowSla(WorkflowPlan plan, Map<String, String> variables) {
        dev.ferry.translator.workflow.WorkflowSla sla = plan.workflowSla();
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(keyword("name", sla.sla().node()));
        keywords.add(PyExpr.keyword("ends", names(sla.ends(), variables)));
        keywords.add(PyExpr.keyword("kills", names(sla.kills(), variables)));
        keywords.addAll(slaKeywords(sla.sla()));
        return PythonPrinter.print(
                new PyExpr.Call("oozie.workflow_sla", List.of(PyExpr.name(variables.get(sla.startNode()))), keywords),
                DEPTH,
                0);
    }

    /** A one-line list of the tasks' variables. */
    private static PyExpr names(List<String> tasks, Map<String, String> variables) {
        return new PyExpr.ListOf(
                tasks.stream().map(t -> (PyExpr) PyExpr.name(variables.get(t))).toList(), false);
    }

    private static List<PyExpr.Keyword> slaKeywords(dev.ferry.translator.workflow.ActionSla sla) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(keyword("nominal_time", sla.nominalTime() == null ? "" : jinja(sla.nominalTime())));
        String[][] optional = {
            {"should_start", jinja(sla.shouldStart())},
            {"should_end", jinja(sla.shouldEnd())},
            {"max_duration", jinja(sla.maxDuration())},
            {"alert_events", jinja(sla.alertEvents())},
            {"alert_contact", jinja(sla.alertContact())},
            {"notification_msg", jinja(sla.notificationMsg())}
        };
        for (String[] pair : optional) {
            if (pair[1] != null) {
                keywords.add(keyword(pair[0], pair[1]));
            }
        }
        return keywords;
    }

    private static List<PyExpr.Keyword> transitions(String ok, String error) {
        return List.of(keyword("ok", ok), keyword("error", error));
    }

    /** A keyword argument with a templated string value. */
    static PyExpr.Keyword keyword(String name, Template value) {
        return keyword(name, jinja(value));
    }

    /** A keyword argument with a string value. */
    static PyExpr.Keyword keyword(String name, String value) {
        return PyExpr.keyword(name, PyExpr.str(value));
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

    private static void optionalList(List<PyExpr.Keyword> keywords, String name, List<Template> values) {
        if (!values.isEmpty()) {
            keywords.add(PyExpr.keyword(name, PyExpr.strings(jinja(values))));
        }
    }

    /** {@code <prepare>} as a list of (operation, path) tuples. */
    static PyExpr prepareSteps(List<TaskNode.PrepareStep> steps) {
        return PyExpr.list(steps.stream()
                .map(p -> PyExpr.strings(operation(p.operation()), jinja(p.path())))
                .toList());
    }

    /** The runtime's name of a prepare operation. */
    static String operation(TaskNode.PrepareOperation operation) {
        return operation.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The function a task kind calls and its keywords (the ones every kind has are added by {@link #taskCall}). */
    record KindCall(String function, List<PyExpr.Keyword> keywords) {}

    /** Task kind → its call: one method per kind, the only dispatch on kinds in the DAG file. */
    private static final Map<Class<? extends TaskNode>, java.util.function.Function<TaskNode, KindCall>> CALLS =
            calls();

    private static Map<Class<? extends TaskNode>, java.util.function.Function<TaskNode, KindCall>> calls() {
        Map<Class<? extends TaskNode>, java.util.function.Function<TaskNode, KindCall>> calls = new HashMap<>();
        kind(calls, TaskNode.FlinkJob.class, DagRenderer::flinkJob);
        kind(calls, TaskNode.PodJob.class, PodJobCall::call);
        kind(calls, TaskNode.Email.class, DagRenderer::email);
        kind(calls, TaskNode.Decision.class, DagRenderer::decision);
        kind(calls, TaskNode.Fork.class, fork -> new KindCall("oozie.fork", List.of()));
        kind(calls, TaskNode.Join.class, join -> new KindCall("oozie.join", List.of()));
        kind(
                calls,
                TaskNode.Kill.class,
                kill -> new KindCall("oozie.kill", List.of(keyword("message", kill.message()))));
        kind(calls, TaskNode.End.class, end -> new KindCall("oozie.end", List.of()));
        kind(calls, TaskNode.Shell.class, DagRenderer::shell);
        kind(calls, TaskNode.Fs.class, DagRenderer::fs);
        kind(calls, TaskNode.SubWorkflow.class, DagRenderer::subWorkflow);
        kind(calls, TaskNode.Ssh.class, DagRenderer::ssh);
        kind(calls, TaskNode.Git.class, DagRenderer::git);
        kind(calls, TaskNode.Placeholder.class, DagRenderer::placeholder);
        kind(
                calls,
                TaskNode.FailsAtStart.class,
                node -> new KindCall(
                        "oozie.fails_at_start",
                        List.of(keyword("node_type", node.nodeType()), keyword("error", node.error()))));
        return Map.copyOf(calls);
    }

    private static <T extends TaskNode> void kind(
            Map<Class<? extends TaskNode>, java.util.function.Function<TaskNode, KindCall>> calls,
            Class<T> type,
            java.util.function.Function<T, KindCall> call) {
        calls.put(type, task -> call.apply(type.cast(task)));
    }

    /** The task kinds {@link #CALLS} has a call for (a test checks it covers every kind of {@link TaskNode}). */
    static java.util.Set<Class<? extends TaskNode>> kindsWithCalls() {
        return CALLS.keySet();
    }

    static PyExpr.Call taskCall(TaskNode task) {
        java.util.function.Function<TaskNode, KindCall> kind = CALLS.get(task.getClass());
        if (kind == null) {
            throw new IllegalArgumentException(
                    "no call for task kind " + task.getClass().getSimpleName());
        }
        KindCall call = kind.apply(task);
        List<PyExpr.Keyword> keywords = new ArrayList<>(call.keywords());
        if (task.triggerRule() != null) {
            keywords.add(keyword("trigger_rule", task.triggerRule().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (task.retry() != null) {
            // Oozie's retry-max / retry-interval (minutes) / retry-policy, applied by the runtime to the retried unit.
            keywords.add(PyExpr.keyword(
                    "retry_max", PyExpr.name(Integer.toString(task.retry().max()))));
            keywords.add(PyExpr.keyword(
                    "retry_interval", PyExpr.name(Integer.toString(task.retry().intervalMinutes()))));
            if (task.retry().exponential()) {
                keywords.add(keyword("retry_policy", "exponential"));
            }
        }
        return new PyExpr.Call(call.function(), List.of(PyExpr.str(task.id())), keywords);
    }

    private static KindCall flinkJob(TaskNode.FlinkJob job) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(PyExpr.keyword("repo", PyExpr.name("REPO")));
        keywords.add(keyword("script", job.scriptPath()));
        keywords.add(keyword("deployment", job.deploymentPath()));
        keywords.add(PyExpr.keyword("params", PyExpr.dict(jinja(job.params()))));
        if (!job.prepare().isEmpty()) {
            keywords.add(PyExpr.keyword("prepare", prepareSteps(job.prepare())));
        }
        if (job.defaultFs() != null) {
            keywords.add(keyword("default_fs", job.defaultFs()));
        }
        keywords.addAll(transitions(job.ok(), job.error()));
        return new KindCall("oozie.flink_sql_job", keywords);
    }

    private static KindCall email(TaskNode.Email email) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(keyword("to", email.to()));
        if (email.cc() != null) {
            keywords.add(keyword("cc", email.cc()));
        }
        keywords.add(keyword("subject", email.subject()));
        keywords.add(keyword("body", email.body()));
        keywords.addAll(transitions(email.ok(), email.error()));
        return new KindCall("oozie.email", keywords);
    }

    private static KindCall decision(TaskNode.Decision decision) {
        return new KindCall(
                "oozie.decision",
                List.of(
                        PyExpr.keyword(
                                "cases",
                                PyExpr.list(decision.cases().stream()
                                        .map(c -> PyExpr.strings(jinja(c.predicate()), c.target()))
                                        .toList())),
                        keyword("default", decision.defaultTarget())));
    }

    private static KindCall shell(TaskNode.Shell shell) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(keyword("command", shell.exec()));
        optionalList(keywords, "arguments", shell.arguments());
        optionalList(keywords, "env", shell.env());
        optionalList(keywords, "files", shell.files());
        optionalList(keywords, "archives", shell.archives());
        if (shell.captureOutput()) {
            keywords.add(PyExpr.keyword("capture_output", PyExpr.name("True")));
        }
        if (!shell.prepare().isEmpty()) {
            keywords.add(PyExpr.keyword("prepare", prepareSteps(shell.prepare())));
        }
        keywords.addAll(transitions(shell.ok(), shell.error()));
        return new KindCall("oozie.shell", keywords);
    }

    private static KindCall fs(TaskNode.Fs fs) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        if (fs.nameNode() != null) {
            keywords.add(keyword("name_node", fs.nameNode()));
        }
        keywords.add(PyExpr.keyword(
                "steps",
                PyExpr.list(fs.steps().stream()
                        .map(step -> {
                            Map<String, String> fields = new LinkedHashMap<>();
                            fields.put("op", step.operation());
                            fields.putAll(jinja(step.arguments()));
                            return PyExpr.dict(fields);
                        })
                        .toList())));
        keywords.addAll(transitions(fs.ok(), fs.error()));
        return new KindCall("oozie.fs", keywords);
    }

    private static KindCall subWorkflow(TaskNode.SubWorkflow sub) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(sub.childDagId() != null ? keyword("dag", sub.childDagId()) : keyword("app_path", sub.appPath()));
        keywords.add(PyExpr.keyword("configuration", PyExpr.dict(jinja(sub.configuration()))));
        if (sub.propagate()) {
            keywords.add(PyExpr.keyword("propagate_configuration", PyExpr.name("True")));
        }
        keywords.addAll(transitions(sub.ok(), sub.error()));
        return new KindCall("oozie.sub_workflow", keywords);
    }

    private static KindCall ssh(TaskNode.Ssh ssh) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(keyword("ssh_conn_id", ssh.connectionId()));
        keywords.add(keyword("remote_host", ssh.remoteHost()));
        keywords.add(keyword("command", ssh.command()));
        if (!ssh.arguments().isEmpty()) {
            keywords.add(PyExpr.keyword(
                    "arguments",
                    PyExpr.list(ssh.arguments().stream()
                            .map(a -> PyExpr.strings(a.quoted() ? "arg" : "args", jinja(a.text())))
                            .toList())));
        }
        if (ssh.captureOutput()) {
            keywords.add(PyExpr.keyword("capture_output", PyExpr.name("True")));
        }
        keywords.addAll(transitions(ssh.ok(), ssh.error()));
        return new KindCall("oozie.ssh", keywords);
    }

    private static KindCall git(TaskNode.Git git) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(keyword("git_uri", git.gitUri()));
        if (git.branch() != null) {
            keywords.add(keyword("branch", git.branch()));
        }
        if (git.keyPath() != null) {
            keywords.add(keyword("key_path", git.keyPath()));
        }
        keywords.add(keyword("destination_uri", git.destinationUri()));
        if (git.nameNode() != null) {
            keywords.add(keyword("name_node", git.nameNode()));
        }
        if (!git.prepare().isEmpty()) {
            keywords.add(PyExpr.keyword("prepare", prepareSteps(git.prepare())));
        }
        keywords.addAll(transitions(git.ok(), git.error()));
        return new KindCall("oozie.git", keywords);
    }

    private static KindCall placeholder(TaskNode.Placeholder placeholder) {
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(keyword("action_type", placeholder.actionType()));
        keywords.add(keyword("todo", placeholder.todo()));
        keywords.addAll(transitions(placeholder.ok(), placeholder.error()));
        return new KindCall("oozie.placeholder", keywords);
    }
}
