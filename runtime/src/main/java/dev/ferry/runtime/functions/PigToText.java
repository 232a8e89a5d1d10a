package dev.ferry.runtime.functions;

import dev.ferry.runtime.format.PigText;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.data.conversion.DataStructureConverter;
import org.apache.flink.table.data.conversion.DataStructureConverters;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.functions.SpecializedFunction;
import org.apache.flink.table.functions.UserDefinedFunction;
import org.apache.flink.table.types.DataType;

/**
 * PIG_TEXT(x): a bag, tuple, map or datetime as the text PigStorage writes for it ({@code {(a),(b)}},
 * {@code (a,b)}, {@code [k#v]}, joda's {@code DateTime.toString()}), so a STORE can write values whose
 * element types only the planner knows into a text column, byte for byte as Pig does.
 */
public final class PigToText extends ScalarFunction implements SpecializedFunction {

    private final DataType argument;
    private final PigText text;
    private transient DataStructureConverter<Object, Object> converter;

    public PigToText() {
        this(null, null);
    }

    private PigToText(DataType argument, PigText text) {
        this.argument = argument;
        this.text = text;
    }

    @Override
    public UserDefinedFunction specialize(SpecializedContext context) {
        DataType type = context.getCallContext().getArgumentDataTypes().get(0);
        return new PigToText(type, PigText.of(type.getLogicalType()));
    }

    @Override
    public void open(FunctionContext context) {
        converter = DataStructureConverters.getConverter(argument);
        converter.open(context.getUserCodeClassLoader());
    }

    public String eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object value) {
        return value == null ? null : text.text(converter.toInternalOrNull(value));
    }
}
