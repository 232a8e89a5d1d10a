package dev.ferry.runtime.functions;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code PIG_SUBSTRING(s, begin, end)}: Pig's SUBSTRING, 0-based with an exclusive end (Flink's
 * SUBSTRING is 1-based with a length). An end past the string is cut to its length; a begin below
 * 0, past the string or after the end gives null (Pig's warning), not an error.
 */
public final class PigSubstring extends ScalarFunction {

    public String eval(String s, Integer begin, Integer end) {
        if (s == null || begin == null || end == null) {
            return null;
        }
        try {
            return s.substring(begin, Math.min(s.length(), end));
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }
}
