package dev.ferry.runtime.functions;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.functions.FunctionDefinition;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.ArgumentCount;
import org.apache.flink.table.types.inference.CallContext;
import org.apache.flink.table.types.inference.ConstantArgumentCount;
import org.apache.flink.table.types.inference.InputTypeStrategy;
import org.apache.flink.table.types.inference.Signature;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * Pig's numeric types and its implicit widening: int < long < float < double, and an operator works
 * in the widest type of its operands (Pig's TypeCheckingExpVisitor). Flink's own overload choice for
 * mixed arguments picks differently (PIG_DIVIDE(INT, BIGINT) landed on DOUBLE), so the functions with
 * numeric overloads state their argument types through this instead.
 */
enum PigNumbers {
    INT(DataTypes.INT()),
    LONG(DataTypes.BIGINT()),
    FLOAT(DataTypes.FLOAT()),
    DOUBLE(DataTypes.DOUBLE());

    private final DataType dataType;

    PigNumbers(DataType dataType) {
        this.dataType = dataType;
    }

    DataType dataType() {
        return dataType;
    }

    /**
     * The Pig type of a Flink argument: TINYINT/SMALLINT as int, DECIMAL as double (a Pig literal like
     * 2.5 is a double; Flink types it DECIMAL), NULL as int; empty for anything not numeric.
     */
    static Optional<PigNumbers> of(DataType type) {
        LogicalTypeRoot root = type.getLogicalType().getTypeRoot();
        switch (root) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case NULL:
                return Optional.of(INT);
            case BIGINT:
                return Optional.of(LONG);
            case FLOAT:
                return Optional.of(FLOAT);
            case DOUBLE:
            case DECIMAL:
                return Optional.of(DOUBLE);
            default:
                return Optional.empty();
        }
    }

    /** The widest Pig type among the arguments, or empty if one is not numeric. */
    static Optional<PigNumbers> widest(List<DataType> arguments) {
        PigNumbers widest = INT;
        for (DataType argument : arguments) {
            Optional<PigNumbers> type = of(argument);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            widest = type.get().compareTo(widest) > 0 ? type.get() : widest;
        }
        return Optional.of(widest);
    }

    /**
     * An input strategy for {@code count} numeric arguments that casts each to the type {@code cast}
     * picks for the argument list, or rejects the call naming {@code signature}.
     */
    static InputTypeStrategy arguments(
            int count, String signature, Function<List<DataType>, Optional<List<DataType>>> cast) {
        return new InputTypeStrategy() {
            @Override
            public ArgumentCount getArgumentCount() {
                return ConstantArgumentCount.of(count);
            }

            @Override
            public Optional<List<DataType>> inferInputTypes(CallContext context, boolean throwOnFailure) {
                Optional<List<DataType>> types = cast.apply(context.getArgumentDataTypes());
                return types.isPresent()
                        ? types
                        : context.fail(throwOnFailure, "%s takes numeric arguments: %s", context.getName(), signature);
            }

            @Override
            public List<Signature> getExpectedSignatures(FunctionDefinition definition) {
                return Collections.singletonList(Signature.of(Signature.Argument.of(signature)));
            }
        };
    }
}
