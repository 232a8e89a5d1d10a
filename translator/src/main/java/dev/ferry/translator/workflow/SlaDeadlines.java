package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElExpr;
import dev.ferry.parser.el.ElExpr.Binary;
import dev.ferry.parser.el.ElExpr.Identifier;
import dev.ferry.parser.el.ElExpr.Literal;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElPart.ElExpression;
import dev.ferry.parser.el.ElTemplate;
import dev.ferry.parser.oozie.SlaInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Oozie {@code <sla:info>} (SLA 0.1/0.2) → Airflow 3 deadline alerts (airflow.sdk DeadlineAlert, 3.1+). Oozie's SLA
 * only alerts, it never kills, and so do deadline alerts (dagrun_timeout would fail the run: not used).
 * <ul>
 * <li>should-end (minutes after nominal-time) → deadline on the logical date, which is the nominal time.</li>
 * <li>max-duration (minutes of running) → deadline on queued_at: the run's queueing stands in for the start of
 *     the action, so a run that waits for its input sensors counts that wait too.</li>
 * <li>should-start → deadline alerts only watch the end of a run, so the workflow's first task checks it when it
 *     starts (reference {@link SlaAlert.Reference#FIRST_TASK_START}): a late start is alerted then, not at the deadline.</li>
 * <li>alert-events picks which of these are kept (without it, END_MISS only: Oozie's
 *     oozie.sla.service.SLAService.alert.events default); alert-contact and notification-msg go to the callback.</li>
 * </ul>
 * The times are minutes, with Oozie's SLA constants MINUTES = 1, HOURS = 60, DAYS = 1440.
 */
final class SlaDeadlines {

    /** The events Oozie alerts when alert-events is absent (oozie-default.xml, SLAService.alert.events). */
    static final String DEFAULT_ALERT_EVENTS = "end_miss";

    private static final Map<String, Integer> UNITS = Map.of("MINUTES", 1, "HOURS", 60, "DAYS", 1440);

    private SlaDeadlines() {}

    /** A coordinator's (or scheduled workflow's) SLA as deadlines of the DAG run. */
    static List<SlaAlert> translate(SlaInfo sla, Map<String, String> known, Diagnostics diagnostics) {
        List<SlaAlert> alerts = new ArrayList<>();
        String events = sla.value("alert-events")
                .flatMap(v -> CoordinatorSchedule.resolve(v, known))
                .orElse(DEFAULT_ALERT_EVENTS)
                .toLowerCase(Locale.ROOT);
        Set<String> wanted = Set.of(events.replace(" ", "").split(","));
        String contact = sla.value("alert-contact")
                .flatMap(v -> CoordinatorSchedule.resolve(v, known))
                .orElse("");
        String message = sla.value("notification-msg")
                .flatMap(v -> CoordinatorSchedule.resolve(v, known))
                .orElse("");
        String nominal = sla.value("nominal-time").orElse("").replace(" ", "");
        if (!nominal.isEmpty() && !nominal.equals("${coord:nominalTime()}") && !nominal.equals("${nominalTime}")) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    sla.span(),
                    "sla nominal-time '" + nominal
                            + "' is not the coordinator's nominal time; the deadlines count from the run's logical date instead");
        }
        minutes(sla.value("should-start"), "should-start", sla.span(), known, diagnostics)
                .filter(m -> wanted.contains("start_miss"))
                .ifPresent(m -> alerts.add(new SlaAlert(
                        SlaAlert.Event.START_MISS, SlaAlert.Reference.FIRST_TASK_START, m, contact, message)));
        minutes(sla.value("should-end"), "should-end", sla.span(), known, diagnostics)
                .filter(m -> wanted.contains("end_miss"))
                .ifPresent(m -> alerts.add(new SlaAlert(
                        SlaAlert.Event.END_MISS, SlaAlert.Reference.DAGRUN_LOGICAL_DATE, m, contact, message)));
        minutes(sla.value("max-duration"), "max-duration", sla.span(), known, diagnostics)
                .filter(m -> wanted.contains("duration_miss"))
                .ifPresent(m -> alerts.add(new SlaAlert(
                        SlaAlert.Event.DURATION_MISS, SlaAlert.Reference.DAGRUN_QUEUED_AT, m, contact, message)));
        for (String other : List.of("upstream-apps", "alert-frequency", "alert-percentage", "notification-msg")) {
            if (sla.value(other).isPresent() && !other.equals("notification-msg")) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        sla.span(),
                        "sla " + other + " is not translated",
                        "Airflow deadline alerts have no " + other);
            }
        }
        return alerts;
    }

    private static Optional<Integer> minutes(
            Optional<String> text, String what, SourceSpan span, Map<String, String> known, Diagnostics diagnostics) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> value = evaluate(text.get().trim(), known, 0);
        if (value.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    span,
                    "sla " + what + " '" + text.get().trim()
                            + "' is not a number of minutes known at conversion time; no deadline alert for it",
                    "TODO: add the DeadlineAlert by hand");
        }
        return value;
    }

    private static Optional<Integer> evaluate(String text, Map<String, String> known, int depth) {
        if (text.matches("-?\\d+")) {
            return Optional.of(Integer.parseInt(text));
        }
        if (depth > 8) {
            return Optional.empty();
        }
        Optional<ElTemplate> template = ElParser.parse(text, SourceSpan.file("sla"), new Diagnostics());
        if (template.isEmpty()
                || template.get().parts().size() != 1
                || !(template.get().parts().get(0) instanceof ElExpression e)) {
            return Optional.empty();
        }
        return value(e.expr(), known, depth);
    }

    private static Optional<Integer> value(ElExpr expr, Map<String, String> known, int depth) {
        if (expr instanceof Literal l && l.kind() == Literal.Kind.INTEGER) {
            return Optional.of(Integer.parseInt(l.value()));
        }
        if (expr instanceof Identifier id) {
            if (UNITS.containsKey(id.name())) {
                return Optional.of(UNITS.get(id.name()));
            }
            return Optional.ofNullable(known.get(id.name())).flatMap(v -> evaluate(v.trim(), known, depth + 1));
        }
        if (expr instanceof Binary b) {
            Optional<Integer> left = value(b.left(), known, depth);
            Optional<Integer> right = value(b.right(), known, depth);
            if (left.isEmpty() || right.isEmpty()) {
                return Optional.empty();
            }
            return switch (b.op()) {
                case MULTIPLY -> Optional.of(left.get() * right.get());
                case ADD -> Optional.of(left.get() + right.get());
                case SUBTRACT -> Optional.of(left.get() - right.get());
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}
