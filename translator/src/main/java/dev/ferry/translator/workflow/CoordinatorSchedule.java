package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.Controls;
import dev.ferry.parser.oozie.CoordinatorApp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinator's frequency, start, end and controls → an Airflow schedule. Oozie materialises
 * the instance for nominal time T at T, so the cron fires at the start time's minute and hour.
 */
final class CoordinatorSchedule {

    private static final Pattern EL_FREQUENCY = Pattern.compile("\\$\\{\\s*coord:(minutes|hours|days|months)\\(\\s*(\\d+)\\s*\\)\\s*}");

    /** Oozie's UTC datetime, {@code 2026-01-15T02:00Z} (seconds and other offsets accepted too). */
    private static final DateTimeFormatter OOZIE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]X");

    private CoordinatorSchedule() {}

    static WorkflowPlan.Schedule translate(CoordinatorApp coordinator, Diagnostics diagnostics) {
        Instant start = instant(coordinator.start(), coordinator, "start", diagnostics);
        Instant end = coordinator.end() == null ? null : instant(coordinator.end(), coordinator, "end", diagnostics);
        String timezone = coordinator.timezone() == null ? "UTC" : coordinator.timezone();
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (RuntimeException e) {
            diagnostics.report(DiagnosticCode.OOZ_E010, coordinator.span(), "unknown timezone '" + timezone + "'");
            return null;
        }
        if (start == null) {
            return null;
        }
        String cron = cron(coordinator.frequency().trim(), start.atZone(zone), coordinator, diagnostics);
        if (cron == null) {
            return null;
        }
        Integer maxActiveRuns = null;
        Controls controls = coordinator.controls();
        if (controls != null) {
            if (controls.concurrency() != null) {
                maxActiveRuns = parsePositive(controls.concurrency());
            }
            if (controls.timeout() != null || controls.execution() != null || controls.throttle() != null) {
                diagnostics.report(DiagnosticCode.OOZ_W001, controls.span(),
                        "coordinator controls timeout/execution/throttle are not translated yet"
                                + " (timeout=" + controls.timeout() + ", execution=" + controls.execution()
                                + ", throttle=" + controls.throttle() + ")",
                        "Airflow runs queued DAG runs oldest first, which matches FIFO; set dagrun_timeout by hand if needed");
            }
        }
        if (!coordinator.datasets().isEmpty() || !coordinator.inputEvents().isEmpty() || !coordinator.outputEvents().isEmpty()) {
            diagnostics.report(DiagnosticCode.OOZ_W001, coordinator.span(),
                    "datasets and input/output events are not translated yet: runs start on time without waiting for data",
                    "add a sensor on the input's done-flag before the first task");
        }
        return new WorkflowPlan.Schedule(cron, timezone, start, end, maxActiveRuns, coordinator.frequency(), coordinator.span());
    }

    private static String cron(String frequency, ZonedDateTime start, CoordinatorApp coordinator, Diagnostics diagnostics) {
        String unit;
        int amount;
        Matcher m = EL_FREQUENCY.matcher(frequency);
        if (m.matches()) {
            unit = m.group(1);
            amount = Integer.parseInt(m.group(2));
        } else if (frequency.matches("\\d+")) {
            unit = "minutes";
            amount = Integer.parseInt(frequency);
        } else {
            diagnostics.report(DiagnosticCode.OOZ_E010, coordinator.span(),
                    "coordinator frequency '" + frequency + "' is not translated yet",
                    "coord:days/hours/minutes/months(n) and plain minutes are");
            return null;
        }
        int minute = start.getMinute();
        int hour = start.getHour();
        String cron = switch (unit) {
            case "minutes" -> amount % 60 == 0 && 24 * 60 % amount == 0
                    ? cronHours(amount / 60, minute, hour)
                    : 60 % amount == 0 ? (minute % amount) + "-59/" + amount + " * * * *" : null;
            case "hours" -> 24 % amount == 0 ? cronHours(amount, minute, hour) : null;
            case "days" -> amount == 1 ? minute + " " + hour + " * * *" : null;
            case "months" -> amount == 1 ? minute + " " + hour + " " + start.getDayOfMonth() + " * *" : null;
            default -> null;
        };
        if (cron == null) {
            diagnostics.report(DiagnosticCode.OOZ_E010, coordinator.span(),
                    "coordinator frequency '" + frequency + "' does not divide a day or month evenly; not translated yet");
        }
        return cron;
    }

    private static String cronHours(int every, int minute, int hour) {
        return every == 1 ? minute + " * * * *" : minute + " " + (hour % every) + "-23/" + every + " * * *";
    }

    private static Instant instant(String text, CoordinatorApp coordinator, String what, Diagnostics diagnostics) {
        try {
            return OOZIE_TIME.parse(text.trim(), Instant::from);
        } catch (DateTimeParseException e) {
            diagnostics.report(DiagnosticCode.OOZ_E010, coordinator.span(),
                    "coordinator " + what + " '" + text + "' is not an Oozie UTC time like 2026-01-15T02:00Z");
            return null;
        }
    }

    private static Integer parsePositive(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
