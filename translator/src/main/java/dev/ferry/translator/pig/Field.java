package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import java.util.List;

/**
 * A field of a translated relation: the name Pig scripts use ({@code pigName}, null for unnamed
 * fields such as an aggregate without AS), the relation it came from for {@code alias::name}, the
 * SQL column name, and the Pig type.
 *
 * @param restDelimiter non-null for the fields of a LOAD without AS: Pig keeps each line's own
 *     number of bytearray fields, so the column holds the line's text and {@code $n} splits it on
 *     this delimiter; a STORE writes it back as it was read. {@link #ROW_ARRAY} for a row of a FOREACH whose
 *     width Pig knows only per row (a FLATTEN of a tuple of unknown width): the column is an ARRAY of the
 *     row's fields as text and {@code $n} reads its n-th element
 * @param inner what a map field holds (see {@link Inner}); null when unknown or not a map
 */
record Field(String pigName, String qualifier, String sqlName, PigType type, String restDelimiter, Inner inner) {

    Field(String pigName, String qualifier, String sqlName, PigType type) {
        this(pigName, qualifier, sqlName, type, null, null);
    }

    Field(String pigName, String qualifier, String sqlName, PigType type, String restDelimiter) {
        this(pigName, qualifier, sqlName, type, restDelimiter, null);
    }

    /** True when {@code qualifier::name} (qualifier null when not written) names this field, as Pig resolves it. */
    boolean answersTo(String refQualifier, String name) {
        return name.equals(pigName)
                && (refQualifier == null
                        || refQualifier.equals(qualifier)
                        || qualifier != null && qualifier.endsWith("::" + refQualifier)); // Pig: b::f names x::b::f
    }

    /** The {@code restDelimiter} of a row held as an ARRAY of its fields' text (see {@link RowArray}). */
    static final String ROW_ARRAY = "\u0000array";

    boolean isRest() {
        return restDelimiter != null;
    }

    /** True for a row held as an ARRAY of its fields' text, not as a delimited line. */
    boolean isRowArray() {
        return ROW_ARRAY.equals(restDelimiter);
    }

    Field renamed(String newSqlName) {
        return new Field(pigName, qualifier, newSqlName, type, restDelimiter, inner);
    }

    /**
     * The field seen through a JOIN input, CROSS input or flattened bag named {@code alias}: Pig's
     * schema prefixes the field's own name, {@code a::name} becoming {@code alias::a::name}.
     */
    Field prefixedBy(String alias) {
        return qualified(qualifier == null ? alias : alias + "::" + qualifier);
    }

    Field qualified(String newQualifier) {
        return new Field(pigName, newQualifier, sqlName, type, restDelimiter, inner);
    }

    /**
     * The names Pig's schema gives these fields (what PluckTuple matches, JsonStorage writes and .pig_schema holds):
     * {@code alias::name} for a field qualified by a JOIN, CROSS or FLATTEN (a FOREACH keeps it: GENERATE n of a JOIN's
     * raw::n is raw::n), else the name; null for a field without one.
     */
    static List<String> schemaNames(List<Field> fields) {
        return fields.stream()
                .map(f ->
                        f.pigName() == null || f.qualifier() == null ? f.pigName() : f.qualifier() + "::" + f.pigName())
                .toList();
    }
}
