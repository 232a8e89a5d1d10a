package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** One {@code <property><name/><value/></property>} of a configuration block; values keep their raw EL. */
public record ConfigProperty(String name, String value, SourceSpan span) {

    /** Name to value, the later of two equal names winning (Hadoop Configuration semantics). */
    public static SortedMap<String, String> toMap(List<ConfigProperty> properties) {
        SortedMap<String, String> map = new TreeMap<>();
        properties.forEach(p -> map.put(p.name(), p.value()));
        return Collections.unmodifiableSortedMap(map);
    }
}
