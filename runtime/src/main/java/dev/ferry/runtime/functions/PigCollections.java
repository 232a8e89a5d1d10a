package dev.ferry.runtime.functions;

import java.lang.reflect.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.functions.SpecializedFunction;
import org.apache.flink.table.functions.UserDefinedFunction;
import org.apache.flink.table.types.CollectionDataType;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeUtils;
import org.apache.flink.types.Row;

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

    /**
     * A map as JsonStorage writes it ({@code writeStringField(key, value.toString())}): each value's text (a null
     * stays null), the entries in the order of Pig's HashMap, filled one entry at a time in the map's order.
     */
    @FunctionHint(output = @DataTypeHint("MAP<STRING, STRING>"))
    public static final class JsonMap extends ScalarFunction {
        public Map<String, String> eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object map) {
            if (!(map instanceof Map<?, ?> m)) {
                return null;
            }
            Map<String, String> pig = new HashMap<>();
            m.forEach((key, value) -> pig.put(
                    key == null ? null : key.toString(),
                    value == null
                            ? null
                            : value instanceof byte[] bytes
                                    ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                                    : value.toString()));
            return new java.util.LinkedHashMap<>(pig);
        }
    }

    /** VALUELIST(map): a bag of the values, in HashMap order; typed after the map's values. */
    public static final class ValueList extends ScalarFunction {
        public Row[] eval(Map<?, ?> map) {
            return map == null
                    ? null
                    : PigBags.ofValues(new HashMap<>(map).values().toArray());
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
                    .inputTypeStrategy(
                            InputTypeStrategies.varyingSequence(InputTypeStrategies.ANY, InputTypeStrategies.ANY))
                    .outputTypeStrategy(call ->
                            Optional.of(bagOf(call.getArgumentDataTypes().get(0))))
                    .build();
        }
    }

    /**
     * An array of values (an ORC file's array of a scalar, as Pig's OrcStorage reads it): a bag with one one-field
     * tuple per value, in order; a null array is null.
     */
    public static final class ArrayToBag extends ScalarFunction {
        public Row[] eval(Object[] values) {
            return values == null ? null : PigBags.ofValues(values);
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.sequence(InputTypeStrategies.logical(LogicalTypeRoot.ARRAY)))
                    .outputTypeStrategy(call -> Optional.of(bagOf(
                            ((CollectionDataType) call.getArgumentDataTypes().get(0)).getElementDataType())))
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
            PriorityQueue<Row> store =
                    new PriorityQueue<>(n + 1, (a, b) -> compare(a.getField(field), b.getField(field)));
            for (Row tuple : bag) {
                store.add(tuple);
                if (store.size() > n) {
                    store.poll();
                }
            }
            return store.toArray(Row[]::new);
        }

        /** Pig's DataType.compare: a null field is below every value. */
        private static int compare(Object a, Object b) {
            return PigBagSort.compare(a, b);
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.sequence(
                            InputTypeStrategies.explicit(DataTypes.INT()),
                            InputTypeStrategies.explicit(DataTypes.INT()),
                            InputTypeStrategies.logical(LogicalTypeRoot.ARRAY)))
                    .outputTypeStrategy(
                            call -> Optional.of(call.getArgumentDataTypes().get(2)))
                    .build();
        }
    }

    /** VALUESET(map): a bag of the distinct values, in the HashMap order of the map's values. */
    public static final class ValueSet extends ScalarFunction {
        public Row[] eval(Map<?, ?> map) {
            return map == null ? null : PigBags.ofValues(new LinkedHashSet<>(new HashMap<>(map).values()).toArray());
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return new ValueList().getTypeInference(typeFactory);
        }
    }

    /**
     * DIFF(a, b): of two bags, the tuples of each that the other lacks, each bag's in the iteration
     * order of the {@code java.util.HashSet} Pig fills (so the bag is written in Pig's order); of two
     * other values, an empty bag when they are equal, else {@code {(a),(b)}}. Pig's class fails the job
     * on a null argument; here the answer is null.
     */
    public static final class Diff extends ScalarFunction {
        public Row[] eval(Object a, Object b) {
            if (a == null || b == null) {
                return null;
            }
            if (a instanceof Row[] first && b instanceof Row[] second) {
                Set<PigTupleKey> one = PigTupleKey.setOf(first);
                Set<PigTupleKey> two = PigTupleKey.setOf(second);
                List<Row> out = new ArrayList<>();
                one.stream().filter(t -> !two.contains(t)).forEach(t -> out.add(t.tuple()));
                two.stream().filter(t -> !one.contains(t)).forEach(t -> out.add(t.tuple()));
                return out.toArray(Row[]::new);
            }
            return a.equals(b) ? new Row[0] : new Row[] {Row.of(a), Row.of(b)};
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.sequence(InputTypeStrategies.ANY, InputTypeStrategies.ANY))
                    .outputTypeStrategy(call -> {
                        DataType first = call.getArgumentDataTypes().get(0);
                        return Optional.of(isBag(first) ? first : bagOf(first));
                    })
                    .build();
        }
    }

    /**
     * INVERSEMAP(map): each value's text to the bag of the keys holding it, walking the map in
     * HashMap order as Pig's class does. Pig fails the job on a null value; here the answer is null.
     */
    @FunctionHint(output = @DataTypeHint("MAP<STRING, ARRAY<ROW<key STRING>>>"))
    public static final class InverseMap extends ScalarFunction {
        public Map<String, Row[]> eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object map) {
            if (!(map instanceof Map<?, ?> m)) {
                return null;
            }
            Map<String, List<Row>> inverse = new HashMap<>();
            for (Map.Entry<?, ?> entry : new HashMap<>(m).entrySet()) {
                if (entry.getValue() == null) {
                    return null;
                }
                inverse.computeIfAbsent(entry.getValue().toString(), v -> new ArrayList<>())
                        .add(Row.of(entry.getKey()));
            }
            Map<String, Row[]> out = new HashMap<>();
            inverse.forEach((value, keys) -> out.put(value, keys.toArray(Row[]::new)));
            return out;
        }
    }

    /**
     * SUBTRACT(a, b): the distinct tuples of a that b lacks, in the iteration order of the
     * {@code java.util.HashSet} Pig fills from a; a null bag counts as empty, as in Pig.
     */
    public static final class Subtract extends ScalarFunction {
        public Row[] eval(Row[] a, Row[] b) {
            Set<PigTupleKey> left = PigTupleKey.setOf(a == null ? new Row[0] : a);
            for (Row tuple : b == null ? new Row[0] : b) {
                left.remove(new PigTupleKey(tuple));
            }
            return left.stream().map(PigTupleKey::tuple).toArray(Row[]::new);
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.sequence(
                            InputTypeStrategies.logical(LogicalTypeRoot.ARRAY),
                            InputTypeStrategies.logical(LogicalTypeRoot.ARRAY)))
                    .outputTypeStrategy(
                            call -> Optional.of(call.getArgumentDataTypes().get(0)))
                    .build();
        }
    }

    /**
     * Distinct(bag): the distinct tuples, sorted as Pig's DistinctDataBag iterates them (Tuple.compareTo: fewer
     * fields first, then field by field, a null before any value); a null bag gives an empty bag, as in Pig.
     */
    public static final class Distinct extends ScalarFunction {
        public Row[] eval(Row[] bag) {
            if (bag == null) {
                return new Row[0];
            }
            return PigTupleKey.setOf(bag).stream()
                    .map(PigTupleKey::tuple)
                    .sorted(Distinct::compareTuples)
                    .toArray(Row[]::new);
        }

        private static int compareTuples(Row a, Row b) {
            if (a.getArity() != b.getArity()) {
                return Integer.compare(a.getArity(), b.getArity());
            }
            for (int i = 0; i < a.getArity(); i++) {
                int c = compareFields(a.getField(i), b.getField(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compareFields(Object a, Object b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            if (a instanceof Row ra && b instanceof Row rb) {
                return compareTuples(ra, rb);
            }
            if (a instanceof Comparable) {
                return ((Comparable) a).compareTo(b);
            }
            throw new ValidationException(
                    "PIG_DISTINCT of tuples holding a " + a.getClass().getSimpleName());
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.sequence(InputTypeStrategies.logical(LogicalTypeRoot.ARRAY)))
                    .outputTypeStrategy(
                            call -> Optional.of(call.getArgumentDataTypes().get(0)))
                    .build();
        }
    }

    /**
     * BagToTuple(bag): every field of every tuple, in order, as one tuple (of unknown arity: an ARRAY
     * of the fields' type, so the fields of the bag's tuples must share one atomic type). The result
     * is built in Flink's internal form, as the element class is known only to the planner.
     */
    public static final class BagToTuple extends ScalarFunction implements SpecializedFunction {
        private final Class<?> element;

        public BagToTuple() {
            this(Object.class);
        }

        /** @param element the internal class of the fields: the array is typed, as Flink's converters cast it */
        private BagToTuple(Class<?> element) {
            this.element = element;
        }

        @Override
        public UserDefinedFunction specialize(SpecializedContext context) {
            DataType out = context.getCallContext().getOutputDataType().orElseThrow();
            return new BagToTuple(
                    LogicalTypeUtils.toInternalConversionClass(((ArrayType) out.getLogicalType()).getElementType()));
        }

        private static final Set<LogicalTypeRoot> ATOMIC = Set.of(
                LogicalTypeRoot.CHAR,
                LogicalTypeRoot.VARCHAR,
                LogicalTypeRoot.BOOLEAN,
                LogicalTypeRoot.TINYINT,
                LogicalTypeRoot.SMALLINT,
                LogicalTypeRoot.INTEGER,
                LogicalTypeRoot.BIGINT,
                LogicalTypeRoot.FLOAT,
                LogicalTypeRoot.DOUBLE,
                LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

        public ArrayData eval(Row[] bag) {
            if (bag == null) {
                return null;
            }
            List<Object> fields = new ArrayList<>();
            for (Row tuple : bag) {
                if (tuple != null) {
                    for (int i = 0; i < tuple.getArity(); i++) {
                        fields.add(internal(tuple.getField(i)));
                    }
                }
            }
            return new GenericArrayData(fields.toArray((Object[]) Array.newInstance(element, 0)));
        }

        private static Object internal(Object value) {
            if (value instanceof String s) {
                return StringData.fromString(s);
            }
            if (value instanceof Instant instant) {
                return TimestampData.fromInstant(instant);
            }
            return value;
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.sequence(InputTypeStrategies.logical(LogicalTypeRoot.ARRAY)))
                    .outputTypeStrategy(call -> {
                        LogicalType element =
                                ((ArrayType) call.getArgumentDataTypes().get(0).getLogicalType()).getElementType();
                        List<LogicalType> fields =
                                element instanceof RowType row ? row.getChildren() : List.of(element);
                        Set<LogicalType> types = new LinkedHashSet<>();
                        fields.forEach(f -> types.add(f.copy(true)));
                        LogicalType field = types.iterator().next();
                        if (types.size() != 1 || !ATOMIC.contains(field.getTypeRoot())) {
                            throw new ValidationException("BagToTuple: the fields of the bag's tuples are " + types
                                    + "; a tuple of unknown arity is an ARRAY of one atomic type here");
                        }
                        return Optional.of(DataTypes.ARRAY(DataTypes.of(field)).bridgedTo(ArrayData.class));
                    })
                    .build();
        }
    }

    /**
     * {@code bag.field}, {@code bag.$n} and {@code bag.(a, $2)} of a bag value: Pig's projection, a bag of tuples
     * holding those fields of each tuple (nulls for a null tuple), in the bag's order; a null bag is null. The
     * field positions are literals.
     */
    public static final class BagProject extends ScalarFunction {

        public Row[] eval(Row[] bag, Integer... indexes) {
            if (bag == null) {
                return null;
            }
            Row[] projected = new Row[bag.length];
            for (int i = 0; i < bag.length; i++) {
                Row tuple = new Row(indexes.length);
                for (int f = 0; f < indexes.length; f++) {
                    tuple.setField(f, bag[i] == null ? null : bag[i].getField(indexes[f]));
                }
                projected[i] = tuple;
            }
            return projected;
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            return TypeInference.newBuilder()
                    .inputTypeStrategy(InputTypeStrategies.varyingSequence(
                            InputTypeStrategies.logical(LogicalTypeRoot.ARRAY),
                            InputTypeStrategies.and(
                                    InputTypeStrategies.LITERAL, InputTypeStrategies.logical(LogicalTypeRoot.INTEGER))))
                    .outputTypeStrategy(call -> {
                        if (!(call.getArgumentDataTypes().get(0).getLogicalType() instanceof ArrayType array)
                                || !(array.getElementType() instanceof RowType row)) {
                            throw new ValidationException("BagProject: the first argument is not a bag (ARRAY of ROW)");
                        }
                        List<DataTypes.Field> fields = new ArrayList<>();
                        for (int a = 1; a < call.getArgumentDataTypes().size(); a++) {
                            int index = call.getArgumentValue(a, Integer.class).orElseThrow();
                            if (index < 0 || index >= row.getFieldCount()) {
                                throw new ValidationException("BagProject: the bag's tuples have " + row.getFieldCount()
                                        + " fields, not $" + index);
                            }
                            RowType.RowField field = row.getFields().get(index);
                            fields.add(DataTypes.FIELD(
                                    field.getName() + (fields.size() == 0 ? "" : "_" + fields.size()),
                                    DataTypes.of(field.getType().copy(true))));
                        }
                        return Optional.of(DataTypes.ARRAY(DataTypes.ROW(fields.toArray(DataTypes.Field[]::new))));
                    })
                    .build();
        }
    }

    private static boolean isBag(DataType type) {
        return type.getLogicalType() instanceof ArrayType array
                && array.getElementType().getTypeRoot() == LogicalTypeRoot.ROW;
    }

    static DataType bagOf(DataType element) {
        return DataTypes.ARRAY(
                        DataTypes.ROW(DataTypes.FIELD("f0", element.nullable())).bridgedTo(Row.class))
                .bridgedTo(Row[].class);
    }
}
