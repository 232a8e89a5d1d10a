package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code <sla:info>} block (SLA 0.1 or 0.2) of a workflow, an action or a coordinator action: each
 * child by its local name ({@code nominal-time}, {@code should-start}, {@code should-end}, {@code max-duration},
 * {@code alert-events}, {@code alert-contact}, ...) with its raw text, in document order.
 *
 * @param namespace uri:oozie:sla:0.1 or uri:oozie:sla:0.2
 */
public record SlaInfo(String namespace, SourceSpan span, Map<String, String> values) {

    public SlaInfo {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The raw text of one SLA element, empty when absent. */
    public Optional<String> value(String localName) {
        return Optional.ofNullable(values.get(localName));
    }

    /** The first {@code sla:info} among these elements, if any. */
    static Optional<SlaInfo> find(java.util.List<XmlElement> elements) {
        return elements.stream()
                .filter(e -> e.name().equals("info") && OozieElements.isSla(e))
                .findFirst()
                .map(SlaInfo::of);
    }

    static SlaInfo of(XmlElement info) {
        Map<String, String> values = new LinkedHashMap<>();
        for (XmlElement child : info.children()) {
            values.putIfAbsent(child.name(), child.text());
        }
        return new SlaInfo(info.namespace(), info.span(), values);
    }
}
