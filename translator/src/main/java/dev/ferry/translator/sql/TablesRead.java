package dev.ferry.translator.sql;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The tables and views a query reads: its FROM clauses, joins, derived tables and scalar subqueries. */
public final class TablesRead {

    private final Set<String> names = new TreeSet<>();

    private TablesRead() {}

    /** The names of the tables and views {@code query} reads, sorted. */
    public static Set<String> of(SqlQuery query) {
        TablesRead read = new TablesRead();
        read.query(query);
        return read.names;
    }

    private void query(SqlQuery query) {
        if (query instanceof SqlQuery.UnionAll union) {
            union.inputs().forEach(this::query);
        } else if (query instanceof SqlQuery.Select select) {
            from(select.from());
            select.items().forEach(item -> expr(item.expr()));
            exprs(select.groupBy());
            select.groupingSets().forEach(this::exprs);
            expr(select.where());
            expr(select.having());
            select.orderBy().forEach(item -> expr(item.expr()));
        }
    }

    private void from(SqlQuery.From from) {
        if (from instanceof SqlQuery.TableRef table) {
            names.add(table.name());
        } else if (from instanceof SqlQuery.Derived derived) {
            query(derived.query());
        } else if (from instanceof SqlQuery.Join join) {
            from(join.left());
            from(join.right());
            expr(join.condition());
        } else if (from instanceof SqlQuery.Unnest unnest) {
            from(unnest.input());
            expr(unnest.collection());
        }
    }

    private void exprs(List<SqlExpr> exprs) {
        exprs.forEach(this::expr);
    }

    /** Only a scalar subquery reads a relation; every other expression is searched for one. */
    private void expr(SqlExpr expr) {
        if (expr == null
                || expr instanceof SqlExpr.ColumnRef
                || expr instanceof SqlExpr.Literal
                || expr instanceof SqlExpr.Param
                || expr instanceof SqlExpr.Star) {
            return;
        }
        if (expr instanceof SqlExpr.ScalarQuery scalar) {
            query(scalar.query());
        } else if (expr instanceof SqlExpr.Call call) {
            exprs(call.arguments());
        } else if (expr instanceof SqlExpr.Aggregate aggregate) {
            exprs(aggregate.arguments());
            expr(aggregate.filter());
        } else if (expr instanceof SqlExpr.Over over) {
            expr(over.function());
            exprs(over.partitionBy());
            over.orderBy().forEach(item -> expr(item.expr()));
        } else if (expr instanceof SqlExpr.Binary binary) {
            expr(binary.left());
            expr(binary.right());
        } else if (expr instanceof SqlExpr.Unary unary) {
            expr(unary.operand());
        } else if (expr instanceof SqlExpr.Cast cast) {
            expr(cast.operand());
        } else if (expr instanceof SqlExpr.IsNull isNull) {
            expr(isNull.operand());
        } else if (expr instanceof SqlExpr.In in) {
            expr(in.operand());
            exprs(in.values());
        } else if (expr instanceof SqlExpr.Case when) {
            when.whens().forEach(w -> {
                expr(w.condition());
                expr(w.result());
            });
            expr(when.otherwise());
        } else if (expr instanceof SqlExpr.RowOf row) {
            exprs(row.fields());
        } else if (expr instanceof SqlExpr.ArrayOf array) {
            exprs(array.elements());
        } else if (expr instanceof SqlExpr.MapOf map) {
            exprs(map.keysAndValues());
        } else if (expr instanceof SqlExpr.Item item) {
            expr(item.base());
            expr(item.key());
        } else if (expr instanceof SqlExpr.FieldAccess access) {
            expr(access.base());
        } else if (expr instanceof SqlExpr.JavaUdfCall call) {
            exprs(call.arguments());
        } else {
            throw new IllegalArgumentException("unknown expression " + expr);
        }
    }
}
