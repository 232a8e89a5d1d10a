package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.xml.WorkflowActionXml;
import dev.ferry.parser.oozie.xml.WorkflowAppXml;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.sax.SAXSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Unmarshals Oozie XML into the classes xjc generates from the oozie-client XSDs
 * ({@code dev.ferry.parser.oozie.xml.<family>.v<version>}), through the same hardened SAX reader.
 *
 * <p>Workflow ACTION has two {@code xs:any} slots, the action extension and the {@code sla:info} after
 * {@code <error>}; both bind to {@code @XmlAnyElement}, so JAXB would let the SLA overwrite the extension.
 * SLA elements are therefore filtered out here and read from the element tree instead ({@link SlaInfo}).
 */
public final class OozieJaxb {

    /** One package per namespace, as oozie.xjb binds them. */
    static final List<String> PACKAGES = List.of(
            "workflow.v0_1",
            "workflow.v0_2",
            "workflow.v0_2_5",
            "workflow.v0_3",
            "workflow.v0_4",
            "workflow.v0_4_5",
            "workflow.v0_5",
            "workflow.v1_0",
            "coordinator.v0_1",
            "coordinator.v0_2",
            "coordinator.v0_3",
            "coordinator.v0_4",
            "coordinator.v0_5",
            "bundle.v0_1",
            "bundle.v0_2",
            "sla.v0_1",
            "sla.v0_2",
            "distcp.v0_1",
            "distcp.v0_2",
            "distcp.v1_0",
            "email.v0_1",
            "email.v0_2",
            "git.v1_0",
            "hive.v0_2",
            "hive.v0_3",
            "hive.v0_4",
            "hive.v0_5",
            "hive.v0_6",
            "hive.v1_0",
            "hive2.v0_1",
            "hive2.v0_2",
            "hive2.v1_0",
            "shell.v0_1",
            "shell.v0_2",
            "shell.v0_3",
            "shell.v1_0",
            "spark.v0_1",
            "spark.v0_2",
            "spark.v1_0",
            "sqoop.v0_2",
            "sqoop.v0_3",
            "sqoop.v0_4",
            "sqoop.v1_0",
            "ssh.v0_1",
            "ssh.v0_2");

    private static final String BASE = "dev.ferry.parser.oozie.xml.";

    private OozieJaxb() {}

    /** The JAXB root object (a WORKFLOWAPP, COORDINATORAPP, BUNDLEAPP of the document's version). */
    public static Optional<Object> unmarshal(String xml, String displayPath, Diagnostics diagnostics) {
        try {
            Unmarshaller unmarshaller = Context.All.INSTANCE.createUnmarshaller();
            SlaFilter filter = new SlaFilter();
            filter.setParent(XmlReader.hardenedReader());
            Object result = unmarshaller.unmarshal(new SAXSource(filter, new InputSource(new StringReader(xml))));
            return Optional.of(result instanceof JAXBElement<?> element ? element.getValue() : result);
        } catch (UnmarshalException e) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E003,
                    SourceSpan.file(displayPath),
                    "not an Oozie document the schemas bind: " + message(e));
            return Optional.empty();
        } catch (JAXBException | SAXException | ParserConfigurationException | RuntimeException e) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E001, SourceSpan.file(displayPath), "cannot read the document: " + message(e));
            return Optional.empty();
        }
    }

    /** The newest schema of each action element: a namespace-less file's actions bind to it. */
    private static final Map<String, String> NEWEST = Map.of(
            "shell", "uri:oozie:shell-action:1.0",
            "spark", "uri:oozie:spark-action:1.0",
            "hive", "uri:oozie:hive-action:1.0",
            "hive2", "uri:oozie:hive2-action:1.0",
            "sqoop", "uri:oozie:sqoop-action:1.0",
            "ssh", "uri:oozie:ssh-action:0.2",
            "distcp", "uri:oozie:distcp-action:1.0",
            "git", "uri:oozie:git-action:1.0",
            "email", "uri:oozie:email-action:0.2");

    private static final String NEWEST_WORKFLOW = "uri:oozie:workflow:1.0";

    /**
     * An action element of the span-carrying tree bound to the class xjc generated for its namespace: an extension
     * ({@code <shell xmlns="uri:oozie:shell-action:1.0">} → {@code xml.shell.v1_0.ACTION}) or a core action of the
     * workflow's namespace ({@code <java>} → {@code xml.workflow.v0_5.JAVA}, bound inside a one-action workflow,
     * as the workflow schema declares it only there). A namespace-less element binds to its newest schema. Empty for
     * a custom action, or when it does not bind (schema problems are reported by {@link OozieSchemas}). Elements are
     * rebuilt as DOM nodes, so nothing is parsed again. A pig or email element JAXB would bind field by field is read
     * from the tree instead, to the same values ({@link PlainActions}).
     */
    static Optional<Object> bindAction(XmlElement body) {
        if (!ActionTypes.isKnown(body)) {
            return Optional.empty();
        }
        boolean core = ActionTypes.CORE.contains(body.name()) && OozieNamespaces.accepts("workflow", body.namespace());
        String namespace = body.namespace();
        if (namespace.isEmpty() || !OozieSchemas.knows(namespace)) {
            namespace = core ? NEWEST_WORKFLOW : NEWEST.get(body.name());
        }
        Optional<Object> plain = PlainActions.read(body, namespace);
        return plain.isPresent() ? plain : bindThroughJaxb(body, namespace, core);
    }

    /** {@link #bindAction}'s binding through JAXB, for every element {@link PlainActions} does not read. */
    static Optional<Object> bindThroughJaxb(XmlElement body, String namespace, boolean core) {
        try {
            Document document = documentBuilder().newDocument();
            Element node = toDom(document, body, namespace);
            if (core) {
                Element app = document.createElementNS(namespace, "workflow-app");
                app.setAttribute("name", "bound");
                Element action = document.createElementNS(namespace, "action");
                action.setAttribute("name", "bound");
                action.appendChild(node);
                app.appendChild(action);
                node = app;
            }
            document.appendChild(node);
            Object result = Context.of(namespace).createUnmarshaller().unmarshal(node);
            Object bound = result instanceof JAXBElement<?> element ? element.getValue() : result;
            return core ? coreAction(bound, body.name()) : Optional.ofNullable(bound);
        } catch (JAXBException | ParserConfigurationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * One document builder per thread, built on first use: building one costs more than the small element bound
     * with it, and a builder is not thread-safe. Only its {@code newDocument()} is used, which keeps nothing.
     */
    private static final ThreadLocal<DocumentBuilder> DOCUMENT_BUILDER = new ThreadLocal<>();

    private static DocumentBuilder documentBuilder() throws ParserConfigurationException {
        DocumentBuilder builder = DOCUMENT_BUILDER.get();
        if (builder == null) {
            builder = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder();
            DOCUMENT_BUILDER.set(builder);
        }
        return builder;
    }

    private static Optional<Object> coreAction(Object app, String name) {
        if (!(app instanceof WorkflowAppXml workflow)
                || workflow.getDecisionOrForkOrJoin().isEmpty()
                || !(workflow.getDecisionOrForkOrJoin().get(0) instanceof WorkflowActionXml action)) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (name) {
                    case "pig" -> action.getPig();
                    case "java" -> action.getJava();
                    case "map-reduce" -> action.getMapReduce();
                    case "sub-workflow" -> action.getSubWorkflow();
                    default -> null;
                });
    }

    /** The element as a DOM node, elements without a namespace put in {@code blankNamespace}. */
    private static Element toDom(Document document, XmlElement element, String blankNamespace) {
        String namespace = element.namespace().isEmpty() ? blankNamespace : element.namespace();
        Element node = document.createElementNS(namespace, element.name());
        element.attributes().forEach(node::setAttribute);
        if (element.children().isEmpty()) {
            node.setTextContent(element.text());
        }
        for (XmlElement child : element.children()) {
            node.appendChild(toDom(document, child, blankNamespace));
        }
        return node;
    }

    private static String message(Exception e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    /**
     * The contexts, each built once: over every generated package for a whole document (its wildcard slots bind
     * any namespace), and over one namespace's package for an action element. Building the context of all 45
     * packages costs more than converting a small repository (most of a one-app cold run), and an action needs
     * only its own.
     */
    private static final class Context {
        private static final Map<String, JAXBContext> BY_NAMESPACE = new ConcurrentHashMap<>();

        /** The context of the package bound to {@code namespace}, or of every package when none is. */
        static JAXBContext of(String namespace) {
            String pkg = packageOf(namespace);
            return PACKAGES.contains(pkg) ? BY_NAMESPACE.computeIfAbsent(pkg, p -> create(List.of(p))) : All.INSTANCE;
        }

        private static JAXBContext create(List<String> packages) {
            String path = String.join(":", packages.stream().map(p -> BASE + p).toList());
            try {
                return JAXBContext.newInstance(path, OozieJaxb.class.getClassLoader());
            } catch (JAXBException e) {
                throw new IllegalStateException("generated Oozie JAXB classes do not load", e);
            }
        }

        /** Its own class, so it is built only when first used. */
        private static final class All {
            static final JAXBContext INSTANCE = create(PACKAGES);
        }
    }

    /**
     * The package oozie.xjb binds a namespace to: {@code uri:oozie:shell-action:1.0} → {@code shell.v1_0},
     * {@code uri:oozie:workflow:0.2.5} → {@code workflow.v0_2_5}; empty when the namespace is not of that form.
     */
    static String packageOf(String namespace) {
        String prefix = "uri:oozie:";
        int colon = namespace.lastIndexOf(':');
        if (!namespace.startsWith(prefix) || colon < prefix.length()) {
            return "";
        }
        String family = namespace.substring(prefix.length(), colon).replaceFirst("-action$", "");
        return family + ".v" + namespace.substring(colon + 1).replace('.', '_');
    }

    /** Drops every element in an uri:oozie:sla:* namespace, with its content. */
    private static final class SlaFilter extends XMLFilterImpl {
        private int depth;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (depth > 0 || uri.startsWith("uri:oozie:sla:")) {
                depth++;
                return;
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (depth > 0) {
                depth--;
                return;
            }
            super.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (depth == 0) {
                super.characters(ch, start, length);
            }
        }
    }
}
