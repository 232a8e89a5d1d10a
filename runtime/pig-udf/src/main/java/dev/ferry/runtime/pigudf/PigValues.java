package dev.ferry.runtime.pigudf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;
import org.apache.pig.backend.executionengine.ExecException;
import org.apache.pig.data.BagFactory;
import org.apache.pig.data.DataBag;
import org.apache.pig.data.DataByteArray;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.joda.time.DateTime;

/**
 * Flink values as Pig's own objects and back, in the runtime's mapping of Pig's types: a tuple is a
 * ROW, a bag an ARRAY of ROWs, a map a MAP with string keys, a chararray a STRING, a bytearray BYTES
 * on the way in (the translation casts it) and STRING on the way out (its text, as a LOAD keeps it),
 * a datetime a TIMESTAMP_LTZ on the way in and STRING on the way out (DateTime.toString(), the translation's form).
 */
final class PigValues {

    private PigValues() {}

    /** A Flink argument as the object Pig's loaders and operators would pass the UDF. */
    static Object toPig(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new DataByteArray(bytes);
        }
        if (value instanceof Row row) {
            return tuple(row);
        }
        if (value instanceof Object[] elements) {
            DataBag bag = BagFactory.getInstance().newDefaultBag();
            for (Object element : elements) {
                bag.add(element instanceof Row row ? tuple(row) : tupleOf(List.of(toPig(element))));
            }
            return bag;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> pig = new HashMap<>();
            map.forEach((k, v) -> pig.put(String.valueOf(k), toPig(v)));
            return pig;
        }
        if (value instanceof Instant instant) {
            return new DateTime(instant.toEpochMilli());
        }
        return value; // String, Integer, Long, Float, Double, Boolean, BigDecimal: the same classes in Pig
    }

    /** The arguments of one call as the input tuple Pig gives {@code exec}. */
    static Tuple input(Object[] arguments, int from) {
        List<Object> fields = new ArrayList<>();
        for (int i = from; i < arguments.length; i++) {
            fields.add(toPig(arguments[i]));
        }
        return tupleOf(fields);
    }

    private static Tuple tuple(Row row) {
        List<Object> fields = new ArrayList<>();
        for (int i = 0; i < row.getArity(); i++) {
            fields.add(toPig(row.getField(i)));
        }
        return tupleOf(fields);
    }

    private static Tuple tupleOf(List<Object> fields) {
        return TupleFactory.getInstance().newTuple(fields);
    }

    /**
     * What the UDF returned, as a Flink value of {@code type}. A value of another class than the type
     * wants fails the job, naming both, as Pig fails where the declared type and the value disagree.
     */
    static Object fromPig(Object value, LogicalType type) {
        if (value == null) {
            return null;
        }
        try {
            return switch (type.getTypeRoot()) {
                case CHAR, VARCHAR -> text(value);
                case BINARY, VARBINARY -> ((DataByteArray) value).get();
                case INTEGER -> (Integer) value;
                case BIGINT -> (Long) value;
                case FLOAT -> (Float) value;
                case DOUBLE -> (Double) value;
                case BOOLEAN -> (Boolean) value;
                case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Instant.ofEpochMilli(((DateTime) value).getMillis());
                case ROW -> row((Tuple) value, (RowType) type);
                case ARRAY -> bag((DataBag) value, ((ArrayType) type).getElementType());
                case MAP -> map((Map<?, ?>) value, ((MapType) type).getValueType());
                default -> throw new IllegalArgumentException("PIG_EVAL: no conversion to " + type);
            };
        } catch (ClassCastException e) {
            throw new IllegalStateException(
                    "the UDF returned a " + value.getClass().getName() + " where " + type + " was expected", e);
        }
    }

    /**
     * A chararray, or a bytearray as the runtime keeps it (its text). A UDF whose type is unknown (read as a
     * bytearray) may return a number or boolean: PigStorage writes its toString, and so is it kept here.
     */
    private static String text(Object value) {
        if (value instanceof DataByteArray bytes) {
            return bytes.toString();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof DateTime) {
            return value.toString(); // a datetime column holds DateTime.toString(), its instant and offset
        }
        return (String) value;
    }

    /** A tuple of more fields than the type has fails the job: nothing the UDF returned is dropped silently. */
    private static Row row(Tuple tuple, RowType type) {
        if (tuple.size() > type.getFieldCount()) {
            throw new IllegalStateException("the UDF returned a tuple of " + tuple.size() + " fields where "
                    + type.getFieldCount() + " (" + type + ") were expected: " + tuple);
        }
        Row row = new Row(type.getFieldCount());
        for (int i = 0; i < type.getFieldCount() && i < tuple.size(); i++) {
            row.setField(i, fromPig(field(tuple, i), type.getTypeAt(i)));
        }
        return row;
    }

    /** A bag is an ARRAY of ROWs, the runtime's one form of a bag. */
    private static Row[] bag(DataBag bag, LogicalType element) {
        if (!(element instanceof RowType rowType)) {
            throw new IllegalArgumentException("PIG_EVAL: a bag is an ARRAY of ROWs, not of " + element);
        }
        List<Row> rows = new ArrayList<>();
        for (Tuple tuple : bag) {
            rows.add(row(tuple, rowType));
        }
        return rows.toArray(Row[]::new);
    }

    private static Map<String, Object> map(Map<?, ?> map, LogicalType valueType) {
        Map<String, Object> flink = new HashMap<>();
        map.forEach((k, v) -> flink.put(String.valueOf(k), fromPig(v, valueType)));
        return flink;
    }

    private static Object field(Tuple tuple, int i) {
        try {
            return tuple.get(i);
        } catch (ExecException e) {
            throw new IllegalStateException(e);
        }
    }
}
