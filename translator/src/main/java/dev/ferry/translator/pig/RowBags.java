package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery;
import dev.ferry.translator.sql.SqlQuery.Select;
import dev.ferry.translator.sql.SqlQuery.SelectItem;
import dev.ferry.translator.sql.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A nested FOREACH block over a bag field of a plain relation ({@code FOREACH a { f = FILTER items BY x > 1; GENERATE
 * id, COUNT(f); }}): Pig runs the block once per row, over that row's bag. Each row becomes a group of its own: the
 * rows are numbered (equal rows stay two groups), and a view has a row per tuple of the bag beside its row's number and
 * the row's fields the GENERATE reads, and one row whose tuple fields are null for a row whose bag is empty or null
 * ({@code is_tuple} false there), so that every row is a group. The block is then translated as over a GROUP of that
 * view by the row's number, whose bag is the rows where {@code is_tuple} holds.
 */
final class RowBags {

    private RowBags() {}

    /**
     * The GROUP the block reads and what its GENERATE sees of the row.
     *
     * @param grouped the view's rows grouped by the row's number (then the row's fields the GENERATE reads); its bag,
     *     named after the bag field, has the bag's fields only
     * @param rowFields the row's fields the GENERATE reads, by Pig name, each with its place among the group's keys
     * @param bagField the bag field the block's commands read
     */
    record Plan(Relation.Grouped grouped, Map<String, Integer> rowFields, Field bagField) {

        /** The row's fields as the GENERATE reads them: each the key of the group at its place. */
        Map<String, Value> values(List<Value.Scalar> keys) {
            Map<String, Value> values = new LinkedHashMap<>();
            rowFields.forEach((name, index) -> {
                Field field = grouped.keyFields().get(index);
                values.put(name, new Value.Scalar(keys.get(index).sql(), field.type(), field.inner()));
            });
            return values;
        }

        /** Whether a GENERATE item is one of the row's fields (which a GROUP's key stands for). */
        boolean isRowField(PigExpr expr) {
            return expr instanceof PigExpr.FieldRef ref && ref.qualifier() == null && rowFields.containsKey(ref.name());
        }
    }

    /**
     * The block with the row's fields that it reads by position read by name: a GENERATE item {@code $0} (or {@code
     * FLATTEN($0)}) and a nested command's input {@code $1} ({@code FILTER $1 BY x > 1}) are the row's fields there,
     * as in Pig; positions inside expressions and in the commands' conditions (the bag's tuple's fields) stay.
     */
    static PigRelation.NestedForeach byName(PigRelation.NestedForeach block, Relation.Named rows) {
        Set<String> aliases = new LinkedHashSet<>();
        block.commands().forEach(c -> aliases.add(c.alias()));
        java.util.function.UnaryOperator<PigExpr> named = expr -> byName(expr, rows, aliases);
        List<PigRelation.NestedCommand> commands = new ArrayList<>();
        for (PigRelation.NestedCommand command : block.commands()) {
            PigRelation.NestedOp op = command.op();
            if (op instanceof PigRelation.NestedOp.Filter filter) {
                op = new PigRelation.NestedOp.Filter(named.apply(filter.input()), filter.condition());
            } else if (op instanceof PigRelation.NestedOp.Order order) {
                op = new PigRelation.NestedOp.Order(named.apply(order.input()), order.keys(), order.comparator());
            } else if (op instanceof PigRelation.NestedOp.Distinct distinct) {
                op = new PigRelation.NestedOp.Distinct(named.apply(distinct.input()));
            } else if (op instanceof PigRelation.NestedOp.Limit limit) {
                op = new PigRelation.NestedOp.Limit(named.apply(limit.input()), limit.count());
            } else if (op instanceof PigRelation.NestedOp.Foreach foreach) {
                op = new PigRelation.NestedOp.Foreach(named.apply(foreach.input()), foreach.items());
            }
            commands.add(new PigRelation.NestedCommand(command.alias(), op, command.span()));
        }
        List<PigRelation.GenerateItem> items = new ArrayList<>();
        boolean starNamesFields = rows.fields().stream()
                .allMatch(f -> f.pigName() != null && f.qualifier() == null && !aliases.contains(f.pigName()));
        for (PigRelation.GenerateItem item : block.items()) {
            if (item.expr() instanceof PigExpr.Star star && item.names().isEmpty() && starNamesFields) {
                // '*' is the row's fields (LOGenerate reads the block's input row), each as by its name.
                rows.fields()
                        .forEach(f -> items.add(new PigRelation.GenerateItem(
                                new PigExpr.FieldRef(null, f.pigName(), star.span()), List.of(), item.span())));
                continue;
            }
            PigExpr expr = item.expr() instanceof PigExpr.Flatten flatten
                    ? new PigExpr.Flatten(named.apply(flatten.expr()), flatten.span())
                    : named.apply(item.expr());
            items.add(new PigRelation.GenerateItem(expr, item.names(), item.span()));
        }
        return new PigRelation.NestedForeach(block.input(), commands, items, block.span());
    }

    private static PigExpr byName(PigExpr expr, Relation.Named rows, Set<String> aliases) {
        if (!(expr instanceof PigExpr.PositionalRef position)
                || position.index() >= rows.fields().size()) {
            return expr;
        }
        String name = rows.fields().get(position.index()).pigName();
        return name != null
                        && !aliases.contains(name)
                        && !rows.fields().get(position.index()).isRest()
                        && field(rows, name).isPresent()
                ? new PigExpr.FieldRef(null, name, position.span())
                : expr;
    }

    /**
     * The bag field of {@code rows} that the block's commands read, if any: none means the block is not over a bag
     * field (the caller reports it); two or more are not translated yet.
     */
    static Optional<Field> bagField(PigRelation.NestedForeach block, Relation.Named rows) {
        Set<String> aliases = new LinkedHashSet<>();
        Set<Field> read = new LinkedHashSet<>();
        for (PigRelation.NestedCommand command : block.commands()) {
            for (PigExpr input : NestedCross.inputs(command.op())) {
                String name = baseName(input);
                if (name != null && !aliases.contains(name)) {
                    field(rows, name).filter(f -> f.type() == PigType.BAG).ifPresent(read::add);
                }
            }
            aliases.add(command.alias());
        }
        if (read.size() > 1) {
            throw ExprTranslator.unsupported(
                    block.span(), "a nested block over two bag fields of a relation is not translated yet");
        }
        return read.stream().findFirst();
    }

    /**
     * The view of the bag's tuples beside their row, and the GROUP over it.
     *
     * @param addView registers the view (its query and every column) and gives its name
     */
    static Plan plan(
            PigRelation.NestedForeach block,
            Relation.Named rows,
            Field bag,
            java.util.function.BiFunction<SqlQuery, List<Field>, String> addView) {
        SourceSpan span = block.span();
        if (bag.inner() == null || bag.inner().tupleTypes().isEmpty()) {
            throw ExprTranslator.unsupported(
                    span,
                    "a nested block over a bag field whose tuples' fields are not known is not translated yet;"
                            + " declare them (b:bag{(x:int, y:chararray)})");
        }
        Set<String> aliases = new LinkedHashSet<>();
        block.commands().forEach(c -> aliases.add(c.alias()));
        // The row's fields the GENERATE reads, in the relation's order: they become keys of the group.
        Set<String> mentioned = new LinkedHashSet<>();
        for (PigRelation.GenerateItem item : block.items()) {
            mentions(item.expr(), mentioned, item.span());
        }
        Names columns = new Names();
        String numbered = "numbered";
        SqlExpr rowNumber = SqlExpr.ColumnRef.of(columns.unique("row_id"));
        List<SelectItem> items = new ArrayList<>();
        List<Field> viewColumns = new ArrayList<>();
        List<SqlExpr> keys = new ArrayList<>();
        List<Field> keyFields = new ArrayList<>();
        items.add(new SelectItem(new SqlExpr.ColumnRef(numbered, "row_id"), null));
        viewColumns.add(new Field(null, null, "row_id", PigType.LONG));
        keys.add(rowNumber);
        keyFields.add(new Field(null, null, "row_id", PigType.LONG));
        Map<String, Integer> rowFields = new LinkedHashMap<>();
        for (Field field : rows.fields()) {
            if (field.pigName() == null || aliases.contains(field.pigName()) || !mentioned.contains(field.pigName())) {
                continue;
            }
            if (field.type() == PigType.MAP || field.isRest()) {
                throw ExprTranslator.unsupported(
                        span,
                        "reading the "
                                + (field.isRest()
                                        ? "fields of a LOAD without AS"
                                        : "map field '" + field.pigName() + "'")
                                + " beside a nested block over a bag field is not translated yet");
            }
            String sqlName = columns.unique(field.sqlName());
            items.add(new SelectItem(
                    new SqlExpr.ColumnRef(numbered, field.sqlName()),
                    sqlName.equals(field.sqlName()) ? null : sqlName));
            Field key = field.renamed(sqlName);
            viewColumns.add(key);
            rowFields.put(field.pigName(), keys.size());
            keys.add(SqlExpr.ColumnRef.of(sqlName));
            keyFields.add(key);
        }
        SqlExpr bagColumn = new SqlExpr.ColumnRef(numbered, bag.sqlName());
        String marker = columns.unique("is_tuple");
        // A row whose bag is empty or null has one row here, whose tuple fields are null: not a tuple of the bag.
        items.add(new SelectItem(
                new SqlExpr.Binary(
                        SqlExpr.BinaryOp.GT, SqlExpr.Call.of("CARDINALITY", bagColumn), SqlExpr.Literal.number(0)),
                marker));
        viewColumns.add(new Field(null, null, marker, PigType.BOOLEAN));
        String tuple = columns.unique("t");
        List<String> tupleColumns = new ArrayList<>();
        List<Field> bagFields = new ArrayList<>();
        Inner inner = bag.inner();
        for (int i = 0; i < inner.tupleTypes().size(); i++) {
            String pigName = i < inner.fieldNames().size() ? inner.fieldNames().get(i) : null;
            String sqlName = columns.unique(pigName != null ? pigName : bag.sqlName() + "_" + i);
            tupleColumns.add(sqlName);
            items.add(new SelectItem(new SqlExpr.ColumnRef(tuple, sqlName), null));
            Field field = new Field(pigName, null, sqlName, inner.tupleTypes().get(i), null, inner.fieldInner(i));
            bagFields.add(field);
            viewColumns.add(field);
        }
        // The rows' numbers follow every field, so that a row has the same number wherever the view is read again;
        // rows equal in every field may swap numbers, which changes nothing.
        List<SqlQuery.OrderItem> order = new ArrayList<>();
        for (Field field : rows.fields()) {
            SqlExpr column = SqlExpr.ColumnRef.of(field.sqlName());
            boolean sortable = field.type() != PigType.MAP
                    && field.type() != PigType.BAG
                    && field.type() != PigType.TUPLE
                    && !field.isRowArray();
            order.add(new SqlQuery.OrderItem(
                    sortable ? column : new SqlExpr.Cast(column, SqlType.STRING, false), false, false));
        }
        Select numberedRows = Select.of(
                List.of(
                        new SelectItem(new SqlExpr.Over(SqlExpr.Call.of("ROW_NUMBER"), List.of(), order), "row_id"),
                        new SelectItem(new SqlExpr.Star(), null)),
                new SqlQuery.TableRef(rows.sqlName()));
        SqlQuery.From from = SqlQuery.Unnest.keepingEmpty(
                new SqlQuery.Derived(numberedRows, numbered), bagColumn, tuple, tupleColumns);
        String viewName = addView.apply(Select.of(items, from), viewColumns);
        // The bag's rows are the view's, its fields the tuples' only (the row's number and fields are the group's
        // keys).
        Relation.Named bagRows = new Relation.Named(viewName, bagFields);
        Relation.Grouped grouped =
                new Relation.Grouped(bagRows, bag.pigName(), keys, keyFields, span, SqlExpr.ColumnRef.of(marker));
        return new Plan(grouped, rowFields, bag);
    }

    /** The names a GENERATE item reads; '*' and positions are not translated yet here. */
    private static void mentions(PigExpr expr, Set<String> names, SourceSpan span) {
        if (expr instanceof PigExpr.FieldRef ref && ref.qualifier() == null) {
            names.add(ref.name());
        }
        if (expr instanceof PigExpr.PositionalRef || expr instanceof PigExpr.Star) {
            throw ExprTranslator.unsupported(
                    span,
                    "a position or '*' in the GENERATE of a nested block over a bag field is not translated yet;"
                            + " name the fields");
        }
        // A projection's columns name the bag's fields, not the row's.
        List<PigExpr> children = expr instanceof PigExpr.Projection p ? List.of(p.base()) : PigExpr.children(expr);
        children.forEach(child -> mentions(child, names, span));
    }

    /** The field a command's input starts from: {@code items}, {@code items.y}, {@code items.(x, y)}. */
    private static String baseName(PigExpr input) {
        PigExpr base = input;
        while (base instanceof PigExpr.Dereference || base instanceof PigExpr.Projection) {
            base = base instanceof PigExpr.Dereference d ? d.base() : ((PigExpr.Projection) base).base();
        }
        return base instanceof PigExpr.FieldRef ref && ref.qualifier() == null ? ref.name() : null;
    }

    private static Optional<Field> field(Relation.Named rows, String name) {
        List<Field> named =
                rows.fields().stream().filter(f -> f.answersTo(null, name)).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }
}
