package dev.ferry.parser.pig;

import java.util.Locale;

/** Pig's types, as written in schemas and casts: the scalars and the three complex types. */
public enum PigType {
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    CHARARRAY,
    BYTEARRAY,
    BOOLEAN,
    DATETIME,
    BIGINTEGER,
    BIGDECIMAL,
    TUPLE,
    BAG,
    MAP;

    public static PigType fromKeyword(String keyword) {
        return valueOf(keyword.toUpperCase(Locale.ROOT));
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }

    public boolean isComplex() {
        return this == TUPLE || this == BAG || this == MAP;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
