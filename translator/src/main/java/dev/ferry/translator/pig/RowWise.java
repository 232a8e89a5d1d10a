package dev.ferry.translator.pig;

import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery;
import java.util.List;
import java.util.Locale;

/**
 * Whether a SELECT keeps or drops each row on its own and computes its values from that row alone (a FILTER, a
 * FOREACH without FLATTEN): built again over other rows, it keeps the same ones and gives them the same values. No
 * aggregate, window, subquery, DISTINCT, GROUP BY, ORDER BY, LIMIT or random function (SAMPLE's RAND would keep
 * other rows).
 */
final class RowWise {

    private RowWise() {}

    static boolean is(SqlQuery.Select select) {
        return !select.distinct()
                && select.hints().isEmpty()
                && select.groupBy().isEmpty()
                && select.groupingSets().isEmpty()
                && select.having() == null
                && select.orderBy().isEmpty()
                && select.limit() == null
                && select.items().stream().allMatch(item -> is(item.expr()))
                && (select.where() == null || is(select.where()));
    }

    /**
     * Whether a SELECT is SAMPLE's: row by row but for a WHERE that keeps each row at random. Built again over other
     * rows it keeps another sample of them, which Pig's and Flink's samples are anyway (PIG-W002).
     */
    static boolean isSample(SqlQuery.Select select) {
        return select.where() instanceof SqlExpr.Binary keep
                && keep.operator() == SqlExpr.BinaryOp.LT
                && keep.left() instanceof SqlExpr.Call random
                && random.function().equals("RAND")
                && random.arguments().isEmpty()
                && is(keep.right())
                && is(select.withWhere(null));
    }

    private static boolean is(SqlExpr expr) {
        if (expr instanceof SqlExpr.ColumnRef
                || expr instanceof SqlExpr.Literal
                || expr instanceof SqlExpr.Param
                || expr instanceof SqlExpr.Star) {
            return true;
        }
        if (expr instanceof SqlExpr.Call call) {
            String function = call.function().toUpperCase(Locale.ROOT);
            return !function.startsWith("RAND") && !function.equals("UUID") && all(call.arguments());
        }
        if (expr instanceof SqlExpr.JavaUdfCall call) {
            return all(call.arguments());
        }
        if (expr instanceof SqlExpr.Binary binary) {
            return is(binary.left()) && is(binary.right());
        }
        if (expr instanceof SqlExpr.Unary unary) {
            return is(unary.operand());
        }
        if (expr instanceof SqlExpr.Cast cast) {
            return is(cast.operand());
        }
        if (expr instanceof SqlExpr.IsNull isNull) {
            return is(isNull.operand());
        }
        if (expr instanceof SqlExpr.In in) {
            return is(in.operand()) && all(in.values());
        }
        if (expr instanceof SqlExpr.Case when) {
            return (when.otherwise() == null || is(when.otherwise()))
                    && when.whens().stream().allMatch(w -> is(w.condition()) && is(w.result()));
        }
        if (expr instanceof SqlExpr.RowOf row) {
            return all(row.fields());
        }
        if (expr instanceof SqlExpr.ArrayOf array) {
            return all(array.elements());
        }
        if (expr instanceof SqlExpr.MapOf map) {
            return all(map.keysAndValues());
        }
        if (expr instanceof SqlExpr.Item item) {
            return is(item.base()) && is(item.key());
        }
        if (expr instanceof SqlExpr.FieldAccess access) {
            return is(access.base());
        }
        return false; // aggregates, windows, scalar subqueries
    }

    private static boolean all(List<SqlExpr> exprs) {
        return exprs.stream().allMatch(RowWise::is);
    }
}
