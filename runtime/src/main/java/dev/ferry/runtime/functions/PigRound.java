package dev.ferry.runtime.functions;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code PIG_ROUND(x)}: Pig's ROUND, which is {@code Math.round}: halves go up (-2.5 → -2, Flink's
 * ROUND gives -3), the result is a BIGINT (an INT for FLOAT, Pig's FloatRound), and values beyond
 * the long range clamp. INT and BIGINT go through double, as Pig's implicit cast does.
 */
public final class PigRound extends ScalarFunction {

    public Long eval(Double x) {
        return x == null ? null : Math.round(x);
    }

    public Integer eval(Float x) {
        return x == null ? null : Math.round(x);
    }

    public Long eval(Long x) {
        return x == null ? null : Math.round((double) x);
    }

    public Long eval(Integer x) {
        return x == null ? null : Math.round((double) x);
    }
}
