package dev.ferry.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.io.WritableComparator;
import org.junit.jupiter.api.Test;

/**
 * PIG_SHUFFLE_TUPLE writes a key tuple as Pig 0.18's map writes its NullableTuple (not-null flag, the tuple as
 * BinInterSedes writes it, index 0); sorted unsigned, as {@code WritableComparator.compareBytes} sorts, the keys come
 * in the order Pig's shuffle gives a GROUP by several keys or a DISTINCT (checked against real Pig in
 * PigRankDifferentialTest).
 */
class PigShuffleTupleTest {

    private final PigShuffleTuple key = new PigShuffleTuple();

    /** Each case: the fields, then the bytes BinInterSedes' type codes (Pig 0.18's constants) give them. */
    @Test
    void eachFieldIsATypeByteAndItsValue() {
        assertBytes(new Object[] {0, "ab"}, 0, 36 + 2, 4, 15, 0, 2, 'a', 'b', 0);
        assertBytes(new Object[] {1, -1, 300, 70_000}, 0, 36 + 4, 5, 7, 0xFF, 6, 0x01, 0x2C, 3, 0, 1, 0x11, 0x70, 0);
        assertBytes(
                new Object[] {0L, 1L, 5L, 300L, 70_000L, 1L << 40},
                0,
                36 + 6,
                34,
                35,
                31,
                5,
                32,
                0x01,
                0x2C,
                33,
                0,
                1,
                0x11,
                0x70,
                8,
                0,
                0,
                1,
                0,
                0,
                0,
                0,
                0,
                0);
        assertBytes(new Object[] {true, false, null}, 0, 36 + 3, 0, 1, 27, 0);
        assertBytes(new Object[] {1.5f, -2.0}, 0, 36 + 2, 9, 0x3F, 0xC0, 0, 0, 10, 0xC0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertBytes(new Object[] {"é"}, 0, 36 + 1, 15, 0, 2, 0xC3, 0xA9, 0);
        Object[] ten = new Object[10];
        byte[] tenBytes = key.eval(ten);
        assertEquals(List.of(0, 21, 10), List.of((int) tenBytes[0], (int) tenBytes[1], (int) tenBytes[2]));
    }

    @Test
    void aChararrayOfSixtyFiveThousandBytesHasAnIntLength() {
        byte[] bytes = key.eval("x".repeat(65_535));
        assertEquals(List.of(0, 37, 14, 0, 0, 0xFF, 0xFF), unsigned(bytes).subList(0, 7));
        assertEquals(
                List.of(0, 37, 15, 0xFF, 0xFE),
                unsigned(key.eval("x".repeat(65_534))).subList(0, 5));
    }

    @Test
    void sortedByTheirBytesTheKeysComeInPigsOrder() {
        // ints: wider than a short, then 0, then 1, then the shorts, then the bytes (positives first in each); null
        // last
        assertEquals(
                Arrays.asList(40_000, -40_000, 0, 1, 128, -129, 2, 127, -4, null),
                firstFields(sorted(-4, 0, null, 1, 2, 127, 128, -129, 40_000, -40_000)));
        // chararrays: by UTF-8 length first; null after them
        assertEquals(
                Arrays.asList("", "b", "zz", "Éva", "annabel", null),
                firstFields(sorted("zz", null, "annabel", "Éva", "", "b")));
        // true before false
        assertEquals(Arrays.asList(true, false, null), firstFields(sorted(false, null, true)));
        // doubles by their bits: the negatives after the positives; a null after them
        assertEquals(Arrays.asList(0.0, 2.5, -1.5, null), firstFields(sorted(null, 2.5, -1.5, 0.0)));
        // longs: a wide one, then a null field, then those that fit a byte, 0 and 1 last
        assertEquals(Arrays.asList(1L << 40, null, 5L, 0L, 1L), firstFields(sorted(0L, 5L, null, 1L, 1L << 40)));
    }

    @Test
    void theSecondFieldBreaksTiesOfTheFirst() {
        List<Object[]> keys = new ArrayList<>(List.of(
                new Object[] {3, null},
                new Object[] {3, "dan"},
                new Object[] {0, "Éva"},
                new Object[] {3, "cid"},
                new Object[] {-4, "ann"},
                new Object[] {3, "Éva"}));
        keys.sort(this::compare);
        assertEquals(
                List.of("[0, Éva]", "[3, cid]", "[3, dan]", "[3, Éva]", "[3, null]", "[-4, ann]"),
                keys.stream().map(Arrays::toString).toList());
    }

    @Test
    void otherTypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> key.eval(new Object[] {new byte[] {1}}));
    }

    private void assertBytes(Object[] fields, int... expected) {
        assertEquals(Arrays.stream(expected).boxed().toList(), unsigned(key.eval(fields)), Arrays.toString(fields));
    }

    private static List<Integer> unsigned(byte[] bytes) {
        List<Integer> out = new ArrayList<>();
        for (byte b : bytes) {
            out.add(b & 0xFF);
        }
        return out;
    }

    private List<Object[]> sorted(Object... firstFields) {
        List<Object[]> keys = new ArrayList<>();
        for (Object field : firstFields) {
            keys.add(new Object[] {field});
        }
        keys.sort(this::compare);
        return keys;
    }

    private static List<Object> firstFields(List<Object[]> keys) {
        return keys.stream().map(k -> k[0]).toList();
    }

    private int compare(Object[] a, Object[] b) {
        byte[] x = key.eval(a);
        byte[] y = key.eval(b);
        return WritableComparator.compareBytes(x, 0, x.length, y, 0, y.length);
    }
}
