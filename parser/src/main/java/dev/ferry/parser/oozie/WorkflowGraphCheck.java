package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
        check.walk(startTo, reached);
        check.unreachable(reached);
        if (!check.reportedCycles.isEmpty()) {
            return; // fork/join pairing assumes an acyclic graph
        }
        check.pairForksAndJoins(startTo);
    }

    /** Every node a transition leaves for, in document order: ok before error, cases before default. */
    static List<String> successors(WorkflowNode node) {
        if (node instanceof ActionNode a) {
            return List.of(a.okTo(), a.errorTo());
        } else if (node instanceof DecisionNode d) {
            List<String> next =
                    new ArrayList<>(d.cases().stream().map(DecisionCase::to).toList());
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
     * Depth-first from start, with an explicit stack (a long chain of actions must not overflow the JVM's);
     * a transition back onto the current path closes a cycle. A node finished earlier is not walked again:
     * an edge into it cannot close a cycle.
     */
    private void walk(String start, Set<String> reached) {
        if (!nodes.containsKey(start)) {
            return;
        }
        List<String> path = new ArrayList<>();
        Map<String, Integer> onPath = new HashMap<>();
        Deque<Iterator<String>> pending = new ArrayDeque<>();
        enter(start, path, onPath, pending, reached);
        while (!pending.isEmpty()) {
            Iterator<String> successors = pending.peek();
            if (!successors.hasNext()) {
                pending.pop();
                onPath.remove(path.remove(path.size() - 1));
                continue;
            }
            String next = successors.next();
            Integer at = onPath.get(next);
            if (at != null) {
                reportCycle(path.subList(at, path.size()), next);
            } else if (nodes.containsKey(next) && !reached.contains(next)) {
                enter(next, path, onPath, pending, reached);
            }
        }
    }

    private void enter(
            String name,
            List<String> path,
            Map<String, Integer> onPath,
            Deque<Iterator<String>> pending,
            Set<String> reached) {
        reached.add(name);
        onPath.put(name, path.size());
        path.add(name);
        pending.push(successors(nodes.get(name)).iterator());
    }

    private void reportCycle(List<String> loop, String back) {
        List<String> cycle = new ArrayList<>(loop);
        cycle.add(back);
        WorkflowNode closing = nodes.get(loop.get(loop.size() - 1));
        if (reportedCycles.add(String.join(">", cycle))) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E016,
                    closing.span(),
                    "cycle in the workflow: " + String.join(" -> ", cycle),
                    "Oozie refuses workflows with loops; re-run through a coordinator instead");
        }
    }

    private void unreachable(Set<String> reached) {
        for (WorkflowNode node : nodes.values()) {
            if (!reached.contains(node.name())) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W003,
                        node.span(),
                        kind(node) + " '" + node.name() + "' is not reachable from <start>; it is never run");
            }
        }
    }

    /** One step of the fork/join walk: visit a node, or settle a fork once all its paths are walked. */
    private sealed interface Step permits Visit, SettleFork {}

    /** {@code topDecision} is the eldest decision above, null if none; {@code fork} the innermost, or null. */
    private record Visit(String name, ForkNode fork, String topDecision, boolean okPath) implements Step {}

    private record SettleFork(ForkNode inner, ForkNode fork, String topDecision, boolean okPath) implements Step {}

    /**
     * Walks from start as Oozie's validator does, with an explicit stack in the recursion's order: a join
     * ends a path and is recorded for its fork; once a fork's paths are walked, the joins recorded for it
     * must be exactly one, and the walk goes on after that join. On the "ok" paths, a node other than
     * kill/join/end reached twice must be reached below one and the same decision, otherwise two branches
     * would run it (OOZ-E019).
     */
    private void pairForksAndJoins(String startTo) {
        Set<String> visited = new HashSet<>();
        Deque<Step> todo = new ArrayDeque<>();
        todo.push(new Visit(startTo, null, null, true));
        while (!todo.isEmpty()) {
            Step step = todo.pop();
            if (step instanceof SettleFork settle) {
                settle(settle, todo);
            } else {
                visit((Visit) step, visited, todo);
            }
        }
    }

    private void visit(Visit step, Set<String> visited, Deque<Step> todo) {
        WorkflowNode node = nodes.get(step.name());
        if (node == null) {
            return;
        }
        if (step.okPath() && !(node instanceof KillNode || node instanceof JoinNode || node instanceof EndNode)) {
            checkSingleOkPath(node, step.topDecision());
        }
        if (!(node instanceof JoinNode || node instanceof EndNode) && !visited.add(step.name())) {
            return;
        }
        ForkNode fork = step.fork();
        if (node instanceof JoinNode join) {
            joinReached(join, fork);
        } else if (node instanceof EndNode end) {
            if (fork != null && forksLeavingToEnd.add(fork.name())) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E008,
                        fork.span(),
                        "a path of fork '" + fork.name() + "' reaches end '" + end.name()
                                + "' without passing its join");
            }
        } else if (node instanceof ForkNode inner) {
            todo.push(new SettleFork(inner, fork, step.topDecision(), step.okPath()));
            pushReversed(
                    todo,
                    inner.paths().stream()
                            .map(p -> (Step) new Visit(p.start(), inner, step.topDecision(), step.okPath()))
                            .toList());
        } else if (node instanceof DecisionNode) {
            String eldest = step.topDecision() == null ? node.name() : step.topDecision();
            pushReversed(
                    todo,
                    successors(node).stream()
                            .map(next -> (Step) new Visit(next, fork, eldest, step.okPath()))
                            .toList());
        } else if (node instanceof ActionNode action) {
            todo.push(new Visit(action.errorTo(), fork, step.topDecision(), false));
            todo.push(new Visit(action.okTo(), fork, step.topDecision(), step.okPath()));
        }
    }

    private void settle(SettleFork step, Deque<Step> todo) {
        ForkNode inner = step.inner();
        List<String> joins = forkOfJoin.entrySet().stream()
                .filter(e -> e.getValue().equals(inner.name()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (joins.size() != 1) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E008,
                    inner.span(),
                    joins.isEmpty()
                            ? "fork '" + inner.name() + "' has no matching join: no path reaches a <join>"
                            : "the paths of fork '" + inner.name() + "' end in different joins " + joins
                                    + "; they must meet in one");
            return;
        }
        JoinNode join = (JoinNode) nodes.get(joins.get(0));
        todo.push(new Visit(join.to(), step.fork(), step.topDecision(), step.okPath()));
    }

    /** Pushes so that the first step is taken first. */
    private static void pushReversed(Deque<Step> todo, List<Step> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            todo.push(steps.get(i));
        }
    }

    private void checkSingleOkPath(WorkflowNode node, String topDecision) {
        Optional<String> earlier = decisionAbove.get(node.name());
        if (earlier == null) {
            decisionAbove.put(node.name(), Optional.ofNullable(topDecision));
        } else if (earlier.isEmpty() || !earlier.get().equals(topDecision)) {
            if (reportedOkPaths.add(node.name())) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E019,
                        node.span(),
                        kind(node) + " '" + node.name()
                                + "' is reached by more than one ok path that no single decision chooses between",
                        "Oozie refuses this; route the paths through a join or a decision");
            }
        }
    }

    private void joinReached(JoinNode join, ForkNode fork) {
        if (fork == null) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E017,
                    join.span(),
                    "join '" + join.name() + "' is reached from outside any fork");
            return;
        }
        String earlier = forkOfJoin.putIfAbsent(join.name(), fork.name());
        if (earlier != null && !earlier.equals(fork.name())) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E017,
                    join.span(),
                    "join '" + join.name() + "' is reached from two forks, '" + earlier + "' and '" + fork.name()
                            + "'");
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
