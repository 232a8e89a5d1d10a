package dev.ferry.parser.oozie;

import static dev.ferry.parser.oozie.OozieElements.requireAttribute;
import static dev.ferry.parser.oozie.OozieElements.requireChildText;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps a {@code <bundle-app>} (0.1-0.2 or no namespace) onto {@link BundleApp}; values stay raw. */
final class BundleReader {

    private final Diagnostics diagnostics = new Diagnostics();

    private BundleReader() {}

    static Optional<BundleApp> read(XmlElement root, String file, Diagnostics sink) {
        BundleReader reader = new BundleReader();
        BundleApp app = reader.bundle(root, file);
        return OozieElements.unlessErrors(app, reader.diagnostics, sink);
    }

    private BundleApp bundle(XmlElement root, String file) {
        if (!OozieElements.isRoot(root, "bundle-app", "bundle", "0.1-0.2", diagnostics)) {
            return null;
        }
        String name = requireAttribute(root, "name", "bundle-app", diagnostics);
        Optional<XmlElement> controls = root.child("controls");
        String kickOff = controls.map(c -> c.childText("kick-off-time")).orElse(null);
        List<BundleCoordinator> coordinators = new ArrayList<>();
        Map<String, XmlElement> seen = new LinkedHashMap<>();
        for (XmlElement coordinator : root.children("coordinator")) {
            String coordName = requireAttribute(coordinator, "name", "bundle <coordinator>", diagnostics);
            String what = "bundle <coordinator>" + (coordName == null ? "" : " '" + coordName + "'");
            String appPath = requireChildText(coordinator, "app-path", what, diagnostics);
            if (coordName != null) {
                XmlElement first = seen.putIfAbsent(coordName, coordinator);
                if (first != null) {
                    diagnostics.report(
                            DiagnosticCode.OOZ_E006,
                            coordinator.span(),
                            "duplicate coordinator name '" + coordName + "' in bundle (first defined at " + first.span()
                                    + ")");
                }
            }
            if (coordName != null && appPath != null) {
                coordinators.add(new BundleCoordinator(
                        coordName,
                        coordinator.attribute("critical"),
                        coordinator.attribute("enabled"),
                        appPath,
                        OozieElements.configuration(coordinator, diagnostics),
                        coordinator.span()));
            }
        }
        if (root.children("coordinator").isEmpty()) {
            diagnostics.report(DiagnosticCode.OOZ_E004, root.span(), "bundle-app has no <coordinator>");
        }
        List<Parameter> parameters = OozieElements.parameters(root, diagnostics);
        if (name == null) {
            return null;
        }
        return new BundleApp(
                name,
                root.namespace(),
                root.span(),
                kickOff,
                controls.map(XmlElement::span).orElse(root.span()),
                parameters,
                coordinators,
                file);
    }
}
