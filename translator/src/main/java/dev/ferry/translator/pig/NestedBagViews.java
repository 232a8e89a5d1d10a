package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery;
import dev.ferry.translator.sql.SqlQuery.Select;
import dev.ferry.translator.sql.SqlQuery.SelectItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The bags of a nested block over a GROUP that no aggregate of the GROUP's rows stands for: a nested CROSS
 * ({@code p = CROSS xs, ys}: every pair of the two bags' tuples within the group, Pig's POCross, fields named
 * {@code xs::x}, {@code ys::y}) and a nested FOREACH computing values ({@code s = FOREACH p GENERATE xs::x + ys::y
 * AS s}: a tuple per tuple of its bag). Each is a view: the group's key, then the bag's fields, one row per
 * tuple; a group whose bag is empty has no row there. The GENERATE then reads the GROUP's bag and the views as
 * the bags of one COGROUP on the key (the GROUP's bag has every key, the null key one group).
 */
final class NestedBagViews {

    private NestedBagViews() {}

    /**
     * A bag's view: its query, the fields it shows (the key columns before them are not the bag's) and the input
     * whose groups its rows belong to (that of the first bag it reads).
     */
    record View(SqlQuery query, List<Field> fields, String origin, List<SqlQuery.OrderItem> ordering) {
        View(SqlQuery query, List<Field> fields, String origin) {
            this(query, fields, origin, null);
        }
    }

    /**
     * A CROSS, a FOREACH that does more than project one field ({@link NestedProjection}), and a DISTINCT where
     * the GENERATE also collects a bag whole: Flink plans a COUNT(DISTINCT x) beside other aggregates by rolling
     * those up with MIN, which takes no ARRAY ("Min aggregate function does not support type ARRAY"), so the
     * distinct rows are a view whose plain aggregates sit in a table of their own.
     */
    static boolean needsView(PigRelation.NestedCommand command, PigRelation.NestedForeach block, String groupBag) {
        return needsView(command, block, Set.of(groupBag), false);
    }

    /**
     * The same over a COGROUP's bags ({@code cogroup} true): there a CROSS of the COGROUP's own bags that the GENERATE
     * only FLATTENs or counts is a join of the inputs ({@link NestedCross}); any other CROSS is a view.
     */
    static boolean needsView(
            PigRelation.NestedCommand command,
            PigRelation.NestedForeach block,
            Set<String> inputBags,
            boolean cogroup) {
        return command.op() instanceof PigRelation.NestedOp.Cross cross
                        && (!cogroup || !NestedCross.joinsInputs(command.alias(), cross, block, inputBags))
                || command.op() instanceof PigRelation.NestedOp.Foreach foreach
                        && (NestedProjection.of(foreach, block.commands()).isEmpty()
                                        && !OrderedForeach.applies(foreach, block.commands())
                                || OrderedForeach.onlyFlattened(command, block))
                || command.op() instanceof PigRelation.NestedOp.Limit limit
                        && (cogroup || limitsView(limit, block) || othersNeedViews(block, inputBags))
                || command.op() instanceof PigRelation.NestedOp.Distinct
                        && (collectsBagWhole(block, inputBags)
                                || readByLimit(command.alias(), block)
                                || readByCross(command.alias(), block))
                || command.op() instanceof PigRelation.NestedOp.Filter && flattenedBeside(command.alias(), block);
    }

    /**
     * Whether the GENERATE FLATTENs the nested bag {@code alias} (or an ORDER of it) beside items that read more than
     * fields of the group's key or row (an aggregate, a bag): its rows are then a view of their own, joined to the
     * others on the key. FLATTENed beside the key alone, it is the input's rows that pass ({@code flattenNarrowBag}).
     */
    static boolean flattenedBeside(String alias, PigRelation.NestedForeach block) {
        boolean flattened = block.items().stream()
                .anyMatch(item -> item.expr() instanceof PigExpr.Flatten f
                        && f.expr() instanceof PigExpr.FieldRef ref
                        && ref.qualifier() == null
                        && orderedAlias(ref.name(), block).equals(alias));
        boolean beside = block.items().stream()
                .anyMatch(item -> !(item.expr() instanceof PigExpr.Flatten)
                        && !(item.expr() instanceof PigExpr.FieldRef)
                        && !(item.expr() instanceof PigExpr.PositionalRef)
                        && !(item.expr() instanceof PigExpr.Dereference d
                                && d.base() instanceof PigExpr.FieldRef base
                                && base.name().equals("group")));
        return flattened && beside;
    }

    /** The alias a nested ORDER sorts, through ORDERs of ORDERs; else {@code alias}. */
    private static String orderedAlias(String alias, PigRelation.NestedForeach block) {
        for (PigRelation.NestedCommand command : block.commands()) {
            if (command.alias().equals(alias)
                    && command.op() instanceof PigRelation.NestedOp.Order order
                    && order.input() instanceof PigExpr.FieldRef ref
                    && ref.qualifier() == null) {
                return orderedAlias(ref.name(), block);
            }
        }
        return alias;
    }

    /** {@code FILTER bag BY c} FLATTENed beside other items: the rows of the bag that pass, each with the key. */
    static View filter(
            PigRelation.NestedCommand command,
            PigRelation.NestedOp.Filter filter,
            Scope scope,
            List<Relation.Side> sides,
            List<Field> keyFields,
            ExprTranslator expressions,
            Function<Value.Bag, SqlExpr> condition) {
        Value.Bag bag = bagOf(filter.input(), scope, command, expressions);
        return rows(bag.filtered(condition.apply(bag)), sideOf(bag, sides, command), keyFields);
    }

    /** The bag's rows (those its FILTER keeps), each with the group's key: {@code SELECT key, fields FROM input}. */
    private static View rows(Value.Bag bag, Relation.Side side, List<Field> keyFields) {
        Names columns = new Names();
        List<SelectItem> items = keyItems(side.keys(), keyFields, columns);
        List<Field> fields = new ArrayList<>();
        for (Field field :
                bag.field() != null ? List.of(bag.field()) : bag.relation().fields()) {
            String sqlName = columns.unique(field.sqlName());
            items.add(item(SqlExpr.ColumnRef.of(field.sqlName()), sqlName));
            fields.add(field.renamed(sqlName));
        }
        Select query = Select.of(items, new SqlQuery.TableRef(side.input().sqlName()));
        return new View(bag.filter() != null ? query.withWhere(bag.filter()) : query, fields, side.group());
    }

    /**
     * A LIMIT of a nested DISTINCT or of a projection ({@code d = DISTINCT a.x; l = LIMIT d 2}, {@code p = a.x; l =
     * LIMIT p 2}): a view of its own, the first rows of each group's bag (a LIMIT of an ORDER or FILTER is the top-N
     * form instead).
     */
    static boolean limitsView(PigRelation.NestedOp.Limit limit, PigRelation.NestedForeach block) {
        return limitedCommand(limit, block)
                .filter(c -> c.op() instanceof PigRelation.NestedOp.Distinct
                        || c.op() instanceof PigRelation.NestedOp.Assign assign
                                && (assign.expr() instanceof PigExpr.Dereference
                                        || assign.expr() instanceof PigExpr.Projection)
                        || c.op() instanceof PigRelation.NestedOp.Foreach foreach
                                && NestedProjection.of(foreach, block.commands())
                                        .isPresent())
                .isPresent();
    }

    /** The nested command whose bag a LIMIT limits, if its input names one. */
    static java.util.Optional<PigRelation.NestedCommand> limitedCommand(
            PigRelation.NestedOp.Limit limit, PigRelation.NestedForeach block) {
        if (!(limit.input() instanceof PigExpr.FieldRef ref) || ref.qualifier() != null) {
            return java.util.Optional.empty();
        }
        PigRelation.NestedCommand found = null;
        for (PigRelation.NestedCommand command : block.commands()) {
            if (command.alias().equals(ref.name())) {
                found = command;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /**
     * Whether the GENERATE reads a bag of the block that only a view gives beside a nested LIMIT (a DISTINCT read whole,
     * a FILTER FLATTENed beside aggregates, a CROSS or a computing FOREACH): the LIMIT is then a view too, and the
     * GENERATE reads every bag of the block as a COGROUP of views.
     */
    static boolean othersNeedViews(PigRelation.NestedForeach block, Set<String> inputBags) {
        return block.commands().stream()
                .anyMatch(c -> !(c.op() instanceof PigRelation.NestedOp.Limit)
                        && needsView(c, block, inputBags, false)
                        && (!(c.op() instanceof PigRelation.NestedOp.Distinct)
                                || block.items().stream()
                                        .anyMatch(item -> collectsWhole(item.expr(), Set.of(c.alias())))));
    }

    /** A nested CROSS of a DISTINCT: the distinct rows are a view the CROSS joins like any bag's rows. */
    private static boolean readByCross(String alias, PigRelation.NestedForeach block) {
        return block.commands().stream()
                .anyMatch(c -> c.op() instanceof PigRelation.NestedOp.Cross cross
                        && cross.inputs().stream()
                                .anyMatch(input -> input instanceof PigExpr.FieldRef ref
                                        && ref.qualifier() == null
                                        && ref.name().equals(alias)));
    }

    private static boolean readByLimit(String alias, PigRelation.NestedForeach block) {
        return block.commands().stream()
                .anyMatch(c -> c.op() instanceof PigRelation.NestedOp.Limit limit
                        && limit.input() instanceof PigExpr.FieldRef ref
                        && ref.qualifier() == null
                        && ref.name().equals(alias));
    }

    /**
     * {@code LIMIT bag n}: the first n rows of each group's bag, numbered per key. A DISTINCT's bag is in Pig sorted
     * (DistinctDataBag: every field ascending, nulls first), so its first rows are the smallest; any other bag's order
     * is the one Pig holds it in, which no query names ({@code sorted} false: the caller warns).
     */
    static View limit(
            PigRelation.NestedCommand command,
            PigRelation.NestedOp.Limit limit,
            long count,
            boolean sorted,
            Scope scope,
            List<Relation.Side> sides,
            List<Field> keyFields,
            ExprTranslator expressions) {
        Value.Bag bag = bagOf(limit.input(), scope, command, expressions, false);
        if (bag.ordering() != null && bag.ordering().stream().anyMatch(o -> !(o.expr() instanceof SqlExpr.ColumnRef))) {
            throw ExprTranslator.unsupported(
                    command.span(), "a nested LIMIT of a bag ORDERed by position is not translated yet");
        }
        Relation.Side side = sideOf(bag, sides, command);
        Names columns = new Names();
        List<SelectItem> items = keyItems(side.keys(), keyFields, columns);
        List<Field> fields = new ArrayList<>();
        List<SqlQuery.OrderItem> order = new ArrayList<>();
        for (Field field :
                bag.field() != null ? List.of(bag.field()) : bag.relation().fields()) {
            String sqlName = columns.unique(field.sqlName());
            items.add(item(SqlExpr.ColumnRef.of(field.sqlName()), sqlName));
            fields.add(field.renamed(sqlName));
            order.add(new SqlQuery.OrderItem(SqlExpr.ColumnRef.of(field.sqlName()), false, true));
        }
        // A LIMIT of an ORDER keeps the ORDER's order: the view's bag is sorted by the same fields, as the view names
        // them.
        List<SqlQuery.OrderItem> viewOrder = null;
        if (bag.ordering() != null) {
            List<Field> read =
                    bag.field() != null ? List.of(bag.field()) : bag.relation().fields();
            viewOrder = new ArrayList<>();
            for (SqlQuery.OrderItem o : bag.ordering()) {
                String name = ((SqlExpr.ColumnRef) o.expr()).name();
                int at = read.stream().map(Field::sqlName).toList().indexOf(name);
                if (at < 0) {
                    viewOrder = null;
                    break;
                }
                viewOrder.add(new SqlQuery.OrderItem(
                        SqlExpr.ColumnRef.of(fields.get(at).sqlName()), o.descending(), o.nullsFirst()));
            }
        }
        List<SelectItem> kept = new ArrayList<>();
        items.forEach(i -> kept.add(new SelectItem(
                SqlExpr.ColumnRef.of(i.alias() != null ? i.alias() : ((SqlExpr.ColumnRef) i.expr()).name()), null)));
        String number = columns.unique("row_in_group");
        items.add(new SelectItem(
                new SqlExpr.Over(
                        SqlExpr.Call.of("ROW_NUMBER"),
                        side.keys(),
                        // An ORDERed bag's first rows by its keys (ties arbitrary, as in Pig).
                        bag.ordering() != null ? bag.ordering() : sorted ? order : order.subList(0, 1)),
                number));
        Select numbered = Select.of(items, new SqlQuery.TableRef(side.input().sqlName()));
        if (bag.filter() != null) {
            numbered = numbered.withWhere(bag.filter());
        }
        Select query = Select.of(kept, new SqlQuery.Derived(numbered, "numbered"))
                .withWhere(new SqlExpr.Binary(
                        SqlExpr.BinaryOp.LE, SqlExpr.ColumnRef.of(number), new SqlExpr.Literal(count)));
        return new View(query, fields, side.group(), viewOrder);
    }

    /** Whether a GENERATE item reads a bag (the group's or the block's) other than through an aggregate or FLATTEN. */
    static boolean collectsBagWhole(PigRelation.NestedForeach block, String groupBag) {
        return collectsBagWhole(block, Set.of(groupBag));
    }

    private static boolean collectsBagWhole(PigRelation.NestedForeach block, Set<String> inputBags) {
        Set<String> bags = new HashSet<>(inputBags);
        block.commands().forEach(c -> bags.add(c.alias()));
        return block.items().stream().anyMatch(item -> collectsWhole(item.expr(), bags));
    }

    private static boolean collectsWhole(PigExpr expr, Set<String> bags) {
        if (expr instanceof PigExpr.Flatten
                || expr instanceof PigExpr.Call call
                        && call.arguments().size() == 1
                        && (PigFunctionTable.isAggregate(call.function())
                                || call.function().equals("SIZE")
                                || call.function().equals("IsEmpty"))) {
            return false;
        }
        if (expr instanceof PigExpr.FieldRef ref && ref.qualifier() == null && bags.contains(ref.name())) {
            return true;
        }
        return PigExpr.children(expr).stream().anyMatch(child -> collectsWhole(child, bags));
    }

    /** {@code DISTINCT bag}: the bag's distinct rows (its FILTER applied first), each with the group's key. */
    static View distinct(
            PigRelation.NestedCommand command,
            PigRelation.NestedOp.Distinct distinct,
            Scope scope,
            List<Relation.Side> sides,
            List<Field> keyFields,
            ExprTranslator expressions) {
        Value.Bag bag = bagOf(distinct.input(), scope, command, expressions, false);
        View rows = rows(bag, sideOf(bag, sides, command), keyFields);
        return new View(((Select) rows.query()).withDistinct(), rows.fields(), rows.origin());
    }

    /** The key columns of a view, by the key fields' names. */
    static List<SqlExpr> keyColumns(List<Field> keyFields) {
        return keyFields.stream()
                .<SqlExpr>map(f -> SqlExpr.ColumnRef.of(f.sqlName()))
                .toList();
    }

    /**
     * {@code CROSS a, b}: the inputs' rows joined on the group's key (null keys matching where they are one group: a
     * GROUP's, or bags of one COGROUP input), each input's nested FILTER applied to its own rows first.
     */
    static View cross(
            PigRelation.NestedCommand command,
            PigRelation.NestedOp.Cross cross,
            Scope scope,
            List<Relation.Side> sides,
            List<Field> keyFields,
            ExprTranslator expressions,
            boolean nullKeysMatch) {
        Names columns = new Names();
        keyFields.forEach(k -> columns.unique(k.sqlName()));
        Names tableAliases = new Names();
        List<SelectItem> items = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        SqlQuery.From from = null;
        List<SqlExpr> firstKeys = null;
        String origin = null;
        for (int i = 0; i < cross.inputs().size(); i++) {
            PigExpr input = cross.inputs().get(i);
            Value.Bag bag = bagOf(input, scope, command, expressions);
            Relation.Side side = sideOf(bag, sides, command);
            String inputName =
                    input instanceof PigExpr.FieldRef ref && ref.qualifier() == null ? ref.name() : "input_" + (i + 1);
            String tableAlias = tableAliases.unique(inputName);
            SqlQuery.From source = bag.filter() == null
                    ? new SqlQuery.TableRef(side.input().sqlName(), tableAlias)
                    : new SqlQuery.Derived(
                            SqlQuery.selectAll(side.input().sqlName()).withWhere(bag.filter()), tableAlias);
            List<SqlExpr> keys = side.keys().stream()
                    .map(k -> CogroupPlan.qualify(k, tableAlias))
                    .toList();
            if (from == null) {
                from = source;
                firstKeys = keys;
                origin = side.group();
                for (int k = 0; k < keyFields.size(); k++) {
                    items.add(item(keys.get(k), keyFields.get(k).sqlName()));
                }
            } else {
                SqlExpr on = null;
                SqlExpr.BinaryOp match = nullKeysMatch || side.group().equals(origin)
                        ? SqlExpr.BinaryOp.IS_NOT_DISTINCT_FROM
                        : SqlExpr.BinaryOp.EQ;
                for (int k = 0; k < keys.size(); k++) {
                    SqlExpr equal = new SqlExpr.Binary(match, firstKeys.get(k), keys.get(k));
                    on = on == null ? equal : new SqlExpr.Binary(SqlExpr.BinaryOp.AND, on, equal);
                }
                from = new SqlQuery.Join(from, SqlQuery.JoinKind.INNER, source, on);
            }
            for (Field field :
                    bag.field() != null ? List.of(bag.field()) : bag.relation().fields()) {
                String sqlName = columns.isTaken(field.sqlName())
                        ? columns.unique(inputName + "_" + field.sqlName())
                        : columns.unique(field.sqlName());
                items.add(item(new SqlExpr.ColumnRef(tableAlias, field.sqlName()), sqlName));
                // Pig names a CROSS's fields input::field.
                fields.add(new Field(field.pigName(), inputName, sqlName, field.type(), null, field.inner()));
            }
        }
        return new View(Select.of(items, from), fields, origin);
    }

    /**
     * {@code FOREACH bag GENERATE e AS name, ...}: a row per row of the bag, its key and the values; of a sorted bag
     * only where its rows are only FLATTENed ({@code unordered}: {@link OrderedForeach#onlyFlattened}).
     */
    static View foreach(
            PigRelation.NestedCommand command,
            PigRelation.NestedOp.Foreach foreach,
            Scope scope,
            List<Relation.Side> sides,
            List<Field> keyFields,
            ExprTranslator expressions,
            Function<Relation.Named, Scope> rowScope,
            boolean unordered) {
        Value.Bag bag = bagOf(foreach.input(), scope, command, expressions, !unordered);
        Relation.Side side = sideOf(bag, sides, command);
        Names columns = new Names();
        List<SelectItem> items = keyItems(side.keys(), keyFields, columns);
        List<Field> fields = new ArrayList<>();
        Scope rows = rowScope.apply(side.input());
        for (Generated generated : generated(foreach, rows, expressions)) {
            String sqlName = columns.unique(generated.pigName() != null ? generated.pigName() : "f" + fields.size());
            items.add(item(generated.value().sql(), sqlName));
            fields.add(generated.field(sqlName));
        }
        Select query = Select.of(items, new SqlQuery.TableRef(side.input().sqlName()));
        return new View(bag.filter() != null ? query.withWhere(bag.filter()) : query, fields, side.group());
    }

    /** A value a nested FOREACH generates, and the name Pig gives it (AS, a field's own name, else none). */
    record Generated(String pigName, Value.Scalar value) {
        Field field(String sqlName) {
            return new Field(pigName, null, sqlName, value.type(), null, value.inner());
        }
    }

    /** The values of a nested FOREACH's GENERATE over one row of its bag ({@code rows}), each cast as AS types it. */
    static List<Generated> generated(PigRelation.NestedOp.Foreach foreach, Scope rows, ExprTranslator expressions) {
        List<Generated> values = new ArrayList<>();
        for (PigRelation.GenerateItem generated : foreach.items()) {
            if (generated.expr() instanceof PigExpr.Flatten || generated.names().size() > 1) {
                throw ExprTranslator.unsupported(
                        generated.span(), "a FLATTEN inside a nested FOREACH is not translated yet");
            }
            Value.Scalar value = expressions.scalar(generated.expr(), rows);
            String pigName = null;
            if (!generated.names().isEmpty()) {
                dev.ferry.parser.pig.FieldSchema name = generated.names().get(0);
                pigName = name.name();
                if (name.type() != dev.ferry.parser.pig.PigType.BYTEARRAY) {
                    value = expressions.cast(value, name.type(), name.span());
                }
            } else if (generated.expr() instanceof PigExpr.FieldRef ref) {
                pigName = ref.name();
            }
            values.add(new Generated(pigName, value));
        }
        return values;
    }

    /** The group's key as a view's first columns, named as the key fields (names taken in {@code columns}). */
    private static List<SelectItem> keyItems(List<SqlExpr> keys, List<Field> keyFields, Names columns) {
        List<SelectItem> items = new ArrayList<>();
        for (int k = 0; k < keyFields.size(); k++) {
            items.add(item(keys.get(k), columns.unique(keyFields.get(k).sqlName())));
        }
        return items;
    }

    private static SelectItem item(SqlExpr expr, String name) {
        return new SelectItem(
                expr, expr instanceof SqlExpr.ColumnRef ref && ref.name().equals(name) ? null : name);
    }

    private static Value.Bag bagOf(
            PigExpr input, Scope scope, PigRelation.NestedCommand command, ExprTranslator expressions) {
        return bagOf(input, scope, command, expressions, true);
    }

    private static Value.Bag bagOf(
            PigExpr input,
            Scope scope,
            PigRelation.NestedCommand command,
            ExprTranslator expressions,
            boolean keepsOrder) {
        if (!(expressions.translate(input, scope) instanceof Value.Bag bag)) {
            throw ExprTranslator.unsupported(
                    command.span(),
                    "a nested " + kind(command) + " of something else than a bag is not translated yet");
        }
        if (keepsOrder && bag.ordering() != null) {
            throw ExprTranslator.unsupported(
                    command.span(),
                    "a nested CROSS or FOREACH of a bag ORDERed in the block (whose order it keeps)"
                            + " is not translated yet");
        }
        if (bag.distinct()
                || bag.lineField() != null
                || bag.relation().fields().stream().anyMatch(Field::isRest)) {
            throw ExprTranslator.unsupported(
                    command.span(),
                    "a nested " + kind(command) + " of a DISTINCT bag, or of a LOAD without AS, is not translated yet");
        }
        return bag;
    }

    private static Relation.Side sideOf(Value.Bag bag, List<Relation.Side> sides, PigRelation.NestedCommand command) {
        return sides.stream()
                .filter(s -> s.input() == bag.relation())
                .findFirst()
                .orElseThrow(() -> ExprTranslator.unsupported(
                        command.span(),
                        "a nested " + kind(command) + " of a bag outside the GROUP is not translated yet"));
    }

    private static String kind(PigRelation.NestedCommand command) {
        return command.op() instanceof PigRelation.NestedOp.Cross
                ? "CROSS"
                : command.op() instanceof PigRelation.NestedOp.Filter
                        ? "FILTER"
                        : command.op() instanceof PigRelation.NestedOp.Distinct
                                ? "DISTINCT"
                                : command.op() instanceof PigRelation.NestedOp.Limit ? "LIMIT" : "FOREACH";
    }
}
