package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Hardened XML reading into an immutable {@link XmlElement} tree. DTDs are refused (a DOCTYPE gives
 * OOZ-E002), external entities and XInclude are off, and malformed XML gives OOZ-E001 at the SAX
 * line:column. Never throws: every problem becomes a diagnostic.
 */
public final class XmlReader {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    /** One reader per thread, built on first use (see {@link #reader()}). */
    private static final ThreadLocal<XMLReader> THREAD_READER = new ThreadLocal<>();

    private static final Neutral NEUTRAL = new Neutral();

    private XmlReader() {}

    /** Reads a file; empty (with diagnostics) when it cannot be read or is not well-formed. */
    public static Optional<XmlElement> read(Path file, String displayPath, Diagnostics diagnostics) {
        return decode(file, displayPath, diagnostics).flatMap(text -> read(text, displayPath, diagnostics));
    }

    /** Reads XML text; {@code displayPath} is the file name shown in diagnostics and spans. */
    public static Optional<XmlElement> read(String xml, String displayPath, Diagnostics diagnostics) {
        return read(xml, displayPath, diagnostics, null);
    }

    /** Reads XML text, feeding {@code also} (when not null) the same content events in the same parse. */
    static Optional<XmlElement> read(String xml, String displayPath, Diagnostics diagnostics, ContentHandler also) {
        TreeBuilder builder = new TreeBuilder(new SourceText(xml), displayPath);
        if (!parse(xml, builder, also, displayPath, diagnostics)) {
            return Optional.empty();
        }
        return Optional.ofNullable(builder.root);
    }

    /**
     * The root element only (no children, no text), read with the same hardening; empty when the file
     * cannot be read or does not start like well-formed XML. Stops at the root's start tag.
     */
    public static Optional<XmlElement> readRoot(Path file) {
        Diagnostics ignored = new Diagnostics();
        Optional<String> text = decode(file, file.toString(), ignored);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        TreeBuilder builder = new TreeBuilder(new SourceText(text.get()), file.toString());
        builder.stopAtRoot = true;
        parse(text.get(), builder, null, file.toString(), ignored);
        return Optional.ofNullable(builder.root);
    }

    /** Decodes the bytes the way the XML declaration (or a BOM) says, UTF-8 by default. */
    static Optional<String> decode(Path file, String displayPath, Diagnostics diagnostics) {
        return bytes(file, displayPath, diagnostics).flatMap(bytes -> decode(bytes, displayPath, diagnostics));
    }

    /** The file's bytes, or empty after an IO-E001 naming it. */
    static Optional<byte[]> bytes(Path file, String displayPath, Diagnostics diagnostics) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            diagnostics.report(
                    DiagnosticCode.IO_E001, SourceSpan.file(displayPath), "cannot read file: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> decode(byte[] bytes, String displayPath, Diagnostics diagnostics) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else {
            String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
            Matcher m = DECLARED_ENCODING.matcher(head);
            if (m.find()) {
                try {
                    charset = Charset.forName(m.group(1));
                } catch (RuntimeException e) {
                    diagnostics.report(
                            DiagnosticCode.OOZ_E001,
                            SourceSpan.file(displayPath),
                            "malformed XML: unsupported encoding '" + m.group(1) + "'");
                    return Optional.empty();
                }
            }
        }
        ByteBuffer input = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(input)
                    .toString());
        } catch (CharacterCodingException e) {
            int bad = input.position();
            String before = new String(bytes, skip, Math.max(0, bad - skip), charset);
            SourceText prefix = new SourceText(before);
            SourceSpan at =
                    SourceSpan.of(displayPath, prefix.lineOf(before.length()), prefix.columnOf(before.length()));
            diagnostics.report(
                    DiagnosticCode.OOZ_E001, at, "malformed XML: bytes that are not valid " + charset.name());
            return Optional.empty();
        }
    }

    private static boolean parse(
            String xml, TreeBuilder builder, ContentHandler also, String displayPath, Diagnostics diagnostics) {
        XMLReader reader = null;
        try {
            reader = reader();
            reader.setContentHandler(also == null ? builder : new Tee(builder, also));
            reader.setErrorHandler(builder);
            reader.setEntityResolver(builder);
            reader.setProperty(LEXICAL_HANDLER, builder);
            reader.parse(new InputSource(new StringReader(xml)));
            return true;
        } catch (StopAtRoot stop) {
            return true;
        } catch (SAXParseException e) {
            SourceSpan at =
                    SourceSpan.of(displayPath, Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber()));
            if (builder.doctypeSeen || isDoctypeRefusal(e)) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E002,
                        at,
                        "DOCTYPE declarations are refused (no DTDs, no external entities)",
                        "remove the <!DOCTYPE ...> line; Oozie files do not need one");
            } else if (e.getMessage() != null && e.getMessage().contains("maxElementDepth")) {
                diagnostics.report(
                        DiagnosticCode.IO_E003,
                        at,
                        "XML elements nested more than " + MAX_DEPTH + " deep; not read",
                        "Oozie documents nest a few levels; this file is not one");
            } else {
                diagnostics.report(DiagnosticCode.OOZ_E001, at, "malformed XML: " + e.getMessage());
            }
            return false;
        } catch (SAXException | ParserConfigurationException | IOException | RuntimeException e) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E001, SourceSpan.file(displayPath), "malformed XML: " + e.getMessage());
            return false;
        } finally {
            if (reader != null) {
                neutral(reader);
            }
        }
    }

    private static boolean isDoctypeRefusal(SAXParseException e) {
        String message = e.getMessage();
        return message != null && (message.contains("disallow-doctype-decl") || message.contains("DOCTYPE"));
    }

    /** Elements nested deeper than this are refused (an Oozie document nests about ten). */
    static final int MAX_DEPTH = 200;

    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    /**
     * This thread's hardened reader, with handlers that keep nothing: building a SAX parser costs more than
     * reading a small Oozie file, so each thread builds one and reuses it (a parser is not thread-safe, and
     * every parse sets its own handlers). Callers use it for one parse at a time and never keep it.
     */
    static XMLReader reader() throws ParserConfigurationException, SAXException {
        XMLReader reader = THREAD_READER.get();
        if (reader == null) {
            reader = hardenedReader();
            THREAD_READER.set(reader);
        }
        neutral(reader);
        return reader;
    }

    /** Drops the last parse's handlers, so the reader keeps no tree alive and refuses entities as before. */
    private static void neutral(XMLReader reader) {
        reader.setContentHandler(NEUTRAL);
        reader.setErrorHandler(NEUTRAL);
        reader.setEntityResolver(NEUTRAL);
        reader.setDTDHandler(NEUTRAL);
        try {
            reader.setProperty(LEXICAL_HANDLER, NEUTRAL);
        } catch (SAXException notSupported) {
            // The JDK's parser supports it; without it there is simply no lexical handler to clear.
        }
    }

    /**
     * The JDK's own parser ({@code newDefaultInstance}), the one the hardening below is written for: no jar of Ferry's
     * provides another, and looking one up ({@code newInstance}) opened every jar of the class path (~30 ms of a cold
     * run).
     */
    static XMLReader hardenedReader() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature(DISALLOW_DOCTYPE, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        try {
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException notSupported) {
            // The DOCTYPE refusal above and the refusing entity resolver below still hold.
        }
        try {
            // Oozie documents nest about ten levels; far deeper input is refused while it is read (JDK limit).
            reader.setProperty(MAX_ELEMENT_DEPTH, Integer.toString(MAX_DEPTH));
        } catch (SAXException notSupported) {
            // Not the JDK's parser: no depth limit from it.
        }
        return reader;
    }

    /** The handlers a reader holds between parses: they keep no state and refuse every external entity. */
    private static final class Neutral extends DefaultHandler2 {
        @Override
        public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId)
                throws SAXException {
            throw new SAXException("external entities are refused: " + systemId);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /** Thrown to end a root-only read once the root's start tag is seen. */
    private static final class StopAtRoot extends SAXException {
        StopAtRoot() {
            super("root element read");
        }
    }

    /** SAX handler building the tree; positions come from the locator mapped back onto the source text. */
    /** Every content event to the tree builder, then to a second handler (the schema validation's). */
    private record Tee(ContentHandler first, ContentHandler second) implements ContentHandler {
        @Override
        public void setDocumentLocator(Locator locator) {
            first.setDocumentLocator(locator);
            second.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            first.startDocument();
            second.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            first.endDocument();
            second.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            first.startPrefixMapping(prefix, uri);
            second.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            first.endPrefixMapping(prefix);
            second.endPrefixMapping(prefix);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            first.startElement(uri, localName, qName, atts);
            second.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            first.endElement(uri, localName, qName);
            second.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            first.characters(ch, start, length);
            second.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            first.ignorableWhitespace(ch, start, length);
            second.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            first.processingInstruction(target, data);
            second.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            first.skippedEntity(name);
            second.skippedEntity(name);
        }
    }

    private static final class TreeBuilder extends DefaultHandler2 {
        private final SourceText source;
        private final String file;
        private final Deque<Frame> open = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;
        private boolean stopAtRoot;
        private boolean doctypeSeen;

        TreeBuilder(SourceText source, String file) {
            this.source = source;
            this.file = file;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) throws SAXException {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < attrs.getLength(); i++) {
                String name = attrs.getLocalName(i);
                attributes.put(name == null || name.isEmpty() ? attrs.getQName(i) : name, attrs.getValue(i));
            }
            String name = localName == null || localName.isEmpty() ? qName : localName;
            int tagEnd = source.offset(locator.getLineNumber(), locator.getColumnNumber());
            int tagStart = source.text().lastIndexOf('<', Math.max(0, tagEnd - 1));
            SourceSpan span = tagStart < 0
                    ? SourceSpan.of(file, Math.max(1, locator.getLineNumber()), Math.max(1, locator.getColumnNumber()))
                    : at(tagStart);
            boolean selfClosing = tagEnd >= 2 && source.text().startsWith("/>", tagEnd - 2);
            SourceSpan textSpan = selfClosing ? span : textStart(tagEnd, span);
            Frame frame = new Frame(uri, name, attributes, span, textSpan);
            if (stopAtRoot) {
                root = frame.build();
                throw new StopAtRoot();
            }
            open.push(frame);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            XmlElement element = open.pop().build();
            if (open.isEmpty()) {
                root = element;
            } else {
                open.peek().children.add(element);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text.append(ch, start, length);
            }
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            doctypeSeen = true;
            throw new SAXParseException("DOCTYPE declarations are refused", locator);
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId)
                throws SAXException {
            doctypeSeen = true;
            throw new SAXParseException("external entities are refused: " + systemId, locator);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        /** Where the element's own text starts: after the start tag, past whitespace and a CDATA opener. */
        private SourceSpan textStart(int afterTag, SourceSpan fallback) {
            String text = source.text();
            int i = skipWhitespace(text, afterTag);
            if (text.startsWith("<![CDATA[", i)) {
                i = skipWhitespace(text, i + "<![CDATA[".length());
                return at(i);
            }
            return i < text.length() && text.charAt(i) != '<' ? at(i) : fallback;
        }

        private static int skipWhitespace(String text, int i) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private SourceSpan at(int offset) {
            return SourceSpan.of(file, source.lineOf(offset), source.columnOf(offset));
        }
    }

    private static final class Frame {
        final String namespace;
        final String name;
        final Map<String, String> attributes;
        final SourceSpan span;
        final SourceSpan textSpan;
        final List<XmlElement> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Frame(String namespace, String name, Map<String, String> attributes, SourceSpan span, SourceSpan textSpan) {
            this.namespace = namespace;
            this.name = name;
            this.attributes = attributes;
            this.span = span;
            this.textSpan = textSpan;
        }

        XmlElement build() {
            return new XmlElement(
                    namespace, name, attributes, children, text.toString().trim(), span, textSpan);
        }
    }
}
