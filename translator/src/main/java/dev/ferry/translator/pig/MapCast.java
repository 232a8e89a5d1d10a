package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigType;

/**
 * A cast to a map, {@code (map[]) m} or {@code (map[chararray]) m}. Pig's POCast keeps a map's entries and
 * casts each value to the declared type, null where it cannot ({@code (map[int])} of {@code [k#x]} looks up
 * null). The text of a LOAD's {@code map[]} values is already their chararray form, so a cast to map[] or
 * map[chararray] only changes the type the lookups have; a cast that needs each value converted is a TODO.
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
        throw ExprTranslator.unsupported(
                cast.span(),
                "a cast of a map of " + source.keyword() + " values to map[" + target.keyword()
                        + "] (each value cast) is not translated yet; cast the looked-up values instead");
    }
}
