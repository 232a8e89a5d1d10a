package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import java.util.List;
import java.util.Optional;

/**
 * A nested FOREACH that only projects fields of a bag of the block, {@code x = FOREACH big GENERATE name;}:
 * Pig's bag of one-field tuples, the same as the projection {@code x = big.name;} (kept with any nested FILTER
 * or DISTINCT before it); {@code FOREACH sorted GENERATE name, ts} of a nested ORDER's bag is {@code sorted.(name,
 * ts)}, which keeps its order (of another bag, it is a view, as a computing FOREACH is). A FOREACH computing values, a
 * renaming AS or a FLATTEN is a view of its own ({@link NestedBagViews}).
 */
final class NestedProjection {

    private NestedProjection() {}

    /**
     * {@code input.field} (or {@code input.$n}) for a FOREACH that generates exactly that field; {@code input.(a, b)}
     * for one that generates several distinct fields by name, each as it is (Pig's bag of tuples of those fields, in
     * the bag's order); else empty.
     */
    static Optional<PigExpr> of(PigRelation.NestedOp.Foreach foreach, List<PigRelation.NestedCommand> commands) {
        if (foreach.items().stream().anyMatch(item -> !item.names().isEmpty())) {
            return Optional.empty();
        }
        if (foreach.items().size() > 1) {
            if (!sorted(foreach.input(), commands)) {
                return Optional.empty(); // a view of its own (NestedBagViews), which DISTINCT, CROSS and FLATTEN read
            }
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

    /**
     * The block with {@code FLATTEN(p)} of a nested alias {@code p = s.url} read as
     * {@code FLATTEN(s.url)}: the same tuples, which FLATTEN reads of the bag {@code s} itself.
     */
    static PigRelation.NestedForeach flattenedProjectionsInlined(PigRelation.NestedForeach block) {
        List<PigRelation.GenerateItem> items = new java.util.ArrayList<>();
        for (PigRelation.GenerateItem item : block.items()) {
            PigExpr projection = item.expr() instanceof PigExpr.Flatten flatten
                            && flatten.expr() instanceof PigExpr.FieldRef ref
                            && ref.qualifier() == null
                    ? assigned(ref.name(), block.commands())
                    : null;
            items.add(
                    projection instanceof PigExpr.Dereference
                            ? new PigRelation.GenerateItem(
                                    new PigExpr.Flatten(projection, item.expr().span()), item.names(), item.span())
                            : item);
        }
        return new PigRelation.NestedForeach(block.input(), block.commands(), items, block.span());
    }

    /** The expression the last nested {@code alias = expr} of the block assigns, else null. */
    private static PigExpr assigned(String alias, List<PigRelation.NestedCommand> commands) {
        PigExpr expr = null;
        for (PigRelation.NestedCommand command : commands) {
            if (command.alias().equals(alias)) {
                expr = command.op() instanceof PigRelation.NestedOp.Assign assign ? assign.expr() : null;
            }
        }
        return expr;
    }

    /** Whether the bag is a nested ORDER's, or a FILTER or LIMIT of one (they keep its order). */
    static boolean sorted(PigExpr input, List<PigRelation.NestedCommand> commands) {
        if (!(input instanceof PigExpr.FieldRef ref) || ref.qualifier() != null) {
            return false;
        }
        PigRelation.NestedCommand named = null;
        for (PigRelation.NestedCommand command : commands) {
            if (command.alias().equals(ref.name())) {
                named = command;
            }
        }
        if (named == null) {
            return false;
        }
        return named.op() instanceof PigRelation.NestedOp.Order
                || named.op() instanceof PigRelation.NestedOp.Filter filter && sorted(filter.input(), commands)
                || named.op() instanceof PigRelation.NestedOp.Limit limit && sorted(limit.input(), commands);
    }
}
