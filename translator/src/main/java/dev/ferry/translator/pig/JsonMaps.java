package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;

/**
 * JsonStorage of a map field: Pig writes each entry as {@code "key":"value"} with the value's {@code toString()}, in
 * its HashMap's order (the runtime's {@code PIG_JSON_MAP}). Exact for values that are scalars whose text is Java's
 * (chararray, bytearray, numbers, boolean); a map of tuples, bags, maps or datetimes is not translated yet.
 */
final class JsonMaps {

    private JsonMaps() {}

    /** Whether the field is a map JsonStorage's translation writes as Pig does. */
    static boolean written(Field field) {
        if (field.type() != PigType.MAP) {
            return false;
        }
        PigType value = field.inner() == null ? null : field.inner().valueType();
        return value == null || !value.isComplex() && value != PigType.DATETIME;
    }
}
