package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * FLATTEN of a tuple value: a field per field of the tuple. A constructor ({@code (a, b)}, TOTUPLE)
 * gives its arguments themselves; a tuple field gives its ROW's fields, null where the tuple is null.
 * Pig names them {@code tuple::field} ({@code t::clicks}); a constructor's qualifier is a name of
 * Pig's own, here one after the constructor's place.
 */
final class TupleFlatten {

    private TupleFlatten() {}

    /** The fields of {@code tuple}, whose field types are known. */
    static void expand(PigExpr expr, Value.Scalar tuple, List<Value.Scalar> values, List<String> names) {
        List<PigType> types = tuple.inner().tupleTypes();
        List<String> fieldNames = tuple.inner().fieldNames();
        String qualifier = expr instanceof PigExpr.FieldRef ref
                ? ref.name()
                : "tuple_" + expr.span().line() + "_" + expr.span().column();
        for (int i = 0; i < types.size(); i++) {
            values.add(field(tuple, i));
            String name = i < fieldNames.size() && fieldNames.get(i) != null ? fieldNames.get(i) : qualifier + "_" + i;
            names.add(qualifier + "::" + name);
        }
    }

    /** Field {@code i} of a tuple whose field types are known: {@code t.$i}, or {@code t.name} by its Pig name. */
    static Value.Scalar field(Value.Scalar tuple, int i) {
        // Flink names the fields of ROW(...) EXPR$0, EXPR$1... (Calcite's names for unnamed expressions); the
        // runtime's PIG_LOAD_AS names a loaded tuple's fields the same way.
        SqlExpr field = tuple.sql() instanceof SqlExpr.RowOf row
                ? row.fields().get(i)
                : new SqlExpr.FieldAccess(tuple.sql(), "EXPR$" + i);
        return new Value.Scalar(field, tuple.inner().tupleTypes().get(i));
    }

    /** The position of a column ({@code $n} or a name) among a tuple's known fields, -1 when it is not one. */
    static int columnIndex(Inner inner, PigExpr column) {
        int i = column instanceof PigExpr.PositionalRef p
                ? p.index()
                : column instanceof PigExpr.FieldRef ref && ref.qualifier() == null
                        ? inner.fieldNames().indexOf(ref.name())
                        : -1;
        return i < inner.tupleTypes().size() ? i : -1;
    }

    /** {@code t.(a, $1)}: the tuple of those fields of a tuple whose fields are known, else null. */
    static Value.Scalar project(Value.Scalar tuple, List<PigExpr> columns) {
        List<SqlExpr> fields = new ArrayList<>();
        List<PigType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PigExpr column : columns) {
            int i = columnIndex(tuple.inner(), column);
            if (i < 0) {
                return null;
            }
            fields.add(field(tuple, i).sql());
            types.add(tuple.inner().tupleTypes().get(i));
            names.add(
                    i < tuple.inner().fieldNames().size()
                            ? tuple.inner().fieldNames().get(i)
                            : null);
        }
        return new Value.Scalar(new SqlExpr.RowOf(fields), PigType.TUPLE, Inner.tuple(types, names));
    }

    /**
     * Builtins whose tuple of unknown width is an ARRAY of chararrays in SQL: String.split's pieces, a regex's
     * groups.
     */
    private static final Set<String> TEXT_ARRAYS = Set.of("STRSPLIT", "REGEX_EXTRACT_ALL");

    /** True for a tuple of unknown width held as an ARRAY of chararrays. */
    static boolean isTextArray(PigExpr expr) {
        return expr instanceof PigExpr.Call call && TEXT_ARRAYS.contains(call.function());
    }

    /**
     * The width of a text array known from the script: REGEX_EXTRACT_ALL's tuple has a field per group of its
     * pattern when the pattern is a literal (Matcher.groupCount); -1 otherwise (STRSPLIT's depends on the data).
     */
    static int knownWidth(PigExpr expr) {
        if (expr instanceof PigExpr.Call call
                && call.function().equals("REGEX_EXTRACT_ALL")
                && call.arguments().size() == 2
                && call.arguments().get(1) instanceof PigExpr.Literal literal
                && literal.value() instanceof String pattern) {
            try {
                return Pattern.compile(pattern).matcher("").groupCount();
            } catch (PatternSyntaxException e) {
                return -1; // Pig fails the job on it; no width to give
            }
        }
        return -1;
    }

    /**
     * The width of {@code (tuple(chararray, long))REGEX_EXTRACT_ALL(s, '(a) (b)')}: the cast's fields, when they
     * are scalars and as many as the literal pattern's groups (the tuple the function gives); -1 otherwise.
     */
    static int castTextArrayWidth(PigExpr expr) {
        if (!(expr instanceof PigExpr.Cast cast)
                || cast.type() != PigType.TUPLE
                || cast.schema().isEmpty()
                || cast.schema().stream().anyMatch(f -> !SCALAR_CASTS.contains(f.type()))) {
            return -1;
        }
        return knownWidth(cast.expr()) == cast.schema().size() ? cast.schema().size() : -1;
    }

    /** The types a chararray piece casts to as a top-level cast does. */
    private static final Set<PigType> SCALAR_CASTS = Set.of(
            PigType.CHARARRAY,
            PigType.BYTEARRAY,
            PigType.INT,
            PigType.LONG,
            PigType.FLOAT,
            PigType.DOUBLE,
            PigType.BOOLEAN);

    /** {@code FLATTEN(STRSPLIT(s, ',', 2)) AS (a, b)}: the first {@code width} pieces, null past the last one. */
    static void expandByPosition(Value.Scalar array, int width, List<Value.Scalar> values, List<String> names) {
        for (int i = 0; i < width; i++) {
            values.add(
                    new Value.Scalar(new SqlExpr.Item(array.sql(), SqlExpr.Literal.number(i + 1)), PigType.CHARARRAY));
            names.add("piece_" + i);
        }
    }

    /** The Pig names of a tuple constructor's fields: an argument's field name, null for an expression. */
    static List<String> argumentNames(PigExpr.Call call, int width) {
        if (call.arguments().size() != width) {
            return List.of(); // TOTUPLE(*)
        }
        List<String> names = new ArrayList<>();
        for (PigExpr argument : call.arguments()) {
            names.add(
                    argument instanceof PigExpr.FieldRef ref
                            ? ref.name()
                            : argument instanceof PigExpr.Cast cast && cast.expr() instanceof PigExpr.FieldRef ref
                                    ? ref.name()
                                    : null);
        }
        return names;
    }
}
