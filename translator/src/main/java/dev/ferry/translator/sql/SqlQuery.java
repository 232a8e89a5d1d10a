package dev.ferry.translator.sql;

import java.util.List;

/**
 * One SELECT: what a single Pig statement becomes. Views are named after Pig aliases, so a query
 * reads from at most two named relations (JOIN) and never nests subqueries.
 */
public record SqlQuery(boolean distinct, List<SelectItem> items, From from, SqlExpr where,
                       List<SqlExpr> groupBy, List<OrderItem> orderBy, Long limit) {

    public SqlQuery {
        items = List.copyOf(items);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    /** A select item; alias is null when the expression is a column of the same name. */
    public record SelectItem(SqlExpr expr, String alias) {}

    public record OrderItem(SqlExpr expr, boolean descending) {}

    /** Where rows come from. */
    public sealed interface From {}

    public record TableRef(String name) implements From {}

    /** {@code left [LEFT|RIGHT|FULL] JOIN right ON condition}. */
    public record JoinRef(String left, String joinType, String right, SqlExpr condition) implements From {}

    /** A query selecting every column of a relation, to be refined with the withers below. */
    public static SqlQuery selectAll(String relation) {
        return new SqlQuery(false, List.of(new SelectItem(new SqlExpr.Star(), null)), new TableRef(relation),
                null, List.of(), List.of(), null);
    }
}
