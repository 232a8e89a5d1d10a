package dev.ferry.runtime.functions;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.hadoop.util.bloom.HashFunction;
import org.apache.hadoop.util.bloom.Key;
import org.apache.hadoop.util.hash.Hash;

/**
 * Pig's BuildBloom (an Algebraic aggregate of a GROUP's bag): the Hadoop {@code org.apache.hadoop.util.bloom.BloomFilter}
 * of the bag's values, as the bytes its {@code write} gives (Pig's DataByteArray, which PigStorage stores as they are,
 * so a STORE of it is the file Pig writes). {@code PIG_BUILDBLOOM('jenkins', '100', '0.1', x)} sizes the filter from
 * the expected number of elements and false-positive rate as Pig's {@code BuildBloomBase.setSize} does (the rate read
 * as a float); {@code PIG_BUILDBLOOM_FIXED('jenkins', 'fixed', '1000', '3', x)} takes the vector size and number of
 * hashes. Each value is the key Pig's Initial makes of a one-field tuple: {@code DataType.toBytes}, the value's text
 * in UTF-8 (a bytearray's own bytes); a null or empty value fails the job, as Hadoop's {@code Key} and
 * {@code HashFunction} fail Pig's. The translation does not call it yet: a STORE writes a bytearray column as text
 * (see BuildBloom's row in the translator's PigFunctionTable).
 */
public final class PigBuildBloom {

    private PigBuildBloom() {}

    /** The filter being built: Hadoop's vector as BloomFilter.write lays it out (bit i: byte i/8, mask 1 << i%8). */
    public static final class Filter {
        public int vectorSize;
        public int nbHash;
        public int hashType;
        public byte[] bits;
    }

    /** A filter built from the values of a group, sized by the first row's arguments ({@code accumulate}). */
    private abstract static class Building extends AggregateFunction<byte[], Filter> {
        @Override
        public Filter createAccumulator() {
            return new Filter();
        }

        public void merge(Filter filter, Iterable<Filter> others) {
            PigBuildBloom.merge(filter, others);
        }

        @Override
        public byte[] getValue(Filter filter) {
            return serialized(filter);
        }
    }

    /** PIG_BUILDBLOOM(hashType, numElements, desiredFalsePositive, value). */
    public static final class Sized extends Building {
        public void accumulate(
                Filter filter,
                String hashType,
                String numElements,
                String falsePositive,
                @DataTypeHint(inputGroup = InputGroup.ANY) Object value) {
            if (filter.bits == null) {
                int num = Integer.valueOf(numElements);
                float fp = Float.valueOf(falsePositive);
                if (num < 1 || fp < 0.0 || fp >= 1.0) {
                    throw new IllegalArgumentException("Number of elements must be greater than zero and"
                            + " desiredFalsePositive must be between 0  and 1.");
                }
                int vectorSize = (int) (-1 * (num * Math.log(fp)) / Math.pow(Math.log(2), 2));
                init(filter, hashType, vectorSize, (int) (0.7 * vectorSize / num));
            }
            add(filter, value);
        }
    }

    /** PIG_BUILDBLOOM_FIXED(hashType, mode, vectorSize, nbHash, value): mode is ignored, as Pig ignores it. */
    public static final class Fixed extends Building {
        public void accumulate(
                Filter filter,
                String hashType,
                String mode,
                String vectorSize,
                String nbHash,
                @DataTypeHint(inputGroup = InputGroup.ANY) Object value) {
            if (filter.bits == null) {
                init(filter, hashType, Integer.valueOf(vectorSize), Integer.valueOf(nbHash));
            }
            add(filter, value);
        }
    }

    /** Pig's BuildBloomBase.convertHashType. */
    static int hashType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("jenkins")) {
            return Hash.JENKINS_HASH;
        } else if (lower.contains("murmur")) {
            return Hash.MURMUR_HASH;
        }
        throw new IllegalArgumentException("Unknown hash type " + name + ".  Valid values are jenkins and murmur.");
    }

    private static void init(Filter filter, String hashType, int vectorSize, int nbHash) {
        filter.hashType = hashType(hashType);
        filter.vectorSize = vectorSize;
        filter.nbHash = nbHash;
        filter.bits = new byte[(int) (((long) vectorSize + 7) / 8)];
    }

    /** BloomFilter.add(new Key(DataType.toBytes(value))). */
    private static void add(Filter filter, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(
                    "BuildBloom of a null value: Pig's new Key(null) fails the job" + " (value can not be null)");
        }
        byte[] key = value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
        int[] positions = new HashFunction(filter.vectorSize, filter.nbHash, filter.hashType).hash(new Key(key));
        for (int position : positions) {
            filter.bits[position / 8] |= (byte) (1 << (position % 8));
        }
    }

    /** BloomFilter.or of the partial filters (Pig's Intermediate and Final). */
    private static void merge(Filter filter, Iterable<Filter> others) {
        for (Filter other : others) {
            if (other.bits == null) {
                continue;
            }
            if (filter.bits == null) {
                filter.vectorSize = other.vectorSize;
                filter.nbHash = other.nbHash;
                filter.hashType = other.hashType;
                filter.bits = other.bits.clone();
            } else {
                for (int i = 0; i < filter.bits.length; i++) {
                    filter.bits[i] |= other.bits[i];
                }
            }
        }
    }

    /** Filter.write then BloomFilter.write: version -1, nbHash, hash type, vector size, the vector's bytes. */
    static byte[] serialized(Filter filter) {
        if (filter.bits == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(13 + filter.bits.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(-1);
            out.writeInt(filter.nbHash);
            out.writeByte(filter.hashType);
            out.writeInt(filter.vectorSize);
            out.write(filter.bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
