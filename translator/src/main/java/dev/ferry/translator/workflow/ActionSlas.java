package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.EndNode;
import dev.ferry.parser.oozie.KillNode;
import dev.ferry.parser.oozie.SlaInfo;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.parser.oozie.WorkflowNode;
import dev.ferry.translator.el.Template;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Action-level {@code <sla:info>} (SLA 0.1 and 0.2) → {@link ActionSla}: nominal-time, should-start, should-end,
 * max-duration, alert-events, alert-contact and notification-msg, each an EL template. Oozie records START, END
 * and DURATION met/miss for the action and mails the misses alert-events lists; the Ferry runtime records the same
 * events when the action ends. The other SLA 0.1 elements (app-name, dev-contact, alert-frequency...) only fed
 * Oozie's SLA database: each is reported.
 */
final class ActionSlas {

    private static final List<String> TRANSLATED = List.of(
            "nominal-time",
            "should-start",
            "should-end",
            "max-duration",
            "alert-events",
            "alert-contact",
            "notification-msg");

    private ActionSlas() {}

    static SortedMap<String, ActionSla> translate(
            WorkflowApp workflow, Set<String> reachable, OozieEl el, Diagnostics diagnostics) {
        SortedMap<String, ActionSla> slas = new TreeMap<>();
        for (WorkflowNode node : workflow.nodes()) {
            if (node instanceof ActionNode action
                    && reachable.contains(action.name())
                    && action.sla().isPresent()) {
                slas.put(action.name(), translate(action.name(), action.sla().get(), el, diagnostics));
            }
        }
        return slas;
    }

    /**
     * The SLA of a workflow no coordinator schedules (a scheduled one becomes DAG-run deadlines, see
     * {@link SlaDeadlines}): checked by its tasks, started by the start node's target and ended at end or kill.
     */
    static WorkflowSla workflow(WorkflowApp workflow, Set<String> reachable, OozieEl el, Diagnostics diagnostics) {
        List<String> ends = workflow.nodes().stream()
                .filter(n -> n instanceof EndNode && reachable.contains(n.name()))
                .map(WorkflowNode::name)
                .toList();
        List<String> kills = workflow.nodes().stream()
                .filter(n -> n instanceof KillNode && reachable.contains(n.name()))
                .map(WorkflowNode::name)
                .toList();
        return workflow.sla()
                .map(s -> new WorkflowSla(
                        workflow.startTo(), ends, kills, translate(workflow.name(), s, el, diagnostics)))
                .orElse(null);
    }

    private static ActionSla translate(String node, SlaInfo sla, OozieEl el, Diagnostics diagnostics) {
        if (sla.value("nominal-time").isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    sla.span(),
                    "sla:info of '" + node + "' has no nominal-time; Oozie rejects such an SLA, Ferry checks none",
                    "add <sla:nominal-time> (e.g. ${nominal_time} passed by the coordinator)");
        }
        List<String> other = sla.values().keySet().stream()
                .filter(k -> !TRANSLATED.contains(k))
                .toList();
        if (!other.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    sla.span(),
                    "sla:info of '" + node + "': " + String.join(", ", other) + " not translated",
                    "they only fed Oozie's SLA records; the runtime logs START/END/DURATION met or miss");
        }
        return new ActionSla(
                node,
                value(sla, "nominal-time", el),
                value(sla, "should-start", el),
                value(sla, "should-end", el),
                value(sla, "max-duration", el),
                value(sla, "alert-events", el),
                value(sla, "alert-contact", el),
                value(sla, "notification-msg", el));
    }

    private static Template value(SlaInfo sla, String name, OozieEl el) {
        return sla.value(name)
                .map(String::trim)
                .map(v -> el.template(v, sla.span()))
                .orElse(null);
    }
}
