package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;

/** {@code name:type} in a schema; a field declared without a type is a bytearray, as in Pig. */
public record FieldSchema(String name, PigType type, SourceSpan span) {}
