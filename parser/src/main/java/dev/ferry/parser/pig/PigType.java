package dev.ferry.parser.pig;

import java.util.Locale;

/** Pig's scalar types, as written in schemas and casts. */
public enum PigType {
    INT, LONG, FLOAT, DOUBLE, CHARARRAY, BYTEARRAY, BOOLEAN, DATETIME, BIGINTEGER, BIGDECIMAL;

    public static PigType fromKeyword(String keyword) {
        return valueOf(keyword.toUpperCase(Locale.ROOT));
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
