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
 * @param tupleTypes for a bag, the types of its tuples' fields (the ROW fields of the SQL array);
 *     empty for a map
 * @param fieldInners for a bag, the inside of those of its tuples' fields that are maps or bags, by
 *     index, where known (a PigMix bag of maps: the maps' value type)
 */
record Inner(PigType valueType, List<PigType> tupleTypes, Map<Integer, Inner> fieldInners) {

    Inner {
        tupleTypes = List.copyOf(tupleTypes);
        fieldInners = Map.copyOf(fieldInners);
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
}
