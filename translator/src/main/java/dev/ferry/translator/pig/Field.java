package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;

/**
 * A field of a translated relation: the name Pig scripts use ({@code pigName}, null for unnamed
 * fields such as an aggregate without AS), the relation it came from for {@code alias::name}, the
 * SQL column name, and the Pig type.
 */
record Field(String pigName, String qualifier, String sqlName, PigType type) {

    Field renamed(String newSqlName) {
        return new Field(pigName, qualifier, newSqlName, type);
    }
}
