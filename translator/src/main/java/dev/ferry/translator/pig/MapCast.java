package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigType;

/**
 * A cast to a map, {@code (map[]) m} or {@code (map[chararray]) m}. Pig's POCast keeps a map's entries and
 * casts each value to the declared type, null where it cannot ({@code (map[int])} of {@code [k#x]} looks up
 * null). The text of a LOAD's {@code map[]} values is already their chararray form, so a cast to map[] or
 * map[chararray] only changes the type the lookups have; a cast of bytearray values to int, long, float or double
 * converts each as the load caster does ({@link TypedMaps}); other conversions are TODOs.
 *
 * <p>Pig converts the map in place ({@code Map.put} on the same object), so every other use of that map in the same
 * row sees the converted values: two casts of one map to different types in one FOREACH leave both with the type of
 * the one evaluated last, which fails Pig's job when an arithmetic reads the other ({@code ClassCastException}).
 * The translation converts each cast on its own, which is what Pig gives for a map cast once.
 */
final class MapCast {

    private MapCast() {}

    static Value.Scalar cast(PigExpr.Cast cast, Value.Scalar value) {
        PigType target = cast.schema().isEmpty()
                ? PigType.BYTEARRAY
                : cast.schema().get(0).type();
        if (value.type() != PigType.MAP || value.inner() == null) {
            throw ExprTranslator.unsupported(
                    cast.span(),
                    "casting "
                            + (value.type() == PigType.MAP
                                    ? "a map whose value type is not known"
                                    : "a " + value.type().keyword())
                            + " to a map is not supported yet");
        }
        PigType source = value.inner().valueType();
        if (target == PigType.BYTEARRAY || target == source) {
            return value; // Pig keeps the values as they are
        }
        if (source == PigType.BYTEARRAY && target == PigType.CHARARRAY) {
            return new Value.Scalar(value.sql(), PigType.MAP, new Inner(PigType.CHARARRAY));
        }
        if (source == PigType.BYTEARRAY && TypedMaps.converts(target)) {
            // POCast.convertWithSchema: each bytes value through the load caster, as a LOAD's map[int] reads it.
            return TypedMaps.valuesAs(value.sql(), target);
        }
        throw ExprTranslator.unsupported(
                cast.span(),
                "a cast of a map of " + source.keyword() + " values to map[" + target.keyword()
                        + "] (each value cast) is not translated yet; cast the looked-up values instead");
    }
}
