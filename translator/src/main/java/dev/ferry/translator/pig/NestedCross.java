package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A nested CROSS of a COGROUP's bags, {@code FOREACH c { x = CROSS a, b; GENERATE group, FLATTEN(x), COUNT(x); }}:
 * the bag of every pair of the key's tuples. FLATTEN(x) is FLATTEN(a), FLATTEN(b) (a row per pair, none when a
 * bag is empty: the join on the key); COUNT(x) counts the pairs whose first field, a's, is not null, so it is
 * COUNT(a) * COUNT_STAR(b); COUNT_STAR(x) is the product of the COUNT_STARs. Other uses stay TODOs.
 */
final class NestedCross {

    private NestedCross() {}

    /** The crossed bags, when every input is a whole bag of the COGROUP (no nested FILTER or DISTINCT before). */
    static Optional<Value> of(PigRelation.NestedOp.Cross cross, Function<PigExpr, Value> translate, Scope outer) {
        if (!(outer instanceof Scope.Cogroup)) {
            return Optional.empty();
        }
        for (PigExpr input : cross.inputs()) {
            if (!(input instanceof PigExpr.FieldRef ref)
                    || ref.qualifier() != null
                    || !(translate.apply(input) instanceof Value.Bag bag)
                    || bag.filter() != null
                    || bag.distinct()
                    || bag.field() != null) {
                return Optional.empty();
            }
        }
        return Optional.of(new Value.Crossed(cross.inputs()));
    }

    /**
     * Whether the CROSS {@code alias} is what this class translates: a CROSS of the COGROUP's own bags that the block
     * reads only as FLATTEN(alias), COUNT(alias) or COUNT_STAR(alias) (no other nested command reads it).
     */
    static boolean joinsInputs(
            String alias, PigRelation.NestedOp.Cross cross, PigRelation.NestedForeach block, Set<String> inputBags) {
        Set<String> nested = new java.util.HashSet<>();
        block.commands().forEach(c -> nested.add(c.alias()));
        boolean ownBags = cross.inputs().stream()
                .allMatch(i -> i instanceof PigExpr.FieldRef ref
                        && ref.qualifier() == null
                        && inputBags.contains(ref.name())
                        && !nested.contains(ref.name()));
        boolean readByCommands = block.commands().stream()
                .filter(c -> !c.alias().equals(alias))
                .anyMatch(c -> inputs(c.op()).stream().anyMatch(e -> mentions(e, alias)));
        return ownBags
                && !readByCommands
                && block.items().stream().allMatch(item -> onlyFlattenedOrCounted(item.expr(), alias));
    }

    private static boolean onlyFlattenedOrCounted(PigExpr expr, String alias) {
        if (expr instanceof PigExpr.Flatten flatten && isAlias(flatten.expr(), alias)
                || expr instanceof PigExpr.Call call
                        && COUNTS.contains(call.function())
                        && call.arguments().size() == 1
                        && isAlias(call.arguments().get(0), alias)) {
            return true;
        }
        if (isAlias(expr, alias)) {
            return false;
        }
        return PigExpr.children(expr).stream().allMatch(child -> onlyFlattenedOrCounted(child, alias));
    }

    /**
     * The bags a nested command reads, and a FILTER's condition (FOREACH's items read its input's fields, not the
     * block's aliases).
     */
    static List<PigExpr> inputs(PigRelation.NestedOp op) {
        if (op instanceof PigRelation.NestedOp.Assign assign) {
            return List.of(assign.expr());
        }
        if (op instanceof PigRelation.NestedOp.Filter filter) {
            return List.of(filter.input(), filter.condition());
        }
        if (op instanceof PigRelation.NestedOp.Order order) {
            return List.of(order.input());
        }
        if (op instanceof PigRelation.NestedOp.Distinct distinct) {
            return List.of(distinct.input());
        }
        if (op instanceof PigRelation.NestedOp.Limit limit) {
            return List.of(limit.input());
        }
        if (op instanceof PigRelation.NestedOp.Cross cross) {
            return cross.inputs();
        }
        return List.of(((PigRelation.NestedOp.Foreach) op).input());
    }

    private static boolean mentions(PigExpr expr, String alias) {
        return isAlias(expr, alias) || PigExpr.children(expr).stream().anyMatch(c -> mentions(c, alias));
    }

    private static boolean isAlias(PigExpr expr, String alias) {
        return expr instanceof PigExpr.FieldRef ref
                && ref.qualifier() == null
                && ref.name().equals(alias);
    }

    /** The bags FLATTEN(alias) flattens when alias is a nested CROSS of the block, else none. */
    static List<String> flattenedInputs(String alias, List<PigRelation.NestedCommand> commands) {
        for (PigRelation.NestedCommand command : commands) {
            if (command.alias().equals(alias)
                    && command.op() instanceof PigRelation.NestedOp.Cross cross
                    && cross.inputs().stream()
                            .allMatch(i -> i instanceof PigExpr.FieldRef ref && ref.qualifier() == null)) {
                return cross.inputs().stream()
                        .map(i -> ((PigExpr.FieldRef) i).name())
                        .toList();
            }
        }
        return List.of();
    }

    private static final Set<String> COUNTS = Set.of("COUNT", "COUNT_STAR");

    /** COUNT or COUNT_STAR of the crossed bags: the product of each bag's count, as a long. */
    static Value.Scalar count(PigExpr.Call call, Value.Crossed crossed, Function<PigExpr, Value> translate) {
        if (!COUNTS.contains(call.function())) {
            throw ExprTranslator.unsupported(
                    call.span(),
                    call.function() + " of a nested CROSS is not translated yet"
                            + " (FLATTEN, COUNT and COUNT_STAR of it are)");
        }
        SqlExpr product = null;
        for (int i = 0; i < crossed.inputs().size(); i++) {
            // Pig's COUNT skips a pair whose first field is null: the first bag's first field.
            String function = i == 0 ? call.function() : "COUNT_STAR";
            Value.Scalar count = (Value.Scalar) translate.apply(
                    new PigExpr.Call(function, List.of(crossed.inputs().get(i)), call.span()));
            product =
                    product == null ? count.sql() : new SqlExpr.Binary(SqlExpr.BinaryOp.MULTIPLY, product, count.sql());
        }
        return new Value.Scalar(product, PigType.LONG);
    }

    /** True when the call's one argument is a nested CROSS alias (only COUNT and COUNT_STAR of it translate). */
    static boolean isCount(PigExpr.Call call, Function<PigExpr, Value> translate) {
        return call.arguments().size() == 1
                && call.arguments().get(0) instanceof PigExpr.FieldRef ref
                && ref.qualifier() == null
                && translate.apply(ref) instanceof Value.Crossed;
    }
}
