package dev.ferry.translator.workflow;

import static dev.ferry.translator.workflow.Lowered.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.CoordinatorApp;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.translator.el.TemplateText;
import dev.ferry.translator.workflow.CoordinatorData.CalendarCount;
import dev.ferry.translator.workflow.CoordinatorData.CalendarTerm;
import dev.ferry.translator.workflow.CoordinatorData.DataInput;
import dev.ferry.translator.workflow.CoordinatorData.DatasetSpec;
import dev.ferry.translator.workflow.CoordinatorData.Function;
import dev.ferry.translator.workflow.CoordinatorData.Instance;
import dev.ferry.translator.workflow.CoordinatorData.LogicDataIn;
import dev.ferry.translator.workflow.CoordinatorData.LogicOperator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coordinator frequency + start + timezone → the Airflow trigger and first run, one row per case. Expected
 * values come from Oozie's semantics (CoordELFunctions, CoordCommandUtils, DateUtils.moveToEnd):
 * minutes/hours are absolute time (a UTC cron aligned on the start), days/months are calendar units in the
 * coordinator's timezone (a cron in that timezone keeps the wall-clock time across DST), a frequency that
 * does not divide an hour/day/year runs "every n from start", a cron frequency is Quartz's day-of-week
 * (1 = SUN) evaluated in UTC.
 */
class CoordinatorScheduleTest {

    static Stream<Arguments> frequencies() {
        return Stream.of(
                // Hourly from 01:00Z: minute 0 of every hour.
                row("${coord:hours(1)}", "2010-01-01T01:00Z", "UTC", "cron `0 * * * *` in UTC", "2010-01-01T01:00Z"),
                // Every 10 minutes from 00:00: 0, 10, ... 50 of every hour.
                row(
                        "${coord:minutes(10)}",
                        "2010-01-01T00:00Z",
                        "UTC",
                        "cron `0-59/10 * * * *` in UTC",
                        "2010-01-01T00:00Z"),
                // 20 minutes from 02:05: 05, 25, 45 (aligned on the start minute).
                row(
                        "${coord:minutes(20)}",
                        "2026-01-15T02:05Z",
                        "UTC",
                        "cron `5-59/20 * * * *` in UTC",
                        "2026-01-15T02:05Z"),
                // Plain minutes; 45 divides no hour: every 45 minutes from start.
                row("45", "2026-01-15T02:00Z", "UTC", "every 45 minutes from the start", "2026-01-15T02:00Z"),
                // 5 hours do not divide a day: every 300 minutes from start.
                row(
                        "${coord:hours(5)}",
                        "2026-01-15T02:00Z",
                        "UTC",
                        "every 300 minutes from the start",
                        "2026-01-15T02:00Z"),
                // 6 hours from 02:30Z: 02:30, 08:30, 14:30, 20:30.
                row(
                        "${coord:hours(6)}",
                        "2026-01-15T02:30Z",
                        "UTC",
                        "cron `30 2-23/6 * * *` in UTC",
                        "2026-01-15T02:30Z"),
                // Hours are absolute even in a DST zone: the cron is written in UTC.
                row(
                        "${coord:hours(1)}",
                        "2026-01-15T10:15Z",
                        "America/Los_Angeles",
                        "cron `15 * * * *` in UTC",
                        "2026-01-15T10:15Z"),
                // Daily in Los Angeles from 10:00Z = 02:00 PST: 02:00 local every day, PDT included.
                row(
                        "${coord:days(1)}",
                        "2026-01-15T10:00Z",
                        "America/Los_Angeles",
                        "cron `0 2 * * *` in America/Los_Angeles",
                        "2026-01-15T10:00Z"),
                // Daily in Kolkata (+05:30) from 00:30Z = 06:00 IST.
                row(
                        "${coord:days(1)}",
                        "2026-01-15T00:30Z",
                        "Asia/Kolkata",
                        "cron `0 6 * * *` in Asia/Kolkata",
                        "2026-01-15T00:30Z"),
                // Every 2 days: no cron says "every other day from the start".
                row("${coord:days(2)}", "2026-01-15T02:00Z", "UTC", "every 2 days from the start", "2026-01-15T02:00Z"),
                // Monthly on the start's day and time.
                row("${coord:months(1)}", "2026-01-15T02:00Z", "UTC", "cron `0 2 15 * *` in UTC", "2026-01-15T02:00Z"),
                // Quarterly from February: Feb, May, Aug, Nov.
                row(
                        "${coord:months(3)}",
                        "2026-02-01T00:00Z",
                        "UTC",
                        "cron `0 0 1 2-12/3 *` in UTC",
                        "2026-02-01T00:00Z"),
                // 5 months do not divide a year.
                row(
                        "${coord:months(5)}",
                        "2026-02-01T00:00Z",
                        "UTC",
                        "every 5 months from the start",
                        "2026-02-01T00:00Z"),
                // endOfDays: the first action is at the end of the start's day, 2009-01-03 00:00 PST
                // (moveToEnd always moves to the next day, even from midnight: the spec's example).
                row(
                        "${coord:endOfDays(1)}",
                        "2009-01-02T08:00Z",
                        "America/Los_Angeles",
                        "cron `0 0 * * *` in America/Los_Angeles",
                        "2009-01-03T08:00Z"),
                // endOfMonths: the first of the next month, 2009-02-01 00:00 PST.
                row(
                        "${coord:endOfMonths(1)}",
                        "2009-01-02T08:00Z",
                        "America/Los_Angeles",
                        "cron `0 0 1 * *` in America/Los_Angeles",
                        "2009-02-01T08:00Z"),
                // A property holding the frequency: ${freq} with freq=${coord:days(1)}.
                row("${freq}", "2026-01-15T02:00Z", "UTC", "cron `0 2 * * *` in UTC", "2026-01-15T02:00Z"),
                // Oozie cron, Quartz day-of-week: 2-6 = MON-FRI = Unix 1-5; evaluated in UTC.
                row("0 10 * * 2-6", "2026-01-15T00:00Z", "UTC", "cron `0 10 * * 1-5` in UTC", "2026-01-15T00:00Z"),
                row("0/10 * * * *", "2010-01-01T00:00Z", "UTC", "cron `0/10 * * * *` in UTC", "2010-01-01T00:00Z"),
                // 7 = SAT = Unix 6, ? = any.
                row("0 9 ? * 7", "2026-01-15T00:00Z", "UTC", "cron `0 9 * * 6` in UTC", "2026-01-15T00:00Z"),
                // Both day fields restricted: Oozie takes the earlier of the two expressions, a day
                // matching either, which is Unix cron's rule. 1 = SUN = Unix 0.
                row("30 14 1,15 * 1", "2026-01-15T00:00Z", "UTC", "cron `30 14 1,15 * 0` in UTC", "2026-01-15T00:00Z"),
                // A cron in a coordinator with another timezone stays UTC (Oozie's processing timezone).
                row(
                        "0 2 * * *",
                        "2026-01-15T00:00Z",
                        "America/Los_Angeles",
                        "cron `0 2 * * *` in UTC",
                        "2026-01-15T00:00Z"));
    }

    private static Arguments row(String frequency, String start, String zone, String trigger, String first) {
        return Arguments.of(frequency, start, zone, trigger, first);
    }

    @ParameterizedTest(name = "{0} from {1} in {2} → {3}")
    @MethodSource("frequencies")
    void frequencyBecomesATrigger(String frequency, String start, String zone, String trigger, String first) {
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorSchedule.Timing timing = CoordinatorSchedule.timing(
                        frequency,
                        Map.of("freq", "${coord:days(1)}"),
                        instant(start),
                        ZoneId.of(zone),
                        new ArrayList<>(),
                        SourceSpan.file("c.xml"),
                        diagnostics)
                .orElseThrow();
        assertEquals(trigger, timing.trigger().describe());
        assertEquals(instant(first), timing.firstNominal());
        assertEquals(List.of(), diagnostics.sorted());
    }

    static Stream<Arguments> timezones() {
        return Stream.of(
                // timezone attribute, the zone it runs in (null: Oozie refuses it, "Invalid TimeZone")
                Arguments.of("UTC", "UTC"),
                Arguments.of("America/New_York", "America/New_York"),
                Arguments.of("Universal", "Universal"),
                // Java's old three-letter IDs, which Oozie accepts (with a log warning)
                Arguments.of("IST", "Asia/Kolkata"),
                Arguments.of("PST", "America/Los_Angeles"),
                // a fixed offset of whole hours is the IANA zone of that offset (Python and pendulum refuse -05:00)
                Arguments.of("EST", "Etc/GMT+5"),
                // GMT offsets: GMT-hhmm is read as GMT-hh:mm (DateUtils.handleGMTOffsetTZNames), whole hours named
                // as IANA names them, with POSIX's inverted sign
                Arguments.of("GMT+09:00", "Etc/GMT-9"),
                Arguments.of("GMT-1200", "Etc/GMT+12"),
                Arguments.of("GMT+14:00", "Etc/GMT-14"),
                Arguments.of("GMT+00:00", "GMT"),
                Arguments.of("GMT-0530", "GMT-05:30"),
                Arguments.of("GMT+9", null),
                Arguments.of("Asia/Nowhere", null),
                Arguments.of("utc", null));
    }

    /** Which timezone IDs a coordinator may name is Oozie's DateUtils.getTimeZone: java.util.TimeZone's IDs. */
    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("timezones")
    void timezoneIdsAreReadAsOozieReadsThem(String id, String zone) {
        assertEquals(java.util.Optional.ofNullable(zone).map(ZoneId::of), CoordinatorSchedule.zone(id));
    }

    /** Zones Airflow and the runtime can name: every zone() gives but a fixed offset of no whole hours. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "GMT+09:00, true",
        "EST, true",
        "America/New_York, true",
        "UTC, true",
        "GMT-0530, false",
        "GMT+05:45, false"
    })
    void onlyFixedOffsetsOfWholeHoursHaveANamePythonKnows(String id, boolean named) {
        ZoneId zone = CoordinatorSchedule.zone(id).orElseThrow();
        assertEquals(named, CoordinatorSchedule.namedForPython(zone), zone.getId());
    }

    @Test
    void aCoordinatorInAZonePythonCannotNameIsAnErrorAtItsElement() {
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorApp app =
                OozieReader.readCoordinator("""
                        <coordinator-app xmlns="uri:oozie:coordinator:0.4" name="c" frequency="${coord:days(1)}"
                            start="2026-01-01T00:00Z" end="2027-01-01T00:00Z" timezone="GMT+05:30">
                            <action><workflow><app-path>/w</app-path></workflow></action>
                        </coordinator-app>
                        """, "c.xml", diagnostics).orElseThrow();
        assertNull(CoordinatorSchedule.translate(app, Map.of(), List.of(), "end", diagnostics));
        List<Diagnostic> errors = diagnostics.sorted();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(DiagnosticCode.OOZ_E010, errors.get(0).code());
        assertEquals(SourceSpan.of("c.xml", 1, 1), errors.get(0).span());
    }

    @Test
    void cronThatUnixCannotSayIsAnError() {
        Diagnostics diagnostics = new Diagnostics();
        // L (last day of the month) has no Unix cron equivalent.
        assertTrue(CoordinatorSchedule.timing(
                        "0 0 L * ?",
                        Map.of(),
                        instant("2026-01-01T00:00Z"),
                        ZoneId.of("UTC"),
                        new ArrayList<>(),
                        SourceSpan.file("c.xml"),
                        diagnostics)
                .isEmpty());
        assertTrue(
                diagnostics.sorted().stream().anyMatch(d -> d.code() == dev.ferry.diagnostics.DiagnosticCode.OOZ_E010),
                diagnostics.sorted().toString());
    }

    @Test
    void everyFewDaysInADstZoneSaysWhatDiffers() {
        List<String> notes = new ArrayList<>();
        CoordinatorSchedule.timing(
                "${coord:days(2)}",
                Map.of(),
                instant("2026-01-15T10:00Z"),
                ZoneId.of("America/Los_Angeles"),
                notes,
                SourceSpan.file("c.xml"),
                new Diagnostics());
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("wall-clock"), notes.toString());
    }

    // ---- whole coordinators: dates from job.properties, controls, datasets, SLA ----

    private static final String AGGREGATOR = """
            <coordinator-app name="aggregator-coord" frequency="${coord:hours(1)}" start="${start}" end="${end}"
                             timezone="UTC" xmlns="uri:oozie:coordinator:0.4" xmlns:sla="uri:oozie:sla:0.2">
                %s
                <datasets>
                    <dataset name="raw-logs" frequency="${coord:minutes(20)}" initial-instance="2010-01-01T00:00Z" timezone="UTC">
                        <uri-template>${nameNode}/logs/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}</uri-template>
                    </dataset>
                    <dataset name="aggregated" frequency="${coord:hours(1)}" initial-instance="2010-01-01T01:00Z" timezone="UTC">
                        <uri-template>${nameNode}/agg/${YEAR}${MONTH}${DAY}${HOUR}</uri-template>
                        <done-flag></done-flag>
                    </dataset>
                </datasets>
                <input-events>
                    <data-in name="input" dataset="raw-logs">
                        <start-instance>${coord:current(-2)}</start-instance>
                        <end-instance>${coord:current(0)}</end-instance>
                    </data-in>
                </input-events>
                <output-events>
                    <data-out name="output" dataset="aggregated"><instance>${coord:current(0)}</instance></data-out>
                </output-events>
                <action>
                    <workflow><app-path>${nameNode}/apps/aggregator</app-path></workflow>
                    %s
                </action>
            </coordinator-app>
            """;

    private static final Map<String, String> PROPERTIES =
            Map.of("start", "2010-01-01T01:00Z", "end", "2010-01-01T03:00Z", "nameNode", "hdfs://nn:8020");

    private static WorkflowPlan.Schedule schedule(String controls, String sla, Diagnostics diagnostics) {
        CoordinatorApp app = OozieReader.readCoordinator(AGGREGATOR.formatted(controls, sla), "c.xml", diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        return CoordinatorSchedule.translate(app, PROPERTIES, List.of(), "first-node", diagnostics);
    }

    @Test
    void datesComeFromJobPropertiesAndEndIsExclusive() {
        WorkflowPlan.Schedule s = schedule("", "", new Diagnostics());
        assertEquals(instant("2010-01-01T01:00Z"), s.start());
        assertEquals(instant("2010-01-01T03:00Z"), s.endExclusive());
        assertEquals(Instant.parse("2010-01-01T02:59:59Z"), s.endDate()); // Airflow's end_date is inclusive
        // Without <controls>: Oozie's concurrency 1, timeout oozie.service.coord.normal.default.timeout = 120.
        assertEquals(1, s.maxActiveRuns());
        assertEquals(120, s.data().timeoutMinutes());
        assertTrue(s.catchup());
    }

    @Test
    void datasetsAndEventsAreKeptForTheRuntime() {
        CoordinatorData data = schedule("", "", new Diagnostics()).data();
        assertEquals("first-node", data.startNode());
        assertEquals(
                List.of(
                        // coord:minutes(20) is 20 minutes; absent done-flag = _SUCCESS; the EL is lowered and the
                        // time variables stay for the runtime.
                        new DatasetSpec(
                                "raw-logs",
                                20,
                                "minute",
                                false,
                                "2010-01-01T00:00Z",
                                "UTC",
                                TemplateText.concat(
                                        el("${nameNode}"), "/logs/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}"),
                                "_SUCCESS"),
                        // coord:hours(1) is 60 minutes; an empty done-flag means the directory itself.
                        new DatasetSpec(
                                "aggregated",
                                60,
                                "minute",
                                false,
                                "2010-01-01T01:00Z",
                                "UTC",
                                TemplateText.concat(el("${nameNode}"), "/agg/${YEAR}${MONTH}${DAY}${HOUR}"),
                                "")),
                data.datasets());
        assertEquals(
                List.of(new DataInput(
                        "input",
                        "raw-logs",
                        List.of(),
                        new Instance(CoordinatorData.Function.CURRENT, -2, null, null),
                        new Instance(CoordinatorData.Function.CURRENT, 0, null, null))),
                data.inputs());
        assertEquals(
                CoordinatorData.Function.CURRENT,
                data.outputs().get(0).instance().function());
    }

    static Stream<Arguments> controls() {
        return Stream.of(
                // concurrency → max_active_runs; timeout minutes → the sensors' timeout.
                Arguments.of("<controls><timeout>10</timeout><concurrency>3</concurrency></controls>", 3, 10, true),
                // timeout -1 = Oozie waits forever: the sensors stop after 7 days (OOZ-W031); concurrency -1 = no
                // limit.
                Arguments.of(
                        "<controls><timeout>-1</timeout><concurrency>-1</concurrency></controls>", null, 10080, true),
                // LAST_ONLY and NONE skip what is late: catchup off is the closest.
                Arguments.of("<controls><execution>LAST_ONLY</execution></controls>", 1, 120, false),
                Arguments.of("<controls><execution>NONE</execution></controls>", 1, 120, false),
                Arguments.of("<controls><execution>FIFO</execution></controls>", 1, 120, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controls")
    void controlsBecomeDagSettings(String controls, Integer maxActiveRuns, Integer timeout, boolean catchup) {
        WorkflowPlan.Schedule s = schedule(controls, "", new Diagnostics());
        assertEquals(maxActiveRuns, s.maxActiveRuns());
        assertEquals(timeout, s.data().timeoutMinutes());
        assertEquals(catchup, s.catchup());
        assertEquals(
                !catchup,
                s.notes().stream().anyMatch(n -> n.startsWith("execution")),
                s.notes().toString());
    }

    @Test
    void lifoAndThrottleAreReported() {
        Diagnostics diagnostics = new Diagnostics();
        schedule("<controls><execution>LIFO</execution><throttle>5</throttle></controls>", "", diagnostics);
        List<String> messages =
                diagnostics.sorted().stream().map(Diagnostic::message).toList();
        assertTrue(
                messages.stream().anyMatch(m -> m.contains("LIFO") && m.contains("orders them by run_after")),
                messages.toString());
        // throttle 5 >= concurrency 1 (the default): never exceeded, but waiting runs take the running slot.
        assertTrue(
                messages.stream()
                        .anyMatch(m -> m.contains("throttle 5")
                                && m.contains("max_active_runs=1")
                                && m.contains("a later run whose data is there waits behind it")),
                messages.toString());

        Diagnostics small = new Diagnostics();
        WorkflowPlan.Schedule s =
                schedule("<controls><concurrency>4</concurrency><throttle>2</throttle></controls>", "", small);
        assertEquals(4, s.maxActiveRuns());
        assertTrue(
                small.sorted().get(0).message().contains("more than 2 runs may wait for data at once"),
                small.sorted().toString());
        // Every coordinator with data-ins says how its concurrency differs from Oozie's.
        assertTrue(
                s.notes().stream()
                        .anyMatch(n -> n.startsWith(
                                "runs waiting at their input sensor count against" + " max_active_runs=4")),
                s.notes().toString());
    }

    @Test
    void slaBecomesDeadlineAlerts() {
        Diagnostics diagnostics = new Diagnostics();
        WorkflowPlan.Schedule s = schedule("", """
                <sla:info>
                    <sla:nominal-time>${coord:nominalTime()}</sla:nominal-time>
                    <sla:should-start>${5 * MINUTES}</sla:should-start>
                    <sla:should-end>${10 * MINUTES}</sla:should-end>
                    <sla:max-duration>${2 * HOURS}</sla:max-duration>
                    <sla:alert-events>end_miss,duration_miss</sla:alert-events>
                    <sla:alert-contact>ops@example.com</sla:alert-contact>
                </sla:info>""", diagnostics);
        // should-end: 10 minutes after the nominal time (the logical date); max-duration: 2 hours = 120
        // minutes from the start of the run (queued_at).
        assertEquals(
                List.of(
                        new SlaAlert(
                                SlaAlert.Event.END_MISS,
                                SlaAlert.Reference.DAGRUN_LOGICAL_DATE,
                                10,
                                "ops@example.com",
                                ""),
                        new SlaAlert(
                                SlaAlert.Event.DURATION_MISS,
                                SlaAlert.Reference.DAGRUN_QUEUED_AT,
                                120,
                                "ops@example.com",
                                "")),
                s.deadlines());
        // should-start is not alerted (start_miss is not among the alert-events), and not reported either
        assertTrue(
                diagnostics.sorted().stream().noneMatch(d -> d.message().contains("sla")),
                diagnostics.sorted().toString());
    }

    @Test
    void shouldStartIsCheckedByTheFirstTaskWhenStartMissIsAlerted() {
        WorkflowPlan.Schedule s = schedule("", """
                <sla:info>
                    <sla:nominal-time>${coord:nominalTime()}</sla:nominal-time>
                    <sla:should-start>${5 * MINUTES}</sla:should-start>
                    <sla:should-end>${1 * DAYS}</sla:should-end>
                    <sla:alert-events>start_miss,end_miss</sla:alert-events>
                    <sla:notification-msg>late</sla:notification-msg>
                </sla:info>""", new Diagnostics());
        assertEquals(
                List.of(
                        new SlaAlert(SlaAlert.Event.START_MISS, SlaAlert.Reference.FIRST_TASK_START, 5, "", "late"),
                        new SlaAlert(
                                SlaAlert.Event.END_MISS, SlaAlert.Reference.DAGRUN_LOGICAL_DATE, 1440, "", "late")),
                s.deadlines());
    }

    @Test
    void alertEventsChooseTheDeadlines() {
        WorkflowPlan.Schedule s = schedule("", """
                <sla:info>
                    <sla:nominal-time>${coord:nominalTime()}</sla:nominal-time>
                    <sla:should-end>${10 * MINUTES}</sla:should-end>
                    <sla:max-duration>${2 * HOURS}</sla:max-duration>
                    <sla:alert-events>duration_miss</sla:alert-events>
                </sla:info>""", new Diagnostics());
        assertEquals(
                List.of(SlaAlert.Event.DURATION_MISS),
                s.deadlines().stream().map(SlaAlert::event).toList());
    }

    @Test
    void withoutAlertEventsOnlyEndMissIsAlertedAsOozieDefaultsTo() {
        // oozie-default.xml: oozie.sla.service.SLAService.alert.events = END_MISS
        WorkflowPlan.Schedule s = schedule("", """
                <sla:info>
                    <sla:nominal-time>${coord:nominalTime()}</sla:nominal-time>
                    <sla:should-end>${10 * MINUTES}</sla:should-end>
                    <sla:max-duration>${2 * HOURS}</sla:max-duration>
                </sla:info>""", new Diagnostics());
        assertEquals(
                List.of(SlaAlert.Event.END_MISS),
                s.deadlines().stream().map(SlaAlert::event).toList());
    }

    @Test
    void aStartNoFileDefinesIsGivenAtSubmissionAndPausesTheDag() {
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorApp app = OozieReader.readCoordinator(AGGREGATOR.formatted("", ""), "c.xml", diagnostics)
                .orElseThrow();
        WorkflowPlan.Schedule schedule =
                CoordinatorSchedule.translate(app, Map.of("end", "2010-01-01T03:00Z"), List.of(), "n", diagnostics);
        assertTrue(schedule.pausedOnCreation());
        assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
        assertEquals(
                1,
                diagnostics.sorted().stream()
                        .filter(d -> d.code() == DiagnosticCode.OOZ_W032)
                        .count());
    }

    private static final String MONTH_OF_HOURS = """
            <coordinator-app name="c" frequency="${coord:months(1)}" start="2024-01-01T00:00Z" end="2025-01-01T00:00Z"
                             timezone="UTC" xmlns="uri:oozie:coordinator:0.4">
                <datasets>
                    <dataset name="hourly" frequency="${coord:hours(1)}" initial-instance="2020-01-01T00:00Z" timezone="UTC">
                        <uri-template>/data/${YEAR}/${MONTH}/${DAY}/${HOUR}</uri-template></dataset>
                </datasets>
                <input-events>
                    <data-in name="in" dataset="hourly"><start-instance>${coord:current(0)}</start-instance>
                        <end-instance>%s</end-instance></data-in>
                </input-events>
                <action><workflow><app-path>/w</app-path></workflow></action>
            </coordinator-app>
            """;

    private static CalendarTerm days(int k, int factor) {
        return new CalendarTerm(CalendarCount.DAYS_IN_MONTH, k, factor);
    }

    /**
     * coord:daysInMonth(k) / coord:hoursInDay(k) in an instance: Oozie computes them per action, so they stay terms
     * the runtime adds up (null: not linear in them, a TODO).
     */
    static Stream<Arguments> perRunInstances() {
        return Stream.of(
                Arguments.of(
                        "${coord:current(coord:daysInMonth(0) * 24 - 1)}",
                        new Instance(Function.CURRENT, -1, null, null, List.of(days(0, 24)))),
                Arguments.of(
                        "${coord:current(24 * coord:daysInMonth(-1) - 1)}",
                        new Instance(Function.CURRENT, -1, null, null, List.of(days(-1, 24)))),
                Arguments.of(
                        "${coord:current((coord:daysInMonth(0) - 1) * hours)}",
                        new Instance(Function.CURRENT, -24, null, null, List.of(days(0, 24)))),
                Arguments.of(
                        "${coord:current(-coord:hoursInDay(0) + 1)}",
                        new Instance(
                                Function.CURRENT,
                                1,
                                null,
                                null,
                                List.of(new CalendarTerm(CalendarCount.HOURS_IN_DAY, 0, -1)))),
                Arguments.of(
                        "${coord:current(coord:daysInMonth(0) - coord:daysInMonth(0) + 2)}",
                        new Instance(Function.CURRENT, 2, null, null)),
                Arguments.of(
                        "${coord:current(coord:daysInMonth(0) * -1)}",
                        new Instance(Function.CURRENT, 0, null, null, List.of(days(0, -1)))),
                Arguments.of("${coord:current(24 * period_days - 1)}", new Instance(Function.CURRENT, 167, null, null)),
                Arguments.of("${coord:current(coord:daysInMonth(0) * coord:daysInMonth(1))}", null),
                Arguments.of("${coord:current(coord:daysInMonth(0) / 2)}", null),
                Arguments.of("${coord:current(coord:daysInMonth(unknown))}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perRunInstances")
    void calendarCountsInInstancesAreComputedPerRun(String end, Instance expected) {
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorApp app = OozieReader.readCoordinator(MONTH_OF_HOURS.formatted(end), "c.xml", diagnostics)
                .orElseThrow();
        CoordinatorData data = CoordinatorSchedule.translate(
                        app, Map.of("period_days", "7", "hours", "24"), List.of(), "n", diagnostics)
                .data();
        if (expected == null) {
            assertEquals(List.of(), data.inputs());
            assertTrue(
                    messages(diagnostics).stream().anyMatch(m -> m.contains("is not translated")),
                    messages(diagnostics).toString());
        } else {
            assertEquals(
                    List.of(new DataInput(
                            "in", "hourly", List.of(), new Instance(Function.CURRENT, 0, null, null), expected)),
                    data.inputs());
            assertEquals(List.of(), messages(diagnostics));
        }
    }

    private static final String INPUT_LOGIC = """
            <coordinator-app name="c" frequency="60" start="2010-01-01T01:00Z" end="2010-01-02T01:00Z" timezone="UTC"
                             xmlns="uri:oozie:coordinator:0.5">
                <datasets>
                    <dataset name="d1" frequency="20" initial-instance="2010-01-01T00:00Z" timezone="UTC">
                        <uri-template>/a/${YEAR}</uri-template></dataset>
                    <dataset name="d2" frequency="20" initial-instance="2010-01-01T00:00Z" timezone="UTC">
                        <uri-template>/b/${YEAR}</uri-template></dataset>
                </datasets>
                <input-events>
                    <data-in name="in1" dataset="d1"><start-instance>${coord:current(-2)}</start-instance>
                        <end-instance>${coord:current(0)}</end-instance></data-in>
                    <data-in name="in2" dataset="d2"><start-instance>${coord:current(-2)}</start-instance>
                        <end-instance>${coord:current(0)}</end-instance></data-in>
                    <data-in name="in3" dataset="d2"><instance>${coord:latest(0)}</instance></data-in>
                    <data-in name="in4" dataset="d2"><instance>${coord:current(0)}</instance></data-in>
                </input-events>
                <input-logic>%s</input-logic>
                <action><workflow><app-path>/w</app-path></workflow></action>
            </coordinator-app>
            """;

    private static CoordinatorData logic(String xml, Map<String, String> known, Diagnostics diagnostics) {
        CoordinatorApp app = OozieReader.readCoordinator(INPUT_LOGIC.formatted(xml), "c.xml", diagnostics)
                .orElseThrow();
        return CoordinatorSchedule.translate(app, known, List.of(), "n", diagnostics)
                .data();
    }

    private static List<String> messages(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().map(Diagnostic::message).toList();
    }

    @Test
    void inputLogicTreeIsPassedWholeWithItsOwnMinAndWait() {
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorData data =
                logic("""
                <or name="${partition}" min="${minimum}">
                    <and name="both"><data-in dataset="${first}" wait="10"/><data-in dataset="in4"/></and>
                    <combine name="merged" wait="${wait}"><data-in dataset="in1"/><data-in dataset="in2"/></combine>
                </or>""", Map.of("minimum", "2", "wait", "30", "partition", "input", "first", "in1"), diagnostics);
        assertEquals(List.of(), messages(diagnostics));
        assertEquals(
                List.of(new LogicOperator(
                        CoordinatorData.LogicKind.OR,
                        "input",
                        2,
                        null,
                        List.of(
                                new LogicOperator(
                                        CoordinatorData.LogicKind.AND,
                                        "both",
                                        null,
                                        null,
                                        List.of(
                                                new LogicDataIn("in1", null, null, 10),
                                                new LogicDataIn("in4", null, null, null))),
                                new LogicOperator(
                                        CoordinatorData.LogicKind.COMBINE,
                                        "merged",
                                        null,
                                        30,
                                        List.of(
                                                new LogicDataIn("in1", null, null, null),
                                                new LogicDataIn("in2", null, null, null)))))),
                data.logic());
    }

    @Test
    void inputLogicChecksWhatOozieValidates() {
        Diagnostics unknown = new Diagnostics();
        assertEquals(
                List.of(),
                logic("<or><data-in dataset=\"d1\"/><data-in dataset=\"in2\"/></or>", Map.of(), unknown)
                        .logic());
        assertTrue(
                messages(unknown).get(0).contains("no <data-in> of <input-events> is named so"),
                messages(unknown).toString());

        Diagnostics range = new Diagnostics();
        logic("<combine><data-in dataset=\"in1\"/><data-in dataset=\"in4\"/></combine>", Map.of(), range);
        assertTrue(
                messages(range).get(0).contains("same range (instances: [3, 1]"),
                messages(range).toString());

        Diagnostics latest = new Diagnostics();
        logic("<combine><data-in dataset=\"in1\"/><data-in dataset=\"in3\"/></combine>", Map.of(), latest);
        assertTrue(
                messages(latest).get(0).contains("does not support latest/future"),
                messages(latest).toString());

        Diagnostics wait = new Diagnostics();
        logic("<or wait=\"1h\"><data-in dataset=\"in1\"/></or>", Map.of(), wait);
        assertTrue(
                messages(wait).get(0).contains("wait '1h' is not a number of minutes"),
                messages(wait).toString());
        assertTrue(wait.hasErrors());
    }

    @Test
    void inputLogicWarnsWhereTheRuntimeDiffers() {
        Diagnostics two = new Diagnostics();
        CoordinatorData data = logic(
                "<and name=\"a\"><data-in dataset=\"in1\"/></and><or name=\"b\"><data-in dataset=\"in2\"/></or>",
                Map.of(),
                two);
        assertEquals(2, data.logic().size());
        assertTrue(
                messages(two).get(0).contains("Oozie evaluates only the first ('a')"),
                messages(two).toString());
        assertFalse(two.hasErrors());

        Diagnostics minLatest = new Diagnostics();
        logic("<or min=\"1\"><data-in dataset=\"in3\"/><data-in dataset=\"in1\"/></or>", Map.of(), minLatest);
        assertEquals(1, minLatest.sorted().size(), messages(minLatest).toString());
        assertTrue(messages(minLatest).get(0).contains("min on data-in 'in3', which uses latest/future"));

        // A data-in the logic leaves out is not waited for, as in Oozie: no diagnostic.
        Diagnostics plain = new Diagnostics();
        logic("<or name=\"x\"><data-in dataset=\"in1\"/><data-in dataset=\"in2\"/></or>", Map.of(), plain);
        assertEquals(List.of(), messages(plain));
    }

    @Test
    void hcatalogDatasetsBecomeMetastoreSensorsWithoutATodo() {
        String coordinator = """
                <coordinator-app name="c" frequency="60" start="2010-01-01T01:00Z" end="2010-01-02T01:00Z" timezone="UTC"
                                 xmlns="uri:oozie:coordinator:0.5">
                    <datasets>
                        <dataset name="raw" frequency="${coord:days(1)}" initial-instance="2010-01-01T00:00Z" timezone="UTC">
                            <uri-template>${hcatNode}/default/invites/ds=${YEAR}-${MONTH}-${DAY};region=usa</uri-template>
                            <done-flag></done-flag></dataset>
                    </datasets>
                    <input-events>
                        <data-in name="input" dataset="raw"><instance>${coord:current(0)}</instance></data-in>
                    </input-events>
                    <action><workflow><app-path>/w</app-path></workflow></action>
                </coordinator-app>
                """;
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorApp app =
                OozieReader.readCoordinator(coordinator, "c.xml", diagnostics).orElseThrow();
        CoordinatorData data = CoordinatorSchedule.translate(
                        app, Map.of("hcatNode", "hcat://ms:9083"), List.of(), "n", diagnostics)
                .data();
        // The runtime's sensor asks the metastore the rendered hcat:// URI names (ferry_runtime.hcat).
        assertEquals(
                TemplateText.concat(el("${hcatNode}"), "/default/invites/ds=${YEAR}-${MONTH}-${DAY};region=usa"),
                data.datasets().get(0).uriTemplate());
        assertEquals(List.of(), diagnostics.sorted(), diagnostics.sorted().toString());
    }

    private static Instant instant(String oozieTime) {
        return CoordinatorSchedule.oozieTime(oozieTime).orElseThrow();
    }
}
