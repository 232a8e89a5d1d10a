package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph rules Oozie applies when a workflow is submitted (its LiteWorkflowValidator), each as a
 * positioned diagnostic instead of the first exception: cycles (OOZ-E016), fork paths that do not meet
 * in one join or that reach {@code <end>} (OOZ-E008), joins reached from outside their fork or from two
 * forks (OOZ-E017), nodes two ok paths run without a decision between them (OOZ-E019), and nodes no path from {@code <start>} reaches (OOZ-W003). Transitions to unknown
 * nodes are the reader's (OOZ-E005) and are simply not followed here.
 */
final class WorkflowGraphCheck {

    private final Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
    private final Diagnostics diagnostics;
    private final Map<String, String> forkOfJoin = new HashMap<>();
    private final Set<String> reportedCycles = new HashSet<>();
    private final Set<String> forksLeavingToEnd = new HashSet<>();
    private final Map<String, Optional<String>> decisionAbove = new HashMap<>();
    private final Set<String> reportedOkPaths = new HashSet<>();

    private WorkflowGraphCheck(List<WorkflowNode> nodes, Diagnostics diagnostics) {
        nodes.forEach(n -> this.nodes.putIfAbsent(n.name(), n));
        this.diagnostics = diagnostics;
    }

    static void check(String startTo, List<WorkflowNode> nodes, Diagnostics diagnostics) {
        if (startTo == null) {
            return;
        }
        WorkflowGraphCheck check = new WorkflowGraphCheck(nodes, diagnostics);
        Set<String> reached = new LinkedHashSet<>();
        check.walk(startTo, new ArrayList<>(), reached);
        check.unreachable(reached);
        if (!check.reportedCycles.isEmpty()) {
            return; // fork/join pairing assumes an acyclic graph
        }
        check.pairForksAndJoins(startTo, null, null, true, new HashSet<>());
    }

    /** Every node a transition leaves for, in document order: ok before error, cases before default. */
    static List<String> successors(WorkflowNode node) {
        if (node instanceof ActionNode a) {
            return List.of(a.okTo(), a.errorTo());
        } else if (node instanceof DecisionNode d) {
            List<String> next = new ArrayList<>(d.cases().stream().map(DecisionCase::to).toList());
            next.add(d.defaultTo());
            return next;
        } else if (node instanceof ForkNode f) {
            return f.paths().stream().map(ForkPath::start).toList();
        } else if (node instanceof JoinNode j) {
            return List.of(j.to());
        }
        return List.of();
    }

    /**
     * Depth-first from start; a transition back onto the current path closes a cycle. A node finished
     * earlier is not walked again: an edge into it cannot close a cycle.
     */
    private void walk(String name, List<String> path, Set<String> reached) {
        WorkflowNode node = nodes.get(name);
        if (node == null) {
            return;
        }
        int onPath = path.indexOf(name);
        if (onPath >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
            cycle.add(name);
            WorkflowNode closing = nodes.get(path.get(path.size() - 1));
            if (reportedCycles.add(String.join(">", cycle))) {
                diagnostics.report(DiagnosticCode.OOZ_E016, closing.span(),
                        "cycle in the workflow: " + String.join(" -> ", cycle),
                        "Oozie refuses workflows with loops; re-run through a coordinator instead");
            }
            return;
        }
        if (!reached.add(name)) {
            return;
        }
        path.add(name);
        for (String next : successors(node)) {
            walk(next, path, reached);
        }
        path.remove(path.size() - 1);
    }

    private void unreachable(Set<String> reached) {
        for (WorkflowNode node : nodes.values()) {
            if (!reached.contains(node.name())) {
                diagnostics.report(DiagnosticCode.OOZ_W003, node.span(), kind(node) + " '" + node.name()
                        + "' is not reachable from <start>; it is never run");
            }
        }
    }

    /**
     * Walks from {@code name} while inside {@code fork} (null at top level), as Oozie's validator does: a
     * join ends the walk and is recorded for its fork; once a fork's paths are walked, the joins recorded
     * for it must be exactly one, and the walk goes on after that join. On the "ok" paths, a node other
     * than kill/join/end reached twice must be reached below one and the same decision, otherwise two
     * branches would run it (OOZ-E019). {@code topDecision} is the eldest decision above, null if none.
     */
    private void pairForksAndJoins(String name, ForkNode fork, String topDecision, boolean okPath,
                                   Set<String> visited) {
        WorkflowNode node = nodes.get(name);
        if (node == null) {
            return;
        }
        if (okPath && !(node instanceof KillNode || node instanceof JoinNode || node instanceof EndNode)) {
            checkSingleOkPath(node, topDecision);
        }
        if (!(node instanceof JoinNode || node instanceof EndNode) && !visited.add(name)) {
            return;
        }
        if (node instanceof JoinNode join) {
            joinReached(join, fork);
        } else if (node instanceof EndNode end) {
            if (fork != null && forksLeavingToEnd.add(fork.name())) {
                diagnostics.report(DiagnosticCode.OOZ_E008, fork.span(), "a path of fork '" + fork.name()
                        + "' reaches end '" + end.name() + "' without passing its join");
            }
        } else if (node instanceof ForkNode inner) {
            for (ForkPath path : inner.paths()) {
                pairForksAndJoins(path.start(), inner, topDecision, okPath, visited);
            }
            List<String> joins = forkOfJoin.entrySet().stream()
                    .filter(e -> e.getValue().equals(inner.name())).map(Map.Entry::getKey).sorted().toList();
            if (joins.size() != 1) {
                diagnostics.report(DiagnosticCode.OOZ_E008, inner.span(), joins.isEmpty()
                        ? "fork '" + inner.name() + "' has no matching join: no path reaches a <join>"
                        : "the paths of fork '" + inner.name() + "' end in different joins " + joins
                                + "; they must meet in one");
                return;
            }
            JoinNode join = (JoinNode) nodes.get(joins.get(0));
            pairForksAndJoins(join.to(), fork, topDecision, okPath, visited);
        } else if (node instanceof DecisionNode) {
            String eldest = topDecision == null ? name : topDecision;
            for (String next : successors(node)) {
                pairForksAndJoins(next, fork, eldest, okPath, visited);
            }
        } else if (node instanceof ActionNode action) {
            pairForksAndJoins(action.okTo(), fork, topDecision, okPath, visited);
            pairForksAndJoins(action.errorTo(), fork, topDecision, false, visited);
        }
    }

    private void checkSingleOkPath(WorkflowNode node, String topDecision) {
        Optional<String> earlier = decisionAbove.get(node.name());
        if (earlier == null) {
            decisionAbove.put(node.name(), Optional.ofNullable(topDecision));
        } else if (earlier.isEmpty() || !earlier.get().equals(topDecision)) {
            if (reportedOkPaths.add(node.name())) {
                diagnostics.report(DiagnosticCode.OOZ_E019, node.span(), kind(node) + " '" + node.name()
                        + "' is reached by more than one ok path that no single decision chooses between",
                        "Oozie refuses this; route the paths through a join or a decision");
            }
        }
    }

    private void joinReached(JoinNode join, ForkNode fork) {
        if (fork == null) {
            diagnostics.report(DiagnosticCode.OOZ_E017, join.span(),
                    "join '" + join.name() + "' is reached from outside any fork");
            return;
        }
        String earlier = forkOfJoin.putIfAbsent(join.name(), fork.name());
        if (earlier != null && !earlier.equals(fork.name())) {
            diagnostics.report(DiagnosticCode.OOZ_E017, join.span(), "join '" + join.name()
                    + "' is reached from two forks, '" + earlier + "' and '" + fork.name() + "'");
        }
    }

    private static String kind(WorkflowNode node) {
        if (node instanceof ActionNode) {
            return "action";
        } else if (node instanceof DecisionNode) {
            return "decision";
        } else if (node instanceof ForkNode) {
            return "fork";
        } else if (node instanceof JoinNode) {
            return "join";
        }
        return node instanceof KillNode ? "kill" : "end";
    }
}
