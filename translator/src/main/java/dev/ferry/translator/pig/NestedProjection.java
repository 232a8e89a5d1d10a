package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import java.util.List;
import java.util.Optional;

/**
 * A nested FOREACH that only projects fields of a bag of the block, {@code x = FOREACH big GENERATE name;}:
 * Pig's bag of one-field tuples, the same as the projection {@code x = big.name;} (kept with any nested FILTER
 * or DISTINCT before it); {@code FOREACH big GENERATE name, ts} is {@code big.(name, ts)}, which keeps the order of
 * a nested ORDER before it. A FOREACH computing values, a renaming AS or a FLATTEN is a view of its own
 * ({@link NestedBagViews}).
 */
final class NestedProjection {

    private NestedProjection() {}

    /**
     * {@code input.field} (or {@code input.$n}) for a FOREACH that generates exactly that field; {@code input.(a, b)}
     * for one that generates several distinct fields by name, each as it is (Pig's bag of tuples of those fields, in
     * the bag's order); else empty.
     */
    static Optional<PigExpr> of(PigRelation.NestedOp.Foreach foreach) {
        if (foreach.items().stream().anyMatch(item -> !item.names().isEmpty())) {
            return Optional.empty();
        }
        if (foreach.items().size() > 1) {
            List<PigExpr> fields =
                    foreach.items().stream().map(PigRelation.GenerateItem::expr).toList();
            boolean named = fields.stream().allMatch(f -> f instanceof PigExpr.FieldRef ref && ref.qualifier() == null);
            long distinct = fields.stream()
                    .map(f -> named ? ((PigExpr.FieldRef) f).name() : "")
                    .distinct()
                    .count();
            return named && distinct == fields.size()
                    ? Optional.of(new PigExpr.Projection(
                            foreach.input(), fields, foreach.items().get(0).span()))
                    : Optional.empty();
        }
        if (foreach.items().size() != 1) {
            return Optional.empty();
        }
        PigExpr item = foreach.items().get(0).expr();
        if (item instanceof PigExpr.FieldRef ref && ref.qualifier() == null) {
            return Optional.of(new PigExpr.Dereference(foreach.input(), ref.name(), ref.span()));
        }
        if (item instanceof PigExpr.PositionalRef position) {
            return Optional.of(new PigExpr.Projection(foreach.input(), List.of(position), position.span()));
        }
        return Optional.empty();
    }
}
