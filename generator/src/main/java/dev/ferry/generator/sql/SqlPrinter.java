package dev.ferry.generator.sql;

import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints SQL expressions and queries in the house layout: one clause per line, two-space indents. */
public final class SqlPrinter {

    /** Binding strength: a child binding weaker than its parent's operator gets parentheses. */
    private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry("OR", 1), Map.entry("AND", 2), Map.entry("NOT", 3),
            Map.entry("=", 4), Map.entry("<>", 4), Map.entry("<", 4), Map.entry("<=", 4), Map.entry(">", 4), Map.entry(">=", 4),
            Map.entry("+", 5), Map.entry("-", 5), Map.entry("*", 6), Map.entry("/", 6));

    private static final int ATOM = 10;

    private SqlPrinter() {}

    public static String query(SqlQuery q) {
        List<String> lines = new ArrayList<>();
        String select = q.distinct() ? "SELECT DISTINCT" : "SELECT";
        if (q.items().size() == 1) {
            lines.add(select + " " + item(q.items().get(0)));
        } else {
            lines.add(select);
            for (int i = 0; i < q.items().size(); i++) {
                lines.add("  " + item(q.items().get(i)) + (i + 1 < q.items().size() ? "," : ""));
            }
        }
        if (q.from() instanceof SqlQuery.TableRef table) {
            lines.add("FROM " + SqlIdentifiers.quote(table.name()));
        } else if (q.from() instanceof SqlQuery.JoinRef join) {
            lines.add("FROM " + SqlIdentifiers.quote(join.left()));
            lines.add(join.joinType() + " " + SqlIdentifiers.quote(join.right()) + " ON " + expr(join.condition()));
        }
        if (q.where() != null) {
            lines.add("WHERE " + expr(q.where()));
        }
        if (!q.groupBy().isEmpty()) {
            lines.add("GROUP BY " + q.groupBy().stream().map(SqlPrinter::expr).collect(Collectors.joining(", ")));
        }
        if (!q.orderBy().isEmpty()) {
            // Pig orders nulls as the smallest value: first ascending, last descending.
            lines.add("ORDER BY " + q.orderBy().stream()
                    .map(o -> expr(o.expr()) + (o.descending() ? " DESC NULLS LAST" : " ASC NULLS FIRST"))
                    .collect(Collectors.joining(", ")));
        }
        if (q.limit() != null) {
            lines.add("LIMIT " + q.limit());
        }
        return String.join("\n", lines);
    }

    private static String item(SqlQuery.SelectItem item) {
        String text = expr(item.expr());
        return item.alias() == null ? text : text + " AS " + SqlIdentifiers.quote(item.alias());
    }

    public static String expr(SqlExpr e) {
        if (e instanceof SqlExpr.ColumnRef c) {
            return (c.qualifier() == null ? "" : SqlIdentifiers.quote(c.qualifier()) + ".") + SqlIdentifiers.quote(c.name());
        }
        if (e instanceof SqlExpr.Literal l) {
            return l.sql();
        }
        if (e instanceof SqlExpr.Param p) {
            return "${" + p.name() + "}";
        }
        if (e instanceof SqlExpr.Star) {
            return "*";
        }
        if (e instanceof SqlExpr.Call call) {
            return call.function() + "(" + call.arguments().stream().map(SqlPrinter::expr).collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof SqlExpr.Cast cast) {
            return (cast.lenient() ? "TRY_CAST(" : "CAST(") + expr(cast.operand()) + " AS " + cast.type().sql() + ")";
        }
        if (e instanceof SqlExpr.IsNull isNull) {
            return operand(isNull.operand(), 4) + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
        }
        if (e instanceof SqlExpr.Unary unary) {
            int p = unary.operator().equals("NOT") ? PRECEDENCE.get("NOT") : 7;
            return unary.operator() + (unary.operator().equals("NOT") ? " " : "") + operand(unary.operand(), p);
        }
        if (e instanceof SqlExpr.Binary binary) {
            int p = PRECEDENCE.get(binary.operator());
            // Left-associative: an equal-precedence right operand needs parentheses (a - (b - c)).
            return operand(binary.left(), p) + " " + binary.operator() + " " + operand(binary.right(), p + 1);
        }
        if (e instanceof SqlExpr.Case c) {
            StringBuilder out = new StringBuilder("CASE");
            for (SqlExpr.When when : c.whens()) {
                out.append(" WHEN ").append(expr(when.condition())).append(" THEN ").append(expr(when.result()));
            }
            return out.append(" END").toString();
        }
        throw new IllegalArgumentException("unknown SQL expression " + e);
    }

    private static String operand(SqlExpr e, int parentPrecedence) {
        String text = expr(e);
        return precedence(e) < parentPrecedence ? "(" + text + ")" : text;
    }

    private static int precedence(SqlExpr e) {
        if (e instanceof SqlExpr.Binary b) {
            return PRECEDENCE.get(b.operator());
        }
        if (e instanceof SqlExpr.Unary u) {
            return u.operator().equals("NOT") ? PRECEDENCE.get("NOT") : 7;
        }
        if (e instanceof SqlExpr.IsNull) {
            return 4;
        }
        return ATOM;
    }
}
