package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** A {@code <credential name type>} of the workflow's {@code <credentials>} block (hcat, hive2, hbase...). */
public record Credential(String name, String type, List<ConfigProperty> properties, SourceSpan span) {

    public Credential {
        properties = List.copyOf(properties);
    }
}
