package dev.ferry.runtime.pig;

/**
 * Pig's conversions from loaded bytes (bytearray) to typed values: what {@code LOAD ... AS (x:int)}
 * and {@code (int)$0} on a bytearray produce. Every method returns {@code null} where Pig discards
 * the field with a FIELD_DISCARDED_TYPE_CONVERSION_FAILED or TOO_LARGE_FOR_INT warning.
 *
 * <p>Mirrors {@code org.apache.pig.builtin.Utf8StorageConverter} (Pig 0.18) method by method; the
 * input is the field's bytes decoded as UTF-8, as Pig's {@code bytesToCharArray} does.
 */
public final class LoadCasts {

    private LoadCasts() {}

    /**
     * {@code bytesToInteger}: {@code Integer.valueOf}, else through {@code Double.valueOf} (so "3.7"
     * is 3 and " 3" is 3, since only the double parser trims), null when the double is NaN or
     * reaches Integer.MAX_VALUE + 1 / Integer.MIN_VALUE - 1 ({@code Double.compare(...) >= 0 / <= 0}).
     */
    public static Integer toInteger(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notAnInt) {
            Double d = parseDoubleOrNull(text);
            if (d == null
                    || Double.compare(d, Integer.MAX_VALUE + 1.0) >= 0
                    || Double.compare(d, Integer.MIN_VALUE - 1.0) <= 0) {
                return null;
            }
            return d.intValue();
        }
    }

    /**
     * {@code bytesToLong}: one trailing 'L'/'l' is dropped first; the double fallback is bounded with
     * strict comparisons ({@code > MAX + 1}, {@code < MIN - 1}), so "9223372036854775808" clamps to
     * Long.MAX_VALUE while "9.3e18" and NaN are discarded.
     */
    public static Long toLong(String text) {
        String s = dropSuffix(text, 'L', 'l');
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException notALong) {
            Double d = parseDoubleOrNull(s);
            if (d == null
                    || Double.compare(d, Long.MAX_VALUE + 1.0) > 0
                    || Double.compare(d, Long.MIN_VALUE - 1.0) < 0) {
                return null;
            }
            return d.longValue();
        }
    }

    /** {@code bytesToFloat}: one trailing 'F'/'f' is dropped, then {@code Float.valueOf}. */
    public static Float toFloat(String text) {
        try {
            return Float.valueOf(dropSuffix(text, 'F', 'f'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code bytesToDouble}: {@code Double.valueOf} (trims, accepts "NaN", "Infinity", "1d"). */
    public static Double toDouble(String text) {
        return parseDoubleOrNull(text);
    }

    /** {@code bytesToBoolean}: "true"/"false" in any case; anything else, even " true", is null. */
    public static Boolean toBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static Double parseDoubleOrNull(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String dropSuffix(String text, char upper, char lower) {
        int n = text.length();
        if (n > 0 && (text.charAt(n - 1) == upper || text.charAt(n - 1) == lower)) {
            return text.substring(0, n - 1);
        }
        return text;
    }
}
