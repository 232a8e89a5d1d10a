package dev.ferry.translator.workflow;

import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Oozie's {@code <propagate-configuration/>} hands a sub-workflow the parent's whole job configuration.
 * The DAG that triggers a child passes its params and run conf along, but a secret property is never a
 * value there: it is a reference to an Airflow Variable in the parent's run configuration, and putting
 * its value into the child's run conf would store it in the metadata database and show it in the UI.
 * So the child DAG holds the same references itself, below its own run configuration; through a chain
 * of propagating sub-workflows they reach every descendant. Children resolved only at run time (an
 * app-path with run-time EL) cannot be known here and get none.
 */
public final class PropagatedSecrets {

    private PropagatedSecrets() {}

    /** The plans, children of propagating sub-workflows given their parents' secret properties; order kept. */
    public static List<WorkflowPlan> apply(List<WorkflowPlan> plans) {
        Map<String, WorkflowPlan> byId = new LinkedHashMap<>();
        plans.forEach(plan -> byId.put(plan.dagId(), plan));
        // Each round moves references one level down a chain; a chain is at most as long as the plans.
        boolean changed = true;
        for (int round = 0; changed && round <= plans.size(); round++) {
            changed = false;
            for (WorkflowPlan parent : List.copyOf(byId.values())) {
                SortedMap<String, Template> secrets =
                        secrets(byId.get(parent.dagId()).runConfiguration());
                if (secrets.isEmpty()) {
                    continue;
                }
                for (TaskNode task : parent.tasks()) {
                    if (task instanceof TaskNode.SubWorkflow sub
                            && sub.propagate()
                            && byId.containsKey(sub.childDagId())) {
                        WorkflowPlan child = byId.get(sub.childDagId());
                        SortedMap<String, Template> merged = new TreeMap<>(child.runConfiguration());
                        secrets.forEach(merged::putIfAbsent);
                        if (!merged.equals(child.runConfiguration())) {
                            byId.put(child.dagId(), child.withRunConfiguration(merged));
                            changed = true;
                        }
                    }
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** The entries that read an Airflow Variable: the secrets (a secret is always replaced by one). */
    private static SortedMap<String, Template> secrets(SortedMap<String, Template> runConfiguration) {
        SortedMap<String, Template> secrets = new TreeMap<>();
        runConfiguration.forEach((name, template) -> {
            if (template.parts().stream()
                    .anyMatch(p -> p instanceof Template.Value v && v.expr() instanceof RuntimeExpr.Variable)) {
                secrets.put(name, template);
            }
        });
        return secrets;
    }
}
