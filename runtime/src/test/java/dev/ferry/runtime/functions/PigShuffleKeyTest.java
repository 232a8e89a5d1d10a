package dev.ferry.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.io.BooleanWritable;
import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.FloatWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableComparator;
import org.apache.hadoop.io.WritableUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PIG_SHUFFLE_KEY writes a key as Pig's map writes its PigNullableWritable (null flag, Hadoop's Writable of the
 * value, index 0), checked against Hadoop's own Writables; sorted unsigned, as {@code WritableComparator.compareBytes}
 * sorts, the keys come in the order Pig 0.18's GROUP wrote them (local mode, {@code GROUP raw BY name} and {@code BY
 * n} over the same values).
 */
class PigShuffleKeyTest {

    private final PigShuffleKey key = new PigShuffleKey();

    @Test
    void eachValueIsItsHadoopWritable() throws IOException {
        for (String s : List.of("", "a", "zoë", "x".repeat(127), "x".repeat(128), "y".repeat(300), "日本語")) {
            assertArrayEquals(pigKey(new Text(s)), key.eval(s), s);
        }
        for (int i : new int[] {0, 1, -1, 200, -300, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertArrayEquals(pigKey(new IntWritable(i)), key.eval(i));
            assertArrayEquals(pigKey(new LongWritable(i * 3_000_000_000L)), key.eval(i * 3_000_000_000L));
        }
        for (double d : new double[] {0.0, -0.0, 1.5, -2.0, 1e300, Double.NaN}) {
            assertArrayEquals(pigKey(new DoubleWritable(d)), key.eval(d));
            assertArrayEquals(pigKey(new FloatWritable((float) d)), key.eval((float) d));
        }
        assertArrayEquals(pigKey(new BooleanWritable(true)), key.eval(true));
        assertArrayEquals(new byte[] {1, 0}, key.eval((String) null));
        assertArrayEquals(new byte[] {1, 0}, key.eval((Integer) null));
    }

    @ParameterizedTest
    @ValueSource(
            longs = {0, 1, -1, 127, 128, -112, -113, 255, 256, 65_535, 65_536, -65_537, Long.MAX_VALUE, Long.MIN_VALUE})
    void lengthsAreHadoopsVLongs(long value) throws IOException {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        PigShuffleKey.writeVLong(new DataOutputStream(ours), value);
        ByteArrayOutputStream hadoops = new ByteArrayOutputStream();
        WritableUtils.writeVLong(new DataOutputStream(hadoops), value);
        assertArrayEquals(hadoops.toByteArray(), ours.toByteArray());
    }

    @Test
    void sortedByTheirBytesTheKeysComeInPigsOrder() {
        assertEquals(
                Arrays.asList("b", "c", "aa", "ab", null),
                sorted(Arrays.asList("aa", null, "c", "ab", "b"), key::eval));
        assertEquals(Arrays.asList(0, 3, 5, 7, -12, null), sorted(Arrays.asList(7, -12, null, 0, 5, 3), key::eval));
    }

    private static <T> List<T> sorted(List<T> values, Function<T, byte[]> bytes) {
        List<T> out = new ArrayList<>(values);
        out.sort((a, b) -> {
            byte[] x = bytes.apply(a);
            byte[] y = bytes.apply(b);
            return WritableComparator.compareBytes(x, 0, x.length, y, 0, y.length);
        });
        return out;
    }

    /** What PigNullableWritable.write writes for a non-null value of input 0. */
    private static byte[] pigKey(Writable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBoolean(false);
        value.write(out);
        out.writeByte(0);
        return bytes.toByteArray();
    }
}
