package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a hardened XML read: local name, namespace ("" when none), attributes in document
 * order, child elements, its own text (concatenated and trimmed) and where it starts.
 *
 * @param span     position of the element's {@code <}
 * @param textSpan position of the first character of {@link #text()} (the element's span when unknown)
 */
public record XmlElement(
        String namespace,
        String name,
        Map<String, String> attributes,
        List<XmlElement> children,
        String text,
        SourceSpan span,
        SourceSpan textSpan) {

    public XmlElement {
        namespace = namespace == null ? "" : namespace;
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
        text = text == null ? "" : text;
        textSpan = textSpan == null ? span : textSpan;
    }

    public XmlElement(
            String namespace,
            String name,
            Map<String, String> attributes,
            List<XmlElement> children,
            String text,
            SourceSpan span) {
        this(namespace, name, attributes, children, text, span, span);
    }

    /** The first child with this local name, in any namespace. */
    public Optional<XmlElement> child(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).findFirst();
    }

    /** Every child with this local name, in document order. */
    public List<XmlElement> children(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).toList();
    }

    /** The trimmed text of the first child with this local name, or null when there is no such child. */
    public String childText(String localName) {
        return child(localName).map(XmlElement::text).orElse(null);
    }

    /** The attribute's value, or null when absent. */
    public String attribute(String localName) {
        return attributes.get(localName);
    }

    public boolean hasChild(String localName) {
        return child(localName).isPresent();
    }
}
