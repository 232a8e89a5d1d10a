package dev.ferry.runtime.functions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.BinaryOperator;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * Pig's biginteger and bigdecimal. A value travels through the job as the text Pig prints for it
 * ({@code BigInteger.toString()}, {@code BigDecimal.toString()}: {@code 1.50} keeps its scale, {@code 1E+3} its
 * exponent), since Flink's DECIMAL has one precision and scale for a whole column and at most 38 digits where Pig's
 * numbers carry their own scale and any number of digits. Every operation parses the text, computes as Pig does
 * (POCast, Add, Divide, BigDecimalSum...) and prints the result the same way.
 */
public final class PigBigNumbers {

    private PigBigNumbers() {}

    /** The two types, each with its parse (Pig's cast of text: NumberFormatException fails the job, as in Pig). */
    public enum Kind {
        BIGINTEGER,
        BIGDECIMAL;

        Number parse(String text) {
            return this == BIGINTEGER ? new BigInteger(text) : new BigDecimal(text);
        }
    }

    /**
     * {@code PIG_BIGINTEGER(x)}, {@code PIG_BIGDECIMAL(x)}: Pig's cast to the type (POCast). Text (a chararray, or a
     * loaded bytearray as Utf8StorageConverter reads it: an empty field is null) is parsed, and text Java cannot
     * parse fails the job as it fails Pig's; int and long convert exactly; a double or float goes to a biginteger by
     * {@code longValue()} and to a bigdecimal by {@code BigDecimal.valueOf(double)}; a boolean is 1 or 0.
     */
    public static final class Cast extends ScalarFunction {
        private final Kind kind;

        public Cast(Kind kind) {
            this.kind = kind;
        }

        public String eval(String text) {
            return text == null || text.isEmpty() ? null : kind.parse(text).toString();
        }

        public String eval(Integer x) {
            return x == null ? null : String.valueOf(x.longValue());
        }

        public String eval(Long x) {
            return x == null ? null : String.valueOf(x.longValue());
        }

        public String eval(Float x) {
            return x == null ? null : ofDouble(x.doubleValue());
        }

        public String eval(Double x) {
            return x == null ? null : ofDouble(x);
        }

        public String eval(Boolean x) {
            return x == null ? null : x ? "1" : "0";
        }

        private String ofDouble(double x) {
            return kind == Kind.BIGINTEGER
                    ? BigInteger.valueOf((long) x).toString()
                    : BigDecimal.valueOf(x).toString();
        }
    }

    /** {@code PIG_BIGDECIMAL_TO_BIGINTEGER(d)}: Pig's {@code (biginteger)} of a bigdecimal, {@code toBigInteger()}. */
    public static final class DecimalToInteger extends ScalarFunction {
        public String eval(String d) {
            return d == null ? null : new BigDecimal(d).toBigInteger().toString();
        }
    }

    /**
     * {@code PIG_BIG_TO_INT(x)}, {@code _LONG}, {@code _FLOAT}, {@code _DOUBLE}: a biginteger or bigdecimal cast to a
     * Java number as Pig casts it ({@code intValue()}: the low bits of the integer part, as Java narrows).
     */
    public static final class ToInt extends ScalarFunction {
        public Integer eval(String x) {
            return x == null ? null : new BigDecimal(x).intValue();
        }
    }

    /** See {@link ToInt}. */
    public static final class ToLong extends ScalarFunction {
        public Long eval(String x) {
            return x == null ? null : new BigDecimal(x).longValue();
        }
    }

    /** See {@link ToInt}. */
    public static final class ToFloat extends ScalarFunction {
        public Float eval(String x) {
            return x == null ? null : new BigDecimal(x).floatValue();
        }
    }

    /** See {@link ToInt}. */
    public static final class ToDouble extends ScalarFunction {
        public Double eval(String x) {
            return x == null ? null : new BigDecimal(x).doubleValue();
        }
    }

    /** Pig's arithmetic operators on two values of one kind (the type checker casts the other operand first). */
    public enum Operator {
        ADD(BigInteger::add, BigDecimal::add),
        SUBTRACT(BigInteger::subtract, BigDecimal::subtract),
        MULTIPLY(BigInteger::multiply, BigDecimal::multiply),
        // Divide: null for a zero divisor (BigInteger.ZERO.equals, BigDecimal.ZERO.equals: 0.0 is no such zero and
        // fails the job, as in Pig); a bigdecimal quotient has scale max(6, a.scale + b.precision + 1), HALF_UP.
        DIVIDE(
                BigInteger::divide,
                (a, b) -> a.divide(b, Math.max(6, a.scale() + b.precision() + 1), RoundingMode.HALF_UP)),
        // Mod of bigintegers is BigInteger.mod (never negative: -7 % 5 is 3); Pig's type checker refuses bigdecimals.
        MODULO(BigInteger::mod, null);

        private final BinaryOperator<BigInteger> integers;
        private final BinaryOperator<BigDecimal> decimals;

        Operator(BinaryOperator<BigInteger> integers, BinaryOperator<BigDecimal> decimals) {
            this.integers = integers;
            this.decimals = decimals;
        }

        /** Whether Pig has this operator for the kind. */
        public boolean appliesTo(Kind kind) {
            return kind == Kind.BIGINTEGER || decimals != null;
        }
    }

    /** {@code PIG_BIGINTEGER_ADD(a, b)} ... {@code PIG_BIGDECIMAL_DIVIDE(a, b)}: null when an operand is null. */
    public static final class Arithmetic extends ScalarFunction {
        private final Kind kind;
        private final Operator operator;

        public Arithmetic(Kind kind, Operator operator) {
            this.kind = kind;
            this.operator = operator;
        }

        public String eval(String a, String b) {
            if (a == null || b == null) {
                return null;
            }
            if (kind == Kind.BIGINTEGER) {
                BigInteger divisor = new BigInteger(b);
                if (operator == Operator.DIVIDE && BigInteger.ZERO.equals(divisor)) {
                    return null;
                }
                return operator.integers.apply(new BigInteger(a), divisor).toString();
            }
            BigDecimal divisor = new BigDecimal(b);
            if (operator == Operator.DIVIDE && BigDecimal.ZERO.equals(divisor)) {
                return null;
            }
            return operator.decimals.apply(new BigDecimal(a), divisor).toString();
        }
    }

    /** {@code PIG_BIG_NEGATE(x)}: Pig's {@code -x} (a bigdecimal zero has no sign: -0.000 is 0.000). */
    public static final class Negate extends ScalarFunction {
        public String eval(String x) {
            return x == null ? null : new BigDecimal(x).negate().toString();
        }
    }

    /**
     * {@code PIG_BIG_COMPARE(a, b)}: {@code compareTo}, as Pig's comparison operators use it (1.5 == 1.50 holds);
     * null when an operand is null, so that the comparison is null as in Pig.
     */
    public static final class Compare extends ScalarFunction {
        public Integer eval(String a, String b) {
            return a == null || b == null ? null : new BigDecimal(a).compareTo(new BigDecimal(b));
        }
    }

    /**
     * {@code PIG_BIG_SORT_KEY(x)}: text that sorts as the numbers do (an ORDER BY key): a sign class, the decimal
     * exponent and the digits without trailing zeros, complemented for negative numbers and closed by {@code ~}
     * there so that a shorter negative (-1) sorts after a longer one (-1.5). Equal numbers (1.5, 1.50) get one key.
     */
    public static final class SortKey extends ScalarFunction {
        private static final long EXPONENT_OFFSET = 1L << 32;

        public String eval(String x) {
            if (x == null) {
                return null;
            }
            BigDecimal value = new BigDecimal(x);
            if (value.signum() == 0) {
                return "1";
            }
            BigDecimal magnitude = value.abs().stripTrailingZeros();
            long exponent = (long) magnitude.precision() - magnitude.scale() + EXPONENT_OFFSET;
            String digits = magnitude.unscaledValue().toString();
            if (value.signum() > 0) {
                return "2" + String.format("%011d", exponent) + digits;
            }
            StringBuilder key = new StringBuilder("0").append(String.format("%011d", 2 * EXPONENT_OFFSET - exponent));
            for (int i = 0; i < digits.length(); i++) {
                key.append((char) ('9' - digits.charAt(i) + '0'));
            }
            return key.append('~').toString();
        }
    }

    /** The accumulator of the aggregates: the running value as Pig prints it, and the count of non-null values. */
    public static final class Accumulator {
        public String value;
        public long count;
    }

    /** A Pig aggregate of biginteger or bigdecimal values: nulls skipped, null when every value is null. */
    private abstract static class Aggregate extends AggregateFunction<String, Accumulator> {
        @Override
        public Accumulator createAccumulator() {
            return new Accumulator();
        }

        public void accumulate(Accumulator acc, String x) {
            if (x != null) {
                acc.value = acc.value == null ? x : combine(acc.value, x);
                acc.count++;
            }
        }

        public void merge(Accumulator acc, Iterable<Accumulator> others) {
            for (Accumulator other : others) {
                if (other.value != null) {
                    acc.value = acc.value == null ? other.value : combine(acc.value, other.value);
                    acc.count += other.count;
                }
            }
        }

        static BigDecimal number(String text) {
            return new BigDecimal(text);
        }

        abstract String combine(String a, String b);
    }

    /**
     * {@code PIG_BIG_SUM(x)}: BigIntegerSum and BigDecimalSum, {@code add} from Pig's seed {@code BigDecimal.ZERO}: a
     * bigdecimal sum has the largest scale of its values and at least 0 (SUM of 1E+3 is 1000).
     */
    public static final class Sum extends Aggregate {
        @Override
        String combine(String a, String b) {
            return number(a).add(number(b)).toString();
        }

        @Override
        public String getValue(Accumulator acc) {
            return acc.value == null ? null : seeded(acc.value).toString();
        }
    }

    /** The sum added to Pig's seed, BigDecimal.ZERO (scale 0). */
    private static BigDecimal seeded(String sum) {
        return BigDecimal.ZERO.add(Aggregate.number(sum));
    }

    /** {@code PIG_BIG_MIN(x)}: BigIntegerMin and BigDecimalMin ({@code min}: the first of equal values kept). */
    public static final class Min extends Aggregate {
        @Override
        String combine(String a, String b) {
            return number(b).compareTo(number(a)) < 0 ? b : a;
        }

        @Override
        public String getValue(Accumulator acc) {
            return acc.value;
        }
    }

    /** {@code PIG_BIG_MAX(x)}: BigIntegerMax and BigDecimalMax. */
    public static final class Max extends Aggregate {
        @Override
        String combine(String a, String b) {
            return number(b).compareTo(number(a)) > 0 ? b : a;
        }

        @Override
        public String getValue(Accumulator acc) {
            return acc.value;
        }
    }

    /**
     * {@code PIG_BIG_AVG(x)}: BigIntegerAvg and BigDecimalAvg, the sum (from ZERO, as {@link Sum}) divided by the count
     * in {@code MathContext.DECIMAL128} (34 digits); a bigdecimal either way.
     */
    public static final class Avg extends Aggregate {
        @Override
        String combine(String a, String b) {
            return number(a).add(number(b)).toString();
        }

        @Override
        public String getValue(Accumulator acc) {
            return acc.value == null
                    ? null
                    : seeded(acc.value)
                            .divide(BigDecimal.valueOf(acc.count), MathContext.DECIMAL128)
                            .toString();
        }
    }
}
