package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlType;

/**
 * Pig's algebraic builtins as SQL aggregates. Pig widens before it sums and averages: SUM of int
 * is a long, SUM of float a double, AVG is always a double. Flink keeps the argument type (SUM of
 * INT overflows as INT, AVG of INT truncates), so the argument is cast first. Biginteger and bigdecimal values are
 * the runtime's aggregates (BigIntegerSum, BigDecimalAvg...: {@link BigNumbers}).
 */
final class Aggregates {

    private Aggregates() {}

    static Value.Scalar of(String function, SqlExpr column, PigType type, SourceSpan span) {
        if (PigTypes.isBig(type) && !function.equals("COUNT")) {
            return BigNumbers.aggregate(function, column, type);
        }
        if (type == PigType.DATETIME && (function.equals("MIN") || function.equals("MAX"))) {
            return DateTimes.aggregate(function, column);
        }
        return switch (function) {
            case "COUNT" -> new Value.Scalar(SqlExpr.Call.of("COUNT", column), PigType.LONG);
            case "SUM" ->
                switch (type) {
                    case INT -> call("SUM", new SqlExpr.Cast(column, SqlType.BIGINT, false), PigType.LONG);
                    case LONG -> call("SUM", column, PigType.LONG);
                    case DOUBLE -> call("SUM", column, PigType.DOUBLE);
                    case FLOAT -> call("SUM", new SqlExpr.Cast(column, SqlType.DOUBLE, false), PigType.DOUBLE);
                    // Pig sums a bytearray as double.
                    case BYTEARRAY -> call("SUM", SqlExpr.Call.of("PIG_DOUBLE", column), PigType.DOUBLE);
                    default -> throw notNumeric(function, type, span);
                };
            case "AVG" ->
                switch (type) {
                    case DOUBLE -> call("AVG", column, PigType.DOUBLE);
                    case INT, LONG, FLOAT ->
                        call("AVG", new SqlExpr.Cast(column, SqlType.DOUBLE, false), PigType.DOUBLE);
                    case BYTEARRAY -> call("AVG", SqlExpr.Call.of("PIG_DOUBLE", column), PigType.DOUBLE);
                    default -> throw notNumeric(function, type, span);
                };
            case "MIN", "MAX" ->
                type == PigType.BYTEARRAY
                        // Pig's MIN and MAX of a bytearray compare the values as doubles.
                        ? call(function, SqlExpr.Call.of("PIG_DOUBLE", column), PigType.DOUBLE)
                        : call(function, column, type);
            default -> throw new IllegalArgumentException("not an aggregate: " + function);
        };
    }

    private static Value.Scalar call(String function, SqlExpr argument, PigType type) {
        return new Value.Scalar(SqlExpr.Call.of(function, argument), type);
    }

    private static TranslationError notNumeric(String function, PigType type, SourceSpan span) {
        return new TranslationError(dev.ferry.diagnostics.Diagnostic.of(
                dev.ferry.diagnostics.DiagnosticCode.PIG_E013,
                span,
                function + " needs a numeric field, found " + type.keyword()));
    }
}
