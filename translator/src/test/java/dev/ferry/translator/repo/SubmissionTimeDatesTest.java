package dev.ferry.translator.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.translator.workflow.Trigger;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coordinator dates given when the coordinator is submitted ({@code oozie job -Dstart=... -config x.properties}, or a
 * properties file kept outside the repository): harvested repositories (a bundle of twelve coordinators with no
 * properties file at all, Maven-filtered {@code start="${timestamp}"}) converted nothing of such an app. The app is
 * converted; the DAG is paused on creation with a placeholder start a person must set, and OOZ-W032 says so at the
 * coordinator. A frequency given at submission ({@code frequency="${merger_frequency}"},
 * {@code ${coord:days(coordFrequency)}}) makes a DAG with no schedule of its own (schedule=None), paused, OOZ-W032 naming
 * the property.
 */
class SubmissionTimeDatesTest {

    private static final String WORKFLOW = """
            <workflow-app xmlns="uri:oozie:workflow:0.5" name="import-wf">
                <start to="end"/>
                <end name="end"/>
            </workflow-app>
            """;

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }

    private void coordinator(String start, String end) throws IOException {
        write("apps/import/workflow.xml", WORKFLOW);
        write("apps/import/coordinator.xml", """
                <coordinator-app name="import-coord" frequency="0 20 * * *"
                    start="%s" end="%s" timezone="UTC"
                    xmlns="uri:oozie:coordinator:0.2">
                    <action><workflow><app-path>${nameNode}/apps/import</app-path></workflow></action>
                </coordinator-app>
                """.formatted(start, end));
    }

    private static WorkflowPlan onlyPlan(Conversion conversion) {
        assertEquals(1, conversion.plans().size(), conversion.diagnostics().toString());
        return conversion.plans().get(0);
    }

    private static List<Diagnostic> withCode(Conversion conversion, DiagnosticCode code) {
        return conversion.diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    @Test
    void startAndEndGivenAtSubmissionMakeAPausedDagWithAPlaceholderStartAndNoEnd() throws IOException {
        coordinator("${start}", "${end}");
        Conversion conversion = RepoTranslator.translate(repo);
        WorkflowPlan.Schedule schedule = onlyPlan(conversion).schedule();
        assertEquals(
                List.of(),
                conversion.diagnostics().stream().filter(Diagnostic::isError).toList());
        assertTrue(schedule.pausedOnCreation());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), schedule.start()); // the placeholder
        assertNull(schedule.endDate());
        List<Diagnostic> warnings = withCode(conversion, DiagnosticCode.OOZ_W032);
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(
                SourceSpan.of("apps/import/coordinator.xml", 1, 1),
                warnings.get(0).span());
        assertTrue(
                warnings.get(0).message().contains("property 'start'"),
                warnings.get(0).message());
        assertTrue(
                warnings.get(1).message().contains("property 'end'"),
                warnings.get(1).message());
    }

    @Test
    void aPropertyThatIsItselfAnUnknownPropertyNamesTheLastOne() throws IOException {
        coordinator("${startTime}", "2030-01-01T00:00Z");
        write("apps/import/job.properties", """
                nameNode=hdfs://nn
                startTime=${kickoff}
                oozie.coord.application.path=${nameNode}/apps/import
                """);
        Conversion conversion = RepoTranslator.translate(repo);
        WorkflowPlan.Schedule schedule = onlyPlan(conversion).schedule();
        assertTrue(schedule.pausedOnCreation());
        assertEquals(Instant.parse("2029-12-31T23:59:59Z"), schedule.endDate()); // a known end stays
        List<Diagnostic> warnings = withCode(conversion, DiagnosticCode.OOZ_W032);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(
                warnings.get(0).message().contains("property 'kickoff'"),
                warnings.get(0).message());
    }

    @Test
    void aStartThePropertiesFileGivesIsUsedAndTheDagIsNotPaused() throws IOException {
        coordinator("${start}", "${end}");
        write("apps/import/job.properties", """
                nameNode=hdfs://nn
                start=2026-03-01T00:00Z
                end=2027-03-01T00:00Z
                oozie.coord.application.path=${nameNode}/apps/import
                """);
        Conversion conversion = RepoTranslator.translate(repo);
        WorkflowPlan.Schedule schedule = onlyPlan(conversion).schedule();
        assertFalse(schedule.pausedOnCreation());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), schedule.start());
        assertEquals(List.of(), withCode(conversion, DiagnosticCode.OOZ_W032));
    }

    @Test
    void aDateThatIsNoTimeAtAllIsStillAnErrorOfThatApp() throws IOException {
        for (String start : List.of("2026-13-45T00:00Z", "${coord:current(0)}", "${a}${b}")) {
            coordinator(start, "2030-01-01T00:00Z");
            Conversion conversion = RepoTranslator.translate(repo);
            assertEquals(List.of(), conversion.plans(), start);
            List<Diagnostic> errors = withCode(conversion, DiagnosticCode.OOZ_E010);
            assertEquals(1, errors.size(), start + ": " + conversion.diagnostics());
            assertEquals(List.of(), withCode(conversion, DiagnosticCode.OOZ_W032), start);
        }
    }

    @Test
    void aBundlesCoordinatorWithASubmissionTimeStartIsPausedToo() throws IOException {
        coordinator("${start}", "${end}");
        write("apps/bundle.xml", """
                <bundle-app name="cms-import" xmlns="uri:oozie:bundle:0.1">
                    <coordinator name="coord-import">
                        <app-path>hdfs://nn/apps/import/coordinator.xml</app-path>
                        <configuration>
                            <property><name>start</name><value>${start}</value></property>
                            <property><name>end</name><value>${end}</value></property>
                        </configuration>
                    </coordinator>
                </bundle-app>
                """);
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(
                List.of(),
                conversion.diagnostics().stream().filter(Diagnostic::isError).toList());
        assertFalse(conversion.plans().isEmpty());
        for (WorkflowPlan plan : conversion.plans()) {
            assertTrue(plan.schedule().pausedOnCreation(), plan.dagId());
        }
    }

    /** The coordinator's first line is its own (1:1), the frequency attribute on line 2. */
    private void frequencyCoordinator(String frequency, String body) throws IOException {
        write("apps/import/workflow.xml", WORKFLOW);
        write("apps/import/coordinator.xml", """
                <coordinator-app name="import-coord" xmlns="uri:oozie:coordinator:0.2"
                    frequency="%s" start="2026-01-01T00:00Z" end="2030-01-01T00:00Z" timezone="UTC">
                %s
                    <action><workflow><app-path>${nameNode}/apps/import</app-path></workflow></action>
                </coordinator-app>
                """.formatted(frequency, body));
    }

    /** A frequency, the job.properties lines besides nameNode, and the property (or cron) expected. */
    record Case(String frequency, String properties, String expected) {}

    private Conversion convert(Case c) throws IOException {
        frequencyCoordinator(c.frequency(), "");
        write(
                "apps/import/job.properties",
                "nameNode=hdfs://nn\n" + c.properties() + "oozie.coord.application.path=${nameNode}/apps/import\n");
        return RepoTranslator.translate(repo);
    }

    @Test
    void aFrequencyNoFileDefinesMakesAPausedDagWithoutASchedule() throws IOException {
        List<Case> cases = List.of(
                new Case("${merger_frequency}", "", "merger_frequency"),
                new Case("${coord:days(coordFrequency)}", "", "coordFrequency"),
                new Case("${coord:hours(n * 2)}", "", "n"),
                new Case("${freq}", "freq=${submittedFreq}\n", "submittedFreq"),
                new Case("${coord:days(days)}", "days=${d}\n", "d"),
                new Case("${occurrence.hdfs.build.frequency}", "", "occurrence.hdfs.build.frequency"));
        for (Case c : cases) {
            Conversion conversion = convert(c);
            assertEquals(
                    List.of(),
                    conversion.diagnostics().stream()
                            .filter(Diagnostic::isError)
                            .toList(),
                    c.frequency());
            WorkflowPlan.Schedule schedule = onlyPlan(conversion).schedule();
            assertEquals(new Trigger.Manual(c.expected()), schedule.trigger(), c.frequency());
            assertTrue(schedule.pausedOnCreation(), c.frequency());
            assertFalse(schedule.catchup(), c.frequency());
            List<Diagnostic> warnings = withCode(conversion, DiagnosticCode.OOZ_W032);
            assertEquals(1, warnings.size(), c.frequency() + ": " + warnings);
            assertEquals(
                    SourceSpan.of("apps/import/coordinator.xml", 1, 1),
                    warnings.get(0).span());
            assertTrue(
                    warnings.get(0).message().contains("property '" + c.expected() + "'"),
                    warnings.get(0).message());
            assertTrue(
                    warnings.get(0).message().contains("schedule=None"),
                    warnings.get(0).message());
        }
    }

    @Test
    void aFrequencyThePropertiesFileGivesKeepsItsSchedule() throws IOException {
        List<Case> cases = List.of(
                new Case("${freq}", "freq=0 */4 * * *\n", "0 */4 * * *"),
                new Case("${coord:days(coordFrequency)}", "coordFrequency=1\n", "0 0 * * *"),
                new Case("${freq}", "freq=${coord:days(1)}\n", "0 0 * * *"));
        for (Case c : cases) {
            Conversion conversion = convert(c);
            WorkflowPlan.Schedule schedule = onlyPlan(conversion).schedule();
            Trigger.Cron cron = assertInstanceOf(Trigger.Cron.class, schedule.trigger(), c.frequency());
            assertEquals(c.expected(), cron.expression(), c.frequency());
            assertFalse(schedule.pausedOnCreation(), c.frequency());
            assertEquals(List.of(), withCode(conversion, DiagnosticCode.OOZ_W032), c.frequency());
        }
    }

    @Test
    void aFrequencyThatIsNoFrequencyAtAllIsStillAnErrorOfThatApp() throws IOException {
        for (String frequency : List.of("${coord:fortnights(1)}", "every day", "${coord:days('x')}")) {
            Conversion conversion = convert(new Case(frequency, "", ""));
            assertEquals(List.of(), conversion.plans(), frequency);
            List<Diagnostic> errors = withCode(conversion, DiagnosticCode.OOZ_E010);
            assertEquals(1, errors.size(), frequency + ": " + conversion.diagnostics());
            assertEquals(
                    SourceSpan.of("apps/import/coordinator.xml", 1, 1),
                    errors.get(0).span());
            assertEquals(List.of(), withCode(conversion, DiagnosticCode.OOZ_W032), frequency);
        }
    }

    @Test
    void inputEventsOfADatasetWithItsOwnFrequencyStayWithTheManualDag() throws IOException {
        frequencyCoordinator("${coord:days(coordFrequency)}", """
                    <datasets>
                        <dataset name="logs" frequency="${coord:days(1)}" initial-instance="2025-01-01T00:00Z"
                            timezone="UTC">
                            <uri-template>hdfs://nn/data/logs/${YEAR}/${MONTH}/${DAY}</uri-template>
                        </dataset>
                    </datasets>
                    <input-events>
                        <data-in name="in" dataset="logs"><instance>${coord:current(-1)}</instance></data-in>
                    </input-events>
                """);
        write("apps/import/job.properties", "nameNode=hdfs://nn\n");
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(
                List.of(),
                conversion.diagnostics().stream().filter(Diagnostic::isError).toList());
        WorkflowPlan.Schedule schedule = onlyPlan(conversion).schedule();
        assertEquals(new Trigger.Manual("coordFrequency"), schedule.trigger());
        assertEquals(1, schedule.data().inputs().size());
        assertEquals("logs", schedule.data().inputs().get(0).dataset());
    }
}
