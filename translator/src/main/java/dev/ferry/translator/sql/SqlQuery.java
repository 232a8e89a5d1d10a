package dev.ferry.translator.sql;

import java.util.List;

/**
 * A query: a SELECT or a UNION ALL of queries. Views are named after Pig aliases, so most queries
 * read named relations; a query nests (a derived table, a lateral UNNEST, a scalar subquery) only
 * where one Pig statement needs two relational steps.
 */
public sealed interface SqlQuery {

    /**
     * One SELECT. {@code groupingSets} is empty for a plain {@code GROUP BY groupBy}; otherwise the
     * query groups by those sets ({@code GROUP BY GROUPING SETS ((a, b), (a), ())}) and groupBy is empty.
     */
    record Select(
            boolean distinct,
            List<Hint> hints,
            List<SelectItem> items,
            From from,
            SqlExpr where,
            List<SqlExpr> groupBy,
            List<List<SqlExpr>> groupingSets,
            SqlExpr having,
            List<OrderItem> orderBy,
            Long limit)
            implements SqlQuery {

        public Select {
            hints = List.copyOf(hints);
            items = List.copyOf(items);
            groupBy = List.copyOf(groupBy);
            groupingSets = groupingSets.stream().map(List::copyOf).toList();
            orderBy = List.copyOf(orderBy);
        }

        /** A SELECT of items from a relation, without any other clause. */
        public static Select of(List<SelectItem> items, From from) {
            return new Select(false, List.of(), items, from, null, List.of(), List.of(), null, List.of(), null);
        }

        public Select withDistinct() {
            return new Select(true, hints, items, from, where, groupBy, groupingSets, having, orderBy, limit);
        }

        public Select withWhere(SqlExpr condition) {
            return new Select(distinct, hints, items, from, condition, groupBy, groupingSets, having, orderBy, limit);
        }

        public Select withGroupBy(List<SqlExpr> keys) {
            return new Select(distinct, hints, items, from, where, keys, List.of(), having, orderBy, limit);
        }

        public Select withGroupingSets(List<List<SqlExpr>> sets) {
            return new Select(distinct, hints, items, from, where, List.of(), sets, having, orderBy, limit);
        }

        public Select withHaving(SqlExpr condition) {
            return new Select(distinct, hints, items, from, where, groupBy, groupingSets, condition, orderBy, limit);
        }

        public Select withOrder(List<OrderItem> ordering, Long count) {
            return new Select(distinct, hints, items, from, where, groupBy, groupingSets, having, ordering, count);
        }

        public Select withHints(List<Hint> joinHints) {
            return new Select(distinct, joinHints, items, from, where, groupBy, groupingSets, having, orderBy, limit);
        }
    }

    /** {@code q1 UNION ALL q2 ...}: Pig's UNION keeps duplicates. */
    record UnionAll(List<SqlQuery> inputs) implements SqlQuery {
        public UnionAll {
            inputs = List.copyOf(inputs);
        }
    }

    /** A select item; alias is null when the expression is a column of the same name. */
    record SelectItem(SqlExpr expr, String alias) {}

    /** Pig orders nulls as the smallest value: first ascending, last descending. */
    record OrderItem(SqlExpr expr, boolean descending, boolean nullsFirst) {
        public static OrderItem pig(SqlExpr expr, boolean descending) {
            return new OrderItem(expr, descending, !descending);
        }
    }

    /** A join strategy hint: Pig's JOIN ... USING 'replicated' is a broadcast of the right inputs. */
    enum HintKind {
        BROADCAST,
        SHUFFLE_HASH,
        SHUFFLE_MERGE
    }

    record Hint(HintKind kind, List<String> tables) {
        public Hint {
            tables = List.copyOf(tables);
        }
    }

    /** Where rows come from. */
    sealed interface From {}

    /** A table or view, with an optional correlation name (null when absent). */
    record TableRef(String name, String alias) implements From {
        public TableRef(String name) {
            this(name, null);
        }
    }

    /** {@code (query) AS alias}. */
    record Derived(SqlQuery query, String alias) implements From {}

    enum JoinKind {
        INNER,
        LEFT,
        RIGHT,
        FULL,
        CROSS
    }

    /** {@code left KIND JOIN right ON condition}; condition null for CROSS. Nests for n inputs. */
    record Join(From left, JoinKind kind, From right, SqlExpr condition) implements From {}

    /**
     * {@code input CROSS JOIN UNNEST(collection) AS alias (columns)}: Pig's FLATTEN of a bag. A row
     * whose bag is empty or null gives no row, as in Pig. {@code ordinality}: {@code WITH ORDINALITY}, the last column
     * is each element's place in the collection (1, 2...). With {@code keepsEmpty}, {@code input LEFT JOIN
     * UNNEST(collection) AS alias (columns) ON TRUE}: such a row stays, once, with nulls for the columns.
     */
    record Unnest(
            From input, SqlExpr collection, String alias, List<String> columns, boolean ordinality, boolean keepsEmpty)
            implements From {
        public Unnest {
            columns = List.copyOf(columns);
        }

        public Unnest(From input, SqlExpr collection, String alias, List<String> columns) {
            this(input, collection, alias, columns, false, false);
        }

        /** The elements with their place in the collection, as the last column. */
        public static Unnest withOrdinality(From input, SqlExpr collection, String alias, List<String> columns) {
            return new Unnest(input, collection, alias, columns, true, false);
        }

        /** A row whose collection is empty or null kept once, its columns null. */
        public static Unnest keepingEmpty(From input, SqlExpr collection, String alias, List<String> columns) {
            return new Unnest(input, collection, alias, columns, false, true);
        }
    }

    /** A query selecting every column of a relation, to be refined with the withers. */
    static Select selectAll(String relation) {
        return Select.of(List.of(new SelectItem(new SqlExpr.Star(), null)), new TableRef(relation));
    }
}
