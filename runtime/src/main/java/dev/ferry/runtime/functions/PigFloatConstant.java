package dev.ferry.runtime.functions;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code PIG_FLOAT_CONSTANT(d)}: the float constant {@code (float) d}, kept exact. Flink's planner folds a
 * constant FLOAT expression into a REAL literal rounded to 7 significant digits (Calcite keeps REAL literals
 * to DECIMAL32), so 0.33333334f would be written 0.3333333 where Pig writes Float.toString's 0.33333334. This
 * function is declared non-deterministic for that reason alone: the planner then leaves it to run time.
 */
public final class PigFloatConstant extends ScalarFunction {

    public Float eval(Double d) {
        return d == null ? null : (float) d.doubleValue();
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
