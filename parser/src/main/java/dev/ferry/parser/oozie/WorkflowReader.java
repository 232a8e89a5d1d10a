package dev.ferry.parser.oozie;

import static dev.ferry.parser.oozie.OozieElements.configuration;
import static dev.ferry.parser.oozie.OozieElements.requireAttribute;
import static dev.ferry.parser.oozie.OozieElements.resourceManager;
import static dev.ferry.parser.oozie.OozieElements.texts;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a {@code <workflow-app>} element (any version, or no namespace) onto {@link WorkflowApp}, reporting
 * every missing part (OOZ-E004), duplicate name (OOZ-E006) and dangling transition (OOZ-E005).
 */
final class WorkflowReader {

    private final String file;
    private final Diagnostics diagnostics = new Diagnostics();

    private WorkflowReader(String file) {
        this.file = file;
    }

    /** The workflow, or empty when any error was found; every diagnostic goes to {@code sink}. */
    static Optional<WorkflowApp> read(XmlElement root, String file, Diagnostics sink) {
        WorkflowReader reader = new WorkflowReader(file);
        WorkflowApp app = reader.workflow(root);
        return OozieElements.unlessErrors(app, reader.diagnostics, sink);
    }

    private WorkflowApp workflow(XmlElement root) {
        if (!OozieElements.isRoot(root, "workflow-app", "workflow", "0.1-1.0", diagnostics)) {
            return null;
        }
        String name = requireAttribute(root, "name", "workflow-app", diagnostics);
        String startTo = null;
        SourceSpan startSpan = root.span();
        Global global = null;
        List<Credential> credentials = new ArrayList<>();
        List<WorkflowNode> nodes = new ArrayList<>();
        List<XmlElement> nodeElements = new ArrayList<>();
        List<XmlElement> other = new ArrayList<>();
        boolean startSeen = false;
        for (XmlElement child : root.children()) {
            switch (child.name()) {
                case "parameters" -> {
                    /* read below, in one go */
                }
                case "global" -> global = global(child);
                case "credentials" -> credentials.addAll(credentials(child));
                case "start" -> {
                    startSeen = true;
                    startSpan = child.span();
                    startTo = requireAttribute(child, "to", "<start>", diagnostics);
                }
                case "action", "decision", "fork", "join", "kill", "end" -> {
                    nodeElements.add(child);
                    node(child).ifPresent(nodes::add);
                }
                default -> other.add(child);
            }
        }
        if (!startSeen) {
            diagnostics.report(DiagnosticCode.OOZ_E004, root.span(), "workflow-app has no <start> element");
        }
        Set<String> names = checkNames(nodeElements);
        checkTransitions(startTo, startSpan, nodes, names);
        checkCredentials(nodes, credentials);
        if (!diagnostics.hasErrors()) {
            // Only a complete graph says something true about reachability and fork/join pairing.
            WorkflowGraphCheck.check(startTo, nodes, diagnostics);
        }
        if (name == null || startTo == null) {
            return null;
        }
        return new WorkflowApp(
                name,
                root.namespace(),
                root.span(),
                startTo,
                nodes,
                global,
                OozieElements.parameters(root, diagnostics),
                credentials,
                file,
                startSpan,
                other);
    }

    private Global global(XmlElement element) {
        List<XmlElement> other = element.children().stream()
                .filter(c -> !List.of("job-tracker", "resource-manager", "name-node", "job-xml", "configuration")
                        .contains(c.name()))
                .toList();
        return new Global(
                element.span(),
                resourceManager(element),
                element.childText("name-node"),
                texts(element, "job-xml"),
                configuration(element, diagnostics),
                other);
    }

    private List<Credential> credentials(XmlElement element) {
        List<Credential> credentials = new ArrayList<>();
        for (XmlElement credential : element.children("credential")) {
            String name = requireAttribute(credential, "name", "credential", diagnostics);
            String type = requireAttribute(credential, "type", "credential", diagnostics);
            if (name != null && type != null) {
                credentials.add(new Credential(
                        name, type, OozieElements.properties(credential, diagnostics), credential.span()));
            }
        }
        return credentials;
    }

    private Optional<WorkflowNode> node(XmlElement element) {
        String kind = element.name();
        String name = requireAttribute(element, "name", "<" + kind + ">", diagnostics);
        if (name == null) {
            return Optional.empty();
        }
        String what = kind + " '" + name + "'";
        SourceSpan span = element.span();
        return Optional.ofNullable(
                switch (kind) {
                    case "action" -> action(element, name, what);
                    case "decision" -> decision(element, name, what);
                    case "fork" -> fork(element, name, what);
                    case "join" -> {
                        String to = requireAttribute(element, "to", what, diagnostics);
                        yield to == null ? null : new JoinNode(name, span, to);
                    }
                    case "kill" -> {
                        Optional<XmlElement> message = element.child("message");
                        if (message.isEmpty()) {
                            diagnostics.report(DiagnosticCode.OOZ_E004, span, what + " has no <message> element");
                            yield null;
                        }
                        yield new KillNode(
                                name, span, message.get().text(), message.get().textSpan());
                    }
                    default -> new EndNode(name, span);
                });
    }

    private WorkflowNode action(XmlElement element, String name, String what) {
        XmlElement body = null;
        List<XmlElement> other = new ArrayList<>();
        for (XmlElement child : element.children()) {
            if (child.name().equals("ok") || child.name().equals("error")) {
                continue;
            }
            if (body == null && !OozieElements.isSla(child)) {
                body = child;
            } else {
                other.add(child);
            }
        }
        if (body == null) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E004,
                    element.span(),
                    what + " has no action element (pig, fs, email, shell, java...)");
        }
        Transition ok = transition(element, "ok", what);
        Transition error = transition(element, "error", what);
        Integer retryMax = integerAttribute(element, "retry-max", what);
        Integer retryInterval = integerAttribute(element, "retry-interval", what);
        Action action = body == null ? null : actionBody(body);
        if (action == null || ok == null || error == null) {
            return null;
        }
        return new ActionNode(
                name,
                element.span(),
                action,
                ok.to,
                error.to,
                retryMax,
                retryInterval,
                element.attribute("retry-policy"),
                element.attribute("cred"),
                ok.span,
                error.span,
                other);
    }

    private record Transition(String to, SourceSpan span) {}

    private Transition transition(XmlElement action, String kind, String what) {
        Optional<XmlElement> element = action.child(kind);
        if (element.isEmpty()) {
            diagnostics.report(DiagnosticCode.OOZ_E004, action.span(), what + " has no <" + kind + " to=\"...\"/>");
            return null;
        }
        String to = requireAttribute(element.get(), "to", "<" + kind + "> of " + what, diagnostics);
        return to == null ? null : new Transition(to, element.get().span());
    }

    private Integer integerAttribute(XmlElement element, String attribute, String what) {
        String value = element.attribute(attribute);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E011,
                    element.span(),
                    what + ": " + attribute + " must be a whole number, found '" + value + "'");
            return null;
        }
    }

    private Action actionBody(XmlElement body) {
        return switch (body.name()) {
            case "fs" -> fs(body);
            default -> {
                Optional<Action> bound = ActionReader.read(body, diagnostics);
                if (bound.isPresent()) {
                    yield bound.get();
                }
                if (!ActionTypes.isKnown(body)) {
                    diagnostics.report(
                            DiagnosticCode.OOZ_W006,
                            body.span(),
                            "<" + body.name() + ">"
                                    + (body.namespace().isEmpty() ? "" : " in " + body.namespace())
                                    + " is not an Oozie action type; it is kept as a generic action",
                            "a custom action executor needs its own translation");
                }
                yield new GenericAction(body.name(), body.namespace(), body.span(), body);
            }
        };
    }

    private FsAction fs(XmlElement fs) {
        List<FsOperation> operations = new ArrayList<>();
        for (XmlElement child : fs.children()) {
            switch (child.name()) {
                case "name-node", "job-xml", "configuration" -> {
                    /* read below */
                }
                default ->
                    FsOperation.Kind.of(child.name())
                            .ifPresentOrElse(
                                    kind -> operations.add(new FsOperation(
                                            kind, child.attributes(), child.hasChild("recursive"), child.span())),
                                    () -> diagnostics.report(
                                            DiagnosticCode.OOZ_W001,
                                            child.span(),
                                            "<" + child.name()
                                                    + "> is not a known fs operation; it is not translated"));
            }
        }
        return new FsAction(
                fs.span(), fs.childText("name-node"), operations, texts(fs, "job-xml"), configuration(fs, diagnostics));
    }

    private DecisionNode decision(XmlElement element, String name, String what) {
        Optional<XmlElement> sw = element.child("switch");
        if (sw.isEmpty()) {
            diagnostics.report(DiagnosticCode.OOZ_E004, element.span(), what + " has no <switch> element");
            return null;
        }
        List<DecisionCase> cases = new ArrayList<>();
        for (XmlElement c : sw.get().children("case")) {
            String to = requireAttribute(c, "to", "<case> of " + what, diagnostics);
            if (to != null) {
                cases.add(new DecisionCase(c.text(), to, c.span(), c.textSpan()));
            }
        }
        Optional<XmlElement> fallback = sw.get().child("default");
        if (fallback.isEmpty()) {
            diagnostics.report(DiagnosticCode.OOZ_E004, sw.get().span(), what + " has no <default to=\"...\"/>");
            return null;
        }
        String defaultTo = requireAttribute(fallback.get(), "to", "<default> of " + what, diagnostics);
        return defaultTo == null
                ? null
                : new DecisionNode(
                        name, element.span(), cases, defaultTo, fallback.get().span());
    }

    private ForkNode fork(XmlElement element, String name, String what) {
        List<ForkPath> paths = new ArrayList<>();
        for (XmlElement path : element.children("path")) {
            String start = requireAttribute(path, "start", "<path> of " + what, diagnostics);
            if (start != null) {
                paths.add(new ForkPath(start, path.span()));
            }
        }
        if (element.children("path").isEmpty()) {
            diagnostics.report(DiagnosticCode.OOZ_E004, element.span(), what + " has no <path start=\"...\"/>");
            return null;
        }
        return new ForkNode(name, element.span(), paths);
    }

    /**
     * IDENTIFIER of Oozie's workflow XSDs, {@code ([a-zA-Z_]([\-_a-zA-Z0-9])*){1,39}}: the repeated group is itself
     * unbounded, so the pattern accepts a letter or '_' followed by any number of letters, digits, '-' and '_'.
     */
    private static final Pattern NODE_NAME = Pattern.compile("[a-zA-Z_][-_a-zA-Z0-9]*");

    /** Reports duplicate names among all node elements (valid or not) and returns the distinct names. */
    private Set<String> checkNames(List<XmlElement> nodeElements) {
        Map<String, XmlElement> seen = new LinkedHashMap<>();
        for (XmlElement node : nodeElements) {
            String name = node.attribute("name");
            if (name == null || name.isBlank()) {
                continue;
            }
            if (!NODE_NAME.matcher(name).matches()) {
                // The XSDs' IDENTIFIER: a document without a namespace is not validated, and a name that is not
                // one would reach task ids and file names.
                diagnostics.report(
                        DiagnosticCode.OOZ_E011,
                        node.span(),
                        "node name '" + name + "' is not an Oozie"
                                + " identifier (a letter or '_', then letters, digits, '-' or '_')",
                        "rename the node; Oozie's schema rejects this name");
            }
            XmlElement first = seen.putIfAbsent(name, node);
            if (first != null) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E006,
                        node.span(),
                        "duplicate node name '" + name + "' (first defined at " + first.span() + ")");
            }
        }
        return new LinkedHashSet<>(seen.keySet());
    }

    private void checkTransitions(String startTo, SourceSpan startSpan, List<WorkflowNode> nodes, Set<String> names) {
        checkTarget(startTo, startSpan, "<start>", names);
        for (WorkflowNode node : nodes) {
            String from = node.name();
            if (node instanceof ActionNode a) {
                checkTarget(a.okTo(), a.okSpan(), "<ok> of action '" + from + "'", names);
                checkTarget(a.errorTo(), a.errorSpan(), "<error> of action '" + from + "'", names);
            } else if (node instanceof DecisionNode d) {
                d.cases().forEach(c -> checkTarget(c.to(), c.span(), "<case> of decision '" + from + "'", names));
                checkTarget(d.defaultTo(), d.defaultSpan(), "<default> of decision '" + from + "'", names);
            } else if (node instanceof ForkNode f) {
                f.paths().forEach(p -> checkTarget(p.start(), p.span(), "<path> of fork '" + from + "'", names));
            } else if (node instanceof JoinNode j) {
                checkTarget(j.to(), j.span(), "join '" + from + "'", names);
            }
        }
    }

    /** {@code cred="a,b"} on an action must name credentials declared in {@code <credentials>}. */
    private void checkCredentials(List<WorkflowNode> nodes, List<Credential> credentials) {
        List<String> declared = credentials.stream().map(Credential::name).toList();
        for (WorkflowNode node : nodes) {
            if (node instanceof ActionNode a && a.cred() != null) {
                for (String name : a.cred().split(",")) {
                    String cred = name.trim();
                    if (!cred.isEmpty() && !declared.contains(cred)) {
                        diagnostics.report(
                                DiagnosticCode.OOZ_E018,
                                a.span(),
                                "action '" + a.name() + "' uses credential '" + cred
                                        + "', which <credentials> does not declare",
                                OozieElements.didYouMean(cred, declared));
                    }
                }
            }
        }
    }

    private void checkTarget(String to, SourceSpan span, String what, Set<String> names) {
        if (to != null && !names.contains(to)) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E005,
                    span,
                    what + " goes to '" + to + "', which is not a node of this workflow",
                    OozieElements.didYouMean(to, names));
        }
    }
}
