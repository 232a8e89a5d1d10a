package dev.ferry.runtime.functions;

import dev.ferry.runtime.format.PigZone;
import java.time.Instant;
import java.util.function.ToIntFunction;
import java.util.function.ToLongBiFunction;
import org.apache.flink.table.annotation.DataTypeHint;
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
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.ISODateTimeFormat;

/**
 * Pig's datetime builtins, computed with joda-time as Pig does. A Pig datetime is a Flink
 * TIMESTAMP_LTZ(3) (an instant); Pig's DateTime also carries a zone, which here is always Pig's
 * default zone ({@link PigZone#defaultZone()}): a value parsed from text with another offset keeps its
 * instant but is shown and split into fields in the default zone (Pig keeps the parsed offset).
 */
public final class PigDateTimes {

    private PigDateTimes() {}

    static DateTime dateTime(Instant instant) {
        return new DateTime(instant.toEpochMilli(), PigZone.defaultZone());
    }

    static Instant instant(DateTime dateTime) {
        return Instant.ofEpochMilli(dateTime.getMillis());
    }

    /**
     * ToDate(millis), ToDate(iso), ToDate(text, pattern[, zone]): ISO text through joda's
     * {@code dateTimeParser} (offset optional), a pattern through {@code DateTimeFormat.forPattern}.
     */
    public static final class ToDate extends ScalarFunction {
        public @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eval(Long millis) {
            return millis == null ? null : Instant.ofEpochMilli(millis);
        }

        public @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eval(String iso) {
            if (iso == null) {
                return null;
            }
            return instant(ISODateTimeFormat.dateTimeParser()
                    .withZone(PigZone.defaultZone())
                    .parseDateTime(iso));
        }

        public @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eval(String text, String pattern) {
            if (text == null || pattern == null) {
                return null;
            }
            return instant(DateTimeFormat.forPattern(pattern)
                    .withZone(PigZone.defaultZone())
                    .parseDateTime(text));
        }

        public @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eval(String text, String pattern, String zone) {
            if (text == null || pattern == null || zone == null) {
                return null;
            }
            return instant(DateTimeFormat.forPattern(pattern)
                    .withZone(DateTimeZone.forID(zone))
                    .parseDateTime(text));
        }
    }

    /**
     * {@code (datetime)} of a bytearray, as Pig's Utf8StorageConverter.bytesToDateTime: the text through ToDate's
     * ISO parser ({@code dateOptionalTimeParser}, a space accepted for the 'T' as ToDate.allowIso8601Space does),
     * in Pig's default zone when the text has no offset; null when the text is not such a datetime (Pig discards the
     * field with a warning).
     */
    public static final class BytesToDateTime extends ScalarFunction {
        public @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eval(String text) {
            if (text == null) {
                return null;
            }
            try {
                return extractDateTime(text);
            } catch (IllegalArgumentException notADateTime) {
                return null;
            }
        }
    }

    /** Pig's ToDate.extractDateTime: joda's {@code dateOptionalTimeParser}, a space accepted for the 'T'. */
    private static Instant extractDateTime(String text) {
        String iso =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        return instant(ISODateTimeFormat.dateOptionalTimeParser()
                .withZone(PigZone.defaultZone())
                .parseDateTime(iso));
    }

    /** ToString(dt[, pattern]): joda's ISO form, or the joda pattern. */
    public static final class ToString extends ScalarFunction {
        public String eval(@DataTypeHint("TIMESTAMP_LTZ(3)") Instant dt) {
            return dt == null ? null : dateTime(dt).toString();
        }

        public String eval(@DataTypeHint("TIMESTAMP_LTZ(3)") Instant dt, String pattern) {
            return dt == null || pattern == null
                    ? null
                    : DateTimeFormat.forPattern(pattern).print(dateTime(dt));
        }
    }

    /** ToUnixTime(dt): whole seconds since the epoch (millis / 1000, truncated toward zero). */
    public static final class ToUnixTime extends ScalarFunction {
        public Long eval(@DataTypeHint("TIMESTAMP_LTZ(3)") Instant dt) {
            return dt == null ? null : dt.toEpochMilli() / 1000;
        }
    }

    /** ToMilliSeconds(dt). */
    public static final class ToMilliSeconds extends ScalarFunction {
        public Long eval(@DataTypeHint("TIMESTAMP_LTZ(3)") Instant dt) {
            return dt == null ? null : dt.toEpochMilli();
        }
    }

    /** A field of a datetime in Pig's default zone: GetYear, GetMonth, ... GetWeekYear. */
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

        public Integer eval(@DataTypeHint("TIMESTAMP_LTZ(3)") Instant dt) {
            return dt == null ? null : field.getter.applyAsInt(dateTime(dt));
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

        public Long eval(@DataTypeHint("TIMESTAMP_LTZ(3)") Instant a, @DataTypeHint("TIMESTAMP_LTZ(3)") Instant b) {
            return a == null || b == null ? null : unit.between.applyAsLong(dateTime(a), dateTime(b));
        }
    }

    /** AddDuration(dt, iso8601Period): joda's {@code DateTime.plus(new Period(text))}, in the default zone. */
    public static final class AddDuration extends ScalarFunction {
        public @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eval(
                @DataTypeHint("TIMESTAMP_LTZ(3)") Instant dt, String period) {
            return dt == null || period == null ? null : instant(dateTime(dt).plus(new Period(period)));
        }
    }

    /** SubtractDuration(dt, iso8601Period). */
    public static final class SubtractDuration extends ScalarFunction {
        public @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eval(
                @DataTypeHint("TIMESTAMP_LTZ(3)") Instant dt, String period) {
            return dt == null || period == null ? null : instant(dateTime(dt).minus(new Period(period)));
        }
    }
}
