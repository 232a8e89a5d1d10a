package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/**
 * One text element of an action ({@code <exec>}, an {@code <arg>}...): its local name, its trimmed text (raw EL, as
 * Oozie reads it with getTextTrim) from the element's generated JAXB class, and where the element and its text start.
 */
public record ElementText(String name, String text, SourceSpan span, SourceSpan textSpan) {

    /** The element's own name, text and spans (for the parts read from the tree). */
    static ElementText of(XmlElement element) {
        return new ElementText(element.name(), element.text(), element.span(), element.textSpan());
    }
}
