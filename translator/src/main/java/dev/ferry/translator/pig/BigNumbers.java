package dev.ferry.translator.pig;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigExpr.BinaryOp;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Pig's biginteger and bigdecimal: a column holds the text Pig prints for the value ({@code BigInteger.toString()},
 * {@code BigDecimal.toString()}: 1.50 keeps its scale, 1E+3 its exponent, any number of digits), and every operation
 * is the runtime's PIG_BIG* function computing as Pig's operator does. Flink's DECIMAL(p, s) would print every value
 * of a column with one scale and overflow past 38 digits, where Pig's values carry their own scale and no limit.
 */
final class BigNumbers {

    private static final Map<BinaryOp, String> OPERATORS = Map.of(
            BinaryOp.ADD, "ADD",
            BinaryOp.SUBTRACT, "SUBTRACT",
            BinaryOp.MULTIPLY, "MULTIPLY",
            BinaryOp.DIVIDE, "DIVIDE",
            BinaryOp.MODULO, "MODULO");

    private static final Map<PigType, String> TO_JAVA_NUMBER = Map.of(
            PigType.INT, "PIG_BIG_TO_INT",
            PigType.LONG, "PIG_BIG_TO_LONG",
            PigType.FLOAT, "PIG_BIG_TO_FLOAT",
            PigType.DOUBLE, "PIG_BIG_TO_DOUBLE");

    private static final String SORT_KEY = "PIG_BIG_SORT_KEY";

    private BigNumbers() {}

    /** The runtime functions these translations call (the library must have each). */
    static List<String> functionNames() {
        List<String> names = new ArrayList<>(List.of(
                "PIG_BIGINTEGER",
                "PIG_BIGDECIMAL",
                "PIG_BIGDECIMAL_TO_BIGINTEGER",
                "PIG_BIG_NEGATE",
                "PIG_BIG_COMPARE",
                SORT_KEY,
                "PIG_BIG_SUM",
                "PIG_BIG_AVG",
                "PIG_BIG_MIN",
                "PIG_BIG_MAX"));
        names.addAll(new TreeSet<>(TO_JAVA_NUMBER.values()));
        for (String operator : new TreeSet<>(OPERATORS.values())) {
            names.add("PIG_BIGINTEGER_" + operator);
            if (!operator.equals("MODULO")) {
                names.add("PIG_BIGDECIMAL_" + operator);
            }
        }
        return names;
    }

    /** A {@code 123BI} or {@code 1.5BD} constant: its text as BigInteger or BigDecimal prints it. */
    static Value.Scalar literal(Number value, PigType type) {
        return new Value.Scalar(SqlExpr.Literal.text(value.toString()), type);
    }

    /**
     * POCast to or from a biginteger or bigdecimal, or empty when the cast is not one Pig has. Text is parsed (text
     * Java cannot parse fails the job, as in Pig), numbers convert as Pig's {@code BigInteger.valueOf},
     * {@code BigDecimal.valueOf(double)}, {@code toBigInteger()}, {@code intValue()}..., and the text of a value is
     * its chararray.
     */
    static Optional<Value.Scalar> cast(Value.Scalar value, PigType to) {
        PigType from = value.type();
        if (PigTypes.isBig(to)) {
            if (from == PigType.BIGINTEGER) {
                return Optional.of(new Value.Scalar(value.sql(), to)); // the same text, scale 0
            }
            if (from == PigType.BIGDECIMAL) {
                return Optional.of(new Value.Scalar(SqlExpr.Call.of("PIG_BIGDECIMAL_TO_BIGINTEGER", value.sql()), to));
            }
            if ((from == PigType.INT || from == PigType.LONG)
                    && integerConstant(value.sql()).isPresent()) {
                return Optional.of(literal(integerConstant(value.sql()).get(), to)); // (biginteger) 1 is '1'
            }
            if (from.isNumeric() || from == PigType.CHARARRAY || from == PigType.BYTEARRAY || from == PigType.BOOLEAN) {
                return Optional.of(new Value.Scalar(SqlExpr.Call.of("PIG_" + to.name(), value.sql()), to));
            }
            return Optional.empty();
        }
        if (to == PigType.CHARARRAY || to == PigType.BYTEARRAY) {
            return Optional.of(new Value.Scalar(value.sql(), to));
        }
        return Optional.ofNullable(TO_JAVA_NUMBER.get(to))
                .map(function -> new Value.Scalar(SqlExpr.Call.of(function, value.sql()), to));
    }

    /** The value of an int or long constant ({@code 1}, {@code CAST(1 AS BIGINT)}). */
    private static Optional<Long> integerConstant(SqlExpr sql) {
        SqlExpr operand = sql instanceof SqlExpr.Cast c && c.type() == SqlType.BIGINT ? c.operand() : sql;
        return operand instanceof SqlExpr.Literal l && (l.value() instanceof Integer || l.value() instanceof Long)
                ? Optional.of(((Number) l.value()).longValue())
                : Optional.empty();
    }

    /** {@code a + b} ... of two values of {@code type} (the operands cast already): null when Pig's is. */
    static Value.Scalar arithmetic(BinaryOp op, Value.Scalar left, Value.Scalar right, PigType type, SourceSpan span) {
        if (op == BinaryOp.MODULO && type == PigType.BIGDECIMAL) {
            // Pig's type checker: ERROR 1039 incompatible types in Mod Operator
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E013, span, "% needs integers (int, long, biginteger), found bigdecimal"));
        }
        return new Value.Scalar(
                SqlExpr.Call.of("PIG_" + type.name() + "_" + OPERATORS.get(op), left.sql(), right.sql()), type);
    }

    /** {@code -x}. */
    static Value.Scalar negate(Value.Scalar value) {
        return new Value.Scalar(SqlExpr.Call.of("PIG_BIG_NEGATE", value.sql()), value.type());
    }

    /** {@code a < b} ...: Pig compares by {@code compareTo}, so 1.5 == 1.50; the operands are of one type already. */
    static SqlExpr compare(SqlExpr.BinaryOp op, Value.Scalar left, Value.Scalar right) {
        return new SqlExpr.Binary(
                op, SqlExpr.Call.of("PIG_BIG_COMPARE", left.sql(), right.sql()), new SqlExpr.Literal(0));
    }

    /** An ORDER BY key: text that sorts as the numbers do, a datetime's instant. */
    static SqlExpr sortKey(Value.Scalar value) {
        if (value.type() == PigType.DATETIME) {
            return DateTimes.millis(value.sql());
        }
        return PigTypes.isBig(value.type()) ? SqlExpr.Call.of(SORT_KEY, value.sql()) : value.sql();
    }

    /** The column an ORDER BY key sorts by: the key itself, or the column of a {@link #sortKey}. */
    static Optional<SqlExpr.ColumnRef> sortedColumn(SqlExpr key) {
        if (key instanceof SqlExpr.ColumnRef ref) {
            return Optional.of(ref);
        }
        if (key instanceof SqlExpr.Call call
                && (call.function().equals(SORT_KEY) || call.function().equals(DateTimes.MILLIS))
                && call.arguments().get(0) instanceof SqlExpr.ColumnRef ref) {
            return Optional.of(ref);
        }
        return Optional.empty();
    }

    /** The ORDER BY key {@code key} for another column (a relation that kept the order under another name). */
    static SqlExpr sortingBy(SqlExpr key, SqlExpr.ColumnRef column) {
        return key instanceof SqlExpr.Call call ? SqlExpr.Call.of(call.function(), column) : column;
    }

    /** Why a GROUP BY a bigdecimal may differ from Pig's (a PIG-W010 at the key). */
    static final String GROUP_KEY_DIFFERS = PigFunctionTable.DIFFERS
            + "Pig groups values equal as numbers (1.5, 1.50) into one group, keyed by one of them; here each written"
            + " form (the value's scale) is a group of its own";

    /** SUM, AVG, MIN, MAX of biginteger or bigdecimal values (BigIntegerSum, BigDecimalAvg...). */
    static Value.Scalar aggregate(String function, SqlExpr column, PigType type) {
        return new Value.Scalar(
                SqlExpr.Call.of("PIG_BIG_" + function, column), function.equals("AVG") ? PigType.BIGDECIMAL : type);
    }
}
