package dev.ferry.runtime.format;

import dev.ferry.runtime.pig.LoadCasts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.LogicalType;
import org.joda.time.DateTime;
import org.joda.time.format.ISODateTimeFormat;

/**
 * A column type pig-storage can read and write, with Pig's text form for it. Reading follows the
 * load casts Pig applies to a {@code LOAD ... AS (...)} schema ({@link LoadCasts}); writing follows
 * {@code org.apache.pig.impl.util.StorageUtil.putField}: {@code toString()} of the boxed value
 * ({@code Double.toString} gives "5.04E7", {@code Boolean.toString} gives "true"), chararray as
 * UTF-8, bytearray as its raw bytes.
 */
enum PigFieldType {
    /** Pig chararray; Flink STRING / VARCHAR(n). */
    CHARARRAY {
        @Override
        Object read(String text, byte[] line, int start, int end) {
            return StringData.fromString(text);
        }

        @Override
        void write(RowData row, int pos, ByteArrayOutputStream out) {
            out.writeBytes(row.getString(pos).toBytes());
        }
    },
    /** Pig bytearray; Flink BYTES / VARBINARY(n). The bytes are kept as they are in the file. */
    BYTEARRAY {
        @Override
        boolean needsText() {
            return false;
        }

        @Override
        Object read(String text, byte[] line, int start, int end) {
            return Arrays.copyOfRange(line, start, end);
        }

        @Override
        void write(RowData row, int pos, ByteArrayOutputStream out) {
            out.writeBytes(row.getBinary(pos));
        }
    },
    /** Pig int; Flink INT. */
    INT(LoadCasts::toInteger, RowData::getInt),
    /** Pig long; Flink BIGINT. */
    LONG(LoadCasts::toLong, RowData::getLong),
    /** Pig float; Flink FLOAT. */
    FLOAT(LoadCasts::toFloat, RowData::getFloat),
    /** Pig double; Flink DOUBLE. */
    DOUBLE(LoadCasts::toDouble, RowData::getDouble),
    /** Pig boolean; Flink BOOLEAN. */
    BOOLEAN(LoadCasts::toBoolean, RowData::getBoolean),
    /**
     * Pig datetime; Flink TIMESTAMP_LTZ(3). Read as Utf8StorageConverter.bytesToDateTime does (ISO
     * 8601 through joda, in Pig's default zone unless the text has an offset; else null).
     */
    DATETIME {
        @Override
        Object read(String text, byte[] line, int start, int end) {
            try {
                return TimestampData.fromEpochMillis(ISODateTimeFormat.dateTimeParser()
                        .withZone(PigZone.defaultZone())
                        .parseMillis(text));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        void write(RowData row, int pos, ByteArrayOutputStream out) {
            out.writeBytes(new DateTime(row.getTimestamp(pos, 3).getMillisecond(), PigZone.defaultZone())
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
        }
    },
    /**
     * Pig map[] or map[chararray]; Flink MAP&lt;STRING, STRING&gt;. Read as Utf8StorageConverter's
     * consumeMap does for an untyped map: skip to '[', a key runs to '#', a value to the ',' or ']'
     * outside any nested (), {} or []; an empty value is null, {@code []} an empty map, and a missing '[' or '#', an empty
     * key or an unmatched bracket makes the whole map null (Pig's "field discarded").
     */
    MAP {
        @Override
        Object read(String text, byte[] line, int start, int end) {
            return PigMaps.parse(text);
        }

        @Override
        void write(RowData row, int pos, ByteArrayOutputStream out) {
            out.writeBytes(PigMaps.TEXT.text(row.getMap(pos)).getBytes(StandardCharsets.UTF_8));
        }
    };

    /** A number or boolean: read by its load cast, written as {@code toString()} of the boxed value (ASCII). */
    private final Function<String, Object> loadCast;

    private final Getter getter;

    /** A type that reads and writes itself. */
    PigFieldType() {
        this(null, null);
    }

    PigFieldType(Function<String, Object> loadCast, Getter getter) {
        this.loadCast = loadCast;
        this.getter = getter;
    }

    /** Field {@code pos} of a row, boxed. */
    @FunctionalInterface
    private interface Getter {
        Object get(RowData row, int pos);
    }

    /** Whether {@link #read} needs the field decoded as UTF-8 text. */
    boolean needsText() {
        return true;
    }

    /**
     * Converts one non-empty field, {@code line[start, end)}, to Flink's internal value, or null where
     * Pig would discard it. {@code text} is the field decoded as UTF-8 (null when {@link #needsText}
     * is false).
     */
    Object read(String text, byte[] line, int start, int end) {
        return loadCast.apply(text);
    }

    /** Appends the non-null field {@code pos} of {@code row} in Pig's text form. */
    void write(RowData row, int pos, ByteArrayOutputStream out) {
        writeAscii(getter.get(row, pos).toString(), out);
    }

    /** The Pig type for a column, or a {@link ValidationException} naming the column. */
    static PigFieldType of(String column, LogicalType type) {
        switch (type.getTypeRoot()) {
            case VARCHAR:
            case CHAR: // a SQL string literal, e.g. a key of MAP['a', x]
                return CHARARRAY;
            case VARBINARY:
                return BYTEARRAY;
            case INTEGER:
                return INT;
            case BIGINT:
                return LONG;
            case FLOAT:
                return FLOAT;
            case DOUBLE:
                return DOUBLE;
            case BOOLEAN:
                return BOOLEAN;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return DATETIME;
            case MAP:
                if (PigMaps.isTextMap(type)) {
                    return MAP;
                }
                throw unsupported(column, type);
            default:
                throw unsupported(column, type);
        }
    }

    private static ValidationException unsupported(String column, LogicalType type) {
        return new ValidationException("pig-storage: column '" + column + "' has type " + type.asSummaryString()
                + ", which Pig's PigStorage cannot hold; use INT, BIGINT, FLOAT,"
                + " DOUBLE, STRING/VARCHAR, BOOLEAN, BYTES or MAP<STRING, STRING>");
    }

    static String decode(byte[] line, int start, int end) {
        return new String(line, start, end - start, StandardCharsets.UTF_8);
    }

    private static void writeAscii(String s, ByteArrayOutputStream out) {
        for (int i = 0; i < s.length(); i++) {
            out.write(s.charAt(i));
        }
    }
}
