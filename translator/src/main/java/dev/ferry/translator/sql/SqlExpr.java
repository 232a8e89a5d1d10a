package dev.ferry.translator.sql;

import java.util.List;

/** A Flink SQL scalar or aggregate expression. */
public sealed interface SqlExpr {

    /** {@code qualifier.name}, or just {@code name} when qualifier is null. */
    record ColumnRef(String qualifier, String name) implements SqlExpr {
        public static ColumnRef of(String name) {
            return new ColumnRef(null, name);
        }
    }

    /** A literal printed exactly as {@code sql} (already in SQL syntax). */
    record Literal(String sql) implements SqlExpr {}

    /** {@code '${NAME}'}-style run-time parameter spliced in by the job runner; printed bare. */
    record Param(String name) implements SqlExpr {}

    /** A function call, including aggregates; {@code star} prints {@code COUNT(*)}. */
    record Call(String function, List<SqlExpr> arguments) implements SqlExpr {
        public Call {
            arguments = List.copyOf(arguments);
        }

        public static Call of(String function, SqlExpr... arguments) {
            return new Call(function, List.of(arguments));
        }
    }

    record Binary(String operator, SqlExpr left, SqlExpr right) implements SqlExpr {}

    /** Prefix operator: {@code NOT x}, {@code -x}. */
    record Unary(String operator, SqlExpr operand) implements SqlExpr {}

    /** {@code CAST(x AS T)} or {@code TRY_CAST(x AS T)}. */
    record Cast(SqlExpr operand, SqlType type, boolean lenient) implements SqlExpr {}

    /** {@code x IS [NOT] NULL}. */
    record IsNull(SqlExpr operand, boolean negated) implements SqlExpr {}

    /** {@code CASE WHEN ... THEN ... END} without ELSE: unmatched rows are NULL. */
    record Case(List<When> whens) implements SqlExpr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record When(SqlExpr condition, SqlExpr result) {}

    /** {@code *} as an aggregate argument: {@code COUNT(*)}. */
    record Star() implements SqlExpr {}
}
