package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.Map;

/**
 * Maps of typed values ({@code map[int]}, {@code map[long]}, {@code map[float]}, {@code map[double]}) made from a map
 * of bytearray values: a LOAD's {@code m:map[int]} and {@code (map[int]) x} of a loaded bytearray
 * and {@code (map[int]) m} of a loaded map[] ({@link MapCast}). Pig's reader keeps every map value as bytes
 * (Utf8StorageConverter.consumeMap); the declared type
 * is a POCast that converts each value as the caster converts a field, null where it cannot. The runtime function of
 * each type does that conversion.
 */
final class TypedMaps {

    private static final Map<PigType, String> FUNCTIONS = Map.of(
            PigType.INT, "PIG_MAP_INT",
            PigType.LONG, "PIG_MAP_LONG",
            PigType.FLOAT, "PIG_MAP_FLOAT",
            PigType.DOUBLE, "PIG_MAP_DOUBLE");

    private TypedMaps() {}

    /** The runtime functions these maps are read with. */
    static java.util.Collection<String> functionNames() {
        return FUNCTIONS.values();
    }

    /** Whether a map of bytearray values can be read as a map of these values. */
    static boolean converts(PigType valueType) {
        return FUNCTIONS.containsKey(valueType);
    }

    /** The map of bytearray values {@code map}, each value converted to {@code valueType}. */
    static Value.Scalar valuesAs(SqlExpr map, PigType valueType) {
        return new Value.Scalar(SqlExpr.Call.of(FUNCTIONS.get(valueType), map), PigType.MAP, new Inner(valueType));
    }
}
