package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.Column;
import dev.ferry.translator.sql.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The columns of an AvroStorage table, as Pig's AvroStorage maps its types (AvroStorageSchemaConversionUtilities):
 * chararray a string, int, long, float, double and boolean themselves, a tuple a record, a bag an array of records,
 * a map of chararray values a map, a stored datetime its epoch millis; every one nullable (a union with null). Flink's avro format derives the files'
 * schema from these column types and matches the fields by name, also inside records, so a record's fields carry
 * Pig's names. The rest of the translation holds a tuple as a ROW of EXPR$0, EXPR$1... and a bag as an ARRAY of
 * ROWs of f0, f1...: a LOAD casts the table's records to that form, a STORE casts back.
 */
final class AvroColumns {

    private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AvroColumns() {}

    /** A declared field's column type in the Avro table (Pig's names inside its records). */
    static SqlType declared(FieldSchema field) {
        return switch (field.type()) {
            case TUPLE -> new SqlType.Row(fields(field.name(), tupleFields(field), field.span()));
            case BAG -> new SqlType.Array(new SqlType.Row(fields(field.name(), tupleFields(field), field.span())));
            case MAP -> {
                PigType value = field.fields().isEmpty()
                        ? PigType.BYTEARRAY
                        : field.fields().get(0).type();
                if (value != PigType.CHARARRAY) {
                    throw ExprTranslator.unsupported(
                            field.span(),
                            "AvroStorage of a map of " + value.keyword()
                                    + " values is not translated yet (map[chararray] is)");
                }
                yield PigTypes.LOADED_MAP;
            }
            default -> scalar(field.type(), field.span());
        };
    }

    /** The same type as the rest of the translation holds the field (see the class comment). */
    static SqlType translated(FieldSchema field) {
        return switch (field.type()) {
            case TUPLE -> new SqlType.Row(positional("EXPR$", tupleFields(field), field.span()));
            case BAG -> new SqlType.Array(new SqlType.Row(positional("f", tupleFields(field), field.span())));
            default -> declared(field);
        };
    }

    /**
     * The column type a STORE writes a relation's field as: its Pig names inside records, or {@code <field>_<n>}
     * where a tuple's field has none (as Pig's AvroStorage names a bag's unnamed fields).
     */
    static SqlType stored(Field field, SourceSpan store) {
        Inner inner = field.inner();
        if (field.type() == PigType.MAP) {
            if (inner == null || inner.valueType() != PigType.CHARARRAY) {
                throw ExprTranslator.unsupported(
                        store,
                        "AvroStorage of the map '" + field.sqlName()
                                + "' is not translated yet: its values are not known to be chararrays");
            }
            return PigTypes.LOADED_MAP;
        }
        if (field.type() == PigType.DATETIME) {
            return SqlType.BIGINT; // Pig's AvroStorage writes a datetime's epoch millis, a long
        }
        if (field.type() != PigType.TUPLE && field.type() != PigType.BAG) {
            return scalar(field.type(), store);
        }
        if (inner == null || inner.tupleTypes().isEmpty()) {
            throw ExprTranslator.unsupported(
                    store,
                    "AvroStorage of the " + field.type().keyword() + " '" + field.sqlName()
                            + "' is not translated yet: the types of its fields are not known");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < inner.tupleTypes().size(); i++) {
            String name = i < inner.fieldNames().size() ? inner.fieldNames().get(i) : null;
            columns.add(new Column(
                    name != null && AVRO_NAME.matcher(name).matches() ? name : field.sqlName() + "_" + i,
                    scalar(inner.tupleTypes().get(i), store)));
        }
        SqlType.Row row = new SqlType.Row(columns);
        return field.type() == PigType.TUPLE ? row : new SqlType.Array(row);
    }

    private static List<FieldSchema> tupleFields(FieldSchema field) {
        if (field.type() == PigType.BAG
                && field.fields().size() == 1
                && field.fields().get(0).type() == PigType.TUPLE) {
            return field.fields().get(0).fields();
        }
        if (field.fields().isEmpty()) {
            throw ExprTranslator.unsupported(
                    field.span(),
                    "an AvroStorage " + field.type().keyword()
                            + " without the types of its fields is not translated yet; declare them (b:bag{(x:chararray)})");
        }
        return field.fields();
    }

    private static List<Column> fields(String outer, List<FieldSchema> fields, SourceSpan span) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldSchema inner = fields.get(i);
            String name = inner.name() != null ? inner.name() : outer + "_" + i;
            columns.add(new Column(name, scalar(inner.type(), inner.span() != null ? inner.span() : span)));
        }
        return columns;
    }

    private static List<Column> positional(String prefix, List<FieldSchema> fields, SourceSpan span) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            columns.add(new Column(prefix + i, scalar(fields.get(i).type(), span)));
        }
        return columns;
    }

    /** The scalar types AvroStorage and Flink's avro format both write as Pig does. */
    private static SqlType scalar(PigType type, SourceSpan span) {
        return switch (type) {
            case INT, LONG, FLOAT, DOUBLE, CHARARRAY, BOOLEAN ->
                PigTypes.columnType(type).orElseThrow();
            default ->
                throw ExprTranslator.unsupported(
                        span,
                        "AvroStorage of a " + type.keyword()
                                + " field is not translated yet (int, long, float, double, chararray, boolean, and"
                                + " tuples, bags and maps of them are)");
        };
    }
}
