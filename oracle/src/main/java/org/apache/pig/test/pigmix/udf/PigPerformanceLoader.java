package org.apache.pig.test.pigmix.udf;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.pig.LoadCaster;
import org.apache.pig.ResourceSchema.ResourceFieldSchema;
import org.apache.pig.builtin.PigStorage;
import org.apache.pig.builtin.Utf8StorageConverter;
import org.apache.pig.data.BagFactory;
import org.apache.pig.data.DataBag;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.joda.time.DateTime;

/**
 * A stand-in for PigMix's loader (Pig's test/perf/pigmix, not published as an artifact), so the
 * oracle runs the PigMix scripts unchanged. It behaves as PigMix's class does, read from its source:
 * PigStorage with a ^A delimiter; Utf8StorageConverter's casts, except a bag, read from PigMix's
 * encoding: elements separated by ^B, each a type letter (i l f d s m b) then the value; a map's
 * entries separated by ^C, each a one-character key, ^D, and the value. Its quirks are kept: each
 * element's bytes get a trailing NUL (the copy is one byte longer than what is copied into it), and
 * a map value inside a bag loses its first character and gets a trailing NUL the same way.
 */
public class PigPerformanceLoader extends PigStorage {

    public PigPerformanceLoader() {
        super("\u0001");
    }

    @Override
    public LoadCaster getLoadCaster() throws IOException {
        return new Caster();
    }

    /**
     * What PigMix's copy loop leaves for the element {@code b[start, end)}: {@code end - start} bytes,
     * the element without its first byte, then a NUL.
     */
    private static byte[] shiftedCopy(byte[] b, int start, int end) {
        byte[] copy = new byte[Math.max(0, end - start)];
        if (end - start > 1) {
            System.arraycopy(b, start + 1, copy, 0, end - start - 1);
        }
        return copy;
    }

    /** PigMix's caster. */
    static final class Caster implements LoadCaster {

        private final Utf8StorageConverter utf8 = new Utf8StorageConverter();

        @Override
        public DataBag bytesToBag(byte[] b, ResourceFieldSchema schema) throws IOException {
            if (b == null) {
                return null;
            }
            DataBag bag = BagFactory.getInstance().newDefaultBag();
            int pos = 0;
            while (pos < b.length) {
                int start = pos;
                while (pos < b.length && b[pos] != 2) {
                    pos++;
                }
                byte[] value = shiftedCopy(b, start, pos);
                Tuple t = TupleFactory.getInstance().newTuple(1);
                switch (b[start]) {
                    case 'i' -> t.set(0, bytesToInteger(value));
                    case 'l' -> t.set(0, bytesToLong(value));
                    case 'f' -> t.set(0, bytesToFloat(value));
                    case 'd' -> t.set(0, bytesToDouble(value));
                    case 's' -> t.set(0, bytesToCharArray(value));
                    case 'm' -> t.set(0, pigmixMap(value));
                    case 'b' -> t.set(0, bytesToBag(value, null));
                    default -> throw new RuntimeException("unknown type " + b[start]);
                }
                pos++;
                bag.add(t);
            }
            return bag;
        }

        private Map<String, Object> pigmixMap(byte[] b) throws IOException {
            Map<String, Object> m = new HashMap<>();
            int pos = 0;
            while (pos < b.length) {
                String key = new String(new byte[] {b[pos]});
                pos += 2;
                int start = pos;
                while (pos < b.length && b[pos] != 3) {
                    pos++;
                }
                m.put(key, bytesToCharArray(shiftedCopy(b, start, pos)));
                pos++;
            }
            return m;
        }

        @Override
        public String bytesToCharArray(byte[] b) throws IOException {
            return utf8.bytesToCharArray(b);
        }

        @Override
        public Double bytesToDouble(byte[] b) throws IOException {
            return utf8.bytesToDouble(b);
        }

        @Override
        public Float bytesToFloat(byte[] b) throws IOException {
            return utf8.bytesToFloat(b);
        }

        @Override
        public Integer bytesToInteger(byte[] b) throws IOException {
            return utf8.bytesToInteger(b);
        }

        @Override
        public Long bytesToLong(byte[] b) throws IOException {
            return utf8.bytesToLong(b);
        }

        @Override
        public Tuple bytesToTuple(byte[] b, ResourceFieldSchema schema) throws IOException {
            return utf8.bytesToTuple(b, schema);
        }

        @Override
        public Boolean bytesToBoolean(byte[] b) throws IOException {
            return utf8.bytesToBoolean(b);
        }

        @Override
        public DateTime bytesToDateTime(byte[] b) throws IOException {
            return utf8.bytesToDateTime(b);
        }

        @Override
        public Map<String, Object> bytesToMap(byte[] b, ResourceFieldSchema schema) throws IOException {
            return utf8.bytesToMap(b, schema);
        }

        @Override
        public BigInteger bytesToBigInteger(byte[] b) throws IOException {
            return utf8.bytesToBigInteger(b);
        }

        @Override
        public BigDecimal bytesToBigDecimal(byte[] b) throws IOException {
            return utf8.bytesToBigDecimal(b);
        }
    }
}
