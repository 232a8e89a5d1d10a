package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import java.util.List;

/**
 * What the translation knows of the inside of a map or bag value, so that {@code m#'k'} has Pig's
 * type and {@code FLATTEN(bag)} Pig's fields.
 *
 * @param valueType for a map, the Pig type of its values as the SQL map holds them: the declared
 *     type of a LOAD's {@code map[chararray]} (bytearray for {@code map[]}: Pig keeps the text's
 *     bytes), the arguments' type for a map built by TOMAP or {@code [...]} (Pig keeps the values
 *     as they are); null for a bag
 * @param tupleTypes for a bag, the types of its tuples' fields (the ROW fields of the SQL array); for
 *     a tuple, the types of its fields (the fields of the SQL ROW); empty for a map
 * @param fieldNames for a tuple, the Pig names of its fields (an entry null where a field has none;
 *     empty when they are not known)
 */
record Inner(PigType valueType, List<PigType> tupleTypes, List<String> fieldNames) {

    Inner {
        tupleTypes = List.copyOf(tupleTypes);
        fieldNames = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(fieldNames));
    }

    Inner(PigType valueType, List<PigType> tupleTypes) {
        this(valueType, tupleTypes, List.of());
    }

    /** A map whose values have this type. */
    Inner(PigType valueType) {
        this(valueType, List.of());
    }

    /** A bag of tuples with fields of these types. */
    static Inner bag(List<PigType> tupleTypes) {
        return new Inner(null, tupleTypes);
    }

    /** A tuple with fields of these types and Pig names (an entry null where a field has none). */
    static Inner tuple(List<PigType> fieldTypes, List<String> fieldNames) {
        return new Inner(null, fieldTypes, fieldNames);
    }
}
