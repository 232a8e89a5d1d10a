package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;

/**
 * A field of a translated relation: the name Pig scripts use ({@code pigName}, null for unnamed
 * fields such as an aggregate without AS), the relation it came from for {@code alias::name}, the
 * SQL column name, and the Pig type.
 *
 * @param restDelimiter non-null for the fields of a LOAD without AS: Pig keeps each line's own
 *     number of bytearray fields, so the column holds the line's text and {@code $n} splits it on
 *     this delimiter; a STORE writes it back as it was read
 */
record Field(String pigName, String qualifier, String sqlName, PigType type, String restDelimiter) {

    Field(String pigName, String qualifier, String sqlName, PigType type) {
        this(pigName, qualifier, sqlName, type, null);
    }

    boolean isRest() {
        return restDelimiter != null;
    }

    Field renamed(String newSqlName) {
        return new Field(pigName, qualifier, newSqlName, type, restDelimiter);
    }

    Field qualified(String newQualifier) {
        return new Field(pigName, newQualifier, sqlName, type, restDelimiter);
    }
}
