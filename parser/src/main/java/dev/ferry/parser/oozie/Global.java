package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * The workflow's {@code <global>} section: defaults every action inherits.
 *
 * @param resourceManager {@code <job-tracker>} or {@code <resource-manager>}, null when absent
 * @param otherElements   children the model does not map (launcher...), for the report
 */
public record Global(
        SourceSpan span,
        String resourceManager,
        String nameNode,
        List<String> jobXml,
        List<ConfigProperty> configuration,
        List<XmlElement> otherElements) {

    public Global {
        jobXml = List.copyOf(jobXml);
        configuration = List.copyOf(configuration);
        otherElements = List.copyOf(otherElements);
    }

    /** The settings of its {@code <launcher>} (workflow 1.0), in document order. */
    public List<ElementText> launcher() {
        return otherElements.stream()
                .filter(e -> e.name().equals("launcher"))
                .flatMap(launcher -> launcher.children().stream().map(ElementText::of))
                .toList();
    }
}
