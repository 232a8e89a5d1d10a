package dev.ferry.runtime.functions;

import java.util.List;
import java.util.Optional;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.TypeInference;

/**
 * {@code PIG_ROUND(x)}: Pig's ROUND, which is {@code Math.round}: halves go up (-2.5 → -2, Flink's
 * ROUND gives -3) and values beyond the range clamp. A FLOAT rounds to an INT (Pig's FloatRound);
 * everything else goes through double, as Pig's ROUND(double) does, to a BIGINT.
 */
public final class PigRound extends ScalarFunction {

    public Long eval(Double x) {
        return x == null ? null : Math.round(x);
    }

    public Integer eval(Float x) {
        return x == null ? null : Math.round(x);
    }

    @Override
    public TypeInference getTypeInference(DataTypeFactory typeFactory) {
        return TypeInference.newBuilder()
                .inputTypeStrategy(PigNumbers.arguments(1, "PIG_ROUND(<number>)", PigRound::argument))
                .outputTypeStrategy(call -> argument(call.getArgumentDataTypes())
                        .map(types -> types.get(0).equals(PigNumbers.FLOAT.dataType())
                                ? DataTypes.INT()
                                : DataTypes.BIGINT()))
                .build();
    }

    private static Optional<List<DataType>> argument(List<DataType> arguments) {
        return PigNumbers.of(arguments.get(0))
                .map(t -> List.of(t == PigNumbers.FLOAT ? PigNumbers.FLOAT.dataType() : PigNumbers.DOUBLE.dataType()));
    }
}
