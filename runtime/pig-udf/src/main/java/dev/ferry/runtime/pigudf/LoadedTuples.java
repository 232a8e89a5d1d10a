package dev.ferry.runtime.pigudf;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;
import org.apache.pig.LoadCaster;
import org.apache.pig.backend.executionengine.ExecException;
import org.apache.pig.data.DataByteArray;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;

/**
 * A loader's tuple as a row of the LOAD's AS schema, cast as Pig casts it: Pig's {@code TypeCastInserter} puts a
 * projection with a {@code POCast} per field not declared bytearray after the load, and {@code POCast} turns a
 * {@link DataByteArray} into the declared type with the loader's {@link LoadCaster} ({@code bytesToInteger}, ...),
 * and any other value the loader returned with {@code DataType.toInteger(value, DataType.findType(value))} and its
 * siblings. A field the tuple does not have is null, as Pig's projection of it.
 */
final class LoadedTuples {

    /** The Pig types the AS clause may declare for a loader's field, by keyword. */
    static final List<String> TYPES = List.of(
            "bytearray", "chararray", "int", "long", "float", "double", "boolean", "datetime", "bag", "tuple", "map");

    private LoadedTuples() {}

    /** Pig's type code for a keyword of {@link #TYPES}. */
    static byte typeCode(String keyword) {
        return switch (keyword) {
            case "bytearray" -> DataType.BYTEARRAY;
            case "chararray" -> DataType.CHARARRAY;
            case "int" -> DataType.INTEGER;
            case "long" -> DataType.LONG;
            case "float" -> DataType.FLOAT;
            case "double" -> DataType.DOUBLE;
            case "boolean" -> DataType.BOOLEAN;
            case "datetime" -> DataType.DATETIME;
            case "bag" -> DataType.BAG;
            case "tuple" -> DataType.TUPLE;
            case "map" -> DataType.MAP;
            default ->
                throw new IllegalArgumentException("'" + keyword
                        + "' is not a field type a loader's or storer's table takes (one of " + TYPES + ")");
        };
    }

    /**
     * The Pig type of each column, from a connector's {@code 'field-types'} option (keywords, comma-separated).
     *
     * @throws ValidationException when the option names another number of types than the table has columns, a
     *     keyword that is none of {@link #TYPES}, or a type the column's type does not hold
     */
    static byte[] typeCodes(String option, RowType rowType) {
        List<String> keywords =
                Arrays.stream(option.split(",", -1)).map(String::strip).toList();
        if (keywords.size() != rowType.getFieldCount()) {
            throw new ValidationException(
                    "'field-types' names " + keywords.size() + " types for " + rowType.getFieldCount() + " columns");
        }
        byte[] types = new byte[keywords.size()];
        for (int i = 0; i < types.length; i++) {
            try {
                types[i] = typeCode(keywords.get(i));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(e.getMessage(), e);
            }
            LogicalTypeRoot root = rowType.getTypeAt(i).getTypeRoot();
            if (!columnTypeFits(types[i], root)) {
                throw new ValidationException(
                        "column " + rowType.getFieldNames().get(i) + " is " + root + ", which does not hold a Pig "
                                + keywords.get(i));
            }
        }
        return types;
    }

    /** Whether a column of this type holds the Pig type, as the translation maps them. */
    static boolean columnTypeFits(byte type, LogicalTypeRoot root) {
        return switch (type) {
            case DataType.BYTEARRAY, DataType.CHARARRAY, DataType.DATETIME -> root == LogicalTypeRoot.VARCHAR;
            case DataType.INTEGER -> root == LogicalTypeRoot.INTEGER;
            case DataType.LONG -> root == LogicalTypeRoot.BIGINT;
            case DataType.FLOAT -> root == LogicalTypeRoot.FLOAT;
            case DataType.DOUBLE -> root == LogicalTypeRoot.DOUBLE;
            case DataType.BOOLEAN -> root == LogicalTypeRoot.BOOLEAN;
            case DataType.BAG -> root == LogicalTypeRoot.ARRAY;
            case DataType.TUPLE -> root == LogicalTypeRoot.ROW;
            case DataType.MAP -> root == LogicalTypeRoot.MAP;
            default -> false;
        };
    }

    /**
     * The row: each declared field cast to its type, then as the Flink value of the column's type.
     *
     * @param caster the loader's {@code getLoadCaster()}; null when it has none (then a bytearray cannot be cast)
     */
    static Row row(Tuple tuple, byte[] types, LoadCaster caster, RowType rowType, String loader) throws IOException {
        Row row = new Row(types.length);
        for (int i = 0; i < types.length; i++) {
            Object value = i < tuple.size() ? tuple.get(i) : null;
            row.setField(i, PigValues.fromPig(cast(value, types[i], caster, loader), rowType.getTypeAt(i)));
        }
        return row;
    }

    /** POCast's {@code getNext<Type>} of a field Pig reads as a bytearray. */
    static Object cast(Object value, byte type, LoadCaster caster, String loader) throws IOException {
        if (value == null || type == DataType.BYTEARRAY) {
            return value;
        }
        if (!(value instanceof DataByteArray bytes)) {
            return convert(value, DataType.findType(value), type);
        }
        if (caster == null) {
            // POCast's error 1075
            throw new ExecException(
                    "Received a bytearray from the UDF or Union from two different Loaders. Cannot determine how to"
                            + " convert the bytearray to " + DataType.findTypeName(type) + ". (" + loader
                            + " has no LoadCaster)",
                    1075);
        }
        byte[] b = bytes.get();
        return switch (type) {
            case DataType.CHARARRAY -> caster.bytesToCharArray(b);
            case DataType.INTEGER -> caster.bytesToInteger(b);
            case DataType.LONG -> caster.bytesToLong(b);
            case DataType.FLOAT -> caster.bytesToFloat(b);
            case DataType.DOUBLE -> caster.bytesToDouble(b);
            case DataType.BOOLEAN -> caster.bytesToBoolean(b);
            case DataType.DATETIME -> caster.bytesToDateTime(b);
            default -> throw new IllegalArgumentException("no cast to " + DataType.findTypeName(type));
        };
    }

    private static Object convert(Object value, byte from, byte type) throws ExecException {
        return switch (type) {
            case DataType.CHARARRAY -> DataType.toString(value, from);
            case DataType.INTEGER -> DataType.toInteger(value, from);
            case DataType.LONG -> DataType.toLong(value, from);
            case DataType.FLOAT -> DataType.toFloat(value, from);
            case DataType.DOUBLE -> DataType.toDouble(value, from);
            case DataType.BOOLEAN -> DataType.toBoolean(value, from);
            case DataType.DATETIME -> DataType.toDateTime(value, from);
            default -> throw new IllegalArgumentException("no cast to " + DataType.findTypeName(type));
        };
    }
}
