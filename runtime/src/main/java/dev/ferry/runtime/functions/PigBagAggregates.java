package dev.ferry.runtime.functions;

import java.util.Optional;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;

/**
 * Pig's aggregates applied to a bag value (an ARRAY of ROWs: a bag built in the same FOREACH, or a
 * grouped bag materialized for a nested FOREACH), as Pig's classes compute them on the first field:
 * COUNT skips tuples whose first field is null, COUNT_STAR counts every tuple; SUM, AVG, MIN and MAX
 * skip nulls and give null for a bag with no values; SUM of an int or long is a long, of a float or
 * double a double; AVG is a double; MIN and MAX keep the type.
 */
public final class PigBagAggregates {

    private PigBagAggregates() {}

    /** One aggregate of {@link PigBagAggregates}. */
    public enum Kind {
        COUNT,
        COUNT_STAR,
        SUM,
        AVG,
        MIN,
        MAX;

        public ScalarFunction function() {
            return new BagAggregate(this);
        }
    }

    /** One {@link Kind} over a bag. */
    public static final class BagAggregate extends ScalarFunction {
        private final Kind kind;

        BagAggregate(Kind kind) {
            this.kind = kind;
        }

        public Object eval(Row[] bag) {
            if (bag == null) {
                return null;
            }
            long count = 0;
            long longSum = 0;
            double doubleSum = 0;
            boolean integral = true;
            Object best = null;
            for (Row tuple : bag) {
                Object value = tuple == null || tuple.getArity() == 0 ? null : tuple.getField(0);
                if (kind == Kind.COUNT_STAR || value != null) {
                    count++;
                }
                if (value == null) {
                    continue;
                }
                if (value instanceof Number n) {
                    if (value instanceof Integer || value instanceof Long) {
                        longSum += n.longValue();
                    } else {
                        integral = false;
                    }
                    doubleSum += n.doubleValue();
                }
                if (best == null || (kind == Kind.MIN ? compare(value, best) < 0 : compare(value, best) > 0)) {
                    best = value;
                }
            }
            return switch (kind) {
                case COUNT, COUNT_STAR -> count;
                case SUM -> count == 0 ? null : integral ? (Object) longSum : (Object) doubleSum;
                case AVG -> count == 0 ? null : (integral ? (double) longSum : doubleSum) / count;
                case MIN, MAX -> best;
            };
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compare(Object a, Object b) {
            return ((Comparable) a).compareTo(b);
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.sequence(InputTypeStrategies.logical(LogicalTypeRoot.ARRAY)))
                    .outputTypeStrategy(call ->
                            Optional.of(result(call.getArgumentDataTypes().get(0))))
                    .build();
        }

        private DataType result(DataType bag) {
            LogicalType element = ((ArrayType) bag.getLogicalType()).getElementType();
            LogicalType first = element instanceof RowType row ? row.getTypeAt(0) : element;
            boolean integral =
                    first.getTypeRoot() == LogicalTypeRoot.INTEGER || first.getTypeRoot() == LogicalTypeRoot.BIGINT;
            DataType out = switch (kind) {
                case COUNT, COUNT_STAR -> DataTypes.BIGINT();
                case SUM -> integral ? DataTypes.BIGINT() : DataTypes.DOUBLE();
                case AVG -> DataTypes.DOUBLE();
                case MIN, MAX -> DataTypes.of(first);
            };
            return out.nullable().bridgedTo(out.getConversionClass());
        }
    }
}
