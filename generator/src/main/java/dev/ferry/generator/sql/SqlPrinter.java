package dev.ferry.generator.sql;

import dev.ferry.translator.sql.Column;
import dev.ferry.translator.sql.JavaFunction;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlExpr.BinaryOp;
import dev.ferry.translator.sql.SqlQuery;
import dev.ferry.translator.sql.SqlType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints SQL expressions, queries and types in the house layout: one clause per line, two-space indents. */
public final class SqlPrinter {

    /** Each binary operator's SQL text and binding strength; a weaker child gets parentheses. */
    private record Operator(String sql, int precedence) {}

    private static final Map<BinaryOp, Operator> OPERATORS = new EnumMap<>(Map.ofEntries(
            Map.entry(BinaryOp.OR, new Operator("OR", 1)),
            Map.entry(BinaryOp.AND, new Operator("AND", 2)),
            Map.entry(BinaryOp.EQ, new Operator("=", 4)),
            Map.entry(BinaryOp.NE, new Operator("<>", 4)),
            Map.entry(BinaryOp.LT, new Operator("<", 4)),
            Map.entry(BinaryOp.LE, new Operator("<=", 4)),
            Map.entry(BinaryOp.GT, new Operator(">", 4)),
            Map.entry(BinaryOp.GE, new Operator(">=", 4)),
            Map.entry(BinaryOp.IS_DISTINCT_FROM, new Operator("IS DISTINCT FROM", 4)),
            Map.entry(BinaryOp.IS_NOT_DISTINCT_FROM, new Operator("IS NOT DISTINCT FROM", 4)),
            Map.entry(BinaryOp.CONCAT, new Operator("||", 5)),
            Map.entry(BinaryOp.ADD, new Operator("+", 5)),
            Map.entry(BinaryOp.SUBTRACT, new Operator("-", 5)),
            Map.entry(BinaryOp.MULTIPLY, new Operator("*", 6)),
            Map.entry(BinaryOp.DIVIDE, new Operator("/", 6))));

    private static final int NOT = 3;
    private static final int COMPARISON = 4;
    private static final int NEGATE = 7;
    private static final int ATOM = 10;

    private SqlPrinter() {}

    public static String query(SqlQuery q) {
        if (q instanceof SqlQuery.UnionAll union) {
            return union.inputs().stream().map(SqlPrinter::query).collect(Collectors.joining("\nUNION ALL\n"));
        }
        SqlQuery.Select s = (SqlQuery.Select) q;
        List<String> lines = new ArrayList<>();
        String select = "SELECT" + hints(s.hints()) + (s.distinct() ? " DISTINCT" : "");
        if (s.items().size() == 1) {
            lines.add(select + " " + item(s.items().get(0)));
        } else {
            lines.add(select);
            for (int i = 0; i < s.items().size(); i++) {
                lines.add("  " + item(s.items().get(i)) + (i + 1 < s.items().size() ? "," : ""));
            }
        }
        lines.add("FROM " + from(s.from()));
        if (s.where() != null) {
            lines.add("WHERE " + expr(s.where()));
        }
        if (!s.groupBy().isEmpty()) {
            lines.add("GROUP BY " + list(s.groupBy()));
        }
        if (!s.groupingSets().isEmpty()) {
            lines.add("GROUP BY GROUPING SETS ("
                    + s.groupingSets().stream()
                            .map(set -> "(" + list(set) + ")")
                            .collect(Collectors.joining(", ")) + ")");
        }
        if (s.having() != null) {
            lines.add("HAVING " + expr(s.having()));
        }
        if (!s.orderBy().isEmpty()) {
            lines.add("ORDER BY " + orderList(s.orderBy()));
        }
        if (s.limit() != null) {
            lines.add("LIMIT " + s.limit());
        }
        return String.join("\n", lines);
    }

    private static String hints(List<SqlQuery.Hint> hints) {
        if (hints.isEmpty()) {
            return "";
        }
        return " /*+ "
                + hints.stream()
                        .map(h -> h.kind().name() + "("
                                + h.tables().stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", "))
                                + ")")
                        .collect(Collectors.joining(" "))
                + " */";
    }

    private static String from(SqlQuery.From from) {
        if (from instanceof SqlQuery.TableRef table) {
            return SqlIdentifiers.quote(table.name())
                    + (table.alias() == null ? "" : " AS " + SqlIdentifiers.quote(table.alias()));
        }
        if (from instanceof SqlQuery.Derived derived) {
            return "(\n" + indent(query(derived.query())) + "\n) AS " + SqlIdentifiers.quote(derived.alias());
        }
        if (from instanceof SqlQuery.Join join) {
            String right = from(join.right());
            if (join.kind() == SqlQuery.JoinKind.CROSS) {
                return from(join.left()) + "\nCROSS JOIN " + right;
            }
            String kind = join.kind() == SqlQuery.JoinKind.INNER
                    ? "JOIN"
                    : join.kind().name() + " JOIN";
            return from(join.left()) + "\n" + kind + " " + right + " ON " + expr(join.condition());
        }
        if (from instanceof SqlQuery.Unnest unnest) {
            return from(unnest.input()) + (unnest.keepsEmpty() ? "\nLEFT JOIN" : "\nCROSS JOIN") + " UNNEST("
                    + expr(unnest.collection()) + ")" + (unnest.ordinality() ? " WITH ORDINALITY" : "") + " AS "
                    + SqlIdentifiers.quote(unnest.alias()) + " ("
                    + unnest.columns().stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", ")) + ")"
                    + (unnest.keepsEmpty() ? " ON TRUE" : "");
        }
        throw new IllegalArgumentException("unknown FROM " + from);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }

    private static String item(SqlQuery.SelectItem item) {
        String text = expr(item.expr());
        return item.alias() == null ? text : text + " AS " + SqlIdentifiers.quote(item.alias());
    }

    private static String list(List<SqlExpr> exprs) {
        return exprs.stream().map(SqlPrinter::expr).collect(Collectors.joining(", "));
    }

    private static String orderList(List<SqlQuery.OrderItem> items) {
        return items.stream()
                .map(o -> expr(o.expr())
                        + (o.descending() ? " DESC" : " ASC")
                        + (o.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"))
                .collect(Collectors.joining(", "));
    }

    public static String type(SqlType type) {
        if (type instanceof SqlType.Primitive p) {
            return p == SqlType.Primitive.TIMESTAMP_LTZ ? "TIMESTAMP_LTZ(3)" : p.name();
        }
        if (type instanceof SqlType.Decimal d) {
            return "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
        }
        if (type instanceof SqlType.Row row) {
            return "ROW<" + row.fields().stream().map(SqlPrinter::column).collect(Collectors.joining(", ")) + ">";
        }
        if (type instanceof SqlType.Array array) {
            return "ARRAY<" + type(array.element()) + ">";
        }
        if (type instanceof SqlType.Map map) {
            return "MAP<" + type(map.key()) + ", " + type(map.value()) + ">";
        }
        if (type instanceof SqlType.Multiset multiset) {
            return "MULTISET<" + type(multiset.element()) + ">";
        }
        throw new IllegalArgumentException("unknown SQL type " + type);
    }

    public static String column(Column c) {
        return SqlIdentifiers.quote(c.name()) + " " + type(c.type());
    }

    public static String expr(SqlExpr e) {
        if (e instanceof SqlExpr.ColumnRef c) {
            return (c.qualifier() == null ? "" : SqlIdentifiers.quote(c.qualifier()) + ".")
                    + SqlIdentifiers.quote(c.name());
        }
        if (e instanceof SqlExpr.Literal l) {
            return literal(l.value());
        }
        if (e instanceof SqlExpr.Param p) {
            return "${" + p.name() + "}";
        }
        if (e instanceof SqlExpr.Star) {
            return "*";
        }
        if (e instanceof SqlExpr.Call call) {
            return call.function() + "(" + list(call.arguments()) + ")";
        }
        if (e instanceof SqlExpr.Aggregate a) {
            return a.function() + "(" + (a.distinct() ? "DISTINCT " : "") + list(a.arguments()) + ")"
                    + (a.filter() == null ? "" : " FILTER (WHERE " + expr(a.filter()) + ")");
        }
        if (e instanceof SqlExpr.Over over) {
            List<String> parts = new ArrayList<>();
            if (!over.partitionBy().isEmpty()) {
                parts.add("PARTITION BY " + list(over.partitionBy()));
            }
            if (!over.orderBy().isEmpty()) {
                parts.add("ORDER BY " + orderList(over.orderBy()));
            }
            return expr(over.function()) + " OVER (" + String.join(" ", parts) + ")";
        }
        if (e instanceof SqlExpr.Cast cast) {
            return (cast.lenient() ? "TRY_CAST(" : "CAST(") + expr(cast.operand()) + " AS " + type(cast.type()) + ")";
        }
        if (e instanceof SqlExpr.IsNull isNull) {
            return operand(isNull.operand(), COMPARISON + 1) + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
        }
        if (e instanceof SqlExpr.In in) {
            return operand(in.operand(), COMPARISON + 1) + (in.negated() ? " NOT IN (" : " IN (") + list(in.values())
                    + ")";
        }
        if (e instanceof SqlExpr.Unary unary) {
            return unary.operator() == SqlExpr.UnaryOp.NOT
                    ? "NOT " + operand(unary.operand(), NOT)
                    : "-" + operand(unary.operand(), NEGATE);
        }
        if (e instanceof SqlExpr.Binary binary) {
            Operator op = OPERATORS.get(binary.operator());
            // Left-associative: an equal-precedence right operand needs parentheses (a - (b - c)).
            return operand(binary.left(), op.precedence()) + " " + op.sql() + " "
                    + operand(binary.right(), op.precedence() + 1);
        }
        if (e instanceof SqlExpr.Case c) {
            StringBuilder out = new StringBuilder("CASE");
            for (SqlExpr.When when : c.whens()) {
                out.append(" WHEN ")
                        .append(expr(when.condition()))
                        .append(" THEN ")
                        .append(expr(when.result()));
            }
            if (c.otherwise() != null) {
                out.append(" ELSE ").append(expr(c.otherwise()));
            }
            return out.append(" END").toString();
        }
        if (e instanceof SqlExpr.RowOf row) {
            return "ROW(" + list(row.fields()) + ")";
        }
        if (e instanceof SqlExpr.ArrayOf array) {
            return "ARRAY[" + list(array.elements()) + "]";
        }
        if (e instanceof SqlExpr.MapOf map) {
            return "MAP[" + list(map.keysAndValues()) + "]";
        }
        if (e instanceof SqlExpr.Item item) {
            return operand(item.base(), ATOM) + "[" + expr(item.key()) + "]";
        }
        if (e instanceof SqlExpr.FieldAccess access) {
            return operand(access.base(), ATOM) + "." + SqlIdentifiers.quote(access.field());
        }
        if (e instanceof SqlExpr.ScalarQuery scalar) {
            return "(\n" + indent(query(scalar.query())) + "\n)";
        }
        if (e instanceof SqlExpr.JavaUdfCall udf) {
            List<String> arguments = new ArrayList<>();
            arguments.add(literal(udfSpec(udf.function())));
            arguments.add(literal(type(udf.function().resultType())));
            udf.arguments().forEach(a -> arguments.add(expr(a)));
            return JAVA_UDF_FUNCTION + "(" + String.join(", ", arguments) + ")";
        }
        throw new IllegalArgumentException("unknown SQL expression " + e);
    }

    /** The runtime adapter's function that runs a Pig Java UDF (registered by the job's script). */
    public static final String JAVA_UDF_FUNCTION = "PIG_EVAL";

    /**
     * The UDF as the adapter reads it: the class, then the constructor arguments in parentheses, each quoted
     * with {@code \'} and {@code \\} escaped, as a DEFINE writes them: {@code com.acme.UrlFilter('http')}.
     */
    static String udfSpec(JavaFunction function) {
        if (function.constructorArguments().isEmpty()) {
            return function.className();
        }
        return function.className()
                + function.constructorArguments().stream()
                        .map(a -> "'" + a.replace("\\", "\\\\").replace("'", "\\'") + "'")
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A typed constant in Flink's syntax: an exponent keeps a double a DOUBLE (1.5 alone is a DECIMAL). */
    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String text) {
            if (text.length() == 1 && text.charAt(0) < 0x20) {
                return "CHR(" + (int) text.charAt(0) + ")"; // a tab or \u0001 delimiter, visible in the text
            }
            return "'" + text.replace("'", "''") + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Double d) {
            String text = Double.toString(d);
            return text.contains("E") ? text : text + "E0";
        }
        return value.toString();
    }

    private static String operand(SqlExpr e, int parentPrecedence) {
        String text = expr(e);
        return precedence(e) < parentPrecedence ? "(" + text + ")" : text;
    }

    private static int precedence(SqlExpr e) {
        if (e instanceof SqlExpr.Binary b) {
            return OPERATORS.get(b.operator()).precedence();
        }
        if (e instanceof SqlExpr.Unary u) {
            return u.operator() == SqlExpr.UnaryOp.NOT ? NOT : NEGATE;
        }
        if (e instanceof SqlExpr.IsNull || e instanceof SqlExpr.In) {
            return COMPARISON;
        }
        if (e instanceof SqlExpr.Literal l && l.value() instanceof Number n && n.doubleValue() < 0) {
            return NEGATE;
        }
        return ATOM;
    }
}
