package dev.ferry.runtime.functions;

import java.util.List;
import java.util.Optional;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.TypeInference;

/**
 * {@code PIG_DIVIDE(a, b)}: Pig's {@code a / b}. Pig's Divide operator yields null (warning
 * DIVIDE_BY_ZERO) when the divisor equals zero, for every numeric type; Flink fails the job for
 * INT/BIGINT and gives Infinity/NaN for FLOAT/DOUBLE. Pig tests {@code Double.equals(0.0)}, so a
 * divisor of -0.0 is not "zero" and still gives -Infinity. Both operands are widened to the wider
 * Pig type first (INT / BIGINT is a BIGINT division); integer division truncates as in Java.
 */
public final class PigDivide extends ScalarFunction {

    public Integer eval(Integer a, Integer b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }

    public Long eval(Long a, Long b) {
        return a == null || b == null || b == 0L ? null : a / b;
    }

    public Float eval(Float a, Float b) {
        return a == null || b == null || b.equals(0.0f) ? null : a / b;
    }

    public Double eval(Double a, Double b) {
        return a == null || b == null || b.equals(0.0) ? null : a / b;
    }

    @Override
    public TypeInference getTypeInference(DataTypeFactory typeFactory) {
        return TypeInference.newBuilder()
                .inputTypeStrategy(PigNumbers.arguments(2, "PIG_DIVIDE(<number>, <number>)", PigDivide::widened))
                .outputTypeStrategy(call -> widened(call.getArgumentDataTypes())
                        .map(types -> types.get(0).nullable()))
                .build();
    }

    private static Optional<List<DataType>> widened(List<DataType> arguments) {
        return PigNumbers.widest(arguments).map(t -> List.of(t.dataType(), t.dataType()));
    }
}
