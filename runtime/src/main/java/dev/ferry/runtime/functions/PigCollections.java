package dev.ferry.runtime.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.types.Row;

import java.lang.reflect.Array;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Pig's bag, tuple and map builtins over Flink's forms of them: a bag is an ARRAY of ROWs, a tuple a
 * ROW (or an ARRAY of scalars when its arity is unknown), a map a MAP with string keys. Pig's maps
 * are HashMaps, so what walks a map walks it in {@code java.util.HashMap} order.
 */
public final class PigCollections {

    private PigCollections() {}

    /**
     * SIZE(x): characters of a chararray, bytes of a bytearray, tuples of a bag, entries of a map,
     * fields of a tuple, 1 for a number or boolean.
     */
    public static final class Size extends ScalarFunction {
        public Long eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object x) {
            if (x == null) {
                return null;
            }
            if (x instanceof String s) {
                return (long) s.length();
            }
            if (x instanceof Map<?, ?> m) {
                return (long) m.size();
            }
            if (x instanceof Row r) {
                return (long) r.getArity();
            }
            if (x.getClass().isArray()) {
                return (long) Array.getLength(x);
            }
            return 1L;
        }
    }

    /** IsEmpty(bag or map). */
    public static final class IsEmpty extends ScalarFunction {
        public Boolean eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object x) {
            if (x == null) {
                return null;
            }
            if (x instanceof Map<?, ?> m) {
                return m.isEmpty();
            }
            return x.getClass().isArray() ? Array.getLength(x) == 0 : null;
        }
    }

    /** BagToString(bag[, delimiter]): every field of every tuple, in order, joined by '_' or the delimiter. */
    public static final class BagToString extends ScalarFunction {
        public String eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object bag) {
            return eval(bag, "_");
        }

        public String eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object bag, String delimiter) {
            if (bag == null || delimiter == null || !(bag instanceof Row[] tuples)) {
                return null;
            }
            StringBuilder out = new StringBuilder();
            boolean first = true;
            for (Row tuple : tuples) {
                for (int i = 0; i < tuple.getArity(); i++) {
                    if (!first) {
                        out.append(delimiter);
                    }
                    first = false;
                    Object field = tuple.getField(i);
                    out.append(field);
                }
            }
            return out.toString();
        }
    }

    /** KEYSET(map): a bag of the keys, in HashMap order. */
    @FunctionHint(output = @DataTypeHint("ARRAY<ROW<key STRING>>"))
    public static final class KeySet extends ScalarFunction {
        public Row[] eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object map) {
            if (!(map instanceof Map<?, ?> m)) {
                return null;
            }
            return PigBags.ofValues(new HashMap<>(m).keySet().toArray());
        }
    }

    /** VALUELIST(map): a bag of the values, in HashMap order; typed after the map's values. */
    public static final class ValueList extends ScalarFunction {
        public Row[] eval(Map<?, ?> map) {
            return map == null ? null : PigBags.ofValues(new HashMap<>(map).values().toArray());
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.sequence(InputTypeStrategies.logical(LogicalTypeRoot.MAP)))
                    .outputTypeStrategy(call -> {
                        DataType map = call.getArgumentDataTypes().get(0);
                        DataType value = DataTypes.of(((MapType) map.getLogicalType()).getValueType());
                        return Optional.of(bagOf(value));
                    })
                    .build();
        }
    }

    /** TOBAG(a, b, ...): a bag with one one-field tuple per argument; the arguments share a type. */
    public static final class ToBag extends ScalarFunction {
        public Row[] eval(Object... values) {
            return PigBags.ofValues(values);
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.varyingSequence(InputTypeStrategies.ANY, InputTypeStrategies.ANY))
                    .outputTypeStrategy(call -> Optional.of(bagOf(call.getArgumentDataTypes().get(0))))
                    .build();
        }
    }

    /**
     * TOP(n, field, bag): the n tuples with the largest {@code field}, in the iteration order of the
     * {@code java.util.PriorityQueue} Pig's TOP fills (add each tuple, poll the smallest past n), so
     * the bag comes out in the order Pig writes it.
     */
    public static final class Top extends ScalarFunction {
        public Row[] eval(Integer n, Integer field, Row[] bag) {
            if (n == null || field == null || bag == null) {
                return null;
            }
            PriorityQueue<Row> store = new PriorityQueue<>(n + 1, (a, b) -> compare(a.getField(field), b.getField(field)));
            for (Row tuple : bag) {
                store.add(tuple);
                if (store.size() > n) {
                    store.poll();
                }
            }
            return store.toArray(Row[]::new);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compare(Object a, Object b) {
            return ((Comparable) a).compareTo(b);
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.sequence(
                            InputTypeStrategies.explicit(DataTypes.INT()), InputTypeStrategies.explicit(DataTypes.INT()),
                            InputTypeStrategies.logical(LogicalTypeRoot.ARRAY)))
                    .outputTypeStrategy(call -> Optional.of(call.getArgumentDataTypes().get(2)))
                    .build();
        }
    }

    static DataType bagOf(DataType element) {
        return DataTypes.ARRAY(DataTypes.ROW(DataTypes.FIELD("f0", element.nullable())).bridgedTo(Row.class))
                .bridgedTo(Row[].class);
    }
}
