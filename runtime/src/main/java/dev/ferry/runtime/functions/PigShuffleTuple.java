package dev.ferry.runtime.functions;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * PIG_SHUFFLE_TUPLE(f1, f2, ...): the bytes Pig's map writes for the key tuple (f1, f2, ...) of one input, the key of a
 * GROUP by several fields or of a DISTINCT (its whole row): a {@code NullableTuple}'s null flag, the tuple as Pig 0.18's
 * {@code BinInterSedes} writes it, the input's index 0. Pig sorts such a map output by these bytes, unsigned ({@code
 * JobControlCompiler.PigTupleWritableComparator} is {@code WritableComparator.compareBytes}), so ordering a reduce's rows
 * by them gives the order of Pig's part file. Each field is a type byte chosen by its value, then the value: an int
 * wider than a short first, then 0, then 1, then the shorts, then the bytes (each size's positives before its
 * negatives); a long's sizes likewise, in the order wide (8), byte, short, int, 0, 1 (31 to 35); true (0) before false
 * (1); a chararray by its UTF-8 length first. A null field is a type byte of its own (27): after every int, float,
 * double, chararray and wide long, before any other long.
 */
public final class PigShuffleTuple extends ScalarFunction {

    // BinInterSedes' type bytes (Pig 0.18)
    static final int BOOLEAN_TRUE = 0;
    static final int BOOLEAN_FALSE = 1;
    static final int INTEGER = 3;
    static final int INTEGER_0 = 4;
    static final int INTEGER_1 = 5;
    static final int INTEGER_INSHORT = 6;
    static final int INTEGER_INBYTE = 7;
    static final int LONG = 8;
    static final int FLOAT = 9;
    static final int DOUBLE = 10;
    static final int CHARARRAY = 14;
    static final int SMALLCHARARRAY = 15;
    static final int TUPLE = 19;
    static final int SMALLTUPLE = 20;
    static final int TINYTUPLE = 21;
    static final int NULL = 27;
    static final int LONG_INBYTE = 31;
    static final int LONG_INSHORT = 32;
    static final int LONG_ININT = 33;
    static final int LONG_0 = 34;
    static final int LONG_1 = 35;
    static final int TUPLE_0 = 36;

    private static final int UNSIGNED_BYTE_MAX = 255;
    private static final int UNSIGNED_SHORT_MAX = 65535;

    public byte[] eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object... fields) {
        return PigShuffleKey.key(fields, out -> writeTuple(out, fields));
    }

    /** {@code SedesHelper.writeGenericTuple}: the size (in the type byte up to 9 fields), then each field. */
    private static void writeTuple(DataOutputStream out, Object[] fields) throws IOException {
        int size = fields.length;
        if (size <= 9) {
            out.writeByte(TUPLE_0 + size);
        } else if (size < UNSIGNED_BYTE_MAX) {
            out.writeByte(TINYTUPLE);
            out.writeByte(size);
        } else if (size < UNSIGNED_SHORT_MAX) {
            out.writeByte(SMALLTUPLE);
            out.writeShort(size);
        } else {
            out.writeByte(TUPLE);
            out.writeInt(size);
        }
        for (Object field : fields) {
            writeDatum(out, field);
        }
    }

    /** {@code BinInterSedes.writeDatum} of the scalars a key tuple of a translated job holds. */
    private static void writeDatum(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Integer i) {
            writeInt(out, i);
        } else if (value instanceof Long l) {
            writeLong(out, l);
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? BOOLEAN_TRUE : BOOLEAN_FALSE);
        } else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (utf8.length < UNSIGNED_SHORT_MAX) {
                out.writeByte(SMALLCHARARRAY);
                out.writeShort(utf8.length);
            } else {
                out.writeByte(CHARARRAY);
                out.writeInt(utf8.length);
            }
            out.write(utf8);
        } else {
            throw new IllegalArgumentException(
                    "PIG_SHUFFLE_TUPLE: a key field of type " + value.getClass().getName() + " is not supported");
        }
    }

    private static void writeInt(DataOutputStream out, int i) throws IOException {
        if (i == 0) {
            out.writeByte(INTEGER_0);
        } else if (i == 1) {
            out.writeByte(INTEGER_1);
        } else if (Byte.MIN_VALUE <= i && i <= Byte.MAX_VALUE) {
            out.writeByte(INTEGER_INBYTE);
            out.writeByte(i);
        } else if (Short.MIN_VALUE <= i && i <= Short.MAX_VALUE) {
            out.writeByte(INTEGER_INSHORT);
            out.writeShort(i);
        } else {
            out.writeByte(INTEGER);
            out.writeInt(i);
        }
    }

    private static void writeLong(DataOutputStream out, long l) throws IOException {
        if (l == 0) {
            out.writeByte(LONG_0);
        } else if (l == 1) {
            out.writeByte(LONG_1);
        } else if (Byte.MIN_VALUE <= l && l <= Byte.MAX_VALUE) {
            out.writeByte(LONG_INBYTE);
            out.writeByte((int) l);
        } else if (Short.MIN_VALUE <= l && l <= Short.MAX_VALUE) {
            out.writeByte(LONG_INSHORT);
            out.writeShort((int) l);
        } else if (Integer.MIN_VALUE <= l && l <= Integer.MAX_VALUE) {
            out.writeByte(LONG_ININT);
            out.writeInt((int) l);
        } else {
            out.writeByte(LONG);
            out.writeLong(l);
        }
    }
}
