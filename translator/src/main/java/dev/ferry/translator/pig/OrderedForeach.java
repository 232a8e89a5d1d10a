package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.translator.sql.SqlExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A nested FOREACH computing values of a nested ORDER's bag, or of a FILTER of one ({@code s = ORDER rows BY ts; t =
 * FOREACH s GENERATE ts * 2, UPPER(url);}): Pig's bag of the computed tuples in the ORDER's order, one aggregate of the
 * group's rows ({@link ExprTranslator#computedBag}). Of a bag no ORDER sorts it is a view of its own ({@link
 * NestedBagViews#foreach}), whose rows need no order.
 */
final class OrderedForeach {

    private OrderedForeach() {}

    /** Whether the FOREACH computes values (more than projecting fields) of a bag a nested ORDER sorts. */
    static boolean applies(PigRelation.NestedOp.Foreach foreach, List<PigRelation.NestedCommand> commands) {
        return NestedProjection.of(foreach, commands).isEmpty() && NestedProjection.sorted(foreach.input(), commands);
    }

    /**
     * Whether the FOREACH reads a bag a nested ORDER sorts and the block reads its own bag only through FLATTEN (and
     * order-blind aggregates): the rows need no order then (Pig does not promise the order of a FOREACH's output
     * rows), so it is a view of its own, as over any bag ({@link NestedBagViews#foreach}), and the caller warns.
     */
    static boolean onlyFlattened(PigRelation.NestedCommand command, PigRelation.NestedForeach block) {
        if (!(command.op() instanceof PigRelation.NestedOp.Foreach foreach)
                || !NestedProjection.sorted(foreach.input(), block.commands())) {
            return false;
        }
        String alias = command.alias();
        boolean later = false;
        for (PigRelation.NestedCommand other : block.commands()) {
            if (later && NestedOrders.mentions(other, alias)) {
                return false;
            }
            later |= other == command;
        }
        boolean flattened = false;
        for (PigRelation.GenerateItem item : block.items()) {
            if (item.expr() instanceof PigExpr.Flatten f
                    && f.expr() instanceof PigExpr.FieldRef ref
                    && ref.qualifier() == null
                    && ref.name().equals(alias)) {
                flattened = true;
            } else if (!NestedOrders.readsOnlyOrderBlind(item.expr(), alias)) {
                return false;
            }
        }
        return flattened;
    }

    /** The FOREACH's bag: the values computed over each of {@code bag}'s rows, sorted as {@code bag} is. */
    static Value.Scalar translate(
            PigRelation.NestedCommand command,
            PigRelation.NestedOp.Foreach foreach,
            Value.Bag bag,
            Scope scope,
            ExprTranslator expressions,
            Function<Relation.Named, Scope> rowScope) {
        if (bag.ordering() == null) {
            throw ExprTranslator.unsupported(
                    command.span(),
                    "a nested FOREACH computing values of a bag ORDERed by a key that is not a named field is not"
                            + " translated yet");
        }
        Names names = new Names();
        List<Field> computed = new ArrayList<>();
        List<SqlExpr> values = new ArrayList<>();
        for (NestedBagViews.Generated generated :
                NestedBagViews.generated(foreach, rowScope.apply(bag.relation()), expressions)) {
            computed.add(generated.field(
                    names.unique(generated.pigName() != null ? generated.pigName() : "f" + computed.size())));
            values.add(generated.value().sql());
        }
        return expressions.computedBag(bag, computed, values, scope, command.span());
    }
}
