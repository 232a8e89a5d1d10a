package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.Column;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlJob.FileFormat;
import dev.ferry.translator.sql.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The columns of a file format that carries Pig's types itself: AvroStorage's Avro and OrcStorage's ORC.
 *
 * <p>Avro, as Pig's AvroStorage maps its types (AvroStorageSchemaConversionUtilities): chararray a string, int, long,
 * float, double and boolean themselves, a tuple a record, a bag an array of records, a map of chararray values a
 * map, a stored datetime its epoch millis; every one nullable (a union with null).
 *
 * <p>ORC, as Pig's OrcStorage maps them (HiveUtils.getTypeInfo and getResourceFieldSchema): the same scalars, a tuple
 * a struct, a map a map of string keys, a bag an array of structs, except that a bag of one-field tuples is an array
 * of that field (Pig writes the field alone and reads each value back as a one-field tuple).
 *
 * <p>Parquet, as parquet-pig's PigSchemaConverter maps the scalars (tuples, bags and maps are not translated yet).
 *
 * <p>JSON, for the tuple and bag fields of JsonLoader and JsonStorage: a tuple an object, a bag an array of objects, with
 * the tuple's field names as keys (JsonStorage names an unnamed one val_0, val_1... within its tuple). The runtime's
 * {@code pig-json} format reads them by position, as JsonLoader does; Flink's {@code json} format writes them as
 * JsonStorage does.
 *
 * <p>Flink's avro, orc and parquet formats derive the files' schema from these column types and match the fields by name, also
 * inside records, so a record's fields carry Pig's names. The rest of the translation holds a tuple as a ROW of EXPR$0,
 * EXPR$1... and a bag as an ARRAY of ROWs of f0, f1...: a LOAD casts the table's records to that form, a STORE casts
 * back.
 */
final class TypedFileColumns {

    private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private TypedFileColumns() {}

    /** Whether a table of this format holds Pig's types in these columns. */
    static boolean carriesTypes(FileFormat format) {
        return format == FileFormat.AVRO || format == FileFormat.ORC || format == FileFormat.PARQUET;
    }

    /** A declared field's column type in the table (Pig's names inside its records). */
    static SqlType declared(FieldSchema field, FileFormat format) {
        scalarOnly(field.type(), field.span(), format);
        return switch (field.type()) {
            case TUPLE -> new SqlType.Row(fields(field.name(), tupleFields(field, format), field.span(), format));
            case BAG -> {
                List<FieldSchema> tuple = tupleFields(field, format);
                yield oneValue(tuple, format)
                        ? new SqlType.Array(scalar(tuple.get(0).type(), spanOf(tuple.get(0), field), format))
                        : new SqlType.Array(new SqlType.Row(fields(field.name(), tuple, field.span(), format)));
            }
            case MAP -> {
                PigType value = field.fields().isEmpty()
                        ? PigType.BYTEARRAY
                        : field.fields().get(0).type();
                if (value != PigType.CHARARRAY) {
                    throw ExprTranslator.unsupported(
                            field.span(),
                            name(format) + " of a map of " + value.keyword()
                                    + " values is not translated yet (map[chararray] is)");
                }
                yield PigTypes.LOADED_MAP;
            }
            default -> scalar(field.type(), field.span(), format);
        };
    }

    /** What a LOAD's view reads a declared field as: the form the rest of the translation holds it in. */
    static SqlExpr read(FieldSchema field, String column, FileFormat format) {
        SqlExpr value = SqlExpr.ColumnRef.of(column);
        if (field.type() != PigType.TUPLE && field.type() != PigType.BAG) {
            return value;
        }
        if (field.type() == PigType.BAG && oneValue(tupleFields(field, format), format)) {
            return SqlExpr.Call.of("PIG_ARRAY_TO_BAG", value);
        }
        List<FieldSchema> tuple = tupleFields(field, format);
        return new SqlExpr.Cast(
                value,
                field.type() == PigType.TUPLE
                        ? new SqlType.Row(positional("EXPR$", tuple, field.span(), format))
                        : new SqlType.Array(new SqlType.Row(positional("f", tuple, field.span(), format))),
                false);
    }

    /**
     * The column type a STORE writes a relation's field as: its Pig names inside records, or {@code <field>_<n>}
     * where a tuple's field has none (as Pig's AvroStorage names a bag's unnamed fields).
     */
    static SqlType stored(Field field, SourceSpan store, FileFormat format) {
        scalarOnly(field.type(), store, format);
        Inner inner = field.inner();
        if (field.type() == PigType.MAP) {
            if (inner == null || inner.valueType() != PigType.CHARARRAY) {
                throw ExprTranslator.unsupported(
                        store,
                        name(format) + " of the map '" + field.sqlName()
                                + "' is not translated yet: its values are not known to be chararrays");
            }
            return PigTypes.LOADED_MAP;
        }
        if (field.type() == PigType.DATETIME && format == FileFormat.AVRO) {
            return SqlType.BIGINT; // Pig's AvroStorage writes a datetime's epoch millis, a long
        }
        if (field.type() != PigType.TUPLE && field.type() != PigType.BAG) {
            return scalar(field.type(), store, format);
        }
        if (inner == null || inner.tupleTypes().isEmpty()) {
            throw ExprTranslator.unsupported(
                    store,
                    name(format) + " of the " + field.type().keyword() + " '" + field.sqlName()
                            + "' is not translated yet: the types of its fields are not known");
        }
        if (field.type() == PigType.BAG
                && format == FileFormat.ORC
                && inner.tupleTypes().size() == 1) {
            return new SqlType.Array(scalar(inner.tupleTypes().get(0), store, format));
        }
        List<Column> columns = new ArrayList<>();
        int unnamed = 0;
        for (int i = 0; i < inner.tupleTypes().size(); i++) {
            String name = i < inner.fieldNames().size() ? inner.fieldNames().get(i) : null;
            String column;
            if (format == FileFormat.JSON) {
                // JsonStorage's schema, read back from its text, names a tuple's unnamed fields val_0, val_1...
                column = name != null ? name : "val_" + unnamed++;
            } else {
                column = name != null && AVRO_NAME.matcher(name).matches() ? name : field.sqlName() + "_" + i;
            }
            columns.add(new Column(column, scalar(inner.tupleTypes().get(i), store, format)));
        }
        SqlType.Row row = new SqlType.Row(columns);
        return field.type() == PigType.TUPLE ? row : new SqlType.Array(row);
    }

    /**
     * What a STORE writes for a field whose column is {@code type} ({@link #stored}), or null when it writes the
     * field's own value.
     */
    static SqlExpr storedValue(Field field, SqlExpr value, SqlType type, FileFormat format) {
        if (field.type() == PigType.DATETIME && format == FileFormat.AVRO) {
            return SqlExpr.Call.of("PIG_TOMILLISECONDS", value);
        }
        if (field.type() == PigType.BAG
                && type instanceof SqlType.Array array
                && !(array.element() instanceof SqlType.Row)) {
            // A bag of one-field tuples: its values, in order.
            return SqlExpr.Call.of("PIG_BAGTOTUPLE", value);
        }
        if (field.type() == PigType.TUPLE || field.type() == PigType.BAG) {
            return new SqlExpr.Cast(value, type, false);
        }
        return null;
    }

    /** Whether ORC holds a bag of these tuple fields as an array of the one field's values. */
    private static boolean oneValue(List<FieldSchema> tuple, FileFormat format) {
        return format == FileFormat.ORC && tuple.size() == 1;
    }

    private static SourceSpan spanOf(FieldSchema inner, FieldSchema outer) {
        return inner.span() != null ? inner.span() : outer.span();
    }

    private static List<FieldSchema> tupleFields(FieldSchema field, FileFormat format) {
        if (field.type() == PigType.BAG
                && field.fields().size() == 1
                && field.fields().get(0).type() == PigType.TUPLE) {
            return field.fields().get(0).fields();
        }
        if (field.fields().isEmpty()) {
            throw ExprTranslator.unsupported(
                    field.span(),
                    "an " + name(format) + " " + field.type().keyword()
                            + " without the types of its fields is not translated yet; declare them (b:bag{(x:chararray)})");
        }
        return field.fields();
    }

    private static List<Column> fields(String outer, List<FieldSchema> fields, SourceSpan span, FileFormat format) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldSchema inner = fields.get(i);
            String name = inner.name() != null ? inner.name() : outer + "_" + i;
            columns.add(new Column(name, scalar(inner.type(), inner.span() != null ? inner.span() : span, format)));
        }
        return columns;
    }

    private static List<Column> positional(
            String prefix, List<FieldSchema> fields, SourceSpan span, FileFormat format) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            columns.add(new Column(prefix + i, scalar(fields.get(i).type(), span, format)));
        }
        return columns;
    }

    /** The scalar types the storage function and Flink's format both write as Pig does. */
    private static SqlType scalar(PigType type, SourceSpan span, FileFormat format) {
        return switch (type) {
            case INT, LONG, FLOAT, DOUBLE, CHARARRAY, BOOLEAN ->
                PigTypes.columnType(type).orElseThrow();
            default ->
                throw ExprTranslator.unsupported(
                        span,
                        name(format) + " of a " + type.keyword()
                                + " field is not translated yet (int, long, float, double, chararray, boolean, and"
                                + " tuples, bags and maps of them are)");
        };
    }

    /**
     * Parquet carries the scalars only, so far: parquet-pig writes a bag as a group holding a repeated group 't' and a
     * map as MAP_KEY_VALUE pairs, which Flink's parquet format is not checked to read as Pig does.
     */
    private static void scalarOnly(PigType type, SourceSpan span, FileFormat format) {
        if (format == FileFormat.PARQUET && (type == PigType.TUPLE || type == PigType.BAG || type == PigType.MAP)) {
            throw ExprTranslator.unsupported(
                    span,
                    "Parquet of a " + type.keyword() + " field is not translated yet: parquet-pig writes tuples, bags"
                            + " (a repeated group 't') and maps (MAP_KEY_VALUE) in its own layout, not checked against"
                            + " Flink's parquet format yet (int, long, float, double, chararray and boolean are)");
        }
    }

    /** The storage function, as messages name it. */
    private static String name(FileFormat format) {
        return switch (format) {
            case JSON -> "JsonLoader/JsonStorage";
            case ORC -> "OrcStorage";
            case PARQUET -> "Parquet";
            default -> "AvroStorage";
        };
    }
}
