package dev.ferry.translator.pig;

import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.List;
import java.util.Map;

/**
 * A LOAD's {@code b:bag{(x:int, y:chararray)}} and {@code t:tuple(x:int, y:chararray)} fields: the
 * table holds the field's text and a view reads it with the runtime's PIG_LOAD_AS, as Pig's
 * Utf8StorageConverter does (bytesToBag, bytesToTuple). The function's shape argument names the
 * fields' types, one letter each: {@code B(i,c)} for a bag, {@code T(i,c)} for a tuple. Fields of
 * the tuples are int, long, float, double, chararray or bytearray; a nested bag, tuple or map, a
 * boolean, a datetime, or a bag or tuple without its fields' types is reported (PIG-E020).
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

    /** What the translation knows of the field's inside: the types and Pig names of a bag's tuples' or a tuple's fields. */
    static Inner inner(FieldSchema field) {
        List<FieldSchema> fields = tupleFields(field);
        return Inner.tuple(
                fields.stream().map(FieldSchema::type).toList(),
                fields.stream().map(FieldSchema::name).toList());
    }

    /** {@code PIG_LOAD_AS(column, 'B(i,c)')}. */
    static SqlExpr read(FieldSchema field, String column) {
        List<FieldSchema> fields = tupleFields(field);
        if (fields.isEmpty()) {
            throw ExprTranslator.unsupported(
                    field.span(),
                    "a " + field.type().keyword() + " field without the types of its tuples' fields"
                            + " is not translated yet; declare them (b:bag{(x:int, y:chararray)})");
        }
        StringBuilder shape = new StringBuilder(field.type() == PigType.BAG ? "B(" : "T(");
        for (FieldSchema inner : fields) {
            Character letter = LETTERS.get(inner.type());
            if (letter == null) {
                throw ExprTranslator.unsupported(
                        inner.span(),
                        "a " + inner.type().keyword() + " inside a loaded "
                                + field.type().keyword()
                                + " is not translated yet (int, long, float, double, chararray and bytearray are)");
            }
            shape.append(shape.length() > 2 ? "," : "").append(letter);
        }
        return SqlExpr.Call.of(
                FUNCTION,
                SqlExpr.ColumnRef.of(column),
                SqlExpr.Literal.text(shape.append(')').toString()));
    }
}
