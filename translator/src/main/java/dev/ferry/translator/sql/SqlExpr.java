package dev.ferry.translator.sql;

import java.util.List;

/**
 * A Flink SQL scalar, aggregate or window expression. Kinds of operators are enums; literals are
 * typed values, never SQL text: the generator alone prints SQL.
 */
public sealed interface SqlExpr {

    /** {@code qualifier.name}, or just {@code name} when qualifier is null. */
    record ColumnRef(String qualifier, String name) implements SqlExpr {
        public static ColumnRef of(String name) {
            return new ColumnRef(null, name);
        }
    }

    /** A typed constant; {@code value} is null for NULL, else a String, Boolean, Integer, Long or Double. */
    record Literal(Object value) implements SqlExpr {
        public static final Literal NULL = new Literal(null);
        public static final Literal TRUE = new Literal(Boolean.TRUE);
        public static final Literal FALSE = new Literal(Boolean.FALSE);

        public static Literal text(String value) {
            return new Literal(value);
        }

        public static Literal number(long value) {
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                    ? new Literal((int) value)
                    : new Literal(value);
        }
    }

    /** {@code ${NAME}}: a run-time parameter spliced in as text by the job runner. */
    record Param(String name) implements SqlExpr {}

    /** A function call, including aggregates. */
    record Call(String function, List<SqlExpr> arguments) implements SqlExpr {
        public Call {
            arguments = List.copyOf(arguments);
        }

        public static Call of(String function, SqlExpr... arguments) {
            return new Call(function, List.of(arguments));
        }
    }

    /** {@code FUNC(DISTINCT args) FILTER (WHERE filter)}; filter null when absent. */
    record Aggregate(String function, List<SqlExpr> arguments, boolean distinct, SqlExpr filter) implements SqlExpr {
        public Aggregate {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code function OVER (PARTITION BY ... ORDER BY ...)}: a window function. */
    record Over(SqlExpr function, List<SqlExpr> partitionBy, List<SqlQuery.OrderItem> orderBy) implements SqlExpr {
        public Over {
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    enum BinaryOp {
        MULTIPLY,
        DIVIDE,
        ADD,
        SUBTRACT,
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE,
        IS_DISTINCT_FROM,
        IS_NOT_DISTINCT_FROM,
        AND,
        OR,
        CONCAT
    }

    record Binary(BinaryOp operator, SqlExpr left, SqlExpr right) implements SqlExpr {}

    enum UnaryOp {
        NOT,
        NEGATE
    }

    record Unary(UnaryOp operator, SqlExpr operand) implements SqlExpr {}

    /** {@code CAST(x AS T)} or {@code TRY_CAST(x AS T)}. */
    record Cast(SqlExpr operand, SqlType type, boolean lenient) implements SqlExpr {}

    /** {@code x IS [NOT] NULL}. */
    record IsNull(SqlExpr operand, boolean negated) implements SqlExpr {}

    /** {@code x [NOT] IN (values)}. */
    record In(SqlExpr operand, List<SqlExpr> values, boolean negated) implements SqlExpr {
        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code CASE WHEN ... THEN ... [ELSE otherwise] END}; otherwise null: unmatched rows are NULL. */
    record Case(List<When> whens, SqlExpr otherwise) implements SqlExpr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record When(SqlExpr condition, SqlExpr result) {}

    /** {@code *} as an aggregate argument: {@code COUNT(*)}. */
    record Star() implements SqlExpr {}

    /** {@code ROW(a, b)}: a Pig tuple constructor. */
    record RowOf(List<SqlExpr> fields) implements SqlExpr {
        public RowOf {
            fields = List.copyOf(fields);
        }
    }

    /** {@code ARRAY[a, b]}: a Pig bag constructor. */
    record ArrayOf(List<SqlExpr> elements) implements SqlExpr {
        public ArrayOf {
            elements = List.copyOf(elements);
        }
    }

    /** {@code MAP[k1, v1, k2, v2]}: a Pig map constructor. */
    record MapOf(List<SqlExpr> keysAndValues) implements SqlExpr {
        public MapOf {
            keysAndValues = List.copyOf(keysAndValues);
        }
    }

    /** {@code base[key]}: a map lookup ({@code m#'k'}) or an array element (1-based). */
    record Item(SqlExpr base, SqlExpr key) implements SqlExpr {}

    /** {@code base.field}: a field of a ROW value. */
    record FieldAccess(SqlExpr base, String field) implements SqlExpr {}

    /** A call of a Pig Java UDF through the runtime's adapter, on the input tuple of {@code arguments}. */
    record JavaUdfCall(JavaFunction function, List<SqlExpr> arguments) implements SqlExpr {
        public JavaUdfCall {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code (SELECT ...)}: a one-row, one-column query used as a value (Pig's scalar projection). */
    record ScalarQuery(SqlQuery query) implements SqlExpr {}
}
