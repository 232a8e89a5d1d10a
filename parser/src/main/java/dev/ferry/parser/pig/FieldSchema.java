package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code name:type} in a schema; a field declared without a type is a bytearray, as in Pig. Name is
 * null for a type given without a name ({@code AS (int, chararray)}). {@code fields} is the inner
 * schema of a tuple, the tuple of a bag (one TUPLE field) or the value type of a map (at most one field).
 */
public record FieldSchema(String name, PigType type, List<FieldSchema> fields, SourceSpan span) {

    public FieldSchema {
        fields = List.copyOf(fields);
    }

    public FieldSchema(String name, PigType type, SourceSpan span) {
        this(name, type, List.of(), span);
    }
}
