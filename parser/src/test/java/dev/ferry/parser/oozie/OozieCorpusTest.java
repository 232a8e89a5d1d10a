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
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The corpus tier: the Apache Oozie examples of {@code ../shared/corpus} (run by the {@code corpus} Maven profile
 * when that directory exists) — the checks of {@link OozieFilesTest} and facts of particular examples.
 */
@Tag("corpus")
class OozieCorpusTest extends OozieFilesTest {

    @Override
    Path root() {
        return Corpus.oozieExamples();
    }

    @Override
    List<String> directories() {
        return List.of("");
    }

    @Override
    int minimumFiles() {
        return 30;
    }

    @Test
    void everyPropertiesFileLoads() throws IOException {
        Path root = Corpus.oozieExamples();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> properties = files.filter(p -> p.getFileName().toString().contains(".properties"))
                    .sorted()
                    .toList();
            assertTrue(properties.size() >= 25, "job.properties files: " + properties.size());
            for (Path file : properties) {
                Diagnostics diagnostics = new Diagnostics();
                String relative = root.relativize(file).toString();
                assertTrue(!JobProperties.load(file, relative, diagnostics).isEmpty(), relative);
                assertEquals(List.of(), diagnostics.sorted(), relative);
            }
        }
    }

    @Test
    void detectsEveryKindByItsRoot() throws IOException {
        Map<String, OozieDocumentKind> kinds = new TreeMap<>();
        oozieXmlFiles()
                .forEach(f ->
                        kinds.put(f, OozieReader.detect(Corpus.oozieExamples().resolve(f))));
        assertEquals(OozieDocumentKind.BUNDLE, kinds.get("bundle/bundle.xml"));
        assertEquals(OozieDocumentKind.COORDINATOR, kinds.get("aggregator/coordinator-with-offset.xml"));
        assertEquals(OozieDocumentKind.WORKFLOW, kinds.get("map-reduce/workflow-with-config-class.xml"));
        kinds.forEach((file, kind) -> assertTrue(kind != OozieDocumentKind.UNKNOWN, file));
    }

    /** The *.xml.security variants are templates with {@code <host>} placeholders: not well-formed XML. */
    @Test
    void securityTemplatesWithPlaceholdersAreMalformed() {
        Diagnostics diagnostics = new Diagnostics();
        Path file = Corpus.oozieExamples().resolve("hive/workflow.xml.security");
        assertTrue(OozieReader.readWorkflow(file, "hive/workflow.xml.security", diagnostics)
                .isEmpty());
        assertEquals(
                List.of("hive/workflow.xml.security:24:44: error OOZ-E001: malformed XML: The element type \"port\" "
                        + "must be terminated by the matching end-tag \"</port>\"."),
                diagnostics.sorted().stream().map(Diagnostic::format).toList());
        assertEquals(OozieDocumentKind.WORKFLOW, OozieReader.detect(file), "detect only needs the root element");
    }

    @Test
    void pigExampleModel() {
        Diagnostics diagnostics = new Diagnostics();
        WorkflowApp app = OozieReader.readWorkflow(
                        Corpus.oozieExamples().resolve("pig/workflow.xml"), "pig/workflow.xml", diagnostics)
                .orElseThrow();
        assertEquals("pig-wf", app.name());
        assertEquals("1.0", app.schemaVersion());
        ActionNode node = app.actions().get(0);
        PigAction pig = (PigAction) node.action();
        assertEquals("id.pig", pig.script());
        assertEquals("pig/workflow.xml:37:21", pig.scriptSpan().toString());
        assertEquals("${resourceManager}", pig.resourceManager());
        assertEquals(
                List.of("INPUT", "OUTPUT"),
                pig.params().stream().map(PigParam::name).toList());
        assertEquals(
                "/user/${wf:user()}/${examplesRoot}/input-data/text",
                pig.params().get(0).value());
        assertEquals(PrepareStep.Kind.DELETE, pig.prepare().get(0).kind());
        assertEquals(
                List.of("mapred.job.queue.name", "mapred.compress.map.output"),
                pig.configuration().stream().map(ConfigProperty::name).toList());
        assertEquals("fail", node.errorTo());
    }

    @Test
    void aggregatorExample() {
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorApp app = OozieReader.readCoordinator(
                        Corpus.oozieExamples().resolve("aggregator/coordinator.xml"),
                        "aggregator/coordinator.xml",
                        diagnostics)
                .orElseThrow();
        assertEquals("aggregator-coord", app.name());
        assertEquals("${coord:hours(1)}", app.frequency());
        assertEquals("${start}", app.start());
        assertEquals("UTC", app.timezone());
        assertEquals("0.2", app.schemaVersion());
        assertEquals(
                new Controls(null, "1", null, null, SourceSpan.of("aggregator/coordinator.xml", 20, 5)),
                app.controls());
        assertEquals(
                List.of("raw-logs", "aggregated-logs"),
                app.datasets().stream().map(Dataset::name).toList());
        Dataset raw = app.datasets().get(0);
        assertEquals("${coord:minutes(20)}", raw.frequency());
        assertEquals("2010-01-01T00:00Z", raw.initialInstance());
        assertNull(raw.doneFlag(), "no <done-flag>: Oozie waits for _SUCCESS");
        DataEvent input = app.inputEvents().get(0);
        assertEquals("raw-logs", input.dataset());
        assertEquals("${coord:current(-2)}", input.startInstance());
        assertEquals("${coord:current(0)}", input.endInstance());
        assertEquals(List.of("${coord:current(0)}"), app.outputEvents().get(0).instances());
        assertEquals("${nameNode}/user/${coord:user()}/${examplesRoot}/apps/aggregator", app.workflowAppPath());
        assertEquals(
                "${coord:dataIn('input')}",
                ConfigProperty.toMap(app.configuration()).get("inputData"));
    }

    @Test
    void cronFrequencyAndEmptyDoneFlagStayRaw() {
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorApp cron = OozieReader.readCoordinator(
                        Corpus.oozieExamples().resolve("cron-schedule/coordinator.xml"), "c.xml", diagnostics)
                .orElseThrow();
        assertEquals("0/10 * * * *", cron.frequency());
        CoordinatorApp hcat = OozieReader.readCoordinator(
                        Corpus.oozieExamples().resolve("hcatalog/coordinator.xml"), "h.xml", diagnostics)
                .orElseThrow();
        assertEquals("", hcat.datasets().get(0).doneFlag(), "an empty <done-flag/> means: the directory is enough");
        CoordinatorApp logic = OozieReader.readCoordinator(
                        Corpus.oozieExamples().resolve("coord-input-logic/coordinator.xml"), "l.xml", diagnostics)
                .orElseThrow();
        assertEquals("or", logic.inputLogic().elements().get(0).element());
        CoordinatorApp sla = OozieReader.readCoordinator(
                        Corpus.oozieExamples().resolve("sla/coordinator.xml"), "s.xml", diagnostics)
                .orElseThrow();
        assertEquals(
                List.of("info"),
                sla.otherElements().stream().map(XmlElement::name).toList());
        assertEquals(List.of(), diagnostics.sorted());
    }

    @Test
    void corpusJobProperties() {
        Diagnostics diagnostics = new Diagnostics();
        SortedMap<String, String> pig = JobProperties.load(
                Corpus.oozieExamples().resolve("pig/job.properties"), "pig/job.properties", diagnostics);
        assertEquals("examples", pig.get("examplesRoot"));
        assertEquals("${nameNode}/user/${user.name}/${examplesRoot}/apps/pig", pig.get("oozie.wf.application.path"));
        assertEquals(List.of(), diagnostics.sorted());
    }
}
