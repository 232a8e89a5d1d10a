package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigType;

/**
 * The result type of Pig's aggregates applied to a bag value (a bag built in the FOREACH: TOBAG,
 * {@code {...}}, TOKENIZE...), which the runtime's PIG_BAG_* functions compute on the tuples' first
 * field as Pig's classes do: COUNT and COUNT_STAR a long, AVG a double, SUM of an int or long a
 * long and of a float or double a double, MIN and MAX the field's type.
 */
final class BagValueAggregates {

    private BagValueAggregates() {}

    /**
     * TOBAG(a, b, ...): one one-field tuple per argument; Pig types the field when all the arguments
     * have one simple type (else the field's type is not known here).
     */
    static Inner toBagInner(java.util.List<PigType> types) {
        PigType first = types.isEmpty() ? null : types.get(0);
        boolean simple = first != null && first != PigType.BAG && first != PigType.TUPLE && first != PigType.MAP;
        return simple && types.stream().allMatch(t -> t == first) ? Inner.bag(java.util.List.of(first)) : null;
    }

    /** @param first the type of the tuples' first field, null when the translation does not know it */
    static PigType resultType(String function, PigType first, SourceSpan span) {
        switch (function) {
            case "COUNT", "COUNT_STAR" -> {
                return PigType.LONG;
            }
            case "AVG" -> {
                return PigType.DOUBLE;
            }
            default -> {}
        }
        if (first == null) {
            throw ExprTranslator.unsupported(
                    span,
                    function + " of a bag built in the expression (not a GROUP's bag) is not"
                            + " translated yet: the type of its tuples is not known to the translation");
        }
        boolean numeric =
                first == PigType.INT || first == PigType.LONG || first == PigType.FLOAT || first == PigType.DOUBLE;
        if (function.equals("SUM") && numeric) {
            return first == PigType.INT || first == PigType.LONG ? PigType.LONG : PigType.DOUBLE;
        }
        if ((function.equals("MIN") || function.equals("MAX")) && (numeric || first == PigType.CHARARRAY)) {
            return first;
        }
        // Pig sums and compares a bytearray as a double; the runtime's bag functions do not convert.
        throw ExprTranslator.unsupported(
                span,
                function + " of a bag value of " + first.keyword() + " tuples is not translated yet"
                        + " (of int, long, float and double ones" + (function.equals("SUM") ? "" : ", and chararray,")
                        + " it is)");
    }
}
