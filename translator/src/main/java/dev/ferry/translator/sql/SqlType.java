package dev.ferry.translator.sql;

import java.util.List;

/**
 * Flink SQL column types a translated job uses: the scalars Pig's atoms map to, and the nested
 * types Pig's tuple, bag and map land in (a tuple is a ROW, a bag an ARRAY of ROW, a map a
 * MAP&lt;STRING, ...&gt;). The generator prints them.
 */
public sealed interface SqlType {

    SqlType INT = Primitive.INT;
    SqlType BIGINT = Primitive.BIGINT;
    SqlType FLOAT = Primitive.FLOAT;
    SqlType DOUBLE = Primitive.DOUBLE;
    SqlType STRING = Primitive.STRING;
    SqlType BOOLEAN = Primitive.BOOLEAN;
    SqlType BYTES = Primitive.BYTES;
    /** Pig's datetime: an instant, shown in the session time zone. */
    SqlType TIMESTAMP_LTZ = Primitive.TIMESTAMP_LTZ;

    /** Types without parameters. */
    enum Primitive implements SqlType {
        INT,
        BIGINT,
        FLOAT,
        DOUBLE,
        STRING,
        BOOLEAN,
        BYTES,
        TIMESTAMP_LTZ
    }

    /** {@code DECIMAL(p, s)}: Pig's bigdecimal and biginteger (scale 0). */
    record Decimal(int precision, int scale) implements SqlType {}

    /** {@code ROW<name type, ...>}: a Pig tuple. */
    record Row(List<Column> fields) implements SqlType {
        public Row {
            fields = List.copyOf(fields);
        }
    }

    /** {@code ARRAY<element>}: a Pig bag, whose order Pig does not define. */
    record Array(SqlType element) implements SqlType {}

    /** {@code MAP<key, value>}: a Pig map (keys are chararrays). */
    record Map(SqlType key, SqlType value) implements SqlType {}

    /** {@code MULTISET<element>}: what Flink's COLLECT aggregate returns. */
    record Multiset(SqlType element) implements SqlType {}
}
