package dev.ferry.runtime.pigudf;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.CallContext;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;
import org.apache.pig.EvalFunc;

/**
 * {@code PIG_EVAL('com.acme.UrlFilter(''http'')', 'BOOLEAN', x, y)}: calls an unchanged Pig
 * {@code EvalFunc} (a {@code FilterFunc} is one, returning a Boolean) on the input tuple {@code (x, y)}
 * and returns its result as the SQL type the second argument names, which the translation decided
 * from the UDF's declared type. Both leading arguments are literals.
 *
 * <p>The class is instantiated as Pig's {@code PigContext.instantiateFuncFromSpec} does it: the
 * constructor taking as many Strings as the DEFINE gives arguments, else the {@code String...} one;
 * without arguments the no-argument constructor. One instance per spec and function instance, as Pig
 * keeps one per call site and task. An exception of the UDF fails the job, as it fails Pig's task.
 */
public final class PigEval extends ScalarFunction {

    private transient Map<String, EvalFunc<?>> functions;
    private transient Map<String, ArgumentCasts> casts;
    private transient Map<String, LogicalType> types;

    public Object eval(Object... arguments) {
        String spec = (String) arguments[0];
        String type = (String) arguments[1];
        EvalFunc<?> function = function(spec);
        Object result;
        try {
            result = function.exec(casts(spec, function).apply(PigValues.input(arguments, 2)));
        } catch (IOException e) {
            throw new IllegalStateException("the Pig UDF " + spec + " failed: " + e.getMessage(), e);
        }
        return PigValues.fromPig(result, type(type));
    }

    private EvalFunc<?> function(String spec) {
        if (functions == null) {
            functions = new HashMap<>();
        }
        return functions.computeIfAbsent(spec, s -> instantiate(UdfSpec.parse(s)));
    }

    private ArgumentCasts casts(String spec, EvalFunc<?> function) {
        if (casts == null) {
            casts = new HashMap<>();
        }
        return casts.computeIfAbsent(spec, s -> ArgumentCasts.of(function));
    }

    private LogicalType type(String type) {
        if (types == null) {
            types = new HashMap<>();
        }
        return types.computeIfAbsent(type, t -> LogicalTypeParser.parse(t, PigEval.class.getClassLoader()));
    }

    private static EvalFunc<?> instantiate(UdfSpec spec) {
        return spec.instantiate(EvalFunc.class, "a Pig EvalFunc or FilterFunc");
    }

    @Override
    public TypeInference getTypeInference(DataTypeFactory typeFactory) {
        return TypeInference.newBuilder()
                .inputTypeStrategy(InputTypeStrategies.WILDCARD)
                .outputTypeStrategy(PigEval::resultType)
                .build();
    }

    /** The type the second argument names; the first must be a literal spec that parses. */
    private static Optional<DataType> resultType(CallContext call) {
        List<DataType> arguments = call.getArgumentDataTypes();
        if (arguments.size() < 2 || !call.isArgumentLiteral(0) || !call.isArgumentLiteral(1)) {
            throw new ValidationException(
                    "PIG_EVAL takes a literal UDF spec and a literal result type, then the UDF's arguments");
        }
        String spec = call.getArgumentValue(0, String.class).orElseThrow();
        try {
            UdfSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage(), e);
        }
        String type = call.getArgumentValue(1, String.class).orElseThrow();
        return Optional.of(call.getDataTypeFactory().createDataType(type));
    }
}
