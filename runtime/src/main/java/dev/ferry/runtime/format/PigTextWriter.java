package dev.ferry.runtime.format;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.joda.time.DateTime;

/**
 * Writes one value of any column type in Pig's text form, as {@code StorageUtil.putField} does:
 * scalars through {@link PigFieldType}; a ROW is a tuple {@code (a,b)}; an ARRAY of ROWs is a bag
 * {@code {(a),(b)}}; an ARRAY of scalars is a tuple of unknown arity (what STRSPLIT and
 * REGEX_EXTRACT_ALL return); a MAP is {@code [k#v,k#v]} in {@code java.util.HashMap} order, as Pig's
 * maps are HashMaps; a TIMESTAMP_LTZ is joda's {@code DateTime.toString()} in Pig's default time
 * zone. Nothing is escaped and null is empty, at any depth, as in Pig.
 */
final class PigTextWriter implements Serializable {

    private static final long serialVersionUID = 1L;

    private enum Shape {
        SCALAR,
        DATETIME,
        TUPLE,
        BAG,
        ARRAY_TUPLE,
        MAP
    }

    private final Shape shape;
    private final PigFieldType scalar;
    private final LogicalType type;
    private final List<PigTextWriter> children;

    private PigTextWriter(Shape shape, PigFieldType scalar, LogicalType type, List<PigTextWriter> children) {
        this.shape = shape;
        this.scalar = scalar;
        this.type = type;
        this.children = children;
    }

    /** The writer for a column, or a {@link ValidationException} naming the column. */
    static PigTextWriter of(String column, LogicalType type) {
        switch (type.getTypeRoot()) {
            case ROW: {
                List<PigTextWriter> fields = new ArrayList<>();
                for (RowType.RowField f : ((RowType) type).getFields()) {
                    fields.add(of(column + "." + f.getName(), f.getType()));
                }
                return new PigTextWriter(Shape.TUPLE, null, type, fields);
            }
            case ARRAY: {
                LogicalType element = ((ArrayType) type).getElementType();
                Shape shape = element.getTypeRoot() == LogicalTypeRoot.ROW ? Shape.BAG : Shape.ARRAY_TUPLE;
                return new PigTextWriter(shape, null, type, List.of(of(column, element)));
            }
            case MAP: {
                MapType map = (MapType) type;
                if (map.getKeyType().getTypeRoot() != LogicalTypeRoot.VARCHAR
                        && map.getKeyType().getTypeRoot() != LogicalTypeRoot.CHAR) {
                    throw new ValidationException("pig-storage: column '" + column
                            + "' is a MAP whose keys are not strings; Pig's map keys are chararrays");
                }
                return new PigTextWriter(
                        Shape.MAP, null, type, List.of(of(column, map.getKeyType()), of(column, map.getValueType())));
            }
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return new PigTextWriter(Shape.DATETIME, null, type, List.of());
            default:
                return new PigTextWriter(Shape.SCALAR, PigFieldType.of(column, type), type, List.of());
        }
    }

    /** Appends field {@code pos} of {@code row}, which is not null. */
    void write(RowData row, int pos, ByteArrayOutputStream out) {
        switch (shape) {
            case SCALAR -> scalar.write(row, pos, out);
            default -> writeValue(RowData.createFieldGetter(type, pos).getFieldOrNull(row), out);
        }
    }

    /** Appends a value in Flink's internal form; null writes nothing. */
    private void writeValue(Object value, ByteArrayOutputStream out) {
        if (value == null) {
            return;
        }
        switch (shape) {
            case SCALAR -> scalar.write(GenericRowData.of(value), 0, out);
            case DATETIME ->
                writeText(
                        new DateTime(((TimestampData) value).getMillisecond(), PigZone.defaultZone()).toString(), out);
            case TUPLE -> {
                RowData row = (RowData) value;
                out.write('(');
                for (int i = 0; i < children.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    if (!row.isNullAt(i)) {
                        children.get(i).write(row, i, out);
                    }
                }
                out.write(')');
            }
            case BAG, ARRAY_TUPLE -> {
                ArrayData array = (ArrayData) value;
                ArrayData.ElementGetter getter = ArrayData.createElementGetter(((ArrayType) type).getElementType());
                out.write(shape == Shape.BAG ? '{' : '(');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    children.get(0).writeValue(getter.getElementOrNull(array, i), out);
                }
                out.write(shape == Shape.BAG ? '}' : ')');
            }
            case MAP -> writeMap((MapData) value, out);
        }
    }

    private void writeMap(MapData map, ByteArrayOutputStream out) {
        MapType mapType = (MapType) type;
        ArrayData.ElementGetter keys = ArrayData.createElementGetter(mapType.getKeyType());
        ArrayData.ElementGetter values = ArrayData.createElementGetter(mapType.getValueType());
        // Pig's maps are HashMaps: entries come out in HashMap order, whatever order they were built in.
        Map<String, Object> ordered = new HashMap<>();
        Map<String, Object> insertion = new LinkedHashMap<>();
        for (int i = 0; i < map.size(); i++) {
            Object key = keys.getElementOrNull(map.keyArray(), i);
            insertion.put(key == null ? null : key.toString(), values.getElementOrNull(map.valueArray(), i));
        }
        // One put at a time, as Pig fills its maps: putAll would size the table to the entries (8 slots for
        // three, where Pig's default HashMap has 16) and list them in another order.
        insertion.forEach(ordered::put);
        out.write('[');
        boolean first = true;
        for (Map.Entry<String, Object> e : ordered.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            if (e.getKey() != null) {
                writeText(e.getKey(), out);
            }
            out.write('#');
            children.get(1).writeValue(e.getValue(), out);
        }
        out.write(']');
    }

    private static void writeText(String s, ByteArrayOutputStream out) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
