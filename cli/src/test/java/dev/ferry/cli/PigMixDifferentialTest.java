package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PigMix L1–L17 ({@code ../shared/corpus/pigmix}), unchanged, translated by Ferry and run in Flink and
 * in real Pig (the oracle, with its stand-in for PigMix's loader) on the same generated data of
 * PigMix's shapes ({@link PigMixData}).
 */
@Tag("corpus")
class PigMixDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    /** Outputs ORDERed by fields: L9 by query_term, L10 by query_term, estimated_revenue desc, timespent. */
    private static final Map<String, List<Integer>> SORT_KEYS = Map.of("L9", List.of(3), "L10", List.of(3, 6, 2));

    @TempDir
    static Path data;

    @TempDir
    Path tmp;

    static Stream<String> scripts() {
        return Stream.of(
                "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9", "L10", "L11", "L12", "L13", "L14", "L15", "L16",
                "L17");
    }

    @BeforeAll
    static void generateData() throws IOException {
        PigMixData.write(data);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(data.resolve("pigmix.jar")))) {
            // The loader is on the oracle's classpath; REGISTER needs a jar to exist.
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void agreesWithPig(String name) throws Exception {
        Path script = Files.copy(pigmix().resolve(name + ".pig"), tmp.resolve(name + ".pig"));
        Map<String, String> params = Map.of(
                "HDFS_ROOT",
                data.toString(),
                "PIGMIX_JAR",
                data.resolve("pigmix.jar").toString(),
                "PARALLEL",
                "1");
        Path pig = tmp.resolve("pig");
        Path flink = tmp.resolve("flink");
        PigOracle.shared().run(script, with(params, "PIGMIX_OUTPUT", pig.toString()));
        EmbeddedFlink.run(
                EmbeddedFlink.translate(script, name + ".pig"), with(params, "PIGMIX_OUTPUT", flink.toString()));
        List<Path> outputs;
        try (Stream<Path> list = Files.list(pig)) {
            outputs = list.sorted().toList();
        }
        assertTrue(!outputs.isEmpty(), "Pig wrote nothing");
        StringBuilder differences = new StringBuilder();
        for (Path output : outputs) {
            Path other = flink.resolve(output.getFileName());
            if (!Files.isDirectory(other)) {
                fail("Flink did not write " + output.getFileName());
            }
            List<String> expected = PigOutput.read(output);
            List<String> actual = PigOutput.read(other);
            assertTrue(!expected.isEmpty(), output.getFileName() + " is empty in Pig: the data misses the case");
            List<Integer> keys = SORT_KEYS.get(name);
            String diff = keys == null
                    ? OutputComparison.differences(expected, actual, false, "\t")
                    : OutputComparison.differences(expected, actual, keys, "\t");
            if (!diff.isEmpty()) {
                differences
                        .append(output.getFileName())
                        .append(":\n")
                        .append(diff)
                        .append('\n');
            }
        }
        assertEquals("", differences.toString());
    }

    private static Map<String, String> with(Map<String, String> params, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(params);
        all.put(key, value);
        return all;
    }

    private static Path pigmix() {
        String configured = System.getProperty("ferry.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "corpus", "pigmix"))) {
            return Path.of(configured, "corpus", "pigmix");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/corpus/pigmix"))) {
                return dir.resolve("shared/corpus/pigmix");
            }
        }
        return fail("cannot find shared/corpus/pigmix (set -Dferry.shared)");
    }
}
