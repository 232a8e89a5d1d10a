package dev.ferry.runtime.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.DoubleUnaryOperator;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * Pig's math builtins. The one-argument ones are Pig's DoubleBase functions: the argument is cast to
 * double and {@code java.lang.Math} answers (so CEIL and FLOOR of an int give a double, LOG(0) is
 * -Infinity and SQRT(-1) NaN, where Flink keeps an int's type or fails).
 */
public final class PigMath {

    private PigMath() {}

    /** The {@code java.lang.Math} function of a one-argument Pig math builtin. */
    public enum Unary {
        ACOS(Math::acos),
        ASIN(Math::asin),
        ATAN(Math::atan),
        CBRT(Math::cbrt),
        CEIL(Math::ceil),
        COS(Math::cos),
        COSH(Math::cosh),
        EXP(Math::exp),
        FLOOR(Math::floor),
        LOG(Math::log),
        LOG10(Math::log10),
        SIN(Math::sin),
        SINH(Math::sinh),
        SQRT(Math::sqrt),
        TAN(Math::tan),
        TANH(Math::tanh);

        private final DoubleUnaryOperator operator;

        Unary(DoubleUnaryOperator operator) {
            this.operator = operator;
        }

        /** The function registered as {@code PIG_<name>}. */
        public ScalarFunction function() {
            return new DoubleFunction(this);
        }
    }

    /** One {@link Unary} over a double; null in, null out. */
    public static final class DoubleFunction extends ScalarFunction {
        private final Unary unary;

        DoubleFunction(Unary unary) {
            this.unary = unary;
        }

        public Double eval(Double x) {
            return x == null ? null : unary.operator.applyAsDouble(x);
        }

        @Override
        public String toString() {
            return "PIG_" + unary.name();
        }
    }

    /**
     * ROUND_TO(x, digits[, mode]): {@code BigDecimal.valueOf(x).setScale(digits, mode)} back to a
     * double, mode a {@code BigDecimal.ROUND_*} number, HALF_EVEN by default: ROUND_TO(2.5, 0) is 2.0
     * and ROUND_TO(0.125, 2) is 0.12, where Flink's ROUND gives 3 and 0.13.
     */
    public static final class RoundTo extends ScalarFunction {
        public Double eval(Double x, Integer digits) {
            return eval(x, digits, RoundingMode.HALF_EVEN.ordinal());
        }

        public Double eval(Double x, Integer digits, Integer mode) {
            if (x == null || digits == null || mode == null) {
                return null;
            }
            return BigDecimal.valueOf(x)
                    .setScale(digits, RoundingMode.valueOf(mode))
                    .doubleValue();
        }

        public Float eval(Float x, Integer digits) {
            return eval(x, digits, RoundingMode.HALF_EVEN.ordinal());
        }

        public Float eval(Float x, Integer digits, Integer mode) {
            if (x == null || digits == null || mode == null) {
                return null;
            }
            return BigDecimal.valueOf(x)
                    .setScale(digits, RoundingMode.valueOf(mode))
                    .floatValue();
        }
    }
}
