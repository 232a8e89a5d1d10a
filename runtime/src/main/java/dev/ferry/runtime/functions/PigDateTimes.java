package dev.ferry.runtime.functions;

import dev.ferry.runtime.format.PigZone;
import java.util.function.ToIntFunction;
import java.util.function.ToLongBiFunction;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.table.functions.ScalarFunction;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Days;
import org.joda.time.Hours;
import org.joda.time.Minutes;
import org.joda.time.Months;
import org.joda.time.Period;
import org.joda.time.Seconds;
import org.joda.time.Weeks;
import org.joda.time.Years;
import org.joda.time.chrono.ISOChronology;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.ISODateTimeFormat;

/**
 * Pig's datetime builtins, computed with joda-time as Pig does. A Pig datetime is a STRING column holding the text
 * Pig prints for the value, joda's {@code DateTime.toString()} ({@code 2024-03-01T10:00:00.000+05:00}): the instant
 * and the offset Pig's DateTime carries, so a value keeps the offset it was written or parsed with, and GetHour,
 * ToString and a STORE see it as Pig does. Values compare and sort by instant ({@link #millis}), as Pig's
 * {@code DateTime.compareTo}.
 *
 * <p>A value is read back ({@link #value}) in Pig's default zone ({@link PigZone#defaultZone()}) when its offset is
 * that zone's at its instant, else in the fixed offset: Pig's value of text without an offset (LOAD, ToDate, ToDate
 * with a pattern, CurrentTime) is in the default zone, and one parsed with an offset in that fixed offset, so
 * AddDuration and the *Between builtins cross a daylight-saving change as Pig's do. (Pig's value of ToDate(text,
 * pattern, zone) is in the named zone, which the text keeps as its offset only.)
 */
public final class PigDateTimes {

    private PigDateTimes() {}

    /** The parser of the text {@link #text} prints (and of any ISO 8601 date-time with an offset). */
    private static final DateTimeFormatter PRINTED =
            ISODateTimeFormat.dateTimeParser().withOffsetParsed();

    /** Pig's ToDate.extractDateTime parser: the offset kept, the default zone without one. */
    private static final DateTimeFormatter ISO =
            ISODateTimeFormat.dateOptionalTimeParser().withOffsetParsed();

    /** The DateTime a column's text holds. */
    static DateTime value(String text) {
        DateTime parsed = PRINTED.parseDateTime(text);
        DateTimeZone zone = PigZone.defaultZone();
        return zone.getOffset(parsed) == parsed.getZone().getOffset(parsed) ? parsed.withZone(zone) : parsed;
    }

    /** A DateTime's text, as Pig prints it. */
    static String text(DateTime dateTime) {
        return dateTime.toString();
    }

    /** The instant of a column's text, in milliseconds since the epoch. */
    static long millis(String text) {
        return PRINTED.parseMillis(text);
    }

    /**
     * ToDate(millis) in the default zone, ToDate(iso) as Pig's ToDate.extractDateTime (the offset kept, a space
     * accepted for the 'T'), ToDate(text, pattern) in the default zone, ToDate(text, pattern, zone) in the zone.
     */
    public static final class ToDate extends ScalarFunction {
        public String eval(Long millis) {
            return millis == null ? null : text(new DateTime(millis.longValue(), PigZone.defaultZone()));
        }

        public String eval(String iso) {
            return iso == null ? null : text(extractDateTime(iso));
        }

        public String eval(String text, String pattern) {
            if (text == null || pattern == null) {
                return null;
            }
            return text(DateTimeFormat.forPattern(pattern)
                    .withZone(PigZone.defaultZone())
                    .parseDateTime(text));
        }

        public String eval(String text, String pattern, String zone) {
            if (text == null || pattern == null || zone == null) {
                return null;
            }
            return text(DateTimeFormat.forPattern(pattern)
                    .withZone(DateTimeZone.forID(zone))
                    .parseDateTime(text));
        }
    }

    /**
     * {@code (datetime)} of a bytearray, as Pig's Utf8StorageConverter.bytesToDateTime: the text through ToDate's
     * ISO parser, the offset kept, in Pig's default zone when the text has none; null when the text is not such a
     * datetime (Pig discards the field with a warning).
     */
    public static final class BytesToDateTime extends ScalarFunction {
        public String eval(String text) {
            if (text == null) {
                return null;
            }
            try {
                return text(extractDateTime(text));
            } catch (IllegalArgumentException notADateTime) {
                return null;
            }
        }
    }

    /**
     * Pig's ToDate.extractDateTime: joda's {@code dateOptionalTimeParser} with the offset parsed (Pig's default zone
     * when the text has none), a space accepted for the 'T'.
     */
    private static DateTime extractDateTime(String text) {
        String iso =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        return ISO.withChronology(ISOChronology.getInstance(PigZone.defaultZone()))
                .parseDateTime(iso);
    }

    /** ToString(dt[, pattern]): joda's ISO form, or the joda pattern, in the value's own offset. */
    public static final class ToString extends ScalarFunction {
        public String eval(String dt) {
            return dt == null ? null : text(value(dt));
        }

        public String eval(String dt, String pattern) {
            return dt == null || pattern == null
                    ? null
                    : DateTimeFormat.forPattern(pattern).print(value(dt));
        }
    }

    /** ToUnixTime(dt): whole seconds since the epoch (millis / 1000, truncated toward zero). */
    public static final class ToUnixTime extends ScalarFunction {
        public Long eval(String dt) {
            return dt == null ? null : millis(dt) / 1000;
        }
    }

    /** ToMilliSeconds(dt); also what comparisons and ORDER BY of datetimes use, as Pig compares instants. */
    public static final class ToMilliSeconds extends ScalarFunction {
        public Long eval(String dt) {
            return dt == null ? null : millis(dt);
        }
    }

    /** CurrentTime(): the job's start, in the default zone (one value for the whole batch job, as Pig's). */
    public static final class CurrentTime extends ScalarFunction {
        public String eval() {
            return text(new DateTime(PigZone.defaultZone()));
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }

    /** A field of a datetime in the value's own offset: GetYear, GetMonth, ... GetWeekYear. */
    public enum Field {
        YEAR(DateTime::getYear),
        MONTH(DateTime::getMonthOfYear),
        DAY(DateTime::getDayOfMonth),
        HOUR(DateTime::getHourOfDay),
        MINUTE(DateTime::getMinuteOfHour),
        SECOND(DateTime::getSecondOfMinute),
        MILLISECOND(DateTime::getMillisOfSecond),
        WEEK(DateTime::getWeekOfWeekyear),
        WEEKYEAR(DateTime::getWeekyear);

        private final ToIntFunction<DateTime> getter;

        Field(ToIntFunction<DateTime> getter) {
            this.getter = getter;
        }

        public ScalarFunction function() {
            return new Get(this);
        }
    }

    /** One {@link Field} of a datetime. */
    public static final class Get extends ScalarFunction {
        private final Field field;

        Get(Field field) {
            this.field = field;
        }

        public Integer eval(String dt) {
            return dt == null ? null : field.getter.applyAsInt(value(dt));
        }
    }

    /** The *Between builtins: whole units from the second datetime to the first, as a long. */
    public enum Between {
        YEARS((a, b) -> Years.yearsBetween(b, a).getYears()),
        MONTHS((a, b) -> Months.monthsBetween(b, a).getMonths()),
        WEEKS((a, b) -> Weeks.weeksBetween(b, a).getWeeks()),
        DAYS((a, b) -> Days.daysBetween(b, a).getDays()),
        HOURS((a, b) -> Hours.hoursBetween(b, a).getHours()),
        MINUTES((a, b) -> Minutes.minutesBetween(b, a).getMinutes()),
        SECONDS((a, b) -> Seconds.secondsBetween(b, a).getSeconds()),
        MILLISECONDS((a, b) -> a.getMillis() - b.getMillis());

        private final ToLongBiFunction<DateTime, DateTime> between;

        Between(ToLongBiFunction<DateTime, DateTime> between) {
            this.between = between;
        }

        public ScalarFunction function() {
            return new BetweenFunction(this);
        }
    }

    /** One {@link Between}. */
    public static final class BetweenFunction extends ScalarFunction {
        private final Between unit;

        BetweenFunction(Between unit) {
            this.unit = unit;
        }

        public Long eval(String a, String b) {
            return a == null || b == null ? null : unit.between.applyAsLong(value(a), value(b));
        }
    }

    /** AddDuration(dt, iso8601Period): joda's {@code DateTime.plus(new Period(text))}, in the value's zone. */
    public static final class AddDuration extends ScalarFunction {
        public String eval(String dt, String period) {
            return dt == null || period == null ? null : text(value(dt).plus(new Period(period)));
        }
    }

    /** SubtractDuration(dt, iso8601Period). */
    public static final class SubtractDuration extends ScalarFunction {
        public String eval(String dt, String period) {
            return dt == null || period == null ? null : text(value(dt).minus(new Period(period)));
        }
    }

    /** The accumulator of MIN and MAX: the value kept, as its text. */
    public static final class Accumulator {
        public String value;
    }

    /** Pig's DateTimeMin / DateTimeMax: by instant ({@code compareTo}), the first of equal instants kept. */
    private abstract static class Extreme extends AggregateFunction<String, Accumulator> {
        @Override
        public Accumulator createAccumulator() {
            return new Accumulator();
        }

        public void accumulate(Accumulator acc, String x) {
            if (x != null && (acc.value == null || replaces(Long.compare(millis(x), millis(acc.value))))) {
                acc.value = x;
            }
        }

        public void merge(Accumulator acc, Iterable<Accumulator> others) {
            for (Accumulator other : others) {
                accumulate(acc, other.value);
            }
        }

        @Override
        public String getValue(Accumulator acc) {
            return acc.value;
        }

        abstract boolean replaces(int comparison);
    }

    /** {@code PIG_DATETIME_MIN(dt)}: MIN of datetimes (DateTimeMin). */
    public static final class Min extends Extreme {
        @Override
        boolean replaces(int comparison) {
            return comparison < 0;
        }
    }

    /** {@code PIG_DATETIME_MAX(dt)}: MAX of datetimes (DateTimeMax). */
    public static final class Max extends Extreme {
        @Override
        boolean replaces(int comparison) {
            return comparison > 0;
        }
    }
}
