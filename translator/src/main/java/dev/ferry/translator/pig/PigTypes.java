package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pig type rules the translation relies on: column types, numeric widening, implicit casts. */
final class PigTypes {

    /**
     * How each Pig type is stored in a Flink table; a bytearray is the field's text, and so are a biginteger and a
     * bigdecimal: the text Pig prints for the value, which the runtime's PIG_BIG* functions compute on
     * ({@link BigNumbers}; Flink's DECIMAL has one scale per column and 38 digits, Pig's numbers neither limit), and
     * so is a datetime, the instant with its offset ({@link DateTimes}; Flink's TIMESTAMP_LTZ keeps no offset).
     */
    private static final Map<PigType, SqlType> COLUMN_TYPES = Map.of(
            PigType.INT, SqlType.INT,
            PigType.LONG, SqlType.BIGINT,
            PigType.FLOAT, SqlType.FLOAT,
            PigType.DOUBLE, SqlType.DOUBLE,
            PigType.CHARARRAY, SqlType.STRING,
            PigType.BYTEARRAY, SqlType.STRING,
            PigType.BOOLEAN, SqlType.BOOLEAN,
            PigType.DATETIME, SqlType.STRING,
            PigType.BIGINTEGER, SqlType.STRING,
            PigType.BIGDECIMAL, SqlType.STRING);

    /** A map read by a LOAD: Pig's text form parsed by the pig-storage format, its values kept as text (bytearray). */
    static final SqlType LOADED_MAP = new SqlType.Map(SqlType.STRING, SqlType.STRING);

    private PigTypes() {}

    /**
     * What a LOAD's {@code m:map[]} or {@code m:map[chararray]} holds: Pig's Utf8StorageConverter
     * keeps each value as the bytes between {@code #} and the next {@code ,} or {@code ]} (as text
     * for chararray). Numbers (map[int]) Pig converts by a cast after the read ({@link TypedMaps}).
     */
    static Inner loadedMap(dev.ferry.parser.pig.FieldSchema map) {
        PigType value =
                map.fields().isEmpty() ? PigType.BYTEARRAY : map.fields().get(0).type();
        if (value != PigType.BYTEARRAY && value != PigType.CHARARRAY && !TypedMaps.converts(value)) {
            throw ExprTranslator.unsupported(
                    map.span(),
                    "a map of " + value.keyword() + " values (map[" + value.keyword()
                            + "]) is not translated yet; declare it map[] and cast the looked-up values");
        }
        return new Inner(value);
    }

    /** Whether {@link #tupleFieldType} has a type for this field (not for a typed map, nor a bag or tuple of unknown fields). */
    static boolean hasTupleFieldType(PigType type, Inner inner) {
        if ((type == PigType.BAG || type == PigType.TUPLE)
                && inner != null
                && !inner.tupleTypes().isEmpty()) {
            for (int i = 0; i < inner.tupleTypes().size(); i++) {
                if (!hasTupleFieldType(inner.tupleTypes().get(i), inner.fieldInner(i))) {
                    return false;
                }
            }
            return true;
        }
        return type == PigType.MAP
                        && inner != null
                        && (inner.valueType() == PigType.BYTEARRAY || inner.valueType() == PigType.CHARARRAY)
                || columnType(type).isPresent();
    }

    /**
     * The SQL type of a bag's tuple field: a stored column's type, a text map for a map of bytearray or chararray
     * values, for a bag or tuple of known fields the type the runtime reads a loaded one as (an ARRAY of ROWs of
     * fields f0, f1...; a ROW of fields EXPR$0, EXPR$1...).
     */
    static SqlType tupleFieldType(PigType type, Inner inner) {
        if (type == PigType.MAP
                && inner != null
                && (inner.valueType() == PigType.BYTEARRAY || inner.valueType() == PigType.CHARARRAY)) {
            return LOADED_MAP;
        }
        if ((type == PigType.BAG || type == PigType.TUPLE)
                && inner != null
                && !inner.tupleTypes().isEmpty()) {
            List<dev.ferry.translator.sql.Column> columns = new java.util.ArrayList<>();
            for (int i = 0; i < inner.tupleTypes().size(); i++) {
                columns.add(new dev.ferry.translator.sql.Column(
                        (type == PigType.BAG ? "f" : "EXPR$") + i,
                        tupleFieldType(inner.tupleTypes().get(i), inner.fieldInner(i))));
            }
            SqlType.Row row = new SqlType.Row(columns);
            return type == PigType.BAG ? new SqlType.Array(row) : row;
        }
        return columnType(type).orElseThrow();
    }

    static Optional<SqlType> columnType(PigType type) {
        return Optional.ofNullable(COLUMN_TYPES.get(type));
    }

    /**
     * A view column's type: a stored column's type, or for a bag, tuple or map the shape alone, as the
     * element types are known to Flink's planner only (a map's values are bytearrays unless declared).
     */
    static Optional<SqlType> viewColumnType(PigType type) {
        return switch (type) {
            case BAG -> Optional.of(new SqlType.Array(new SqlType.Row(List.of())));
            case TUPLE -> Optional.of(new SqlType.Row(List.of()));
            case MAP -> Optional.of(new SqlType.Map(SqlType.STRING, SqlType.BYTES));
            default -> columnType(type);
        };
    }

    /** A STORE writes these as text the runtime formats (PIG_TEXT): a bag, tuple or map. */
    static boolean storedAsText(PigType type) {
        return type == PigType.BAG || type == PigType.TUPLE || type == PigType.MAP;
    }

    /**
     * The type two operands are compared in (comparisons, JOIN and COGROUP keys): Pig casts a bytearray
     * to the other side's type, widens numbers, and otherwise keeps the left type.
     */
    static PigType common(PigType left, PigType right) {
        if (left == right) {
            return left;
        }
        if (left == PigType.BYTEARRAY) {
            return right;
        }
        if (right == PigType.BYTEARRAY) {
            return left;
        }
        return isNumber(left) && isNumber(right) ? wider(left, right) : left;
    }

    /** Whether the type is a number: int, long, float, double, biginteger, bigdecimal. */
    static boolean isNumber(PigType type) {
        return type.isNumeric() || isBig(type);
    }

    /** Pig's arbitrary-precision numbers, held as their text ({@link BigNumbers}). */
    static boolean isBig(PigType type) {
        return type == PigType.BIGINTEGER || type == PigType.BIGDECIMAL;
    }

    /**
     * Pig's numeric widening, by DataType's type codes: int &lt; long &lt; float &lt; double &lt; biginteger &lt;
     * bigdecimal (biginteger + double is a biginteger in Pig: 1BI + 1.5 is 2).
     */
    static PigType wider(PigType a, PigType b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(PigType type) {
        return switch (type) {
            case INT -> 1;
            case LONG -> 2;
            case FLOAT -> 3;
            case DOUBLE -> 4;
            case BIGINTEGER -> 5;
            case BIGDECIMAL -> 6;
            default -> 0;
        };
    }
}
