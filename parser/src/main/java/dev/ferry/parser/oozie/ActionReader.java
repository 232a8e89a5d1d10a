package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.xml.DistcpXml;
import dev.ferry.parser.oozie.xml.EmailXml;
import dev.ferry.parser.oozie.xml.GitXml;
import dev.ferry.parser.oozie.xml.Hive2Xml;
import dev.ferry.parser.oozie.xml.HiveXml;
import dev.ferry.parser.oozie.xml.JavaXml;
import dev.ferry.parser.oozie.xml.MapReduceXml;
import dev.ferry.parser.oozie.xml.PigXml;
import dev.ferry.parser.oozie.xml.PipesXml;
import dev.ferry.parser.oozie.xml.ShellXml;
import dev.ferry.parser.oozie.xml.SparkXml;
import dev.ferry.parser.oozie.xml.SqoopXml;
import dev.ferry.parser.oozie.xml.SshXml;
import dev.ferry.parser.oozie.xml.StreamingXml;
import dev.ferry.parser.oozie.xml.SubWorkflowXml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an action element of Oozie's schemas into its {@link BoundAction} record, once, at parse time: the values
 * come from the element's generated JAXB class through the version-neutral interfaces of
 * {@code dev.ferry.parser.oozie.xml} (so every schema version fills the same record), each paired with the span of
 * the element it came from in the span-carrying tree (the n-th {@code <arg>} value with the n-th {@code <arg>}
 * element). The parts every Hadoop action shares ({@link ActionParts}) are read from the tree, as for
 * {@code <global>} and pig.
 */
final class ActionReader {

    private final XmlElement element;

    private ActionReader(XmlElement element) {
        this.element = element;
    }

    /**
     * The action's record, empty for an element that is not an Oozie action or does not bind; what the record cannot
     * hold (a pig action without script, an email without subject...) goes to {@code diagnostics}.
     */
    static Optional<Action> read(XmlElement element, Diagnostics diagnostics) {
        return OozieJaxb.bindAction(element).map(bound -> new ActionReader(element).record(bound, diagnostics));
    }

    private Action record(Object bound, Diagnostics diagnostics) {
        if (bound instanceof PigXml pig) {
            return pig(pig, diagnostics);
        } else if (bound instanceof EmailXml email) {
            return email(email, diagnostics);
        } else if (bound instanceof ShellXml shell) {
            return new ShellAction(
                    element.span(),
                    one("exec", shell.getExec()),
                    all("argument", shell.getArgument()),
                    all("env-var", shell.getEnvVar()),
                    all("file", shell.getFile()),
                    all("archive", shell.getArchive()),
                    shell.getCaptureOutput() != null,
                    parts());
        } else if (bound instanceof SshXml ssh) {
            return new SshAction(
                    element.span(),
                    one("host", ssh.getHost()),
                    one("command", ssh.getCommand()),
                    inDocumentOrder("args", ssh.getArgs(), "arg", ssh.getArg()).stream()
                            .map(a -> new SshAction.Argument(a.name().equals("arg"), a))
                            .toList(),
                    ssh.getCaptureOutput() != null);
        } else if (bound instanceof GitXml git) {
            return new GitAction(
                    element.span(),
                    one("git-uri", git.getGitUri()),
                    one("branch", git.getBranch()),
                    one("key-path", git.getKeyPath()),
                    one("destination-uri", git.getDestinationUri()),
                    parts());
        } else if (bound instanceof SubWorkflowXml sub) {
            return new SubWorkflowAction(
                    element.span(),
                    one("app-path", sub.getAppPath()),
                    sub.getPropagateConfiguration() != null,
                    passedConfiguration(),
                    parts());
        } else if (bound instanceof JavaXml java) {
            return new JavaAction(
                    element.span(),
                    one("main-class", java.getMainClass()),
                    one("java-opts", java.getJavaOpts()),
                    all("java-opt", java.getJavaOpt()),
                    all("arg", java.getArg()),
                    all("file", java.getFile()),
                    all("archive", java.getArchive()),
                    java.getCaptureOutput() != null,
                    parts());
        } else if (bound instanceof MapReduceXml mapReduce) {
            return new MapReduceAction(
                    element.span(),
                    streaming(mapReduce.getStreaming()),
                    pipes(mapReduce.getPipes()),
                    one("config-class", mapReduce.getConfigClass()),
                    all("file", mapReduce.getFile()),
                    all("archive", mapReduce.getArchive()),
                    parts());
        } else if (bound instanceof SparkXml spark) {
            return new SparkAction(
                    element.span(),
                    one("master", spark.getMaster()),
                    one("mode", spark.getMode()),
                    one("name", spark.getName()),
                    one("class", spark.getClazz()),
                    one("jar", spark.getJar()),
                    one("spark-opts", spark.getSparkOpts()),
                    all("arg", spark.getArg()),
                    all("file", spark.getFile()),
                    all("archive", spark.getArchive()),
                    parts());
        } else if (bound instanceof SqoopXml sqoop) {
            return new SqoopAction(
                    element.span(),
                    one("command", sqoop.getCommand()),
                    all("arg", sqoop.getArg()),
                    all("file", sqoop.getFile()),
                    all("archive", sqoop.getArchive()),
                    parts());
        } else if (bound instanceof DistcpXml distcp) {
            return new DistcpAction(
                    element.span(), one("java-opts", distcp.getJavaOpts()), all("arg", distcp.getArg()), parts());
        } else if (bound instanceof HiveXml hive) {
            Hive2Xml hive2 = hive instanceof Hive2Xml h ? h : null;
            return new HiveAction(
                    element.span(),
                    hive2 != null,
                    hive2 == null ? null : one("jdbc-url", hive2.getJdbcUrl()),
                    hive2 == null ? null : one("password", hive2.getPassword()),
                    one("script", hive.getScript()),
                    one("query", hive.getQuery()),
                    all("param", hive.getParam()),
                    all("argument", hive.getArgument()),
                    all("file", hive.getFile()),
                    all("archive", hive.getArchive()),
                    parts());
        }
        throw new IllegalStateException("no record reads " + bound.getClass().getName());
    }

    private PigAction pig(PigXml pig, Diagnostics diagnostics) {
        ElementText script = one("script", pig.getScript());
        if (script == null) {
            diagnostics.report(DiagnosticCode.OOZ_E004, element.span(), "pig action has no <script> element");
        }
        List<PigParam> params = new ArrayList<>();
        for (ElementText param : all("param", pig.getParam())) {
            int equals = param.text().indexOf('=');
            if (equals <= 0) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E004,
                        param.textSpan(),
                        "pig <param> '" + param.text() + "' is not NAME=VALUE",
                        "write <param>NAME=VALUE</param>");
            } else {
                params.add(new PigParam(
                        param.text().substring(0, equals), param.text().substring(equals + 1), param.textSpan()));
            }
        }
        List<XmlElement> other = element.children().stream()
                .filter(c -> !PIG_ELEMENTS.contains(c.name()))
                .toList();
        return new PigAction(
                element.span(),
                OozieElements.resourceManager(element),
                element.childText("name-node"),
                element.child("prepare")
                        .map(p -> OozieElements.prepare(p, diagnostics))
                        .orElse(List.of()),
                OozieElements.texts(element, "job-xml"),
                OozieElements.configuration(element, diagnostics),
                script == null ? "" : script.text(),
                script == null ? element.span() : script.textSpan(),
                params,
                texts(all("argument", pig.getArgument())),
                texts(all("file", pig.getFile())),
                texts(all("archive", pig.getArchive())),
                other);
    }

    /** The pig action's elements of every schema version; any other child is kept for the report. */
    private static final Set<String> PIG_ELEMENTS = Set.of(
            "prepare",
            "param",
            "job-tracker",
            "resource-manager",
            "name-node",
            "job-xml",
            "configuration",
            "script",
            "argument",
            "file",
            "archive");

    private EmailAction email(EmailXml email, Diagnostics diagnostics) {
        String attachment =
                email.getAttachment() == null ? null : email.getAttachment().trim();
        List<String> attachments = attachment == null || attachment.isBlank()
                ? List.of()
                : Arrays.stream(attachment.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new EmailAction(
                element.span(),
                required("to", email.getTo(), "email action", diagnostics),
                trimmed(email.getCc()),
                trimmed(email.getBcc()),
                required("subject", email.getSubject(), "email action", diagnostics),
                required("body", email.getBody(), "email action", diagnostics),
                trimmed(email.getContentType()),
                attachments);
    }

    /** The bound value, trimmed; null after an OOZ-E004 at the action when the element is missing. */
    private String required(String name, String value, String what, Diagnostics diagnostics) {
        if (value == null) {
            diagnostics.report(DiagnosticCode.OOZ_E004, element.span(), what + " has no <" + name + "> element");
        }
        return trimmed(value);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private static List<String> texts(List<ElementText> texts) {
        return texts.stream().map(ElementText::text).toList();
    }

    private MapReduceAction.Streaming streaming(StreamingXml streaming) {
        if (streaming == null) {
            return null;
        }
        ActionReader in = within("streaming");
        return new MapReduceAction.Streaming(
                in.one("mapper", streaming.getMapper()),
                in.one("reducer", streaming.getReducer()),
                in.one("record-reader", streaming.getRecordReader()),
                in.all("record-reader-mapping", streaming.getRecordReaderMapping()),
                in.all("env", streaming.getEnv()));
    }

    private MapReduceAction.Pipes pipes(PipesXml pipes) {
        if (pipes == null) {
            return null;
        }
        ActionReader in = within("pipes");
        return new MapReduceAction.Pipes(
                in.one("map", pipes.getMap()),
                in.one("reduce", pipes.getReduce()),
                in.one("inputformat", pipes.getInputformat()),
                in.one("partitioner", pipes.getPartitioner()),
                in.one("writer", pipes.getWriter()),
                in.one("program", pipes.getProgram()));
    }

    private ActionReader within(String child) {
        return new ActionReader(element.child(child).orElse(element));
    }

    /** The bound value of the first {@code name} child, with that child's spans; null when it has none. */
    private ElementText one(String name, String value) {
        return value == null ? null : text(name, value, element.children(name), 0);
    }

    /** The bound values of every {@code name} child, each with its element's spans, in document order. */
    private List<ElementText> all(String name, List<String> values) {
        List<XmlElement> elements = element.children(name);
        List<ElementText> texts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            texts.add(text(name, values.get(i), elements, i));
        }
        return texts;
    }

    /** Two kinds of children the schema lets alternate, merged in the order the tree has them. */
    private List<ElementText> inDocumentOrder(String first, List<String> firsts, String second, List<String> seconds) {
        Iterator<ElementText> a = all(first, firsts).iterator();
        Iterator<ElementText> b = all(second, seconds).iterator();
        List<ElementText> texts = new ArrayList<>();
        for (XmlElement child : element.children()) {
            if (child.name().equals(first) && a.hasNext()) {
                texts.add(a.next());
            } else if (child.name().equals(second) && b.hasNext()) {
                texts.add(b.next());
            }
        }
        return texts;
    }

    /** Oozie reads an element's trimmed text (getTextTrim). */
    private ElementText text(String name, String value, List<XmlElement> elements, int index) {
        XmlElement source = index < elements.size() ? elements.get(index) : element;
        return new ElementText(name, value.trim(), source.span(), source.textSpan());
    }

    private ActionParts parts() {
        List<ElementText> cluster = element.children().stream()
                .filter(c -> ActionParts.CLUSTER.contains(c.name()))
                .map(ElementText::of)
                .toList();
        List<PrepareStep> prepare = element.child("prepare")
                .map(p -> OozieElements.prepare(p, new Diagnostics()))
                .orElse(List.of());
        List<ElementText> launcher = element.child("launcher")
                .map(l -> l.children().stream().map(ElementText::of).toList())
                .orElse(List.of());
        // Malformed properties were reported by the schema pass; none are reported twice here.
        ActionSettings settings = new ActionSettings(
                OozieElements.resourceManager(element),
                element.childText("name-node"),
                OozieElements.texts(element, "job-xml"),
                OozieElements.configuration(element, new Diagnostics()),
                List.of());
        return new ActionParts(settings, cluster, prepare, launcher);
    }

    /** A sub-workflow's {@code <configuration>}: a property without a value passes an empty one. */
    private List<ConfigProperty> passedConfiguration() {
        List<ConfigProperty> properties = new ArrayList<>();
        element.child("configuration")
                .ifPresent(c -> c.children("property").forEach(p -> {
                    String name = p.childText("name");
                    if (name != null) {
                        String value = p.childText("value");
                        properties.add(new ConfigProperty(
                                name,
                                value == null ? "" : value,
                                p.child("value").map(XmlElement::textSpan).orElse(p.span())));
                    }
                }));
        return properties;
    }
}
