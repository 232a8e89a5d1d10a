package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pig builtins and what they become in Flink SQL. One row per builtin; a builtin that is not here
 * is reported as unsupported (PIG-E020), never guessed. Functions named {@code PIG_*} come from
 * the ferry-runtime function library, for builtins whose Pig semantics differ from Flink's.
 */
final class PigFunctionTable {

    /** How the result type of a scalar builtin follows from its arguments. */
    enum ResultType { CHARARRAY, LONG, INT, FIRST_ARGUMENT }

    /** A scalar builtin that maps one-to-one onto a SQL function with the same argument order. */
    record Scalar(String pigName, String sqlName, int minArgs, int maxArgs, ResultType result, String note) {}

    /** An aggregate over a bag; the SQL form depends on the argument type (see {@link Aggregates}). */
    record Aggregate(String pigName, String note) {}

    private static final Map<String, Scalar> SCALARS = new TreeMap<>();
    private static final Map<String, Aggregate> AGGREGATES = new TreeMap<>();

    static {
        scalar("UPPER", "UPPER", 1, 1, ResultType.CHARARRAY, "null in, null out in both");
        scalar("LOWER", "LOWER", 1, 1, ResultType.CHARARRAY, "null in, null out in both");
        scalar("TRIM", "TRIM", 1, 1, ResultType.CHARARRAY, "both strip leading and trailing spaces");
        scalar("CONCAT", "CONCAT", 2, Integer.MAX_VALUE, ResultType.CHARARRAY, "any null argument gives null in both");
        scalar("ABS", "ABS", 1, 1, ResultType.FIRST_ARGUMENT, "keeps the argument type in both");
        for (String name : List.of("COUNT", "COUNT_STAR", "SUM", "AVG", "MIN", "MAX")) {
            AGGREGATES.put(name, new Aggregate(name, "see Aggregates"));
        }
    }

    private PigFunctionTable() {}

    private static void scalar(String pig, String sql, int min, int max, ResultType result, String note) {
        SCALARS.put(pig, new Scalar(pig, sql, min, max, result, note));
    }

    /** Pig builtin names are case-sensitive and upper case; user UDFs are looked up elsewhere. */
    static Optional<Scalar> scalar(String name) {
        return Optional.ofNullable(SCALARS.get(name));
    }

    static boolean isAggregate(String name) {
        return AGGREGATES.containsKey(name);
    }

    static PigType resultType(Scalar function, List<PigType> argumentTypes) {
        return switch (function.result()) {
            case CHARARRAY -> PigType.CHARARRAY;
            case LONG -> PigType.LONG;
            case INT -> PigType.INT;
            case FIRST_ARGUMENT -> argumentTypes.get(0);
        };
    }
}
