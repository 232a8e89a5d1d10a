package dev.ferry.runtime.functions;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code PIG_ASSERT(condition, message)}: Pig's ASSERT, which filters a relation through
 * {@code org.apache.pig.builtin.Assert}. True when the condition is true; a false condition fails the
 * job with "Assertion violated: message", and a null one fails it too (Pig's Assert unboxes it and
 * throws a NullPointerException). Not deterministic, so the planner never folds or drops the check.
 */
public final class PigAssert extends ScalarFunction {

    public Boolean eval(Boolean condition, String message) {
        if (condition == null) {
            throw new IllegalStateException(
                    "Assertion violated (the condition is null, which fails Pig's Assert too): " + message);
        }
        if (!condition) {
            throw new IllegalStateException("Assertion violated: " + message);
        }
        return true;
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
