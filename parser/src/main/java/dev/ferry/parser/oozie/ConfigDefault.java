package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a workflow's config-default.xml ({@code <configuration><property><name/><value/></property>}),
 * hardened like every other XML read. Use {@link ConfigProperty#toMap} for name to value.
 */
public final class ConfigDefault {

    private ConfigDefault() {}

    /** The properties in document order; empty (with diagnostics) when the file is unreadable or malformed. */
    public static List<ConfigProperty> load(Path file, String displayPath, Diagnostics diagnostics) {
        return XmlReader.read(file, displayPath, diagnostics)
                .map(root -> properties(root, diagnostics))
                .orElse(List.of());
    }

    public static List<ConfigProperty> parse(String xml, String displayPath, Diagnostics diagnostics) {
        return XmlReader.read(xml, displayPath, diagnostics)
                .map(root -> properties(root, diagnostics))
                .orElse(List.of());
    }

    private static List<ConfigProperty> properties(XmlElement root, Diagnostics diagnostics) {
        if (!root.name().equals("configuration")) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E003,
                    root.span(),
                    "expected <configuration> as the root of config-default.xml, found <" + root.name() + ">");
            return List.of();
        }
        Diagnostics local = new Diagnostics();
        List<ConfigProperty> properties = OozieElements.properties(root, local);
        diagnostics.addAll(local);
        return Optional.of(properties).filter(p -> !local.hasErrors()).orElse(List.of());
    }
}
