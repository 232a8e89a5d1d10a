package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.el.ElParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every workflow and coordinator of the Apache Oozie examples reads with zero diagnostics. */
class OozieCorpusTest {

    static Stream<String> oozieXmlFiles() throws IOException {
        Path root = Corpus.oozieExamples();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            assertTrue(names.size() >= 30, "the corpus has the Oozie examples: " + names.size());
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oozieXmlFiles")
    void readsWithoutDiagnostics(String relative) {
        Path file = Corpus.oozieExamples().resolve(relative);
        Diagnostics diagnostics = new Diagnostics();
        boolean read = switch (OozieReader.detect(file)) {
            case WORKFLOW -> OozieReader.readWorkflow(file, relative, diagnostics).isPresent();
            case COORDINATOR -> OozieReader.readCoordinator(file, relative, diagnostics).isPresent();
            case DATASETS -> OozieReader.readDatasets(file, relative, diagnostics).isPresent();
            case BUNDLE -> OozieReader.readBundle(file, relative, diagnostics).isPresent();
            case UNKNOWN -> false;
        };
        assertEquals(List.of(), diagnostics.sorted().stream().map(Diagnostic::format).toList());
        assertTrue(read, relative);
    }

    /** Every namespaced document binds to the JAXB classes generated for its own namespace and version. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oozieXmlFiles")
    void bindsToTheJaxbClassesOfItsVersion(String relative) throws IOException {
        String xml = Files.readString(Corpus.oozieExamples().resolve(relative));
        Diagnostics diagnostics = new Diagnostics();
        XmlElement root = XmlReader.read(xml, relative, diagnostics).orElseThrow();
        String version = OozieNamespaces.version(root.namespace());
        if (version.isEmpty() || root.name().equals("datasets")) {
            return; // namespace-less and dataset include files have no schema root to bind to
        }
        String family = root.namespace().split(":")[2];
        Object bound = OozieJaxb.unmarshal(xml, relative, diagnostics).orElseThrow();
        assertEquals("dev.ferry.parser.oozie.xml." + family + ".v" + version.replace('.', '_'),
                bound.getClass().getPackageName(), relative);
        assertEquals(List.of(), diagnostics.sorted().stream().map(Diagnostic::format).toList());
    }

    /** Every text and attribute value of the corpus is valid Oozie EL (or plain text). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oozieXmlFiles")
    void everyValueParsesAsEl(String relative) {
        Diagnostics diagnostics = new Diagnostics();
        XmlReader.read(Corpus.oozieExamples().resolve(relative), relative, diagnostics)
                .ifPresent(root -> parseAll(root, diagnostics));
        List<String> problems = diagnostics.sorted().stream().map(Diagnostic::format).toList();
        if (relative.endsWith(".security")) {
            assertEquals(1, problems.size(), "only the placeholder problem: " + problems);
        } else {
            assertEquals(List.of(), problems);
        }
    }

    private static void parseAll(XmlElement element, Diagnostics diagnostics) {
        ElParser.parse(element.text(), element.textSpan(), diagnostics);
        element.attributes().values().forEach(v -> ElParser.parse(v, element.span(), diagnostics));
        element.children().forEach(c -> parseAll(c, diagnostics));
    }

    @Test
    void everyPropertiesFileLoads() throws IOException {
        Path root = Corpus.oozieExamples();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> properties = files.filter(p -> p.getFileName().toString().contains(".properties")).sorted().toList();
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
        oozieXmlFiles().forEach(f -> kinds.put(f, OozieReader.detect(Corpus.oozieExamples().resolve(f))));
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
        assertTrue(OozieReader.readWorkflow(file, "hive/workflow.xml.security", diagnostics).isEmpty());
        assertEquals(List.of("hive/workflow.xml.security:24:44: error OOZ-E001: malformed XML: The element type \"port\" "
                + "must be terminated by the matching end-tag \"</port>\"."),
                diagnostics.sorted().stream().map(Diagnostic::format).toList());
        assertEquals(OozieDocumentKind.WORKFLOW, OozieReader.detect(file), "detect only needs the root element");
    }

    @Test
    void pigExampleModel() {
        Diagnostics diagnostics = new Diagnostics();
        WorkflowApp app = OozieReader.readWorkflow(Corpus.oozieExamples().resolve("pig/workflow.xml"),
                "pig/workflow.xml", diagnostics).orElseThrow();
        assertEquals("pig-wf", app.name());
        assertEquals("1.0", app.schemaVersion());
        ActionNode node = app.actions().get(0);
        PigAction pig = (PigAction) node.action();
        assertEquals("id.pig", pig.script());
        assertEquals("pig/workflow.xml:37:21", pig.scriptSpan().toString());
        assertEquals("${resourceManager}", pig.resourceManager());
        assertEquals(List.of("INPUT", "OUTPUT"), pig.params().stream().map(PigParam::name).toList());
        assertEquals("/user/${wf:user()}/${examplesRoot}/input-data/text", pig.params().get(0).value());
        assertEquals(PrepareStep.Kind.DELETE, pig.prepare().get(0).kind());
        assertEquals(List.of("mapred.job.queue.name", "mapred.compress.map.output"),
                pig.configuration().stream().map(ConfigProperty::name).toList());
        assertEquals("fail", node.errorTo());
    }
}
