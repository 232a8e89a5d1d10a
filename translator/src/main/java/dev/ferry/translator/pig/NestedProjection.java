package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import java.util.List;
import java.util.Optional;

/**
 * A nested FOREACH that only projects one field of a bag of the block, {@code x = FOREACH big GENERATE name;}:
 * Pig's bag of one-field tuples, the same as the projection {@code x = big.name;} (kept with any nested FILTER
 * or DISTINCT before it). A FOREACH computing values, several fields, a renaming AS or a FLATTEN stays a TODO.
 */
final class NestedProjection {

    private NestedProjection() {}

    /** {@code input.field} (or {@code input.$n}) for a FOREACH that generates exactly that field, else empty. */
    static Optional<PigExpr> of(PigRelation.NestedOp.Foreach foreach) {
        if (foreach.items().size() != 1 || !foreach.items().get(0).names().isEmpty()) {
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
