package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElExpr;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElPart;
import dev.ferry.parser.el.ElTemplate;
import dev.ferry.parser.oozie.Controls;
import dev.ferry.parser.oozie.CoordinatorApp;
import dev.ferry.parser.oozie.Dataset;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.translator.el.ElConstantFolder;
import dev.ferry.translator.el.ElLowering;
import dev.ferry.translator.el.Template;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinator's frequency, start, end, timezone and controls → an Airflow schedule with Oozie's semantics.
 * Oozie materialises the action for nominal time T at T (start + k × frequency, while before end), so the DAG
 * uses trigger timetables: a cron where the frequency divides an hour, a day or a year evenly, else "every n
 * units from start". Minutes and hours are absolute time (the cron is written in UTC); days and months are
 * calendar units in the coordinator's timezone (the cron is written in that timezone, so the wall-clock time
 * stays across DST as Oozie's does); an Oozie cron frequency is evaluated in UTC, as Oozie does.
 */
public final class CoordinatorSchedule {

    /** Oozie's UTC datetime, {@code 2026-01-15T02:00Z} (seconds and other offsets accepted too). */
    private static final DateTimeFormatter OOZIE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]X");

    /** oozie-default.xml oozie.service.coord.normal.default.timeout: minutes a run waits for data without a {@code <timeout>}. */
    static final int DEFAULT_TIMEOUT_MINUTES = 120;

    /**
     * What a sensor waits at most when Oozie would wait forever ({@code <timeout>-1</timeout>}, or a negative
     * value): 7 days, with a warning (OOZ-W031). A run that never finds its data fails visibly instead of
     * holding a worker slot and a max_active_runs slot for ever.
     */
    public static final int FOREVER_TIMEOUT_MINUTES = 7 * 24 * 60;

    /** Oozie's default {@code <concurrency>}. */
    static final int DEFAULT_CONCURRENCY = 1;

    private static final Pattern GMT_OFFSET_WITHOUT_COLON = Pattern.compile("^GMT([-+])(\\d{2})(\\d{2})$");

    /** How many properties that are only {@code ${other}} a submission-time date may go through. */
    private static final int MAX_PROPERTY_CHAIN = 16;

    private CoordinatorSchedule() {}

    /** The trigger and the first nominal time (start, moved to the end of its day/week/month for coord:endOf*). */
    public record Timing(Trigger trigger, Instant firstNominal) {}

    /**
     * @param known      the properties the coordinator's EL may use (job.properties, defaults, bundle configuration)
     * @param datasets   datasets of the coordinator's {@code <include>} files
     * @param startNode  the workflow's first node (the input sensors run before it)
     */
    public static WorkflowPlan.Schedule translate(
            CoordinatorApp coordinator,
            Map<String, String> known,
            List<Dataset> datasets,
            String startNode,
            Diagnostics diagnostics) {
        SourceSpan span = coordinator.span();
        List<String> notes = new ArrayList<>();
        Optional<String> startProperty = submissionProperty(coordinator.start(), known);
        Optional<Instant> start = startProperty.isPresent()
                ? Optional.of(WorkflowPlan.UNSCHEDULED_START_DATE)
                : time(coordinator.start(), "start", span, known, diagnostics);
        Optional<String> endProperty = submissionProperty(coordinator.end(), known);
        Optional<Instant> end = endProperty.isPresent()
                ? Optional.empty() // the DAG has no end_date
                : time(coordinator.end(), "end", span, known, diagnostics);
        startProperty.ifPresent(name -> {
            diagnostics.report(
                    DiagnosticCode.OOZ_W032,
                    span,
                    "coordinator start '" + coordinator.start().trim() + "' is the property '" + name
                            + "', given when the coordinator is submitted (oozie job -D" + name
                            + "=... or a properties file the repository does not hold): the DAG is written paused,"
                            + " its start_date the placeholder " + WorkflowPlan.UNSCHEDULED_START_DATE,
                    "set start_date in the DAG to the start the coordinator is submitted with before unpausing it, or"
                            + " add " + name + "=... to the submission's properties file and convert again");
            notes.add("start is given at submission (" + name + "): set start_date before unpausing this DAG");
        });
        endProperty.ifPresent(name -> {
            diagnostics.report(
                    DiagnosticCode.OOZ_W032,
                    span,
                    "coordinator end '" + coordinator.end().trim() + "' is the property '" + name
                            + "', given when the coordinator is submitted: the DAG is written without an end_date",
                    "set end_date in the DAG if the coordinator is submitted with an end, or add " + name
                            + "=... to the submission's properties file and convert again");
            notes.add("end is given at submission (" + name + "): no end_date");
        });
        String timezone = resolve(coordinator.timezone(), known)
                .orElse(coordinator.timezone())
                .trim();
        Optional<ZoneId> zone = zone(timezone);
        if (zone.isEmpty()) {
            diagnostics.report(DiagnosticCode.OOZ_E010, span, "unknown timezone '" + timezone + "'");
        } else if (!namedForPython(zone.get())) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E010,
                    span,
                    "timezone '" + timezone + "' is a fixed offset of no whole hours, which no IANA time zone has:"
                            + " Airflow's timetables cannot use it",
                    "name the region whose time it is (Asia/Kolkata for GMT+05:30)");
            zone = Optional.empty();
        }
        String frequency = resolve(coordinator.frequency(), known)
                .filter(OozieCron::looksLikeCron)
                .orElse(coordinator.frequency())
                .trim();
        if (start.isEmpty() || (end.isEmpty() && endProperty.isEmpty()) || zone.isEmpty()) {
            return null;
        }
        Optional<String> frequencyProperty = submissionFrequency(coordinator.frequency(), known);
        frequencyProperty.ifPresent(name -> {
            diagnostics.report(
                    DiagnosticCode.OOZ_W032,
                    span,
                    "coordinator frequency '" + coordinator.frequency().trim() + "' needs the property '" + name
                            + "', given when the coordinator is submitted (oozie job -D" + name
                            + "=... or a properties file the repository does not hold): the DAG is written paused"
                            + " with no schedule of its own (schedule=None), it runs only when triggered",
                    "set the DAG's schedule to the frequency the coordinator is submitted with before unpausing it, or"
                            + " add " + name + "=... to the submission's properties file and convert again");
            notes.add(
                    "frequency is given at submission (" + name + "): no schedule, set one before unpausing this DAG");
        });
        Optional<Timing> timing = frequencyProperty.isPresent()
                ? Optional.of(new Timing(new Trigger.Manual(frequencyProperty.get()), start.get()))
                : timing(frequency, known, start.get(), zone.get(), notes, span, diagnostics);
        if (timing.isEmpty()) {
            return null;
        }
        Controls controls = coordinator.controls();
        Integer maxActiveRuns = DEFAULT_CONCURRENCY;
        Integer timeout = DEFAULT_TIMEOUT_MINUTES;
        boolean catchup = true;
        if (controls != null) {
            if (controls.concurrency() != null) {
                Optional<Integer> concurrency = integer(controls.concurrency(), known);
                maxActiveRuns = concurrency.filter(c -> c > 0).orElse(null);
                if (concurrency.isEmpty()) {
                    diagnostics.report(
                            DiagnosticCode.OOZ_E011,
                            controls.span(),
                            "concurrency '" + controls.concurrency() + "' is not an integer");
                } else if (concurrency.get() <= 0) {
                    notes.add("concurrency " + concurrency.get()
                            + " (unlimited): Airflow's max_active_runs_per_dag applies");
                }
            }
            if (controls.timeout() != null) {
                Optional<Integer> minutes = integer(controls.timeout(), known);
                if (minutes.isEmpty()) {
                    diagnostics.report(
                            DiagnosticCode.OOZ_E011,
                            controls.span(),
                            "timeout '" + controls.timeout() + "' is not a number of minutes");
                }
                timeout = minutes.filter(m -> m >= 0).orElse(FOREVER_TIMEOUT_MINUTES);
                if (minutes.isPresent()
                        && minutes.get() < 0
                        && !coordinator.inputEvents().isEmpty()) {
                    diagnostics.report(
                            DiagnosticCode.OOZ_W031,
                            controls.span(),
                            "timeout " + minutes.get()
                                    + " makes Oozie wait for the input data forever; the sensors give up after "
                                    + FOREVER_TIMEOUT_MINUTES + " minutes (7 days) and fail the run",
                            "set a <timeout> in minutes, or raise the sensors' timeout in the DAG if a longer wait is wanted");
                }
            }
            catchup = execution(controls, known, notes, diagnostics);
            if (controls.throttle() != null) {
                throttle(controls, known, maxActiveRuns, diagnostics);
            }
        }
        if (frequencyProperty.isPresent()) {
            catchup = false; // a DAG without a schedule has no past runs to catch up
        }
        CoordinatorData data =
                CoordinatorDatasets.translate(coordinator, datasets, known, startNode, timeout, diagnostics);
        if (!data.inputs().isEmpty() && maxActiveRuns != null) {
            notes.add("runs waiting at their input sensor count against max_active_runs=" + maxActiveRuns
                    + ": Oozie's concurrency counts running actions only, the waiting ones are bounded by throttle");
        }
        List<SlaAlert> deadlines = coordinator
                .sla()
                .map(s -> SlaDeadlines.translate(s, known, diagnostics))
                .orElse(List.of());
        return new WorkflowPlan.Schedule(
                timing.get().trigger(),
                timing.get().firstNominal(),
                end.orElse(null),
                maxActiveRuns,
                catchup,
                startProperty.isPresent() || frequencyProperty.isPresent(),
                deadlines,
                coordinator.frequency(),
                data,
                List.of(),
                notes,
                span);
    }

    /**
     * The schedule of {@code sources}' coordinator: its EL sees the DAG params (job.properties over
     * config-default.xml over the workflow's parameter defaults) over the coordinator's own parameter defaults;
     * a workflow-level sla:info adds its deadlines to the coordinator's.
     */
    static WorkflowPlan.Schedule translate(
            WorkflowSources sources, Map<String, String> params, Diagnostics diagnostics) {
        CoordinatorApp coordinator = sources.coordinator();
        Map<String, String> known = new java.util.TreeMap<>();
        coordinator.parameters().stream().filter(p -> p.value() != null).forEach(p -> known.put(p.name(), p.value()));
        known.putAll(sources.jobProperties());
        known.putAll(params);
        List<Dataset> included = new ArrayList<>();
        java.nio.file.Path coordinatorFile = sources.repoRoot().resolve(coordinator.file());
        for (String include : coordinator.datasetIncludes()) {
            Optional<java.nio.file.Path> file = AppPaths.resolve(
                    include,
                    known,
                    sources.repoRoot(),
                    coordinatorFile.getParent(),
                    "datasets.xml",
                    coordinator.span(),
                    diagnostics);
            if (file.isEmpty()) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        coordinator.span(),
                        "dataset include '" + include + "' is not found in the repository; its datasets are missing",
                        "copy the file into the repository");
                continue;
            }
            dev.ferry.parser.oozie.OozieReader.readDatasets(file.get(), sources.display(file.get()), diagnostics)
                    .ifPresent(included::addAll);
        }
        WorkflowPlan.Schedule schedule =
                translate(coordinator, known, included, sources.workflow().startTo(), diagnostics);
        if (schedule == null) {
            return null;
        }
        List<SlaAlert> deadlines = new ArrayList<>(schedule.deadlines());
        // The workflow's own SLA usually repeats the coordinator's: one alert per distinct deadline.
        sources.workflow()
                .sla()
                .ifPresent(sla -> SlaDeadlines.translate(sla, known, diagnostics).stream()
                        .filter(alert -> !deadlines.contains(alert))
                        .forEach(deadlines::add));
        CoordinatorData data = defaultFileSystem(sources.workflow(), coordinator.span(), diagnostics)
                .map(fs -> schedule.data().withDefaultFs(fs))
                .orElse(schedule.data());
        return new WorkflowPlan.Schedule(
                schedule.trigger(),
                schedule.start(),
                schedule.endExclusive(),
                schedule.maxActiveRuns(),
                schedule.catchup(),
                schedule.pausedOnCreation(),
                deadlines,
                schedule.oozieFrequency(),
                data,
                schedule.tags(),
                schedule.notes(),
                schedule.span());
    }

    /** The trigger for a frequency from a start time (public for the unit tests' tables). */
    public static Optional<Timing> timing(
            String frequency,
            Map<String, String> known,
            Instant start,
            ZoneId zone,
            List<String> notes,
            SourceSpan span,
            Diagnostics diagnostics) {
        if (OozieCron.looksLikeCron(frequency)) {
            StringBuilder reason = new StringBuilder();
            Optional<String> cron = OozieCron.toUnix(frequency, reason);
            if (cron.isEmpty()) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E010,
                        span,
                        "coordinator cron frequency '" + frequency + "' cannot be translated: " + reason);
                return Optional.empty();
            }
            if (!zone.equals(ZoneOffset.UTC) && !zone.getId().equals("UTC")) {
                notes.add("Oozie evaluates cron frequencies in UTC, not in the coordinator's timezone " + zone.getId());
            }
            return Optional.of(new Timing(new Trigger.Cron(cron.get(), "UTC"), start));
        }
        Optional<OozieFrequency> parsed = OozieFrequency.parse(frequency, known);
        if (parsed.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E010,
                    span,
                    "coordinator frequency '" + frequency + "' is not understood",
                    "coord:minutes/hours/days/months/endOfDays/endOfWeeks/endOfMonths(n), minutes, or a cron");
            return Optional.empty();
        }
        OozieFrequency f = parsed.get();
        ZonedDateTime local = start.atZone(zone);
        if (f.endOf()) {
            local = moveToEnd(local, f.unit());
        }
        int n = f.amount();
        String zoneId = zone.getId();
        Trigger trigger = switch (f.unit()) {
            case "minute" -> minutes(n, start.atZone(ZoneOffset.UTC));
            case "day" ->
                n == 1
                        ? new Trigger.Cron(local.getMinute() + " " + local.getHour() + " * * *", zoneId)
                        : everyDays(n, zone, notes);
            case "week" -> n == 1 ? new Trigger.Cron("0 0 * * 0", zoneId) : everyDays(7 * n, zone, notes);
            default -> months(n, local, notes);
        };
        return Optional.of(new Timing(trigger, local.toInstant()));
    }

    private static Trigger minutes(int n, ZonedDateTime utc) {
        int minute = utc.getMinute();
        if (n < 60 && 60 % n == 0) {
            return new Trigger.Cron((n == 1 ? "*" : (minute % n) + "-59/" + n) + " * * * *", "UTC");
        }
        if (n % 60 == 0 && 1440 % n == 0) {
            int hours = n / 60;
            String hourField = hours == 1
                    ? "*"
                    : hours == 24 ? Integer.toString(utc.getHour()) : (utc.getHour() % hours) + "-23/" + hours;
            return new Trigger.Cron(minute + " " + hourField + " * * *", "UTC");
        }
        return new Trigger.Every(n, Trigger.Unit.MINUTES);
    }

    private static Trigger everyDays(int n, ZoneId zone, List<String> notes) {
        if (!zone.getRules().isFixedOffset()) {
            notes.add("every " + n + " days: Airflow adds " + n + " x 24 hours; Oozie keeps the wall-clock time in "
                    + zone.getId() + " across DST changes");
        }
        return new Trigger.Every(n, Trigger.Unit.DAYS);
    }

    private static Trigger months(int n, ZonedDateTime local, List<String> notes) {
        if (local.getDayOfMonth() > 28) {
            notes.add("day " + local.getDayOfMonth() + " of the month: Oozie moves it to the month's last day in"
                    + " shorter months, a cron skips those months");
        }
        if (12 % n == 0) {
            String monthField = n == 1 ? "*" : ((local.getMonthValue() - 1) % n + 1) + "-12/" + n;
            return new Trigger.Cron(
                    local.getMinute() + " " + local.getHour() + " " + local.getDayOfMonth() + " " + monthField + " *",
                    local.getZone().getId());
        }
        return new Trigger.Every(n, Trigger.Unit.MONTHS);
    }

    /**
     * Oozie's DateUtils.moveToEnd: the start of the next day, week (Sunday, the first day of Oozie's default
     * locale) or month — always the next one, even when the time already is at midnight.
     */
    static ZonedDateTime moveToEnd(ZonedDateTime t, String unit) {
        ZonedDateTime day = t.truncatedTo(ChronoUnit.DAYS);
        return switch (unit) {
            case "day" -> day.plusDays(1);
            case "week" ->
                day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).plusWeeks(1);
            default -> day.withDayOfMonth(1).plusMonths(1);
        };
    }

    /**
     * throttle: how many actions may be WAITING (materialized, inputs not ready) besides the RUNNING ones that
     * concurrency bounds. No sound mapping: max_active_runs (= concurrency) counts the runs waiting at their
     * sensors too; raising it to concurrency + throttle would let that many runs past their sensors, since nothing
     * in Airflow bounds runs past a task (pools and max_active_tis_per_dag count task instances); and
     * max_active_tis_per_dag on the sensor counts RUNNING, QUEUED and DEFERRED task instances, not a reschedule-mode
     * sensor between pokes (UP_FOR_RESCHEDULE), so it would not bound the waiting runs.
     */
    private static void throttle(
            Controls controls, Map<String, String> known, Integer maxActiveRuns, Diagnostics diagnostics) {
        Optional<Integer> throttle = integer(controls.throttle(), known);
        if (throttle.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E011,
                    controls.span(),
                    "throttle '" + controls.throttle() + "' is not an integer");
            return;
        }
        String bound = maxActiveRuns == null ? "unbounded runs" : "max_active_runs=" + maxActiveRuns;
        String effect = maxActiveRuns != null && throttle.get() >= maxActiveRuns
                ? "Airflow never has more runs waiting than that, but a waiting run takes a slot that Oozie keeps"
                        + " for running actions, so a later run whose data is there waits behind it"
                : "more than " + throttle.get() + " runs may wait for data at once";
        diagnostics.report(
                DiagnosticCode.OOZ_W001,
                controls.span(),
                "throttle " + throttle.get()
                        + " (actions waiting for data besides the running ones) is not translated: " + bound
                        + " counts the runs waiting at their input sensors; " + effect,
                "Airflow bounds runs in progress only; raise <concurrency> if waiting runs must not hold back ready ones");
    }

    /** execution: FIFO is Airflow's order; LAST_ONLY/NONE turn catchup off (closest); LIFO is reported. */
    private static boolean execution(
            Controls controls, Map<String, String> known, List<String> notes, Diagnostics diagnostics) {
        if (controls.execution() == null) {
            return true;
        }
        String execution = resolve(controls.execution(), known)
                .orElse(controls.execution())
                .trim()
                .toUpperCase(Locale.ROOT);
        switch (execution) {
            case "FIFO" -> {
                return true;
            }
            case "LAST_ONLY" -> {
                notes.add("execution LAST_ONLY: catchup=False creates only the latest missed run; Oozie also"
                        + " materialises the older ones and marks them SKIPPED");
                return false;
            }
            case "NONE" -> {
                notes.add("execution NONE: catchup=False never creates runs whose time has passed; Oozie skips"
                        + " actions later than their nominal time by more than one minute");
                return false;
            }
            case "LIFO" -> {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        controls.span(),
                        "execution LIFO is not translated:"
                                + " Airflow starts a DAG's queued runs oldest first (the scheduler orders them by run_after)"
                                + " and has no setting to reverse that; priority_weight orders task instances, not runs",
                        "TODO: no Airflow equivalent; trigger the newest run by hand to run it first");
                return true;
            }
            default -> {
                diagnostics.report(
                        DiagnosticCode.OOZ_E011,
                        controls.span(),
                        "execution '" + controls.execution() + "' is not FIFO, LIFO, LAST_ONLY or NONE");
                return true;
            }
        }
    }

    private static Optional<Instant> time(
            String text, String what, SourceSpan span, Map<String, String> known, Diagnostics diagnostics) {
        Optional<Instant> time = resolve(text, known).flatMap(CoordinatorSchedule::oozieTime);
        if (time.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E010,
                    span,
                    "coordinator " + what + " '" + text
                            + "' is not an Oozie UTC time like 2026-01-15T02:00Z (after resolving job.properties)");
        }
        return time;
    }

    /**
     * The property a coordinator date is when it is nothing but a property no file of the repository defines
     * ({@code start="${start}"}, also through properties that are themselves {@code ${other}}): teams give it when
     * they submit ({@code oozie job -Dstart=...}), so the repository cannot know it. Empty for any other value.
     */
    static Optional<String> submissionProperty(String text, Map<String, String> known) {
        String value = text;
        Set<String> seen = new HashSet<>();
        for (int depth = 0; value != null && depth < MAX_PROPERTY_CHAIN; depth++) {
            Optional<ElTemplate> template =
                    ElParser.parse(value.trim(), SourceSpan.file("coordinator"), new Diagnostics());
            if (template.isEmpty()
                    || template.get().parts().size() != 1
                    || !(template.get().parts().get(0) instanceof ElPart.ElExpression expression)
                    || !(expression.expr() instanceof ElExpr.Identifier identifier)) {
                return Optional.empty();
            }
            if (!known.containsKey(identifier.name()) || !seen.add(identifier.name())) {
                // a bundle passes the value it was submitted with on unresolved: start=${start}
                return Optional.of(identifier.name());
            }
            value = known.get(identifier.name());
        }
        return Optional.empty();
    }

    /**
     * The property a coordinator frequency needs that no file of the repository defines: the frequency is nothing but
     * such a property ({@code frequency="${freq}"}, also through {@code ${other}}), or an EL whose arguments name one
     * ({@code ${coord:days(coordFrequency)}}). Empty when the frequency resolves, or fails for another reason.
     */
    static Optional<String> submissionFrequency(String text, Map<String, String> known) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<String> whole = submissionProperty(text, known);
        if (whole.isPresent() || resolve(text, known).isPresent()) {
            return whole;
        }
        Optional<ElTemplate> template = ElParser.parse(text.trim(), SourceSpan.file("coordinator"), new Diagnostics());
        if (template.isEmpty()) {
            return Optional.empty();
        }
        for (ElPart part : template.get().parts()) {
            if (part instanceof ElPart.ElExpression expression) {
                Optional<String> name = unknownIdentifier(expression.expr(), known);
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first variable of {@code expr} (in source order) that {@code known} does not define, directly or through
     * properties that are only {@code ${other}}.
     */
    private static Optional<String> unknownIdentifier(ElExpr expr, Map<String, String> known) {
        if (expr instanceof ElExpr.Identifier identifier) {
            return submissionProperty("${" + identifier.name() + "}", known);
        }
        List<ElExpr> children = List.of();
        if (expr instanceof ElExpr.FunctionCall call) {
            children = call.arguments();
        } else if (expr instanceof ElExpr.Binary binary) {
            children = List.of(binary.left(), binary.right());
        } else if (expr instanceof ElExpr.Unary unary) {
            children = List.of(unary.operand());
        } else if (expr instanceof ElExpr.Ternary ternary) {
            children = List.of(ternary.condition(), ternary.whenTrue(), ternary.whenFalse());
        } else if (expr instanceof ElExpr.Index index) {
            children = List.of(index.target(), index.index());
        }
        for (ElExpr child : children) {
            Optional<String> name = unknownIdentifier(child, known);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** An Oozie UTC datetime ({@code 2026-01-15T02:00Z}), empty when it is not one. */
    public static Optional<Instant> oozieTime(String text) {
        try {
            return Optional.of(OOZIE_TIME.parse(text.trim(), Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A coordinator or dataset timezone as Oozie's {@code DateUtils.getTimeZone} accepts it: any ID of Java's
     * {@link TimeZone} (regions, {@code UTC}, {@code Universal}, the old three-letter IDs such as {@code IST} or
     * {@code PST}) and {@code GMT±hh:mm} ({@code GMT±hhmm} read as it), each as the {@link ZoneId} it stands for
     * ({@code IST} is Asia/Kolkata); empty for what Oozie refuses ({@code Asia/Nowhere}, {@code GMT+9}).
     */
    static Optional<ZoneId> zone(String id) {
        Matcher gmt = GMT_OFFSET_WITHOUT_COLON.matcher(id);
        String oozieId = gmt.matches() ? "GMT" + gmt.group(1) + gmt.group(2) + ":" + gmt.group(3) : id;
        TimeZone zone = TimeZone.getTimeZone(oozieId);
        if (!zone.getID().equals(oozieId)) {
            return Optional.empty(); // TimeZone's answer for an ID it does not know is GMT
        }
        try {
            return Optional.of(ianaName(ZoneId.of(oozieId, ZoneId.SHORT_IDS)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A fixed offset of whole hours ({@code GMT+09:00}) as the IANA zone of that offset ({@code Etc/GMT-9}: POSIX
     * signs, inverted): Python's zoneinfo and Airflow's timetables know only IANA names, and refuse
     * {@code GMT+09:00}. Any other zone as it is.
     */
    private static ZoneId ianaName(ZoneId zone) {
        if (!(zone instanceof ZoneOffset) && !zone.getId().matches("GMT[-+].*")) {
            return zone; // regions, and aliases such as Universal, keep their names
        }
        int seconds = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
        int hours = seconds / 3600;
        if (seconds % 3600 != 0 || hours < -12 || hours > 14) {
            return zone;
        }
        return ZoneId.of(hours == 0 ? "Etc/GMT" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours));
    }

    /**
     * Whether the zone has a name Python's zoneinfo (the runtime's datasets) and pendulum (Airflow's timetables) accept:
     * a fixed offset that is not whole hours ({@code GMT+05:30}) has none.
     */
    static boolean namedForPython(ZoneId zone) {
        return !zone.getId().matches("(GMT)?[-+].*");
    }

    /** A value whose EL only refers to known properties, resolved. */
    public static Optional<String> resolve(String text, Map<String, String> known) {
        if (text == null) {
            return Optional.empty();
        }
        return ElParser.parse(text, SourceSpan.file("coordinator"), new Diagnostics())
                .flatMap(t -> ElConstantFolder.resolve(t, known));
    }

    private static Optional<Integer> integer(String text, Map<String, String> known) {
        return resolve(text, known)
                .map(String::trim)
                .filter(v -> v.matches("-?\\d+"))
                .map(Integer::parseInt);
    }

    /**
     * The file system a dataset URI without a scheme is on. Oozie checks such a URI on its server's fs.defaultFS, which
     * the repository does not hold; the workflow's name-node ({@code <global>}'s, else the one all its actions name)
     * is the cluster's in the common set-up, so it stands in for it. Empty when the workflow names none.
     */
    private static Optional<Template> defaultFileSystem(
            WorkflowApp workflow, SourceSpan span, Diagnostics diagnostics) {
        String nameNode = workflow.global() != null ? workflow.global().nameNode() : null;
        if (nameNode == null || nameNode.isBlank()) {
            List<String> named = workflow.actions().stream()
                    .map(a -> workflow.settings(a).nameNode())
                    .filter(n -> n != null && !n.isBlank())
                    .distinct()
                    .toList();
            nameNode = named.size() == 1 ? named.get(0) : null;
        }
        if (nameNode == null) {
            return Optional.empty();
        }
        return ElParser.parse(nameNode.trim(), span, diagnostics)
                .map(parsed -> ElLowering.template(parsed, diagnostics));
    }
}
