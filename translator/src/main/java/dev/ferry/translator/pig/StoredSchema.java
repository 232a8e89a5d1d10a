package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.sql.SqlQuery.OrderItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema a STORE hands its storage function, as Pig writes it into {@code .pig_schema} and {@code .pig_header}
 * (PigStorage '-schema', JsonStorage): the stored fields' names ({@link Field#schemaNames}) and types, and the ORDER
 * the STORE writes directly, without a LIMIT (Pig's {@code SortInfoSetter} takes the sort keys of a STORE whose input
 * is the ORDER; Pig 0.18 writes none after ORDER ... LIMIT).
 */
final class StoredSchema {

    private StoredSchema() {}

    /**
     * The schema files of a STORE of {@code fields}, with the sort keys of {@code ordered} where {@code order}: the
     * STORE writes the ORDER itself.
     *
     * @return the files, or why the translation cannot write them as Pig does (a "differs:" note)
     */
    static Result of(List<Field> fields, Relation.Ordered ordered, boolean order) {
        if (fields.stream().anyMatch(Field::isRest)) {
            // A LOAD without AS has no schema: Pig writes no schema files.
            return new Result(null, null);
        }
        List<String> names = Field.schemaNames(fields);
        List<SqlJob.SchemaField> schema = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            List<SqlJob.SchemaField> inner = List.of();
            if (field.type().isComplex()) {
                inner = inner(field);
                if (inner == null) {
                    return new Result(
                            null,
                            "the " + field.type().keyword() + " field " + (i + 1)
                                    + " is stored with a schema of its inside, which the translation does not write"
                                    + " (a map's of complex values, or a tuple's or bag's whose fields are not scalars of known types):"
                                    + " the .pig_schema and .pig_header files Pig writes beside the data are not"
                                    + " written");
                }
            }
            if (names.get(i) == null) {
                return new Result(
                        null,
                        "field " + (i + 1) + " has no name the translation knows (Pig names some, such as a UDF's"
                                + " result): the .pig_schema and .pig_header files Pig writes beside the data are not"
                                + " written; name it with AS");
            }
            schema.add(new SqlJob.SchemaField(names.get(i), field.type().keyword(), inner));
        }
        List<SqlJob.SortKey> sortKeys = new ArrayList<>();
        if (order && ordered.limit() == null) {
            for (OrderItem item : ordered.ordering()) {
                int index = item.expr() instanceof SqlExpr.ColumnRef ref ? position(fields, ref) : -1;
                if (index < 0) {
                    return new Result(
                            null,
                            "a key of the ORDER is not a stored field: the .pig_schema and .pig_header files Pig"
                                    + " writes beside the data are not written");
                }
                sortKeys.add(new SqlJob.SortKey(index, item.descending()));
            }
        }
        return new Result(new SqlJob.SchemaFiles(schema, sortKeys), null);
    }

    /**
     * The schema of a tuple's or bag's inside as Pig's ResourceSchema has it: a tuple's fields (null where Pig names
     * none: TOTUPLE's constants, TOBAG's values), a bag's one tuple, unnamed, with those fields; null where the
     * translation does not know it as Pig does (fields that are not scalars). A map's is its value type's one unnamed
     * field, none for {@code map[]}.
     */
    private static List<SqlJob.SchemaField> inner(Field field) {
        Inner inner = field.inner();
        if (field.type() == PigType.MAP) {
            // map[T]: one unnamed field of T; map[] (its values bytearray text here) none, as Pig's schema has it
            PigType value = inner == null ? null : inner.valueType();
            return value == null || value == PigType.BYTEARRAY
                    ? List.of()
                    : value.isComplex() ? null : List.of(new SqlJob.SchemaField(null, value.keyword()));
        }
        if (inner == null
                || inner.tupleTypes().isEmpty()
                || !inner.fieldInners().isEmpty()
                || inner.tupleTypes().stream().anyMatch(PigType::isComplex)) {
            return null;
        }
        List<SqlJob.SchemaField> fields = new ArrayList<>();
        for (int i = 0; i < inner.tupleTypes().size(); i++) {
            String name = i < inner.fieldNames().size() ? inner.fieldNames().get(i) : null;
            fields.add(new SqlJob.SchemaField(name, inner.tupleTypes().get(i).keyword()));
        }
        return field.type() == PigType.TUPLE
                ? fields
                : List.of(new SqlJob.SchemaField(null, PigType.TUPLE.keyword(), fields));
    }

    private static int position(List<Field> fields, SqlExpr.ColumnRef ref) {
        for (int i = 0; i < fields.size(); i++) {
            if (ref.qualifier() == null && fields.get(i).sqlName().equals(ref.name())) {
                return i;
            }
        }
        return -1;
    }

    /** The schema files, or null with the note that says why they are not written (both null: Pig writes none). */
    record Result(SqlJob.SchemaFiles files, String differs) {}
}
