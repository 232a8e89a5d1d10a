package dev.ferry.parser.oozie;

import dev.ferry.parser.oozie.xml.EmailXml;
import dev.ferry.parser.oozie.xml.PigXml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pig and email actions read straight from the span-carrying tree, without JAXB, when their element is one
 * JAXB would bind field by field: every child an element of the action's schema version, in its namespace (or
 * none), each text element without elements inside, each single element at most once. Such an element gives the
 * values JAXB gives (a text element's value is the tree's text of it, which is what {@code OozieJaxb} hands JAXB;
 * {@code PlainActionsTest} compares the two on every schema version); any other goes through JAXB as before. A cold
 * one-app run then builds no JAXB context (the context of a workflow package was ~75 ms of it).
 */
final class PlainActions {

    /** Children read from the tree elsewhere (ActionReader, OozieElements): allowed once, their content unread here. */
    private static final Set<String> PIG_COMPLEX = Set.of("prepare", "configuration");

    private static final Set<String> PIG_SINGLE = Set.of("job-tracker", "name-node", "job-xml", "script");

    private static final Set<String> PIG_REPEATED = Set.of("param", "file", "archive");

    private static final Set<String> EMAIL_0_1 = Set.of("to", "cc", "subject", "body");

    private static final Set<String> EMAIL_0_2 =
            Set.of("to", "cc", "bcc", "subject", "body", "content_type", "attachment");

    private PlainActions() {}

    /**
     * The action's bound values, for a pig element of a workflow namespace or an email element of an email-action
     * namespace ({@code namespace} is the one it binds to); empty when it must be bound by JAXB.
     */
    static Optional<Object> read(XmlElement body, String namespace) {
        String pkg = OozieJaxb.packageOf(namespace);
        if (body.name().equals("pig") && pkg.startsWith("workflow.")) {
            return pig(body, namespace, pkg);
        }
        if (body.name().equals("email") && pkg.startsWith("email.")) {
            return email(body, namespace, pkg);
        }
        return Optional.empty();
    }

    private static Optional<Object> pig(XmlElement body, String namespace, String pkg) {
        Set<String> single = new HashSet<>(PIG_SINGLE);
        Set<String> repeated = new HashSet<>(PIG_REPEATED);
        if (!pkg.equals("workflow.v0_1")) {
            repeated.add("argument");
        }
        if (pkg.equals("workflow.v1_0")) {
            single.add("resource-manager");
        }
        Map<String, List<String>> texts = texts(body, namespace, single, repeated, PIG_COMPLEX);
        if (texts == null) {
            return Optional.empty();
        }
        return Optional.of(new Pig(
                first(texts, "script"),
                all(texts, "param"),
                all(texts, "argument"),
                all(texts, "file"),
                all(texts, "archive")));
    }

    private static Optional<Object> email(XmlElement body, String namespace, String pkg) {
        Set<String> single = switch (pkg) {
            case "email.v0_1" -> EMAIL_0_1;
            case "email.v0_2" -> EMAIL_0_2;
            default -> null;
        };
        Map<String, List<String>> texts = single == null ? null : texts(body, namespace, single, Set.of(), Set.of());
        if (texts == null) {
            return Optional.empty();
        }
        return Optional.of(new Email(
                first(texts, "to"),
                first(texts, "cc"),
                first(texts, "bcc"),
                first(texts, "subject"),
                first(texts, "body"),
                first(texts, "content_type"),
                first(texts, "attachment")));
    }

    /**
     * The texts of the children by name, or null when a child is not of the version, not in {@code namespace}, a text
     * element holding elements, or a single (or complex) element repeated.
     */
    private static Map<String, List<String>> texts(
            XmlElement body, String namespace, Set<String> single, Set<String> repeated, Set<String> complex) {
        if (body.children().isEmpty()) {
            return null;
        }
        Map<String, List<String>> texts = new HashMap<>();
        for (XmlElement child : body.children()) {
            String name = child.name();
            boolean text = single.contains(name) || repeated.contains(name);
            if (!(child.namespace().isEmpty() || child.namespace().equals(namespace))
                    || !(text || complex.contains(name))
                    || (text && !child.children().isEmpty())) {
                return null;
            }
            List<String> values = texts.computeIfAbsent(name, n -> new ArrayList<>());
            if (!values.isEmpty() && !repeated.contains(name)) {
                return null;
            }
            values.add(child.text());
        }
        return texts;
    }

    private static String first(Map<String, List<String>> texts, String name) {
        List<String> values = texts.get(name);
        return values == null ? null : values.get(0);
    }

    private static List<String> all(Map<String, List<String>> texts, String name) {
        return List.copyOf(texts.getOrDefault(name, List.of()));
    }

    /** A plain pig element's values. */
    record Pig(String script, List<String> params, List<String> arguments, List<String> files, List<String> archives)
            implements PigXml {
        @Override
        public String getScript() {
            return script;
        }

        @Override
        public List<String> getParam() {
            return params;
        }

        @Override
        public List<String> getArgument() {
            return arguments;
        }

        @Override
        public List<String> getFile() {
            return files;
        }

        @Override
        public List<String> getArchive() {
            return archives;
        }
    }

    /** A plain email element's values (null for an element it lacks). */
    record Email(String to, String cc, String bcc, String subject, String body, String contentType, String attachment)
            implements EmailXml {
        @Override
        public String getTo() {
            return to;
        }

        @Override
        public String getCc() {
            return cc;
        }

        @Override
        public String getBcc() {
            return bcc;
        }

        @Override
        public String getSubject() {
            return subject;
        }

        @Override
        public String getBody() {
            return body;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getAttachment() {
            return attachment;
        }
    }
}
