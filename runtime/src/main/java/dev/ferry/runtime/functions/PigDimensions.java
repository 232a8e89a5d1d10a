package dev.ferry.runtime.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.CallContext;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.types.Row;

/**
 * Pig's CubeDimensions and RollupDimensions called as functions (the CUBE operator has its own translation): a bag
 * of the argument tuple with dimensions replaced by the "all" marker (null unless a DEFINE gives one), in the order
 * Pig builds it. Pig first turns every null dimension into the chararray {@code unknown}
 * ({@code CubeDimensions.convertNullToUnknown}), so that a null of the data is not the marker; the dimensions are
 * chararrays here (the translation refuses others, where Pig would put that text in a typed field).
 */
public final class PigDimensions {

    private PigDimensions() {}

    /** What Pig 0.18 puts in place of a null dimension. */
    static final String UNKNOWN = "unknown";

    /** The bag each function builds of the dimensions, with {@code marker} (null unless a DEFINE gives one). */
    public enum Shape {
        /** CubeDimensions: every combination of kept and marked dimensions, the last varying fastest. */
        CUBE,
        /** RollupDimensions: the tuple, then the marker put in from the last dimension to the first. */
        ROLLUP;

        Row[] bag(String marker, String[] dimensions) {
            return this == CUBE ? cube(marker, dimensions) : rollup(marker, dimensions);
        }
    }

    /** CubeDimensions(d1, ..., dn) and RollupDimensions(d1, ..., dn): the marker null. */
    public static final class Unmarked extends ScalarFunction {
        private final Shape shape;

        public Unmarked(Shape shape) {
            this.shape = shape;
        }

        public Row[] eval(String... dimensions) {
            return shape.bag(null, dimensions);
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return inference(0);
        }
    }

    /** The same with a DEFINE's marker first: {@code PIG_CUBEDIMENSIONS_MARKED('marker', d1, ..., dn)}. */
    public static final class Marked extends ScalarFunction {
        private final Shape shape;

        public Marked(Shape shape) {
            this.shape = shape;
        }

        public Row[] eval(String marker, String... dimensions) {
            return shape.bag(marker, dimensions);
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return inference(1);
        }
    }

    /** Pig's recursivelyCube: at each index, first the value kept, then the marker. */
    static Row[] cube(String marker, String[] dimensions) {
        String[] input = known(dimensions);
        List<Row> result = new ArrayList<>(1 << input.length);
        cube(result, input, 0, new String[input.length], marker);
        return result.toArray(Row[]::new);
    }

    private static void cube(List<Row> result, String[] input, int index, String[] prefix, String marker) {
        for (String value : new String[] {input[index], marker}) {
            String[] tuple = Arrays.copyOf(prefix, prefix.length);
            tuple[index] = value;
            if (index == input.length - 1) {
                result.add(Row.of((Object[]) tuple));
            } else {
                cube(result, input, index + 1, tuple, marker);
            }
        }
    }

    /** Pig's iterativelyRollup when the CUBE optimisation is off, as for a direct call. */
    static Row[] rollup(String marker, String[] dimensions) {
        String[] tuple = known(dimensions);
        List<Row> result = new ArrayList<>(tuple.length + 1);
        result.add(Row.of((Object[]) tuple.clone()));
        for (int i = tuple.length - 1; i >= 0; i--) {
            tuple[i] = marker;
            result.add(Row.of((Object[]) tuple.clone()));
        }
        return result.toArray(Row[]::new);
    }

    private static String[] known(String[] dimensions) {
        String[] copy = dimensions.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                copy[i] = UNKNOWN;
            }
        }
        return copy;
    }

    /** Chararray dimensions (after {@code literals} leading marker arguments), a bag of tuples of as many. */
    private static TypeInference inference(int literals) {
        return TypeInference.newBuilder()
                .inputTypeStrategy(InputTypeStrategies.WILDCARD)
                .outputTypeStrategy(call -> Optional.of(bag(call, literals)))
                .build();
    }

    private static DataType bag(CallContext call, int literals) {
        List<DataType> types = call.getArgumentDataTypes();
        if (types.size() <= literals) {
            throw new ValidationException("CubeDimensions and RollupDimensions take one dimension or more");
        }
        if (literals == 1 && !call.isArgumentLiteral(0)) {
            throw new ValidationException("the \"all\" marker of CubeDimensions and RollupDimensions is a literal");
        }
        DataTypes.Field[] fields = new DataTypes.Field[types.size() - literals];
        for (int i = literals; i < types.size(); i++) {
            if (!types.get(i).getLogicalType().is(LogicalTypeFamily.CHARACTER_STRING)
                    && !types.get(i).getLogicalType().is(LogicalTypeRoot.NULL)) {
                throw new ValidationException("the dimensions of CubeDimensions and RollupDimensions are chararrays");
            }
            fields[i - literals] = DataTypes.FIELD("f" + (i - literals), DataTypes.STRING());
        }
        return DataTypes.ARRAY(DataTypes.ROW(fields).bridgedTo(Row.class)).bridgedTo(Row[].class);
    }
}
