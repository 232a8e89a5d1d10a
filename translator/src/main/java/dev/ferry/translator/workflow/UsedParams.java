package dev.ferry.translator.workflow;

import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DAG's params trimmed to the properties it reads. A submission's properties file is usually shared by every
 * app of a team (name-node, queues, directories of all their jobs): printed whole, each DAG's {@code params} hid
 * the few values it uses among dozens it does not. What a DAG reads is decided from its plan: every
 * {@link RuntimeExpr.Property} in its templates, a {@code wf:conf}/{@code coord:conf} call with a literal name,
 * the properties the runtime's helpers read by name ({@code wf:user} reads {@code user.name}), and, through
 * {@code ${name}} references inside the kept values, every property those expand to at run time (as Hadoop's
 * Configuration expands them). All params stay when something can read any property: a {@code wf:conf} whose
 * name is computed, a sub-workflow that propagates the configuration to a child known only at run time (or to a
 * child that itself reads any), an action left as a TODO (whoever ports it needs what the Oozie action read).
 * A sub-workflow that propagates to a child of the repository keeps what the child reads: the child receives the
 * parent's values in place of its own.
 */
public final class UsedParams {

    /** A reference Hadoop's Configuration expands in a value (the runtime's wf.conf does the same). */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^${}\\s]+)\\}");

    /** The runtime reads params of this prefix by name (ferry_namespace, ferry_flink_tls_secret...). */
    private static final String RUNTIME_PREFIX = "ferry_";

    private UsedParams() {}

    /**
     * What a plan's templates read: {@code names}, or any property ({@code any}); {@code children} are the DAGs it
     * hands its whole configuration to (propagate-configuration), whose reads count as its own.
     */
    record Reads(Set<String> names, boolean any, Set<String> children) {}

    /** Every plan with only the params it reads (see the class comment); order kept. */
    public static List<WorkflowPlan> apply(List<WorkflowPlan> plans) {
        Map<String, Reads> reads = new LinkedHashMap<>();
        plans.forEach(plan -> reads.put(plan.dagId(), reads(plan)));
        Map<String, Reads> closed = closeOverChildren(reads);
        List<WorkflowPlan> trimmed = new ArrayList<>();
        for (WorkflowPlan plan : plans) {
            Reads r = closed.get(plan.dagId());
            trimmed.add(r.any() ? plan : plan.withParams(kept(plan.params(), r.names())));
        }
        return trimmed;
    }

    /**
     * Each plan's reads with those of the children it propagates to, through chains of children: a fixpoint, at
     * most one round per plan (a chain is no longer than the plans, cycles included).
     */
    private static Map<String, Reads> closeOverChildren(Map<String, Reads> reads) {
        Map<String, Reads> closed = new LinkedHashMap<>(reads);
        boolean changed = true;
        for (int round = 0; changed && round <= reads.size(); round++) {
            changed = false;
            for (Map.Entry<String, Reads> entry : List.copyOf(closed.entrySet())) {
                Reads r = entry.getValue();
                if (r.any()) {
                    continue;
                }
                Set<String> names = new TreeSet<>(r.names());
                boolean any = false;
                for (String child : r.children()) {
                    Reads c = closed.get(child);
                    if (c == null || c.any()) {
                        any = true; // a child Ferry did not convert (or that reads any property): keep everything
                        break;
                    }
                    names.addAll(c.names());
                }
                Reads next = new Reads(names, any, r.children());
                if (!next.equals(r)) {
                    closed.put(entry.getKey(), next);
                    changed = true;
                }
            }
        }
        return closed;
    }

    /** The params named, the ones their values refer to ({@code ${name}}, transitively), and the runtime's own. */
    static SortedMap<String, String> kept(SortedMap<String, String> params, Set<String> names) {
        Set<String> wanted = new TreeSet<>();
        List<String> todo = new ArrayList<>(names);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (!wanted.add(name)) {
                continue;
            }
            String value = params.get(name);
            if (value != null) {
                todo.addAll(references(value));
            }
        }
        SortedMap<String, String> kept = new TreeMap<>();
        params.forEach((name, value) -> {
            if (wanted.contains(name) || name.startsWith(RUNTIME_PREFIX)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    private static List<String> references(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** What one plan reads by itself (its children's reads not yet added). */
    static Reads reads(WorkflowPlan plan) {
        Collector c = new Collector();
        c.templates(plan.runConfiguration().values());
        if (plan.schedule() != null && plan.schedule().data() != null) {
            for (CoordinatorData.DatasetSpec dataset : plan.schedule().data().datasets()) {
                c.template(dataset.uriTemplate());
                c.template(dataset.defaultFs());
            }
        }
        plan.actionSlas().values().forEach(c::sla);
        if (plan.workflowSla() != null) {
            c.sla(plan.workflowSla().sla());
        }
        plan.tasks().forEach(c::task);
        return new Reads(c.names, c.any, c.children);
    }

    /** Walks the templates of a plan; every template-bearing field of every task kind is visited. */
    private static final class Collector {
        private final Set<String> names = new TreeSet<>();
        private final Set<String> children = new TreeSet<>();
        private boolean any;

        void task(TaskNode task) {
            if (task instanceof TaskNode.FlinkJob job) {
                templates(job.params().values());
                prepare(job.prepare());
                template(job.defaultFs());
            } else if (task instanceof TaskNode.PodJob pod) {
                container(pod.container());
                prepare(pod.prepare());
            } else if (task instanceof TaskNode.Email email) {
                template(email.to());
                template(email.cc());
                template(email.subject());
                template(email.body());
            } else if (task instanceof TaskNode.Decision decision) {
                decision.cases().forEach(c -> template(c.predicate()));
            } else if (task instanceof TaskNode.Kill kill) {
                template(kill.message());
            } else if (task instanceof TaskNode.Shell shell) {
                template(shell.exec());
                templates(shell.arguments());
                templates(shell.env());
                templates(shell.files());
                templates(shell.archives());
                prepare(shell.prepare());
                // Relative <file>s resolve from the application's directory (ferry_runtime.actions.shell).
                names.add("oozie.wf.application.path");
            } else if (task instanceof TaskNode.Fs fs) {
                template(fs.nameNode());
                fs.steps().forEach(step -> templates(step.arguments().values()));
            } else if (task instanceof TaskNode.SubWorkflow sub) {
                templates(sub.configuration().values());
                template(sub.appPath());
                if (sub.propagate()) {
                    if (sub.childDagId() == null) {
                        any = true; // the child is chosen at run time: it may read anything it is handed
                    } else {
                        children.add(sub.childDagId());
                    }
                }
            } else if (task instanceof TaskNode.Ssh ssh) {
                template(ssh.remoteHost());
                template(ssh.command());
                ssh.arguments().forEach(a -> template(a.text()));
            } else if (task instanceof TaskNode.Git git) {
                template(git.nameNode());
                template(git.gitUri());
                template(git.branch());
                template(git.keyPath());
                template(git.destinationUri());
                prepare(git.prepare());
            } else if (task instanceof TaskNode.Placeholder) {
                any = true; // a TODO: the Oozie action's port by hand needs whatever it read
            }
            // Fork, Join, End and FailsAtStart read nothing.
        }

        void container(PodContainer container) {
            names.add(container.imageParam());
            template(container.image());
            templates(container.command());
            templates(container.env().values());
            templates(container.configuration().values());
            templates(container.files());
            templates(container.archives());
        }

        void sla(ActionSla sla) {
            template(sla.nominalTime());
            template(sla.shouldStart());
            template(sla.shouldEnd());
            template(sla.maxDuration());
            template(sla.alertEvents());
            template(sla.alertContact());
            template(sla.notificationMsg());
        }

        void prepare(List<TaskNode.PrepareStep> steps) {
            steps.forEach(step -> template(step.path()));
        }

        void templates(Collection<Template> templates) {
            templates.forEach(this::template);
        }

        void template(Template template) {
            if (template == null) {
                return;
            }
            for (Template.Part part : template.parts()) {
                if (part instanceof Template.Value value) {
                    expr(value.expr());
                } else if (part instanceof Template.Text text) {
                    // Text a value expands at run time (a run configuration entry's ${name}) reads that property;
                    // counting every text's references keeps a few more params than needed, never fewer.
                    names.addAll(references(text.text()));
                }
            }
        }

        void expr(RuntimeExpr expr) {
            if (expr instanceof RuntimeExpr.Property p) {
                names.add(p.name());
            } else if (expr instanceof RuntimeExpr.Param p) {
                names.add(p.name());
            } else if (expr instanceof RuntimeExpr.FunctionCall call) {
                function(call);
                call.arguments().forEach(this::expr);
            } else if (expr instanceof RuntimeExpr.Coercion c) {
                c.operands().forEach(this::expr);
            } else if (expr instanceof RuntimeExpr.Binary b) {
                expr(b.left());
                expr(b.right());
            } else if (expr instanceof RuntimeExpr.Not n) {
                expr(n.operand());
            } else if (expr instanceof RuntimeExpr.Negate n) {
                expr(n.operand());
            } else if (expr instanceof RuntimeExpr.Conditional c) {
                expr(c.condition());
                expr(c.whenTrue());
                expr(c.whenFalse());
            } else if (expr instanceof RuntimeExpr.Index i) {
                expr(i.target());
                expr(i.key());
            } else if (expr instanceof RuntimeExpr.Concat c) {
                c.parts().forEach(this::expr);
            } else if (expr instanceof RuntimeExpr.ReadsTrue r) {
                expr(r.operand());
            }
            // Literals and Variables (secrets, never params) read no property.
        }

        /** The properties an EL helper reads by name (ferry_runtime.el.wf): a computed name can be any. */
        void function(RuntimeExpr.FunctionCall call) {
            switch (call.function().elName()) {
                case "wf:conf", "coord:conf" -> {
                    if (call.arguments().get(0) instanceof RuntimeExpr.StringLiteral name) {
                        names.add(name.value());
                    } else {
                        any = true;
                    }
                }
                case "wf:user", "coord:user" -> names.add("user.name");
                case "wf:group" -> names.add("group.name");
                case "wf:appPath" -> names.add("oozie.wf.application.path");
                default -> {
                    // every other helper reads its arguments, the run's state or the cluster's configuration
                }
            }
        }
    }
}
