package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.List;

/**
 * Pig's datetime: a column holds the text Pig prints for the value (joda's {@code DateTime.toString()},
 * {@code 2024-03-01T10:00:00.000+05:00}), the instant with the offset Pig's DateTime carries, so a value keeps the
 * offset it was written or parsed with, as Pig's does, for ToString, GetHour... and a STORE. Pig compares datetimes by
 * instant ({@code DateTime.compareTo}: 10:00+05:00 equals 05:00Z), so comparisons, ORDER BY, MIN and MAX go through
 * the instant ({@link #MILLIS}). Flink's TIMESTAMP_LTZ would keep the instant only.
 */
final class DateTimes {

    /** The runtime function giving a datetime's instant in epoch milliseconds (ToMilliSeconds). */
    static final String MILLIS = "PIG_TOMILLISECONDS";

    private DateTimes() {}

    /** The runtime functions these translations call (the library must have each). */
    static List<String> functionNames() {
        return List.of(MILLIS, "PIG_DATETIME_MIN", "PIG_DATETIME_MAX", "PIG_CURRENTTIME", "PIG_BYTES_TO_DATETIME");
    }

    /** {@code a < b} ... of two datetimes: by instant, as Pig's {@code compareTo}. */
    static SqlExpr compare(SqlExpr.BinaryOp op, Value.Scalar left, Value.Scalar right) {
        return new SqlExpr.Binary(op, millis(left.sql()), millis(right.sql()));
    }

    /** A datetime's instant. */
    static SqlExpr millis(SqlExpr value) {
        return SqlExpr.Call.of(MILLIS, value);
    }

    /** MIN and MAX of datetimes (DateTimeMin, DateTimeMax): by instant, the value kept with its offset. */
    static Value.Scalar aggregate(String function, SqlExpr column) {
        return new Value.Scalar(SqlExpr.Call.of("PIG_DATETIME_" + function, column), PigType.DATETIME);
    }

    /** Why a GROUP BY a datetime may differ from Pig's (a PIG-W010 at the key). */
    static final String KEY_DIFFERS = PigFunctionTable.DIFFERS
            + "Pig's shuffle sorts datetime keys by instant, so one instant written with two offsets (10:00+05:00,"
            + " 05:00Z) may be one group there, keyed by either; here each written offset of an instant is a group";

    /** Why a JOIN by a datetime may differ from Pig's (a PIG-W010 at the key). */
    static final String JOIN_KEY_DIFFERS = PigFunctionTable.DIFFERS
            + "rows join when their datetimes are one instant with one offset; where an instant is written with two"
            + " offsets (10:00+05:00, 05:00Z) Pig's shuffle matches them by instant, but not reliably (measured on Pig"
            + " 0.18: some such pairs joined, others not, and joined rows showed another row's offset)";

    /**
     * Why AddDuration, SubtractDuration and the calendar *Between builtins may differ from Pig's: a value keeps its
     * offset, and is read back in the default zone where that offset is the default zone's.
     */
    static final String ZONE_RULES_DIFFER = PigFunctionTable.DIFFERS
            + "across a daylight-saving change of the default zone, a value written with an explicit offset equal to the"
            + " default zone's (2024-03-31T03:30:00+02:00 in Europe/Berlin), one of ToDate(text, pattern, zone), and"
            + " in Pig any value after a GROUP, JOIN or ORDER (Pig's shuffle keeps the offset only) move by the fixed"
            + " offset in Pig and by the default zone's rules here, or the other way round";
}
