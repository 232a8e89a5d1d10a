package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hardened XML reading: the tree and its positions, and every refusal as a diagnostic, never an exception. */
class XmlReaderTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheTreeWithPositions() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- licence -->
                <root xmlns="uri:oozie:workflow:0.5" b="2" a="1">
                    <child>  hello &amp; bye  </child>
                    <empty/>
                    <script><![CDATA[ id.pig ]]></script>
                    <mixed>one<inner/>two</mixed>
                </root>
                """;
        XmlElement root =
                XmlReader.read(xml, "app/workflow.xml", new Diagnostics()).orElseThrow();
        assertEquals("root", root.name());
        assertEquals("uri:oozie:workflow:0.5", root.namespace());
        assertEquals(List.of("b", "a"), List.copyOf(root.attributes().keySet()), "attributes keep document order");
        assertEquals(SourceSpan.of("app/workflow.xml", 3, 1), root.span());

        XmlElement child = root.child("child").orElseThrow();
        assertEquals("hello & bye", child.text());
        assertEquals(SourceSpan.of("app/workflow.xml", 4, 5), child.span());
        assertEquals(SourceSpan.of("app/workflow.xml", 4, 14), child.textSpan());
        assertEquals("uri:oozie:workflow:0.5", child.namespace(), "children inherit the default namespace");

        XmlElement empty = root.child("empty").orElseThrow();
        assertEquals("", empty.text());
        assertEquals(SourceSpan.of("app/workflow.xml", 5, 5), empty.span());

        XmlElement script = root.child("script").orElseThrow();
        assertEquals("id.pig", script.text());
        assertEquals(SourceSpan.of("app/workflow.xml", 6, 23), script.textSpan());

        assertEquals("onetwo", root.childText("mixed"));
        assertEquals(1, root.child("mixed").orElseThrow().children("inner").size());
        assertEquals(null, root.childText("absent"));
    }

    @Test
    void malformedXmlGivesOozE001AtTheSaxPosition() {
        String xml = """
                <workflow-app name="x">
                    <start to="a">
                </workflow-app>
                """;
        assertEquals(
                List.of("wf.xml:3:3: error OOZ-E001: malformed XML: The element type \"start\" must be "
                        + "terminated by the matching end-tag \"</start>\"."),
                problems(xml));
    }

    @Test
    void unclosedAttributeQuoteIsMalformed() {
        List<String> problems = problems("<a>\n  <b x=\"1>\n</a>");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("wf.xml:3:"), problems.get(0));
        assertTrue(problems.get(0).contains("error OOZ-E001"), problems.get(0));
    }

    @Test
    void emptyInputIsMalformed() {
        assertEquals(List.of("wf.xml:1:1: error OOZ-E001: malformed XML: Premature end of file."), problems(""));
    }

    @Test
    void doctypeIsRefusedAndTheEntityFileIsNeverRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE workflow-app [\n  <!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">\n]>\n<workflow-app name=\"&xxe;\"><start to=\"end\"/><end name=\"end\"/></workflow-app>";
        Diagnostics diagnostics = new Diagnostics();
        Optional<XmlElement> root = XmlReader.read(xml, "wf.xml", diagnostics);
        assertTrue(root.isEmpty());
        List<String> problems = formatted(diagnostics);
        assertEquals(1, problems.size());
        assertTrue(
                problems.get(0).startsWith("wf.xml:2:10: error OOZ-E002: DOCTYPE declarations are refused"),
                problems.get(0));
        assertFalse(problems.get(0).contains("TOP-SECRET"), "the entity's file content never shows up");
    }

    @Test
    void externalDtdAndParameterEntitiesAreRefusedToo() {
        String externalDtd = "<!DOCTYPE a SYSTEM \"http://example.invalid/evil.dtd\"><a/>";
        String parameterEntity = "<!DOCTYPE a [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><a/>";
        String billionLaughs = "<!DOCTYPE a [<!ENTITY l \"lol\"><!ENTITY l2 \"&l;&l;&l;&l;\">]><a>&l2;</a>";
        for (String xml : List.of(externalDtd, parameterEntity, billionLaughs)) {
            Diagnostics diagnostics = new Diagnostics();
            assertTrue(XmlReader.read(xml, "x.xml", diagnostics).isEmpty(), xml);
            assertEquals(
                    List.of("OOZ-E002"),
                    diagnostics.sorted().stream().map(d -> d.code().id()).toList(),
                    xml);
        }
    }

    @Test
    void xincludeIsNotProcessed() {
        String xml = """
                <a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></a>""";
        XmlElement root = XmlReader.read(xml, "x.xml", new Diagnostics()).orElseThrow();
        XmlElement include = root.child("include").orElseThrow();
        assertEquals("http://www.w3.org/2001/XInclude", include.namespace());
        assertEquals("", include.text());
    }

    @Test
    void missingFileIsAnIoError() {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(XmlReader.read(dir.resolve("nope.xml"), "apps/nope.xml", diagnostics)
                .isEmpty());
        assertEquals(
                List.of("IO-E001"),
                diagnostics.sorted().stream().map(d -> d.code().id()).toList());
        assertEquals("apps/nope.xml:1:1", diagnostics.sorted().get(0).span().toString());
    }

    @Test
    void declaredEncodingIsHonoured() throws IOException {
        Path file = dir.resolve("latin1.xml");
        Files.write(
                file,
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\u00e9</a>"
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(
                "caf\u00e9",
                XmlReader.read(file, "latin1.xml", new Diagnostics())
                        .orElseThrow()
                        .text());
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() throws IOException {
        Path file = dir.resolve("bad.xml");
        Files.write(file, new byte[] {'<', 'a', '>', '\n', 'x', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'});
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(XmlReader.read(file, "bad.xml", diagnostics).isEmpty());
        assertEquals(
                List.of("bad.xml:2:2: error OOZ-E001: malformed XML: bytes that are not valid UTF-8"),
                formatted(diagnostics));
    }

    @Test
    void readRootStopsAtTheRootElement() throws IOException {
        Path file = Files.writeString(
                dir.resolve("c.xml"),
                "<!-- x -->\n<coordinator-app xmlns=\"uri:oozie:coordinator:0.4\" "
                        + "name=\"c\"><broken></coordinator-app>");
        XmlElement root = XmlReader.readRoot(file).orElseThrow();
        assertEquals("coordinator-app", root.name());
        assertEquals("c", root.attribute("name"));
        assertTrue(root.children().isEmpty());
    }

    private static List<String> problems(String xml) {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(XmlReader.read(xml, "wf.xml", diagnostics).isEmpty());
        return formatted(diagnostics);
    }

    @Test
    void eachThreadBuildsOneParserAndEveryReadAfterARefusalIsFresh() throws Exception {
        org.xml.sax.XMLReader reader = XmlReader.reader();
        org.xml.sax.ContentHandler idle = reader.getContentHandler();
        Path file = Files.writeString(
                dir.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:0.5\"><a/></workflow-app>");
        String good = "<root><child>text</child></root>";
        // Refusals and the root-only stop end a parse half-way; the next read on the same parser must not notice.
        for (int round = 0; round < 2; round++) {
            assertEquals(
                    "text",
                    XmlReader.read(good, "a.xml", new Diagnostics())
                            .orElseThrow()
                            .childText("child"));
            assertEquals(
                    List.of("m.xml:1:12: error OOZ-E001: malformed XML: The element type \"a\" must be terminated"
                            + " by the matching end-tag \"</a>\"."),
                    problems("<root><a></b>", "m.xml"));
            assertEquals(List.of("OOZ-E002"), codes("<!DOCTYPE a [<!ENTITY l \"lol\">]><a>&l;</a>"));
            assertEquals("workflow-app", XmlReader.readRoot(file).orElseThrow().name());
            assertEquals(List.of(), problems(good, "a.xml"));
        }
        assertTrue(reader == XmlReader.reader(), "one parser per thread, reused");
        assertTrue(idle == reader.getContentHandler(), "between reads the parser holds no tree builder");
        java.util.concurrent.atomic.AtomicReference<Object> other = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                other.set(XmlReader.reader());
            } catch (Exception e) {
                other.set(e);
            }
        });
        thread.start();
        thread.join();
        assertTrue(
                other.get() instanceof org.xml.sax.XMLReader && other.get() != reader,
                "another thread gets its own parser");
    }

    private static List<String> problems(String xml, String name) {
        Diagnostics diagnostics = new Diagnostics();
        XmlReader.read(xml, name, diagnostics);
        return formatted(diagnostics);
    }

    private static List<String> codes(String xml) {
        Diagnostics diagnostics = new Diagnostics();
        XmlReader.read(xml, "x.xml", diagnostics);
        return diagnostics.sorted().stream().map(d -> d.code().id()).toList();
    }

    private static List<String> formatted(Diagnostics diagnostics) {
        return diagnostics.sorted().stream()
                .map(Diagnostic::format)
                .map(s -> s.lines().findFirst().orElse(""))
                .toList();
    }
}
