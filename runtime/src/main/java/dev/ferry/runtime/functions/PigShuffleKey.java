package dev.ferry.runtime.functions;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * PIG_SHUFFLE_KEY(key): the bytes Pig's map writes for a GROUP's key of one input (its {@code PigNullableWritable}:
 * a null flag, the value's Writable, the input's index 0). Pig 0.18 sorts a GROUP's map output by these bytes, unsigned
 * (the byte-only comparators of {@code PigWritableComparators}, {@code WritableComparator.compareBytes}), so ordering a
 * reduce's rows by them gives the order of Pig's part file: a chararray by its UTF-8 length first (Text's vint), an int
 * or long with the negatives after the positives, the null key last.
 */
public final class PigShuffleKey extends ScalarFunction {

    private static final int INDEX = 0;

    public byte[] eval(String key) {
        return key(key, out -> {
            byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
            writeVLong(out, utf8.length);
            out.write(utf8);
        });
    }

    public byte[] eval(Integer key) {
        return key(key, out -> out.writeInt(key));
    }

    public byte[] eval(Long key) {
        return key(key, out -> out.writeLong(key));
    }

    public byte[] eval(Float key) {
        return key(key, out -> out.writeFloat(key));
    }

    public byte[] eval(Double key) {
        return key(key, out -> out.writeDouble(key));
    }

    public byte[] eval(Boolean key) {
        return key(key, out -> out.writeBoolean(key));
    }

    /** What writes a non-null key's value, as its Writable does. */
    interface Value {
        void write(DataOutputStream out) throws IOException;
    }

    /** A key of input 0 as its {@code PigNullableWritable} writes it: the null flag, the value, the index. */
    static byte[] key(Object key, Value value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeBoolean(key == null);
            if (key != null) {
                value.write(out);
            }
            out.writeByte(INDEX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Hadoop's {@code WritableUtils.writeVLong}: -112..127 in one byte, else a length byte and the big-endian bytes. */
    static void writeVLong(DataOutputStream out, long value) throws IOException {
        if (value >= -112 && value <= 127) {
            out.writeByte((int) value);
            return;
        }
        long i = value;
        int len = -112;
        if (i < 0) {
            i ^= -1L;
            len = -120;
        }
        for (long tmp = i; tmp != 0; tmp >>= 8) {
            len--;
        }
        out.writeByte(len);
        for (int idx = len < -120 ? -(len + 120) : -(len + 112); idx != 0; idx--) {
            int shift = (idx - 1) * 8;
            out.writeByte((int) ((i & (0xFFL << shift)) >> shift));
        }
    }
}
