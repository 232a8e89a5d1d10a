package dev.ferry.parser.oozie;

import static dev.ferry.parser.oozie.OozieElements.requireAttribute;
import static dev.ferry.parser.oozie.OozieElements.requireChildText;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a {@code <coordinator-app>} (0.1-0.5 or no namespace) onto {@link CoordinatorApp}, and a
 * {@code <datasets>} include file onto its datasets. Values stay raw; their meaning is the translator's.
 */
final class CoordinatorReader {

    private final String file;
    private final Diagnostics diagnostics = new Diagnostics();

    private CoordinatorReader(String file) {
        this.file = file;
    }

    static Optional<CoordinatorApp> read(XmlElement root, String file, Diagnostics sink) {
        CoordinatorReader reader = new CoordinatorReader(file);
        CoordinatorApp app = reader.coordinator(root);
        return OozieElements.unlessErrors(app, reader.diagnostics, sink);
    }

    static Optional<List<Dataset>> readDatasets(XmlElement root, String file, Diagnostics sink) {
        CoordinatorReader reader = new CoordinatorReader(file);
        if (!root.name().equals("datasets") || !OozieNamespaces.accepts("coordinator", root.namespace())) {
            reader.diagnostics.report(
                    DiagnosticCode.OOZ_E003,
                    root.span(),
                    "expected a <datasets> include file, found <" + root.name() + ">");
            sink.addAll(reader.diagnostics);
            return Optional.empty();
        }
        List<Dataset> datasets = reader.datasets(root);
        return OozieElements.unlessErrors(datasets, reader.diagnostics, sink);
    }

    private CoordinatorApp coordinator(XmlElement root) {
        if (!OozieElements.isRoot(root, "coordinator-app", "coordinator", "0.1-0.5", diagnostics)) {
            return null;
        }
        String name = requireAttribute(root, "name", "coordinator-app", diagnostics);
        String frequency = requireAttribute(root, "frequency", "coordinator-app", diagnostics);
        String start = requireAttribute(root, "start", "coordinator-app", diagnostics);
        String end = requireAttribute(root, "end", "coordinator-app", diagnostics);
        String timezone = requireAttribute(root, "timezone", "coordinator-app", diagnostics);

        Controls controls = null;
        List<Dataset> datasets = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        List<DataEvent> inputs = new ArrayList<>();
        List<DataEvent> outputs = new ArrayList<>();
        InputLogic inputLogic = null;
        XmlElement workflow = null;
        List<ConfigProperty> configuration = List.of();
        List<XmlElement> other = new ArrayList<>();
        for (XmlElement child : root.children()) {
            switch (child.name()) {
                case "parameters" -> {
                    /* read below */
                }
                case "controls" ->
                    controls = new Controls(
                            child.childText("timeout"),
                            child.childText("concurrency"),
                            child.childText("execution"),
                            child.childText("throttle"),
                            child.span());
                case "datasets" -> {
                    datasets.addAll(datasets(child));
                    child.children().stream()
                            .filter(d -> d.name().equals("dataset") || d.name().equals("async-dataset"))
                            .map(d -> d.attribute("name"))
                            .filter(n -> n != null)
                            .forEach(declared::add);
                    includes.addAll(OozieElements.texts(child, "include"));
                }
                case "input-events" -> child.children("data-in").forEach(e -> event(e).ifPresent(inputs::add));
                case "output-events" -> child.children("data-out").forEach(e -> event(e).ifPresent(outputs::add));
                case "input-logic" -> inputLogic = InputLogic.of(child);
                case "action" -> {
                    for (XmlElement part : child.children()) {
                        if (part.name().equals("workflow") && workflow == null) {
                            workflow = part;
                        } else {
                            other.add(part);
                        }
                    }
                }
                default -> other.add(child);
            }
        }
        String appPath = null;
        if (workflow == null) {
            diagnostics.report(DiagnosticCode.OOZ_E004, root.span(), "coordinator-app has no <action><workflow>");
        } else {
            appPath = requireChildText(workflow, "app-path", "coordinator <workflow>", diagnostics);
            configuration = OozieElements.configuration(workflow, diagnostics);
        }
        if (includes.isEmpty()) {
            checkDatasetReferences(declared, inputs, outputs);
        }
        if (name == null || frequency == null || start == null || end == null || timezone == null || appPath == null) {
            return null;
        }
        return new CoordinatorApp(
                name,
                root.namespace(),
                root.span(),
                frequency,
                start,
                end,
                timezone,
                controls,
                datasets,
                inputs,
                outputs,
                appPath,
                configuration,
                file,
                OozieElements.parameters(root, diagnostics),
                includes,
                inputLogic,
                other);
    }

    private List<Dataset> datasets(XmlElement block) {
        List<Dataset> datasets = new ArrayList<>();
        for (XmlElement async : block.children("async-dataset")) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    async.span(),
                    "<async-dataset> '" + async.attribute("name")
                            + "' (HCatalog-style, sequence-type " + async.attribute("sequence-type")
                            + ") is not translated; data-in/data-out using it have no dataset");
        }
        for (XmlElement d : block.children("dataset")) {
            String name = requireAttribute(d, "name", "dataset", diagnostics);
            String what = "dataset" + (name == null ? "" : " '" + name + "'");
            String frequency = requireAttribute(d, "frequency", what, diagnostics);
            String initial = requireAttribute(d, "initial-instance", what, diagnostics);
            String timezone = requireAttribute(d, "timezone", what, diagnostics);
            String uri = requireChildText(d, "uri-template", what, diagnostics);
            if (name != null && frequency != null && initial != null && timezone != null && uri != null) {
                datasets.add(new Dataset(name, frequency, initial, timezone, uri, d.childText("done-flag"), d.span()));
            }
        }
        return datasets;
    }

    private Optional<DataEvent> event(XmlElement e) {
        String name = requireAttribute(e, "name", "<" + e.name() + ">", diagnostics);
        String dataset = requireAttribute(e, "dataset", "<" + e.name() + ">", diagnostics);
        if (name == null || dataset == null) {
            return Optional.empty();
        }
        List<String> instances = OozieElements.texts(e, "instance");
        String startInstance = e.childText("start-instance");
        String endInstance = e.childText("end-instance");
        if (instances.isEmpty() && (startInstance == null || endInstance == null)) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E004,
                    e.span(),
                    "<" + e.name() + "> '" + name + "' has neither <instance> nor <start-instance>/<end-instance>");
            return Optional.empty();
        }
        return Optional.of(new DataEvent(
                name, dataset, instances, startInstance, endInstance, e.span(), e.attribute("nocleanup")));
    }

    /** Names of all declared datasets, valid or not, so one broken dataset does not echo as undefined. */
    private void checkDatasetReferences(Set<String> names, List<DataEvent> inputs, List<DataEvent> outputs) {
        List<DataEvent> events = new ArrayList<>(inputs);
        events.addAll(outputs);
        for (DataEvent event : events) {
            if (!names.contains(event.dataset())) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E012,
                        event.span(),
                        "'" + event.name() + "' uses dataset '" + event.dataset() + "', which is not defined",
                        OozieElements.didYouMean(event.dataset(), names));
            }
        }
    }
}
