package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.ConfigProperty;
import dev.ferry.parser.oozie.DecisionNode;
import dev.ferry.parser.oozie.EndNode;
import dev.ferry.parser.oozie.ForkNode;
import dev.ferry.parser.oozie.JoinNode;
import dev.ferry.parser.oozie.KillNode;
import dev.ferry.parser.oozie.Parameter;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.parser.oozie.WorkflowNode;
import dev.ferry.secrets.SecretNames;
import dev.ferry.secrets.SecretText;
import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.workflow.WorkflowPlan.Edge;
import dev.ferry.translator.workflow.WorkflowPlan.Port;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Oozie workflow (+ coordinator) → {@link WorkflowPlan}, with Oozie's control-flow semantics:
 * ok/error transitions become the ok/error exits of each action, decisions take the first true
 * case, joins wait for every path, kill fails the run with its message.
 */
public final class WorkflowTranslator {

    /** Airflow's rule for a task several transitions lead to: run once any path arrives, none failed. */
    private final WorkflowSources sources;

    private final Diagnostics diagnostics;
    private final OozieEl el;
    /** DAG params naming the image of each pod action type (see {@link PodActionTranslator}). */
    private final SortedMap<String, String> podImages = new TreeMap<>();
    /** The Flink jobs translated so far, by action: a later action may read what one that ran before it wrote. */
    private final Map<String, TaskNode.FlinkJob> jobs = new HashMap<>();
    /** The actions that have succeeded whenever a run reaches each node. */
    private ActionsRunBefore runBefore;

    private WorkflowTranslator(WorkflowSources sources, Diagnostics diagnostics) {
        this.sources = sources;
        this.diagnostics = diagnostics;
        this.el = new OozieEl(diagnostics);
    }

    public static Optional<WorkflowPlan> translate(WorkflowSources sources, Diagnostics diagnostics) {
        return new WorkflowTranslator(sources, diagnostics).run();
    }

    private Optional<WorkflowPlan> run() {
        WorkflowApp workflow = sources.workflow();
        int errorsBefore = errorCount();
        String dagId = sources.dagId() != null
                ? sources.dagId()
                : sources.coordinator() != null
                        ? DagNames.dagId(sources.coordinator().name())
                        : DagNames.dagId(workflow);
        SortedMap<String, String> params = params(workflow);
        SortedMap<String, Template> runConfiguration = new TreeMap<>();
        WorkflowPlan.Schedule schedule = null;
        List<String> files = new ArrayList<>();
        files.add(workflow.file());
        if (sources.coordinator() != null) {
            files.add(0, sources.coordinator().file());
            schedule = CoordinatorSchedule.translate(sources, params, diagnostics);
            for (ConfigProperty p : sources.coordinator().configuration()) {
                runConfiguration.put(p.name(), el.template(p.value(), p.span()));
            }
        }
        // Below the coordinator's <configuration>, as job.properties is in Oozie.
        secretProperties.forEach(runConfiguration::putIfAbsent);
        Set<String> reachable = reachable(workflow);
        List<TaskNode> tasks = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (WorkflowNode node : workflow.nodes()) {
            if (!reachable.contains(node.name())) {
                continue; // OOZ-W003 from the parser's graph check: one warning per unreachable node
            }
            edges.addAll(edges(node));
        }
        Map<String, Integer> incoming = new HashMap<>();
        edges.forEach(e -> incoming.merge(e.to(), 1, Integer::sum));
        Map<String, String> knownValues = new TreeMap<>(params);
        runBefore = ActionsRunBefore.of(workflow);
        for (WorkflowNode node : workflow.nodes()) {
            if (reachable.contains(node.name())) {
                TriggerRule rule = triggerRule(node, incoming.getOrDefault(node.name(), 0));
                Optional<TaskNode> task = task(dagId, node, rule, knownValues);
                task.ifPresent(tasks::add);
                if (task.isPresent() && task.get() instanceof TaskNode.FlinkJob job) {
                    jobs.put(node.name(), job);
                }
            }
        }
        if (errorCount() > errorsBefore) {
            return Optional.empty();
        }
        params.putAll(podImages);
        String description = ReadableNames.description(
                workflow.name(),
                sources.coordinator() != null ? sources.coordinator().name() : null,
                knownValues);
        return Optional.of(new WorkflowPlan(
                dagId,
                description,
                files,
                schedule,
                params,
                runConfiguration,
                tasks,
                edges,
                List.of("ferry", "oozie"),
                ActionSlas.translate(workflow, reachable, el, diagnostics),
                sources.coordinator() != null ? null : ActionSlas.workflow(workflow, reachable, el, diagnostics)));
    }

    private int errorCount() {
        return diagnostics.errorCount();
    }

    /**
     * Properties whose value holds a secret, as templates read per run: a secret-named property is the Airflow
     * Variable of its name, and a value holding a secret (a URL's password, {@code --password=x}) is its text
     * with the secret a Variable reference. The DAG reads them as run configuration, so the value never appears.
     */
    private final SortedMap<String, Template> secretProperties = new TreeMap<>();

    /**
     * The DAG's params: Oozie's configuration at submission, lowest precedence first: workflow
     * {@code <parameters>} defaults, config-default.xml, job.properties. Secrets stay out: they go to
     * {@link #secretProperties}.
     */
    private SortedMap<String, String> params(WorkflowApp workflow) {
        SortedMap<String, String> params = new TreeMap<>();
        for (Parameter p : workflow.parameters()) {
            if (p.value() != null) {
                params.put(p.name(), p.value());
            }
        }
        params.putAll(sources.configDefault());
        params.putAll(sources.jobProperties());
        SortedMap<String, String> kept = new TreeMap<>();
        SourceSpan span = SourceSpan.file(sources.jobPropertiesFile());
        params.forEach((name, value) -> {
            if (name.startsWith("oozie.")) {
                return;
            }
            if (SecretNames.isSecret(name)) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W002,
                        span,
                        "property '" + name + "' looks like a secret; its value"
                                + " is not written: the DAG reads it from the Airflow Variable '" + name + "'",
                        "create the Variable (or a secrets backend entry) '" + name + "' before the DAG runs");
                secretProperties.put(name, Template.of(new RuntimeExpr.Variable(name)));
            } else if (!SecretText.find(value).isEmpty()) {
                // A property is a run-time value, not a template: only the secret becomes a reference, the rest is
                // kept as text (its ${...} references are expanded at run time as Hadoop's Configuration does).
                secretProperties.put(name, secretValue(value, span));
            } else {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** A property value with each secret a Variable reference (and an OOZ-W002), the rest literal text. */
    private Template secretValue(String value, SourceSpan span) {
        List<Template.Part> parts = new ArrayList<>();
        int last = 0;
        for (SecretText.Secret secret : SecretText.find(value)) {
            parts.add(new Template.Text(value.substring(last, secret.start())));
            parts.add(new Template.Value(new RuntimeExpr.Variable(secret.key())));
            OozieEl.secretWarning(secret.key(), span, diagnostics);
            last = secret.end();
        }
        parts.add(new Template.Text(value.substring(last)));
        return new Template(parts);
    }

    private static Set<String> reachable(WorkflowApp workflow) {
        Map<String, WorkflowNode> byName = new HashMap<>();
        workflow.nodes().forEach(n -> byName.put(n.name(), n));
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(workflow.startTo());
        while (!todo.isEmpty()) {
            String name = todo.poll();
            WorkflowNode node = byName.get(name);
            if (node == null || !seen.add(name)) {
                continue;
            }
            edges(node).forEach(edge -> todo.add(edge.to()));
        }
        return seen;
    }

    /**
     * The transitions that leave a node, each by its port: an action's ok and error (both, when they lead to the same
     * node), a decision's targets once each, a fork's paths, a join's next node. The one place that says so: the plan's
     * edges, reachability and what ran before a node ({@link ActionsRunBefore}) all read it.
     */
    static List<Edge> edges(WorkflowNode node) {
        List<Edge> edges = new ArrayList<>();
        if (node instanceof ActionNode a) {
            edges.add(new Edge(a.name(), Port.OK, a.okTo()));
            edges.add(new Edge(a.name(), Port.ERROR, a.errorTo()));
        } else if (node instanceof DecisionNode d) {
            Set<String> targets = new LinkedHashSet<>();
            d.cases().forEach(c -> targets.add(c.to()));
            targets.add(d.defaultTo());
            targets.forEach(t -> edges.add(new Edge(d.name(), Port.CASE, t)));
        } else if (node instanceof ForkNode f) {
            f.paths().forEach(p -> edges.add(new Edge(f.name(), Port.NEXT, p.start())));
        } else if (node instanceof JoinNode j) {
            edges.add(new Edge(j.name(), Port.NEXT, j.to()));
        }
        return edges;
    }

    /** A join waits for all its paths (Airflow's default); any other node several paths lead to runs on the first. */
    private static TriggerRule triggerRule(WorkflowNode node, int incoming) {
        if (node instanceof JoinNode) {
            return null;
        }
        return incoming > 1 ? TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS : null;
    }

    private Optional<TaskNode> task(
            String dagId, WorkflowNode node, TriggerRule rule, Map<String, String> knownValues) {
        if (node instanceof ActionNode action) {
            return failingAtStart(
                    action,
                    rule,
                    action.action().type(),
                    (el, diagnostics) -> action(dagId, action, rule, knownValues, el, diagnostics));
        }
        if (node instanceof DecisionNode d) {
            return failingAtStart(d, rule, "decision", (el, diagnostics) -> {
                List<TaskNode.Case> cases = d.cases().stream()
                        .map(c -> new TaskNode.Case(el.predicate(c.predicate(), c.predicateSpan()), c.to()))
                        .toList();
                return Optional.of(new TaskNode.Decision(d.name(), d.span(), rule, cases, d.defaultTo()));
            });
        }
        if (node instanceof ForkNode f) {
            return Optional.of(new TaskNode.Fork(f.name(), f.span(), rule));
        }
        if (node instanceof JoinNode j) {
            return Optional.of(new TaskNode.Join(j.name(), j.span(), rule));
        }
        if (node instanceof KillNode k) {
            return Optional.of(new TaskNode.Kill(k.name(), k.span(), rule, el.template(k.message(), k.messageSpan())));
        }
        if (node instanceof EndNode e) {
            return Optional.of(new TaskNode.End(e.name(), e.span(), rule));
        }
        return Optional.empty();
    }

    /** Translates one node with its own EL and diagnostics, so that what went wrong in it is known. */
    private interface NodeTranslation {
        Optional<TaskNode> translate(OozieEl el, Diagnostics diagnostics);
    }

    /**
     * The node as {@code translation} gives it; or, when the only errors in it are EL expressions that do not parse
     * (OOZ-E007), a task that fails the run where Oozie fails the job: Oozie evaluates an action's or decision's EL
     * when a run reaches the node ({@code ActionStartXCommand}), so one such node does not keep the workflow from
     * being submitted, nor the paths that do not reach it from running. Each such error becomes an OOZ-W034.
     */
    private Optional<TaskNode> failingAtStart(
            WorkflowNode node, TriggerRule rule, String nodeType, NodeTranslation translation) {
        Diagnostics own = new Diagnostics();
        Optional<TaskNode> task = translation.translate(new OozieEl(own), own);
        List<Diagnostic> errors =
                own.sorted().stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty() || !errors.stream().allMatch(d -> d.code() == DiagnosticCode.OOZ_E007)) {
            diagnostics.addAll(own);
            return task;
        }
        String when = "Oozie fails the job with EL_ERROR when a run reaches " + nodeType + " '" + node.name()
                + "' (its error transition is not taken); its task fails the DAG run the same way";
        for (Diagnostic d : own.sorted()) {
            diagnostics.add(
                    d.isError()
                            ? new Diagnostic(DiagnosticCode.OOZ_W034, d.span(), d.message() + ": " + when, d.hint())
                            : d);
        }
        Diagnostic first = errors.get(0);
        return Optional.of(new TaskNode.FailsAtStart(
                node.name(), node.span(), rule, nodeType, first.span() + ": " + first.message()));
    }

    private Optional<TaskNode> action(
            String dagId,
            ActionNode node,
            TriggerRule rule,
            Map<String, String> knownValues,
            OozieEl el,
            Diagnostics diagnostics) {
        ActionNotes.report(node, sources.workflow().global(), diagnostics);
        Optional<ActionKind> kind = ActionKind.of(node.action());
        if (kind.isPresent()) {
            return kind.get()
                    .translate(new ActionKind.Context(
                            dagId,
                            node,
                            rule,
                            sources,
                            knownValues,
                            el,
                            diagnostics,
                            podImages,
                            runBefore.of(node.name()).stream()
                                    .filter(jobs::containsKey)
                                    .map(jobs::get)
                                    .toList()));
        }
        String type = node.action().type();
        diagnostics.report(
                DiagnosticCode.OOZ_W005,
                node.action().span(),
                "<" + type + "> actions are not translated yet; '" + node.name()
                        + "' becomes a task that fails with a TODO",
                "port the action by hand, or wait for its translation (see the report)");
        return Optional.of(new TaskNode.Placeholder(
                node.name(),
                node.span(),
                rule,
                type,
                "Oozie <" + type + "> action at " + node.action().span() + " is not translated yet",
                node.okTo(),
                node.errorTo()));
    }

    /** Names derived from Oozie names. */
    public static final class DagNames {
        private DagNames() {}

        /** {@code clickstream-daily} → {@code clickstream_daily}. */
        public static String dagId(String oozieName) {
            String id = oozieName
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9_.]+", "_")
                    .replaceAll("^_+|_+$", "");
            return id.isEmpty() ? "workflow" : id;
        }

        /**
         * An unscheduled workflow's DAG id: its name, plus the file's name when that is not workflow.xml.
         * An app directory often keeps variants beside its workflow.xml (the Oozie examples'
         * workflow-with-config-class.xml), all with the same name; each becomes a DAG of its own.
         */
        public static String dagId(WorkflowApp workflow) {
            String file = workflow.file().substring(workflow.file().lastIndexOf('/') + 1);
            return file.equals("workflow.xml") || !file.endsWith(".xml")
                    ? dagId(workflow.name())
                    : dagId(workflow.name() + "_" + file.substring(0, file.length() - ".xml".length()));
        }

        /** A DNS-1123 name of at most {@code max} characters. */
        static String dns(String name, int max) {
            String dns =
                    name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
            if (dns.length() > max) {
                dns = dns.substring(0, max).replaceAll("-+$", "");
            }
            return dns;
        }
    }
}
