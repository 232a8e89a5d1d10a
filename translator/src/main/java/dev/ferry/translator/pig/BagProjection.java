package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.List;
import java.util.Map;

/**
 * {@code bag.field} and {@code bag.$n} of a bag value (a column: a GROUP's bag that a FOREACH passed on, a
 * loaded bag, a bag built in an expression): Pig's projection, a bag of one-field tuples, each tuple's field
 * n in the bag's order. The runtime's {@code PIG_BAG_PROJECT} computes it, so SUM(b.x), COUNT(b.x) and
 * FLATTEN(b.x) read it as any other bag value.
 */
final class BagProjection {

    private BagProjection() {}

    /** A bag value whose tuples' field types are known, else null. */
    static Value.Scalar knownBag(Value value) {
        return ExprTranslator.known(value, PigType.BAG);
    }

    static Value.Scalar of(Value.Scalar bag, int index) {
        Inner inner = bag.inner();
        String name = index < inner.fieldNames().size() ? inner.fieldNames().get(index) : null;
        Inner field = inner.fieldInners().get(index);
        Inner projected = new Inner(
                null,
                List.of(inner.tupleTypes().get(index)),
                field == null ? Map.of() : Map.of(0, field),
                name == null ? List.of() : java.util.Collections.singletonList(name));
        return new Value.Scalar(
                SqlExpr.Call.of("PIG_BAG_PROJECT", bag.sql(), SqlExpr.Literal.number(index)), PigType.BAG, projected);
    }
}
