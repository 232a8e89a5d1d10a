package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates Oozie XML against the XSDs of oozie-client (bundled under {@code dev/ferry/parser/oozie/xsd/}),
 * the way Oozie's SchemaService does: one schema set holding workflow 0.1-1.0, every action extension,
 * coordinator 0.1-0.5, bundle 0.1-0.2 and SLA 0.1-0.2. Every violation becomes an OOZ-E014 at its
 * line:column. Hardened: no DTDs, no external entities, schemas resolved only from the bundled set.
 */
public final class OozieSchemas {

    static final String XSD_FOLDER = "/dev/ferry/parser/oozie/xsd/";

    /** The bundled XSDs; gms-oozie-sla-0.1 repeats oozie-sla-0.1's namespace and is left out, as in Oozie. */
    static final List<String> XSD_FILES = List.of(
            "oozie-workflow-0.1.xsd",
            "oozie-workflow-0.2.xsd",
            "oozie-workflow-0.2.5.xsd",
            "oozie-workflow-0.3.xsd",
            "oozie-workflow-0.4.xsd",
            "oozie-workflow-0.4.5.xsd",
            "oozie-workflow-0.5.xsd",
            "oozie-workflow-1.0.xsd",
            "oozie-coordinator-0.1.xsd",
            "oozie-coordinator-0.2.xsd",
            "oozie-coordinator-0.3.xsd",
            "oozie-coordinator-0.4.xsd",
            "oozie-coordinator-0.5.xsd",
            "oozie-bundle-0.1.xsd",
            "oozie-bundle-0.2.xsd",
            "oozie-sla-0.1.xsd",
            "oozie-sla-0.2.xsd",
            "distcp-action-0.1.xsd",
            "distcp-action-0.2.xsd",
            "distcp-action-1.0.xsd",
            "email-action-0.1.xsd",
            "email-action-0.2.xsd",
            "git-action-1.0.xsd",
            "hive-action-0.2.xsd",
            "hive-action-0.3.xsd",
            "hive-action-0.4.xsd",
            "hive-action-0.5.xsd",
            "hive-action-0.6.xsd",
            "hive-action-1.0.xsd",
            "hive2-action-0.1.xsd",
            "hive2-action-0.2.xsd",
            "hive2-action-1.0.xsd",
            "shell-action-0.1.xsd",
            "shell-action-0.2.xsd",
            "shell-action-0.3.xsd",
            "shell-action-1.0.xsd",
            "spark-action-0.1.xsd",
            "spark-action-0.2.xsd",
            "spark-action-1.0.xsd",
            "sqoop-action-0.2.xsd",
            "sqoop-action-0.3.xsd",
            "sqoop-action-0.4.xsd",
            "sqoop-action-1.0.xsd",
            "ssh-action-0.1.xsd",
            "ssh-action-0.2.xsd");

    /** The validator's rule key ("cvc-complex-type.2.4.a: ") says nothing to a user. */
    private static final Pattern RULE_KEY = Pattern.compile("^cvc-[\\w.-]+: ");

    /** {@code {"uri:oozie:workflow:0.5":script}} → {@code script}: the namespace is the document's own. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\{?\"[^\"]*\":([\\w.-]+)}?");

    /** {@code {WC["uri:oozie:sla:0.1"]}} → {@code an element of uri:oozie:sla:0.1}: a wildcard slot. */
    private static final Pattern WILDCARD = Pattern.compile("\\{?WC\\[([^\\]]*)]}?");

    /** A wildcard slot (the action extension) holding an element of a namespace we have no XSD for. */
    private static final Pattern UNKNOWN_EXTENSION = Pattern.compile("cvc-complex-type\\.2\\.4\\.c.*");

    /** {@code xmlns="uri:oozie:..."} and {@code xmlns:p="uri:oozie:..."}: the Oozie namespaces a document declares. */
    private static final Pattern DECLARED_NAMESPACE =
            Pattern.compile("xmlns(?::[\\w.-]+)?\\s*=\\s*[\"'](uri:oozie:[^\"']+)[\"']");

    /**
     * Schemas compiled on first use for each set of bundled namespaces a document declares: compiling all
     * 45 XSDs costs more than converting a small repository, and a repository uses a handful of sets.
     */
    private static final Map<Set<String>, Optional<Schema>> SCHEMAS = new ConcurrentHashMap<>();

    /** Each thread's validators, one per schema (see {@code Pass.validatorHandler}). */
    private static final ThreadLocal<Map<Schema, javax.xml.validation.ValidatorHandler>> VALIDATORS =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private OozieSchemas() {}

    /** Every namespace the bundled schemas declare (uri:oozie:workflow:0.5, uri:oozie:shell-action:0.3...). */
    public static Set<String> namespaces() {
        return NamespaceSet.ALL;
    }

    /** True when a bundled XSD declares this namespace. */
    public static boolean knows(String namespace) {
        return NamespaceSet.ALL.contains(namespace);
    }

    /**
     * Validation inside the reader's one parse: {@link XmlReader} feeds it the SAX events it builds the element
     * tree from; it picks the schema when the root element starts (the root's namespace and the ones the text
     * declares) and collects the violations, each an OOZ-E014; {@link #finish} reports them. A root without a
     * namespace is not validated (Oozie needs one; we accept such files and rely on the reader's own checks).
     * Elements in a namespace no bundled XSD declares, in a wildcard slot (custom actions), are left to the
     * reader, which reports them as OOZ-W006.
     */
    static final class Pass extends org.xml.sax.helpers.DefaultHandler {
        private final String xml;
        private final Collector collector;
        private final List<String[]> prefixes = new ArrayList<>();
        private org.xml.sax.Locator locator;
        private boolean rootSeen;
        private boolean unloadable;
        private javax.xml.validation.ValidatorHandler validator;
        private String failure;

        Pass(String xml, String displayPath) {
            this.xml = xml;
            this.collector = new Collector(displayPath, xml);
        }

        /** Reports the violations (or why there was no validation); true when the document is valid. */
        boolean finish(String rootNamespace, String displayPath, Diagnostics diagnostics) {
            if (unvalidated(rootNamespace, displayPath, diagnostics)) {
                return true;
            }
            if (unloadable) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W007,
                        SourceSpan.file(displayPath),
                        "the bundled Oozie XSDs cannot be loaded; the file is read without validation");
                return true;
            }
            if (failure != null) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E014, SourceSpan.file(displayPath), "schema validation failed: " + failure);
                return false;
            }
            collector.problems.forEach(diagnostics::add);
            return collector.problems.isEmpty();
        }

        @Override
        public void setDocumentLocator(org.xml.sax.Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            if (rootSeen) {
                feed(v -> v.startPrefixMapping(prefix, uri));
            } else {
                prefixes.add(new String[] {prefix, uri});
            }
        }

        @Override
        public void endPrefixMapping(String prefix) {
            feed(v -> v.endPrefixMapping(prefix));
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes) {
            if (!rootSeen) {
                rootSeen = true;
                start(uri);
            }
            feed(v -> v.startElement(uri, localName, qName, attributes));
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            feed(v -> v.endElement(uri, localName, qName));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            feed(v -> v.characters(ch, start, length));
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            feed(v -> v.ignorableWhitespace(ch, start, length));
        }

        @Override
        public void endDocument() {
            feed(org.xml.sax.ContentHandler::endDocument);
        }

        /** The validator for the root's namespace, started and told the prefixes declared so far. */
        private void start(String rootNamespace) {
            if (rootNamespace.isEmpty() || !knows(rootNamespace)) {
                return;
            }
            Optional<Schema> compiled =
                    SCHEMAS.computeIfAbsent(declaredNamespaces(xml, rootNamespace), OozieSchemas::load);
            if (compiled.isEmpty()) {
                unloadable = true;
                return;
            }
            validator = validatorHandler(compiled.get());
            feed(v -> {
                v.setErrorHandler(collector);
                if (locator != null) {
                    v.setDocumentLocator(locator);
                }
                v.startDocument();
                for (String[] prefix : prefixes) {
                    v.startPrefixMapping(prefix[0], prefix[1]);
                }
            });
        }

        /**
         * This thread's validator of the schema, built on first use (building one costs about as much as validating a
         * small file): a validator is not thread-safe, and {@code startDocument} resets it for each document, whose
         * error handler and locator are set before it.
         */
        private static javax.xml.validation.ValidatorHandler validatorHandler(Schema schema) {
            Map<Schema, javax.xml.validation.ValidatorHandler> mine = VALIDATORS.get();
            javax.xml.validation.ValidatorHandler handler = mine.get(schema);
            if (handler == null) {
                handler = schema.newValidatorHandler();
                try {
                    handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                    handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                } catch (SAXException notSupported) {
                    // The JDK's validator supports both; the schema set resolves nothing outside the bundle anyway.
                }
                mine.put(schema, handler);
            }
            return handler;
        }

        /** One event to the validator; a fatal problem ends validation (the tree's parse goes on). */
        private void feed(Event event) {
            if (validator == null) {
                return;
            }
            try {
                event.send(validator);
            } catch (SAXParseException stopped) {
                // Already recorded by the collector (fatal errors end the pass).
                validator = null;
            } catch (SAXException | RuntimeException e) {
                failure = e.getMessage();
                validator = null;
            }
        }

        @FunctionalInterface
        private interface Event {
            void send(javax.xml.validation.ValidatorHandler validator) throws SAXException;
        }
    }

    /** True (with the warning saying why) when a root in this namespace is not validated: none, or no XSD. */
    private static boolean unvalidated(String rootNamespace, String displayPath, Diagnostics diagnostics) {
        if (rootNamespace == null || rootNamespace.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W007,
                    SourceSpan.file(displayPath),
                    "the root element has no namespace:"
                            + " Oozie itself rejects this file at submission; Ferry converts it without schema validation",
                    "add the namespace the file was written for (uri:oozie:workflow:..., coordinator:..., bundle:...)");
            return true;
        }
        if (!knows(rootNamespace)) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W007,
                    SourceSpan.file(displayPath),
                    "namespace " + rootNamespace + " has no bundled Oozie XSD; the file is read without validation");
            return true;
        }
        return false;
    }

    /** The bundled namespaces the document declares (its root's at least), sorted. */
    private static Set<String> declaredNamespaces(String xml, String rootNamespace) {
        Set<String> namespaces = new TreeSet<>();
        namespaces.add(rootNamespace);
        Matcher m = DECLARED_NAMESPACE.matcher(xml);
        while (m.find()) {
            if (knows(m.group(1))) {
                namespaces.add(m.group(1));
            }
        }
        return Collections.unmodifiableSet(namespaces);
    }

    /** One schema of the XSDs declaring {@code namespaces} (their includes resolved from the bundled set). */
    private static Optional<Schema> load(Set<String> namespaces) {
        try {
            // The JDK's own validator, without a look-up of providers on the class path (as XmlReader's parser).
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(new BundledOnly());
            List<StreamSource> sources = new ArrayList<>();
            for (String file : XSD_FILES) {
                if (!namespaces.contains(NamespaceSet.of(file))) {
                    continue;
                }
                URL url = OozieSchemas.class.getResource(XSD_FOLDER + file);
                if (url == null) {
                    return Optional.empty();
                }
                sources.add(new StreamSource(url.openStream(), url.toExternalForm()));
            }
            return Optional.of(factory.newSchema(sources.toArray(new StreamSource[0])));
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
    }

    /** Serves {@code xs:include}s (oozie-common-1.0.xsd) from the bundled set; anything else is refused. */
    private static final class BundledOnly implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String base) {
            String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            InputStream in = name.endsWith(".xsd") ? OozieSchemas.class.getResourceAsStream(XSD_FOLDER + name) : null;
            if (in == null) {
                throw new IllegalStateException("schema reference refused: " + systemId);
            }
            return new BundledInput(in, publicId, XSD_FOLDER + name, base);
        }
    }

    private record BundledInput(InputStream byteStream, String publicId, String systemId, String baseURI)
            implements LSInput {
        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader characterStream) {}

        @Override
        public InputStream getByteStream() {
            return byteStream;
        }

        @Override
        public void setByteStream(InputStream byteStream) {}

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {}

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {}

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(String publicId) {}

        @Override
        public String getBaseURI() {
            return baseURI;
        }

        @Override
        public void setBaseURI(String baseURI) {}

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {}

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {}
    }

    /** Keeps every violation with its position; the strict-wildcard miss of a custom action is skipped. */
    private static final class Collector implements ErrorHandler {
        private final String file;
        private final String xml;
        private final List<dev.ferry.diagnostics.Diagnostic> problems = new ArrayList<>();
        /** The line index, built at the first violation (most files have none). */
        private SourceText source;

        Collector(String file, String xml) {
            this.file = file;
            this.xml = xml;
        }

        @Override
        public void warning(SAXParseException e) {
            // Schema warnings carry nothing a user must fix.
        }

        @Override
        public void error(SAXParseException e) {
            String message = e.getMessage() == null ? "schema violation" : e.getMessage();
            if (UNKNOWN_EXTENSION.matcher(message).matches()) {
                return;
            }
            problems.add(dev.ferry.diagnostics.Diagnostic.of(DiagnosticCode.OOZ_E014, at(e), readable(message)));
        }

        private static String readable(String message) {
            String text = QUALIFIED_NAME
                    .matcher(RULE_KEY.matcher(message).replaceFirst(""))
                    .replaceAll("$1");
            Matcher wildcard = WILDCARD.matcher(text);
            StringBuilder out = new StringBuilder();
            while (wildcard.find()) {
                String namespaces = wildcard.group(1).replace("\"", "").replace(",", " or ");
                wildcard.appendReplacement(out, Matcher.quoteReplacement("an element of " + namespaces));
            }
            return wildcard.appendTail(out).toString();
        }

        /** The validator reports the end of the start tag; point at its {@code <}, like element spans do. */
        private SourceSpan at(SAXParseException e) {
            if (source == null) {
                source = new SourceText(xml);
            }
            int line = Math.max(1, e.getLineNumber());
            int column = Math.max(1, e.getColumnNumber());
            int end = source.offset(line, column);
            int tag = source.text().lastIndexOf('<', Math.max(0, end - 1));
            if (tag >= 0 && source.text().startsWith("</", tag)) {
                tag = openingTag(source.text(), tag);
            }
            return tag < 0
                    ? SourceSpan.of(file, line, column)
                    : SourceSpan.of(file, source.lineOf(tag), source.columnOf(tag));
        }

        /** "content is not complete" is reported at the end tag: move it to the element's start tag. */
        private static int openingTag(String text, int endTag) {
            int nameEnd = endTag + 2;
            while (nameEnd < text.length()
                    && !Character.isWhitespace(text.charAt(nameEnd))
                    && text.charAt(nameEnd) != '>') {
                nameEnd++;
            }
            String name = text.substring(endTag + 2, nameEnd);
            int depth = 1;
            for (int at = text.lastIndexOf('<', endTag - 1); at >= 0; at = text.lastIndexOf('<', at - 1)) {
                if (text.startsWith("</" + name, at) && boundary(text, at + 2 + name.length())) {
                    depth++;
                } else if (text.startsWith("<" + name, at)
                        && boundary(text, at + 1 + name.length())
                        && !selfClosing(text, at)
                        && --depth == 0) {
                    return at;
                }
            }
            return endTag;
        }

        private static boolean boundary(String text, int at) {
            return at < text.length()
                    && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == '>' || text.charAt(at) == '/');
        }

        private static boolean selfClosing(String text, int start) {
            int close = text.indexOf('>', start);
            return close > 0 && text.charAt(close - 1) == '/';
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            error(e);
            throw e;
        }
    }

    /** The target namespaces of the bundled XSDs, read from the file names' families and versions. */
    private static final class NamespaceSet {
        static final Set<String> ALL = build();

        private static Set<String> build() {
            java.util.TreeSet<String> all = new java.util.TreeSet<>();
            for (String file : XSD_FILES) {
                all.add(of(file));
            }
            return java.util.Collections.unmodifiableSet(all);
        }

        /** The namespace an XSD file declares: oozie-workflow-0.5.xsd → uri:oozie:workflow:0.5. */
        static String of(String file) {
            String stem = file.substring(0, file.length() - ".xsd".length());
            int dash = stem.lastIndexOf('-');
            String family = stem.substring(0, dash).replaceFirst("^oozie-", "");
            return "uri:oozie:" + family + ":" + stem.substring(dash + 1);
        }
    }
}
