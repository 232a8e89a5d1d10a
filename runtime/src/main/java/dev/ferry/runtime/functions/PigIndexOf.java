package dev.ferry.runtime.functions;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code PIG_INDEXOF(s, search [, from])}: Pig's INDEXOF, Java's {@code String.indexOf}: 0-based,
 * -1 when not found (Flink's POSITION is 1-based, 0 when not found); a negative start counts as 0.
 */
public final class PigIndexOf extends ScalarFunction {

    public Integer eval(String s, String search) {
        return eval(s, search, 0);
    }

    public Integer eval(String s, String search, Integer from) {
        if (s == null || search == null || from == null) {
            return null;
        }
        return s.indexOf(search, from);
    }
}
