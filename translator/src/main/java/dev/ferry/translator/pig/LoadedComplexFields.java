package dev.ferry.translator.pig;

import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A LOAD's {@code b:bag{(x:int, y:chararray)}} and {@code t:tuple(x:int, y:chararray)} fields: the
 * table holds the field's text and a view reads it with the runtime's PIG_LOAD_AS, as Pig's
 * Utf8StorageConverter does (bytesToBag, bytesToTuple). The function's shape argument names the
 * fields' types, one letter each: {@code B(i,c)} for a bag, {@code T(i,c)} for a tuple, {@code M} for a
 * map, a nested shape for a bag or tuple inside ({@code B(c,B(c),M)}). Fields of the tuples are int,
 * long, float, double, chararray, bytearray, bags, tuples or maps of text values; a boolean, a
 * datetime, or a bag or tuple without its fields' types is reported (PIG-E020).
 */
final class LoadedComplexFields {

    static final String FUNCTION = "PIG_LOAD_AS";

    private static final Map<PigType, Character> LETTERS = Map.of(
            PigType.INT,
            'i',
            PigType.LONG,
            'l',
            PigType.FLOAT,
            'f',
            PigType.DOUBLE,
            'd',
            PigType.CHARARRAY,
            'c',
            PigType.BYTEARRAY,
            'a');

    private LoadedComplexFields() {}

    static boolean isComplex(FieldSchema field) {
        return field.type() == PigType.BAG || field.type() == PigType.TUPLE;
    }

    /** The fields of the bag's tuples, or of the tuple. */
    private static List<FieldSchema> tupleFields(FieldSchema field) {
        if (field.type() == PigType.BAG) {
            return field.fields().size() == 1 && field.fields().get(0).type() == PigType.TUPLE
                    ? field.fields().get(0).fields()
                    : field.fields();
        }
        return field.fields();
    }

    /**
     * What the translation knows of the field's inside: the types and Pig names of a bag's tuples' or a tuple's
     * fields, and the inside of those that are bags, tuples or maps.
     */
    static Inner inner(FieldSchema field) {
        List<FieldSchema> fields = tupleFields(field);
        Map<Integer, Inner> fieldInners = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldSchema inner = fields.get(i);
            if (isComplex(inner)) {
                fieldInners.put(i, inner(inner));
            } else if (inner.type() == PigType.MAP) {
                fieldInners.put(i, PigTypes.loadedMap(inner));
            }
        }
        return new Inner(
                null,
                fields.stream().map(FieldSchema::type).toList(),
                fieldInners,
                fields.stream().map(FieldSchema::name).toList());
    }

    /** {@code PIG_LOAD_AS(column, 'B(i,c)')}. */
    static SqlExpr read(FieldSchema field, String column) {
        return read(field, SqlExpr.ColumnRef.of(column));
    }

    /** {@code PIG_LOAD_AS(text, 'B(i,c)')}: the field's text read as a LOAD declaring {@code field} reads it. */
    static SqlExpr read(FieldSchema field, SqlExpr text) {
        return SqlExpr.Call.of(FUNCTION, text, SqlExpr.Literal.text(shape(field)));
    }

    /**
     * The shape of a bag or tuple: a letter per simple field, {@code M} per map (Pig's consumeMap keeps its
     * values' text whatever their declared type), a nested shape per bag or tuple field.
     */
    private static String shape(FieldSchema field) {
        List<FieldSchema> fields = tupleFields(field);
        if (fields.isEmpty()) {
            throw ExprTranslator.unsupported(
                    field.span(),
                    "a " + field.type().keyword() + " field without the types of its tuples' fields"
                            + " is not translated yet; declare them (b:bag{(x:int, y:chararray)})");
        }
        StringBuilder shape = new StringBuilder(field.type() == PigType.BAG ? "B(" : "T(");
        for (FieldSchema inner : fields) {
            shape.append(shape.length() > 2 ? "," : "");
            if (isComplex(inner)) {
                shape.append(shape(inner));
                continue;
            }
            if (inner.type() == PigType.MAP) {
                PigType value = PigTypes.loadedMap(inner).valueType();
                if (TypedMaps.converts(value)) {
                    // a top-level map[int] is converted (TypedMaps); one inside a bag or tuple is not yet
                    throw ExprTranslator.unsupported(
                            inner.span(),
                            "a map of " + value.keyword() + " values (map[" + value.keyword()
                                    + "]) is not translated yet inside a loaded "
                                    + field.type().keyword()
                                    + "; declare it map[] and cast the looked-up values");
                }
                shape.append('M');
                continue;
            }
            Character letter = LETTERS.get(inner.type());
            if (letter == null) {
                throw ExprTranslator.unsupported(
                        inner.span(),
                        "a " + inner.type().keyword() + " inside a loaded "
                                + field.type().keyword()
                                + " is not translated yet (int, long, float, double, chararray, bytearray, bags,"
                                + " tuples and maps are)");
            }
            shape.append(letter);
        }
        return shape.append(')').toString();
    }
}
