package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.JoinNode;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.parser.oozie.WorkflowNode;
import dev.ferry.translator.workflow.WorkflowPlan.Edge;
import dev.ferry.translator.workflow.WorkflowPlan.Port;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        // Each node's predecessors, by the node their edges come from: an edge leaves by its transition, an action's
        // ok transition from the action's ok node, every other from the node itself.
        Map<String, Map<String, List<String>>> predecessors = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        all.add(workflow.startTo());
        for (WorkflowNode node : workflow.nodes()) {
            all.add(node.name());
            for (Edge edge : WorkflowTranslator.edges(node)) {
                all.add(edge.to());
                String source = edge.port() == Port.OK ? edge.from() + OK : edge.from();
                predecessors
                        .computeIfAbsent(edge.to(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(edge.from(), k -> new ArrayList<>())
                        .add(source);
            }
            if (node instanceof ActionNode a) {
                all.add(a.name() + OK);
                predecessors
                        .computeIfAbsent(a.name() + OK, k -> new LinkedHashMap<>())
                        .computeIfAbsent(a.name(), k -> new ArrayList<>())
                        .add(a.name());
            }
        }
        Set<String> reachable = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(workflow.startTo()));
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (reachable.add(n)) {
                predecessors.forEach((next, byNode) -> {
                    if (byNode.values().stream().anyMatch(sources -> sources.contains(n))) {
                        todo.add(next);
                    }
                });
            }
        }
        for (Map<String, List<String>> byNode : predecessors.values()) {
            byNode.values().forEach(sources -> sources.retainAll(reachable));
            byNode.values().removeIf(List::isEmpty);
        }
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
                // Reached from a node by any of its edges to n: what all of them have in common. A join has waited for
                // every node it is reached from; any other node is reached from one of them.
                boolean join = byName.get(n) instanceof JoinNode;
                Set<String> next = null;
                for (List<String> sources :
                        predecessors.getOrDefault(n, Map.of()).values()) {
                    Set<String> fromNode = new LinkedHashSet<>(dom.get(sources.get(0)));
                    sources.forEach(source -> fromNode.retainAll(dom.get(source)));
                    if (next == null) {
                        next = fromNode;
                    } else if (join) {
                        next.addAll(fromNode);
                    } else {
                        next.retainAll(fromNode);
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
}
