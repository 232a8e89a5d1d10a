package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading rules shared by the workflow and coordinator readers: required parts, configuration, parameters. */
final class OozieElements {

    private OozieElements() {}

    /** What a reader made of a file: its diagnostics go to {@code sink}; the result only when none is an error. */
    static <T> Optional<T> unlessErrors(T result, Diagnostics own, Diagnostics sink) {
        sink.addAll(own);
        return result == null || own.hasErrors() ? Optional.empty() : Optional.of(result);
    }

    /** The attribute's value, or null after an OOZ-E004 at the element when it is missing or blank. */
    static String requireAttribute(XmlElement element, String attribute, String what, Diagnostics diagnostics) {
        String value = element.attribute(attribute);
        if (value == null || value.isBlank()) {
            diagnostics.report(DiagnosticCode.OOZ_E004, element.span(), what + " has no '" + attribute + "' attribute");
            return null;
        }
        return value;
    }

    /**
     * True when {@code root} is {@code <element>} in the family's namespace (any version) or in none; else
     * an OOZ-E003 naming what was expected ({@code versions} like "0.1-1.0") and what was found.
     */
    static boolean isRoot(XmlElement root, String element, String family, String versions, Diagnostics diagnostics) {
        if (root.name().equals(element) && OozieNamespaces.accepts(family, root.namespace())) {
            return true;
        }
        diagnostics.report(
                DiagnosticCode.OOZ_E003,
                root.span(),
                "expected <" + element + "> in namespace uri:oozie:"
                        + family + ":" + versions + " (or none), found <" + root.name() + ">"
                        + (root.namespace().isEmpty() ? "" : " in " + root.namespace()));
        return false;
    }

    /** The child's text, or null after an OOZ-E004 at the parent when the child is missing. */
    static String requireChildText(XmlElement parent, String child, String what, Diagnostics diagnostics) {
        String text = parent.childText(child);
        if (text == null) {
            diagnostics.report(DiagnosticCode.OOZ_E004, parent.span(), what + " has no <" + child + "> element");
        }
        return text;
    }

    /** {@code <job-tracker>} (up to 0.5) or {@code <resource-manager>} (1.0), null when neither is present. */
    static String resourceManager(XmlElement element) {
        String rm = element.childText("resource-manager");
        return rm != null ? rm : element.childText("job-tracker");
    }

    static List<String> texts(XmlElement parent, String child) {
        return parent.children(child).stream().map(XmlElement::text).toList();
    }

    /** The properties of the {@code <configuration>} child, empty when there is none. */
    static List<ConfigProperty> configuration(XmlElement parent, Diagnostics diagnostics) {
        return parent.child("configuration")
                .map(c -> properties(c, diagnostics))
                .orElse(List.of());
    }

    /** Every {@code <property>} child with its name and value, in document order. */
    static List<ConfigProperty> properties(XmlElement parent, Diagnostics diagnostics) {
        List<ConfigProperty> properties = new ArrayList<>();
        for (XmlElement property : parent.children("property")) {
            String name = requireChildText(property, "name", "configuration property", diagnostics);
            String value = requireChildText(
                    property, "value", "configuration property" + (name == null ? "" : " '" + name + "'"), diagnostics);
            if (name != null && value != null) {
                properties.add(new ConfigProperty(name, value, property.span()));
            }
        }
        return properties;
    }

    /** The {@code <parameters>} child's declared parameters; a missing value means "required". */
    static List<Parameter> parameters(XmlElement parent, Diagnostics diagnostics) {
        List<Parameter> parameters = new ArrayList<>();
        parent.child("parameters").ifPresent(block -> {
            for (XmlElement property : block.children("property")) {
                String name = requireChildText(property, "name", "parameter", diagnostics);
                if (name != null) {
                    parameters.add(new Parameter(
                            name, property.childText("value"), property.childText("description"), property.span()));
                }
            }
        });
        return parameters;
    }

    /** The delete and mkdir steps of a {@code <prepare>}, in document order. */
    static List<PrepareStep> prepare(XmlElement prepare, Diagnostics diagnostics) {
        List<PrepareStep> steps = new ArrayList<>();
        for (XmlElement step : prepare.children()) {
            PrepareStep.Kind kind = switch (step.name()) {
                case "delete" -> PrepareStep.Kind.DELETE;
                case "mkdir" -> PrepareStep.Kind.MKDIR;
                default -> null;
            };
            if (kind == null) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        step.span(),
                        "<" + step.name() + "> in <prepare> is not a known step (delete, mkdir)");
                continue;
            }
            String path = requireAttribute(step, "path", "<prepare><" + step.name() + ">", diagnostics);
            if (path != null) {
                steps.add(new PrepareStep(kind, path, step.span()));
            }
        }
        return steps;
    }

    static boolean isSla(XmlElement element) {
        return element.namespace().startsWith("uri:oozie:sla:");
    }

    /** "did you mean 'x'?" for the closest candidate within two edits, else "". */
    static String didYouMean(String wrong, Iterable<String> candidates) {
        return dev.ferry.diagnostics.DidYouMean.hint(wrong, candidates);
    }
}
