package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** coordinator.xml and dataset include files → {@link CoordinatorApp} / {@link Dataset}, raw values kept. */
class CoordinatorReaderTest {

    /** Owned input (resources/oozie/owned/coordinators/cron.xml): the raw forms the translator interprets. */
    @Test
    void cronFrequencyEmptyDoneFlagInputLogicAndSlaStayRaw() {
        Path file = Path.of(System.getProperty("ferry.root", ".."))
                .resolve("parser/src/test/resources/oozie/owned/coordinators/cron.xml");
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorApp app =
                OozieReader.readCoordinator(file, "cron.xml", diagnostics).orElseThrow();
        assertEquals("0/10 * * * *", app.frequency());
        assertEquals("0.5", app.schemaVersion());
        assertEquals(
                "",
                app.datasets().get(0).doneFlag(),
                "an empty <done-flag></done-flag> means: the directory is enough");
        assertNull(app.datasets().get(1).doneFlag(), "no <done-flag>: Oozie waits for _SUCCESS");
        InputLogic.Element either = app.inputLogic().elements().get(0);
        assertEquals(
                List.of("or", "either", 18),
                List.of(either.element(), either.name(), either.span().line()));
        assertEquals(
                List.of("data-in ina 19", "data-in inb 20"),
                either.children().stream()
                        .map(c ->
                                c.element() + " " + c.dataset() + " " + c.span().line())
                        .toList());
        assertNull(either.min());
        assertNull(either.waitTime());
        assertEquals(
                List.of("info"),
                app.otherElements().stream().map(XmlElement::name).toList());
        assertEquals(List.of(), diagnostics.sorted());
    }

    @Test
    void namespaceLessCoordinatorWithDatasetIncludeAndParameters(@TempDir Path dir) throws IOException {
        String xml = """
                <coordinator-app name="daily" frequency="1440" start="2024-01-01T02:00Z" end="2025-01-01T02:00Z" timezone="UTC">
                    <parameters><property><name>queue</name><value>default</value></property></parameters>
                    <controls><timeout>60</timeout><concurrency>2</concurrency><execution>LIFO</execution><throttle>5</throttle></controls>
                    <datasets>
                        <include>${appRoot}/datasets.xml</include>
                        <dataset name="local" frequency="${coord:days(1)}" initial-instance="2024-01-01T00:00Z" timezone="UTC">
                            <uri-template>/data/${YEAR}${MONTH}${DAY}</uri-template>
                            <done-flag>_DONE</done-flag>
                        </dataset>
                    </datasets>
                    <input-events>
                        <data-in name="in" dataset="shared-logs"><instance>${coord:current(0)}</instance></data-in>
                    </input-events>
                    <action><workflow><app-path>${appRoot}/wf</app-path></workflow></action>
                </coordinator-app>
                """;
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorApp app =
                OozieReader.readCoordinator(xml, "coord.xml", diagnostics).orElseThrow();
        // Only the warning that Oozie itself would reject a namespace-less file.
        assertEquals(
                List.of("OOZ-W007"),
                diagnostics.sorted().stream().map(d -> d.code().id()).toList());
        assertEquals("", app.namespace());
        assertEquals("1440", app.frequency());
        assertEquals(new Controls("60", "2", "LIFO", "5", SourceSpan.of("coord.xml", 3, 5)), app.controls());
        assertEquals(List.of("${appRoot}/datasets.xml"), app.datasetIncludes());
        assertEquals("_DONE", app.datasets().get(0).doneFlag());
        assertEquals("default", app.parameters().get(0).value());
        assertEquals(List.of(), app.configuration());

        Path include = Files.writeString(dir.resolve("datasets.xml"), """
                <datasets>
                    <dataset name="shared-logs" frequency="${coord:hours(1)}" initial-instance="2024-01-01T00:00Z" timezone="UTC">
                        <uri-template>/logs/${YEAR}/${MONTH}/${DAY}/${HOUR}</uri-template>
                    </dataset>
                </datasets>
                """);
        assertEquals(OozieDocumentKind.DATASETS, OozieReader.detect(include));
        List<Dataset> datasets =
                OozieReader.readDatasets(include, "datasets.xml", diagnostics).orElseThrow();
        assertEquals(
                List.of(new Dataset(
                        "shared-logs",
                        "${coord:hours(1)}",
                        "2024-01-01T00:00Z",
                        "UTC",
                        "/logs/${YEAR}/${MONTH}/${DAY}/${HOUR}",
                        null,
                        SourceSpan.of("datasets.xml", 2, 5))),
                datasets);
    }

    @Test
    void missingPartsAndUndefinedDatasetsAreErrors() {
        String xml = """
                <coordinator-app xmlns="uri:oozie:coordinator:0.4" name="c" start="${start}" end="${end}" timezone="UTC">
                    <datasets>
                        <dataset name="logs" frequency="60" initial-instance="2024-01-01T00:00Z" timezone="UTC"/>
                    </datasets>
                    <input-events>
                        <data-in name="in" dataset="log"><instance>${coord:current(0)}</instance></data-in>
                        <data-in name="range" dataset="logs"><start-instance>${coord:current(-1)}</start-instance></data-in>
                    </input-events>
                    <action><workflow/></action>
                </coordinator-app>
                """;
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(OozieReader.readCoordinator(xml, "c.xml", diagnostics).isEmpty());
        assertEquals(
                List.of(
                        "c.xml:1:1: error OOZ-E004: coordinator-app has no 'frequency' attribute",
                        "c.xml:3:9: error OOZ-E004: dataset 'logs' has no <uri-template> element",
                        "c.xml:6:9: error OOZ-E012: 'in' uses dataset 'log', which is not defined\n  hint: did you mean 'logs'?",
                        "c.xml:7:9: error OOZ-E004: <data-in> 'range' has neither <instance> nor <start-instance>/<end-instance>",
                        "c.xml:9:13: error OOZ-E004: coordinator <workflow> has no <app-path> element"),
                diagnostics.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void everyCoordinatorVersionIsAccepted() {
        for (String version : List.of("0.1", "0.2", "0.3", "0.4", "0.5")) {
            String xml = "<coordinator-app xmlns=\"uri:oozie:coordinator:" + version + "\" name=\"c\" frequency=\"60\" "
                    + "start=\"s\" end=\"e\" timezone=\"UTC\"><action><workflow><app-path>/wf</app-path></workflow>"
                    + "</action></coordinator-app>";
            Diagnostics diagnostics = new Diagnostics();
            assertEquals(
                    version,
                    OozieReader.readCoordinator(xml, "c.xml", diagnostics)
                            .orElseThrow()
                            .schemaVersion());
        }
    }
}
