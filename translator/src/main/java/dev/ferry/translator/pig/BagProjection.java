package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return of(bag, List.of(index));
    }

    /** {@code b.(a, $2)}: the bag of tuples of those fields. */
    static Value.Scalar of(Value.Scalar bag, List<Integer> indexes) {
        Inner inner = bag.inner();
        List<PigType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<Integer, Inner> fieldInners = new HashMap<>();
        List<SqlExpr> arguments = new ArrayList<>(List.of(bag.sql()));
        for (int index : indexes) {
            if (inner.fieldInners().containsKey(index)) {
                fieldInners.put(types.size(), inner.fieldInners().get(index));
            }
            types.add(inner.tupleTypes().get(index));
            names.add(index < inner.fieldNames().size() ? inner.fieldNames().get(index) : null);
            arguments.add(SqlExpr.Literal.number(index));
        }
        return new Value.Scalar(
                new SqlExpr.Call("PIG_BAG_PROJECT", arguments),
                PigType.BAG,
                new Inner(null, types, fieldInners, names));
    }

    /**
     * The fields {@code g.(a, $2)} names of a GROUP's or COGROUP's bag, in that order, else empty when one is not
     * there (or is a LOAD without AS's unnamed rest).
     */
    static Optional<List<Field>> fields(Value.Bag bag, List<PigExpr> columns) {
        List<Field> all = bag.relation().fields();
        List<Field> fields = new ArrayList<>();
        for (PigExpr column : columns) {
            List<Field> matches = column instanceof PigExpr.FieldRef ref
                    ? all.stream()
                            .filter(f -> f.answersTo(ref.qualifier(), ref.name()))
                            .toList()
                    : column instanceof PigExpr.PositionalRef position
                                    && position.index() >= 0
                                    && position.index() < all.size()
                            ? List.of(all.get(position.index()))
                            : List.of();
            if (matches.size() != 1 || matches.get(0).isRest()) {
                return Optional.empty();
            }
            fields.add(matches.get(0));
        }
        return Optional.of(fields);
    }

    /** The positions of {@code b.(a, $2)}'s columns in a bag value's tuples, else empty when one is not there. */
    static Optional<List<Integer>> indexes(Value.Scalar bag, List<PigExpr> columns) {
        List<Integer> indexes = new ArrayList<>();
        for (PigExpr column : columns) {
            int i = TupleFlatten.columnIndex(bag.inner(), column);
            if (i < 0) {
                return Optional.empty();
            }
            indexes.add(i);
        }
        return Optional.of(indexes);
    }
}
