package dev.ferry.runtime.pig;

/**
 * Pig's casts from chararray to the other simple types: what {@code (int)s} gives when {@code s} is
 * a chararray. Every method returns {@code null} where Pig discards the value with a warning.
 *
 * <p>Mirrors {@code org.apache.pig.impl.util.CastUtils} (Pig 0.18), which POCast calls for chararray
 * input. It differs from the load casts in {@link LoadCasts}: no 'L'/'F' suffixes and, for int and
 * long, only an upper bound on the double fallback, so "-9.3e18" becomes Integer.MIN_VALUE and
 * "NaN" becomes 0.
 */
public final class ChararrayCasts {

    private ChararrayCasts() {}

    /** {@code stringToInteger}: parseInt, else {@code (int) Double.valueOf} unless above MAX + 1.0. */
    public static Integer toInteger(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notAnInt) {
            Double d = parseDoubleOrNull(text);
            if (d == null || d > Integer.MAX_VALUE + 1.0) {
                return null;
            }
            return d.intValue();
        }
    }

    /** {@code stringToLong}: parseLong, else {@code (long) Double.valueOf} unless above MAX + 1.0. */
    public static Long toLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notALong) {
            Double d = parseDoubleOrNull(text);
            if (d == null || d > Long.MAX_VALUE + 1.0) {
                return null;
            }
            return d.longValue();
        }
    }

    /** {@code stringToFloat}: {@code Float.parseFloat}. */
    public static Float toFloat(String text) {
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code stringToDouble}: {@code Double.parseDouble}. */
    public static Double toDouble(String text) {
        return parseDoubleOrNull(text);
    }

    /** {@code stringToBoolean}: "true"/"false" in any case, else null. */
    public static Boolean toBoolean(String text) {
        return LoadCasts.toBoolean(text);
    }

    private static Double parseDoubleOrNull(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
