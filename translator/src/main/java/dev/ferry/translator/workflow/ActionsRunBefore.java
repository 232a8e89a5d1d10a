package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.JoinNode;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.parser.oozie.WorkflowNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actions that have succeeded whenever a run reaches a node: every path from the start to the node passes through
 * the action's ok transition (a dominator of the node in the graph where each ok transition is a node of its own), and a
 * join has waited for every path of its fork, so what any of them ran has run. A later action may then rely on what
 * they wrote (the .pig_schema of a STORE).
 */
final class ActionsRunBefore {

    private static final String OK = "\u0000ok";

    private final Map<String, Set<String>> before = new HashMap<>();

    private ActionsRunBefore() {}

    static ActionsRunBefore of(WorkflowApp workflow) {
        Map<String, WorkflowNode> byName = new HashMap<>();
        workflow.nodes().forEach(n -> byName.put(n.name(), n));
        Map<String, List<String>> predecessors = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        all.add(workflow.startTo());
        for (WorkflowNode node : workflow.nodes()) {
            all.add(node.name());
            for (String next : WorkflowTranslator.successors(node)) {
                all.add(next);
                predecessors.computeIfAbsent(next, k -> new ArrayList<>()).add(edgeSource(node, next));
            }
            if (node instanceof ActionNode a) {
                all.add(a.name() + OK);
                predecessors
                        .computeIfAbsent(a.name() + OK, k -> new ArrayList<>())
                        .add(a.name());
            }
        }
        Set<String> reachable = new LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(workflow.startTo()));
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (reachable.add(n)) {
                predecessors.forEach((next, preds) -> {
                    if (preds.contains(n)) {
                        todo.add(next);
                    }
                });
            }
        }
        predecessors.values().forEach(preds -> preds.retainAll(reachable));
        // Iterative dominators: start dominated by itself, every other node by all until the sets settle.
        Map<String, Set<String>> dom = new HashMap<>();
        for (String n : all) {
            dom.put(n, n.equals(workflow.startTo()) ? Set.of(n) : all);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String n : all) {
                if (n.equals(workflow.startTo())) {
                    continue;
                }
                List<String> preds = predecessors.getOrDefault(n, List.of());
                boolean join = byName.get(n) instanceof JoinNode;
                Set<String> next = null;
                for (String p : preds) {
                    Set<String> d = dom.get(p);
                    if (next == null) {
                        next = new LinkedHashSet<>(d);
                    } else if (join) {
                        next.addAll(d);
                    } else {
                        next.retainAll(d);
                    }
                }
                if (next == null) {
                    next = new LinkedHashSet<>();
                }
                if (join) {
                    next.retainAll(all);
                }
                next.add(n);
                if (!next.equals(dom.get(n))) {
                    dom.put(n, next);
                    changed = true;
                }
            }
        }
        ActionsRunBefore result = new ActionsRunBefore();
        for (WorkflowNode node : workflow.nodes()) {
            Set<String> ran = new LinkedHashSet<>();
            for (String d : dom.get(node.name())) {
                if (d.endsWith(OK)) {
                    ran.add(d.substring(0, d.length() - OK.length()));
                }
            }
            result.before.put(node.name(), ran);
        }
        return result;
    }

    /** The actions that succeeded before every run of {@code node}. */
    Set<String> of(String node) {
        return before.getOrDefault(node, Set.of());
    }

    private static String edgeSource(WorkflowNode node, String next) {
        // An action's ok transition leaves from its own node; its error transition from the action.
        return node instanceof ActionNode a
                        && a.okTo().equals(next)
                        && !a.errorTo().equals(next)
                ? a.name() + OK
                : node.name();
    }
}
