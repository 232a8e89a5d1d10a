package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import java.util.List;
import java.util.Map;

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
 * @param fieldInners for a bag, the inside of those of its tuples' fields that are maps or bags, by
 *     index, where known (a PigMix bag of maps: the maps' value type)
 * @param fieldNames for a tuple, the Pig names of its fields (an entry null where a field has none;
 *     empty when they are not known)
 */
record Inner(PigType valueType, List<PigType> tupleTypes, Map<Integer, Inner> fieldInners, List<String> fieldNames) {

    Inner {
        tupleTypes = List.copyOf(tupleTypes);
        fieldInners = Map.copyOf(fieldInners);
        fieldNames = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(fieldNames));
    }

    Inner(PigType valueType, List<PigType> tupleTypes) {
        this(valueType, tupleTypes, Map.of(), List.of());
    }

    Inner(PigType valueType, List<PigType> tupleTypes, Map<Integer, Inner> fieldInners) {
        this(valueType, tupleTypes, fieldInners, List.of());
    }

    Inner(PigType valueType, List<PigType> tupleTypes, List<String> fieldNames) {
        this(valueType, tupleTypes, Map.of(), fieldNames);
    }

    /** A map whose values have this type. */
    Inner(PigType valueType) {
        this(valueType, List.of(), Map.of());
    }

    /** A bag of tuples with fields of these types. */
    static Inner bag(List<PigType> tupleTypes) {
        return new Inner(null, tupleTypes, Map.of());
    }

    /** A bag of tuples with fields of these types, some of them maps or bags whose inside is known (by field index). */
    static Inner bag(List<PigType> tupleTypes, Map<Integer, Inner> fieldInners) {
        return new Inner(null, tupleTypes, fieldInners);
    }

    /** What the translation knows of the inside of the tuples' field {@code i}, or null. */
    Inner fieldInner(int i) {
        return fieldInners.get(i);
    }

    /** A tuple with fields of these types and Pig names (an entry null where a field has none). */
    static Inner tuple(List<PigType> fieldTypes, List<String> fieldNames) {
        return new Inner(null, fieldTypes, fieldNames);
    }
}
