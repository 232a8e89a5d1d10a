package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A nested ORDER without LIMIT ({@code E = ORDER B BY x; GENERATE SUM(E.x)}). Where the bag is read whole
 * (stored, passed to BagToString, TOP or a UDF) the translation sorts it (the runtime's PIG_BAG_SORT, over
 * the ORDER's keys by name); elsewhere it keeps the bag's rows, not their order, which is exact only where
 * nothing reads the order. So an ordered alias whose keys are not all named, and the FILTERs and
 * projections of it (they keep Pig's order), may only be read whole by a function that ignores order
 * (COUNT, SUM, AVG, MIN, MAX, SIZE, IsEmpty) or by a nested DISTINCT; any other read is reported as not
 * translated yet. FLATTEN keeps the rows (a warning says their order within a group is not kept).
 */
final class NestedOrders {

    /** Builtins whose result does not depend on the order of their bag. */
    private static final Set<String> ORDER_BLIND =
            Set.of("COUNT", "COUNT_STAR", "SUM", "AVG", "MIN", "MAX", "SIZE", "IsEmpty");

    /** The runtime's function sorting a bag value: {@code PIG_BAG_SORT(bag, '1d,0a')}. */
    static final String SORT = "PIG_BAG_SORT";

    private NestedOrders() {}

    /**
     * Fails (PIG-E020) at the first read of an ORDERed bag that would see its order; returns the GENERATE
     * items that FLATTEN one. Those keep the bag's rows: the order within a group shows only in the
     * sequence of an output file, which Pig does not promise for a FOREACH's rows (only ORDER orders a
     * relation), so the rows agree as a multiset and the caller warns.
     */
    static List<PigRelation.GenerateItem> checkOrderIsNotRead(
            List<PigRelation.NestedCommand> commands, List<PigRelation.GenerateItem> items) {
        List<PigRelation.GenerateItem> flattened = new ArrayList<>();
        Set<String> ordered = new HashSet<>();
        Set<String> sortable = new HashSet<>();
        for (PigRelation.NestedCommand command : commands) {
            PigRelation.NestedOp op = command.op();
            PigExpr whole = null;
            if (op instanceof PigRelation.NestedOp.Assign assign) {
                whole = assign.expr();
            } else if (op instanceof PigRelation.NestedOp.Filter filter) {
                whole = filter.input();
            } else if (op instanceof PigRelation.NestedOp.Order order) {
                whole = order.input();
            } else if (op instanceof PigRelation.NestedOp.Distinct distinct) {
                whole = distinct.input();
            }
            boolean readsOrdered = whole != null && ordered.contains(root(whole));
            if (op instanceof PigRelation.NestedOp.Order
                    || readsOrdered && !(op instanceof PigRelation.NestedOp.Distinct)) {
                ordered.add(command.alias());
            } else {
                ordered.remove(command.alias());
            }
            // The sort stays with the bag through FILTERs and projections (Value.Bag.ordering).
            if (op instanceof PigRelation.NestedOp.Order order
                    ? sortable(order)
                    : readsOrdered
                            && sortable.contains(root(whole))
                            && (op instanceof PigRelation.NestedOp.Filter
                                    || op instanceof PigRelation.NestedOp.Assign)) {
                sortable.add(command.alias());
            } else {
                sortable.remove(command.alias());
            }
            List<PigExpr> others = new ArrayList<>();
            if (whole != null && !readsOrdered) {
                others.add(whole);
            }
            if (op instanceof PigRelation.NestedOp.Filter filter) {
                others.add(filter.condition());
            } else if (op instanceof PigRelation.NestedOp.Order order) {
                order.keys().forEach(k -> others.add(k.expr()));
            } else if (op instanceof PigRelation.NestedOp.Cross cross) {
                others.addAll(cross.inputs());
            }
            others.forEach(e -> check(e, ordered, sortable));
        }
        if (!ordered.isEmpty()) {
            for (PigRelation.GenerateItem item : items) {
                if (item.expr() instanceof PigExpr.Flatten f && ordered.contains(root(f.expr()))) {
                    flattened.add(item);
                } else {
                    check(item.expr(), ordered, sortable);
                }
            }
        }
        return flattened;
    }

    /**
     * Whether the translation sorts the ORDER's bag where it is read whole (ExprTranslator.bagValue): its keys are
     * fields, by name or by position ({@link #positions}).
     */
    static boolean sortable(PigRelation.NestedOp.Order order) {
        return order.comparator() == null
                && order.keys().stream()
                        .allMatch(
                                k -> k.expr() instanceof PigExpr.FieldRef || k.expr() instanceof PigExpr.PositionalRef);
    }

    /**
     * The sort of a nested ORDER by positions of a bag that is one projected field ({@code p = rows.x; o = ORDER p BY
     * $0}): $0 is that field, as in the projection's tuples; empty for a bag of whole rows (its positions are the
     * rows' fields, read as any key) or keys by name. A position past the projection's one field is Pig's error.
     */
    static Optional<List<SqlQuery.OrderItem>> positions(
            PigRelation.NestedOp.Order order, Value.Bag bag, SourceSpan span) {
        if (bag.field() == null || order.keys().stream().noneMatch(k -> k.expr() instanceof PigExpr.PositionalRef)) {
            return Optional.empty();
        }
        List<SqlQuery.OrderItem> ordering = new ArrayList<>();
        for (PigRelation.OrderKey key : order.keys()) {
            if (key.expr() instanceof PigExpr.PositionalRef position && position.index() != 0) {
                throw ExprTranslator.unsupported(
                        position.span(),
                        "a nested ORDER of a projected bag by $" + position.index() + " (it has one field)");
            }
            if (!(key.expr() instanceof PigExpr.PositionalRef) && !(key.expr() instanceof PigExpr.FieldRef)) {
                throw ExprTranslator.unsupported(
                        span, "a nested ORDER of a projected bag by an expression is not translated yet");
            }
            ordering.add(SqlQuery.OrderItem.pig(SqlExpr.ColumnRef.of(bag.field().sqlName()), key.descending()));
        }
        return Optional.of(ordering);
    }

    /**
     * A nested ORDER's bag collected whole, sorted as Pig's POSort sorts it (PIG_BAG_SORT by the keys' positions
     * among the tuple's fields); any other bag as it is.
     */
    static Value.Scalar sorted(Value.Scalar collected, Value.Bag bag, List<Field> fields, SourceSpan span) {
        if (bag.ordering() == null) {
            return collected;
        }
        StringBuilder keys = new StringBuilder();
        for (SqlQuery.OrderItem item : bag.ordering()) {
            // A datetime key sorts by its instant: PIG_TOMILLISECONDS(column).
            SqlExpr key = item.expr() instanceof SqlExpr.Call call
                            && call.function().equals(DateTimes.MILLIS)
                            && call.arguments().get(0) instanceof SqlExpr.ColumnRef column
                    ? column
                    : item.expr();
            int index = -1;
            for (int i = 0; i < fields.size(); i++) {
                if (key instanceof SqlExpr.ColumnRef ref
                        && ref.name().equals(fields.get(i).sqlName())) {
                    index = i;
                }
            }
            if (index < 0) {
                throw ExprTranslator.unsupported(
                        span,
                        "a projection of a nested ORDER's bag without its sort keys, read whole, is not translated yet");
            }
            // A datetime key sorts by instant (upper case), as Pig's DateTime.compareTo; its text would not.
            boolean datetime = fields.get(index).type() == PigType.DATETIME;
            keys.append(keys.length() > 0 ? "," : "")
                    .append(index)
                    .append(item.descending() ? (datetime ? 'D' : 'd') : (datetime ? 'A' : 'a'));
        }
        return new Value.Scalar(
                SqlExpr.Call.of(SORT, collected.sql(), SqlExpr.Literal.text(keys.toString())),
                collected.type(),
                collected.inner());
    }

    /** Whether the bag is a projection of a nested ORDER's bag that drops some of the sort's fields. */
    static boolean sortsOutsideProjection(Value.Bag bag) {
        return bag.ordering() != null
                && bag.field() != null
                && bag.ordering().stream()
                        .anyMatch(item -> !(item.expr() instanceof SqlExpr.ColumnRef ref
                                && ref.name().equals(bag.field().sqlName())));
    }

    /**
     * The block with every other reader of a nested ORDER that a constant nested LIMIT reads reading the LIMIT
     * instead: Pig 0.18's NestedLimitOptimizer moves the LIMIT into the sort and reconnects the LIMIT's readers to
     * it, so every reader of the ORDER's bag sees the limited bag ({@code o = ORDER rows BY ts; l = LIMIT o 2;
     * f = FILTER o BY ...} gives f at most two tuples). Fails (PIG-E020) where that does not hold or Pig fails: two
     * LIMITs of one ORDER (Pig keeps one of them), one reader of both the ORDER and its LIMIT (the GENERATE or a
     * nested command: Pig 0.18 stops with ERROR 2225, "Projection with nothing to reference"), and a LIMIT nothing
     * reads (Pig 0.18 fails too).
     */
    static PigRelation.NestedForeach limitsSharedOrders(PigRelation.NestedForeach block) {
        PigRelation.NestedForeach rewritten = block;
        for (PigRelation.NestedCommand command : block.commands()) {
            if (!(command.op() instanceof PigRelation.NestedOp.Limit limit)
                    || !(limit.count() instanceof PigExpr.Literal)
                    || !(limit.input() instanceof PigExpr.FieldRef ref)
                    || ref.qualifier() != null
                    || block.commands().stream()
                            .noneMatch(c ->
                                    c.alias().equals(ref.name()) && c.op() instanceof PigRelation.NestedOp.Order)) {
                continue;
            }
            String order = ref.name();
            boolean shared = block.commands().stream().anyMatch(c -> c != command && reads(c, order))
                    || generateReads(block, order);
            if (!shared) {
                continue;
            }
            boolean twoLimits = block.commands().stream()
                    .anyMatch(c -> c != command
                            && c.op() instanceof PigRelation.NestedOp.Limit other
                            && mentionsAlias(other.input(), order));
            if (twoLimits) {
                throw ExprTranslator.unsupported(
                        command.span(),
                        "two nested LIMITs of one nested ORDER (Pig 0.18 limits the ORDER's bag itself, by one of"
                                + " them) are not translated yet");
            }
            Map<String, String> limited = Map.of(order, command.alias());
            String top = command.alias();
            boolean readsBoth = block.commands().stream().anyMatch(c -> reads(c, order) && reads(c, top))
                    || generateReads(block, order) && generateReads(block, top);
            boolean limitRead = block.commands().stream().anyMatch(c -> reads(c, top)) || generateReads(block, top);
            if (readsBoth || !limitRead) {
                throw ExprTranslator.unsupported(
                        command.span(),
                        (readsBoth
                                        ? "a nested LIMIT of a nested ORDER read beside that ORDER by one reader"
                                        : "a nested LIMIT that nothing reads, of a nested ORDER read elsewhere")
                                + ": Pig 0.18 fails such a block (its NestedLimitOptimizer moves the LIMIT into the"
                                + " ORDER); read only '" + command.alias() + "', which Pig gives every reader of '"
                                + order + "'");
            }
            // The LIMIT moves up to just after its ORDER, before the readers that now read it.
            List<PigRelation.NestedCommand> commands = new ArrayList<>();
            for (PigRelation.NestedCommand c : rewritten.commands()) {
                if (c.alias().equals(order)) {
                    commands.add(c);
                    commands.add(command);
                } else if (!c.alias().equals(command.alias())) {
                    commands.add(
                            new PigRelation.NestedCommand(c.alias(), NestedAliases.rename(c.op(), limited), c.span()));
                }
            }
            List<PigRelation.GenerateItem> items = rewritten.items().stream()
                    .map(item -> new PigRelation.GenerateItem(
                            NestedAliases.rename(item.expr(), limited), item.names(), item.span()))
                    .toList();
            rewritten = new PigRelation.NestedForeach(rewritten.input(), commands, items, rewritten.span());
        }
        return rewritten;
    }

    /** Whether the nested command reads the nested alias. */
    private static boolean reads(PigRelation.NestedCommand command, String alias) {
        return NestedCross.inputs(command.op()).stream().anyMatch(e -> mentionsAlias(e, alias));
    }

    /** Whether the block's GENERATE reads the nested alias. */
    private static boolean generateReads(PigRelation.NestedForeach block, String alias) {
        return block.items().stream().anyMatch(item -> mentionsAlias(item.expr(), alias));
    }

    private static boolean mentionsAlias(PigExpr expr, String alias) {
        return expr instanceof PigExpr.FieldRef ref
                        && ref.qualifier() == null
                        && ref.name().equals(alias)
                || PigExpr.children(expr).stream().anyMatch(child -> mentionsAlias(child, alias));
    }

    /** Whether {@code expr} reads the nested bag {@code alias} only through an order-blind builtin, if at all. */
    static boolean readsOnlyOrderBlind(PigExpr expr, String alias) {
        if (expr instanceof PigExpr.Call call
                && ORDER_BLIND.contains(call.function())
                && call.arguments().size() == 1
                && alias.equals(root(call.arguments().get(0)))) {
            return true;
        }
        if (expr instanceof PigExpr.FieldRef ref
                && ref.qualifier() == null
                && ref.name().equals(alias)) {
            return false;
        }
        return PigExpr.children(expr).stream().allMatch(child -> readsOnlyOrderBlind(child, alias));
    }

    /** Whether a nested command reads the nested alias {@code alias} anywhere. */
    static boolean mentions(PigRelation.NestedCommand command, String alias) {
        return NestedCross.inputs(command.op()).stream()
                .anyMatch(e -> !readsOnlyOrderBlind(e, alias) || alias.equals(root(e)));
    }

    private static void check(PigExpr expr, Set<String> ordered, Set<String> sortable) {
        if (expr instanceof PigExpr.Call call
                && ORDER_BLIND.contains(call.function())
                && call.arguments().size() == 1
                && ordered.contains(root(call.arguments().get(0)))) {
            return;
        }
        if (expr instanceof PigExpr.FieldRef ref
                && ref.qualifier() == null
                && ordered.contains(ref.name())
                && !sortable.contains(ref.name())) {
            throw ExprTranslator.unsupported(
                    ref.span(),
                    "the bag '" + ref.name() + "' of a nested ORDER by a key that is not a named field, read other"
                            + " than by COUNT, SUM, AVG, MIN, MAX, SIZE or IsEmpty (so that its order would show),"
                            + " is not translated yet");
        }
        PigExpr.children(expr).forEach(child -> check(child, ordered, sortable));
    }

    /** The alias a projection chain starts from ({@code E} of {@code E.x} or {@code E.(x, y)}), else null. */
    private static String root(PigExpr expr) {
        PigExpr e = expr;
        while (e instanceof PigExpr.Dereference || e instanceof PigExpr.Projection) {
            e = e instanceof PigExpr.Dereference d ? d.base() : ((PigExpr.Projection) e).base();
        }
        return e instanceof PigExpr.FieldRef ref && ref.qualifier() == null ? ref.name() : null;
    }
}
