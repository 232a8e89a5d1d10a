package dev.ferry.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.runtime.SharedMiniCluster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.hadoop.util.bloom.BloomFilter;
import org.apache.hadoop.util.bloom.Key;
import org.apache.hadoop.util.hash.Hash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PIG_BUILDBLOOM gives the bytes Hadoop's own BloomFilter writes for the same keys (the cli's
 * PigDefinedBuiltinsDifferentialTest compares a STORE of it with the file Pig writes), split in partial filters
 * merged as Pig's combiner ORs them.
 */
class PigBuildBloomTest {

    private static final List<Object> VALUES = List.of("ann", "żółw ǅ", " ", 3, -9L, 2.5, 1.5f, "Kraków");

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(textBlock = """
            jenkins, 100, 0.1
            murmur,  5,   0.01
            JENKINS, 10,  0.3
            """)
    void sizedFilterIsHadoopsBloomFilter(String hash, String elements, String rate) throws Exception {
        PigBuildBloom.Sized build = new PigBuildBloom.Sized();
        PigBuildBloom.Filter first = build.createAccumulator();
        PigBuildBloom.Filter second = build.createAccumulator();
        for (int i = 0; i < VALUES.size(); i++) {
            build.accumulate(i % 2 == 0 ? first : second, hash, elements, rate, VALUES.get(i));
        }
        PigBuildBloom.Filter merged = build.createAccumulator();
        build.merge(merged, List.of(first, second));
        int num = Integer.parseInt(elements);
        int vectorSize = (int) (-1 * (num * Math.log(Float.parseFloat(rate))) / Math.pow(Math.log(2), 2));
        assertArrayEquals(
                hadoops(vectorSize, (int) (0.7 * vectorSize / num), PigBuildBloom.hashType(hash)),
                build.getValue(merged));
    }

    @Test
    void fixedFilterIsHadoopsBloomFilter() throws Exception {
        PigBuildBloom.Fixed build = new PigBuildBloom.Fixed();
        PigBuildBloom.Filter filter = build.createAccumulator();
        VALUES.forEach(value -> build.accumulate(filter, "murmur", "fixed", "1001", "4", value));
        assertArrayEquals(hadoops(1001, 4, Hash.MURMUR_HASH), build.getValue(filter));
    }

    @Test
    void aNullOrEmptyValueFailsTheJobAsHadoopsKeyAndHashDo() {
        PigBuildBloom.Sized build = new PigBuildBloom.Sized();
        assertThrows(
                IllegalArgumentException.class,
                () -> build.accumulate(build.createAccumulator(), "jenkins", "10", "0.1", null));
        assertThrows(
                IllegalArgumentException.class,
                () -> build.accumulate(build.createAccumulator(), "jenkins", "10", "0.1", ""));
    }

    /** Both aggregates called by Flink SQL (accumulator, merge and result as Flink finds them) over rows of text. */
    @Test
    void bothRunInFlinkSql() throws Exception {
        TableEnvironment env = SharedMiniCluster.batchEnvironment();
        PigFunctions.registerAll(env);
        List<Object> words = List.of("ann", "żółw ǅ", " ", "Kraków");
        Row row;
        try (CloseableIterator<Row> rows = env.executeSql(
                        "SELECT PIG_BUILDBLOOM_FIXED('murmur', 'fixed', '1001', '4', w),"
                                + " PIG_BUILDBLOOM('jenkins', '100', '0.1', w)"
                                + " FROM (VALUES ('ann'), ('żółw ǅ'), (' '), ('Kraków')) AS t(w)")
                .collect()) {
            row = rows.next();
        }
        int vectorSize = (int) (-1 * (100 * Math.log(0.1f)) / Math.pow(Math.log(2), 2));
        assertArrayEquals(hadoops(words, 1001, 4, Hash.MURMUR_HASH), (byte[]) row.getField(0));
        assertArrayEquals(hadoops(words, vectorSize, (int) (0.7 * vectorSize / 100), Hash.JENKINS_HASH), (byte[])
                row.getField(1));
    }

    private static byte[] hadoops(int vectorSize, int nbHash, int hashType) throws Exception {
        return hadoops(VALUES, vectorSize, nbHash, hashType);
    }

    private static byte[] hadoops(List<Object> values, int vectorSize, int nbHash, int hashType) throws Exception {
        BloomFilter filter = new BloomFilter(vectorSize, nbHash, hashType);
        for (Object value : values) {
            filter.add(new Key(value.toString().getBytes(StandardCharsets.UTF_8)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            filter.write(out);
        }
        return bytes.toByteArray();
    }
}
