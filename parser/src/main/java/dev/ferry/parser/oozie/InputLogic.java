package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * A coordinator 0.5 {@code <input-logic>} as written: its top-level elements, in order.
 *
 * @param span     the {@code <input-logic>} element
 * @param elements what it holds: operators ({@code and}, {@code or}, {@code combine}) and {@code data-in}s
 */
public record InputLogic(SourceSpan span, List<Element> elements) {

    public InputLogic {
        elements = List.copyOf(elements);
    }

    /**
     * One element of the tree with the attributes input-logic gives it (each as written, EL unresolved, null when
     * absent): {@code name} (for coord:dataIn), {@code dataset} (a data-in's data-in name), {@code min} and
     * {@code wait} ({@code waitTime}: {@code wait()} is Object's); an element the schema does not know keeps its name, so the translator can report it.
     */
    public record Element(
            String element,
            SourceSpan span,
            String name,
            String dataset,
            String min,
            String waitTime,
            List<Element> children) {

        public Element {
            children = List.copyOf(children);
        }

        static Element of(XmlElement xml) {
            return new Element(
                    xml.name(),
                    xml.span(),
                    xml.attribute("name"),
                    xml.attribute("dataset"),
                    xml.attribute("min"),
                    xml.attribute("wait"),
                    xml.children().stream().map(Element::of).toList());
        }
    }

    static InputLogic of(XmlElement xml) {
        return new InputLogic(
                xml.span(), xml.children().stream().map(Element::of).toList());
    }
}
