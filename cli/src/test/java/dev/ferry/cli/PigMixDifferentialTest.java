package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * PigMix's shapes: page_views with its ^C/^D map and ^B bag-of-maps columns, users, power_users,
 * widerow, widegroupbydata; nulls in the columns PigMix's generator leaves null, and unicode names.
 */
@Tag("corpus")
class PigMixDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    private static final char A = '\u0001';
    private static final int PAGE_VIEWS = 300;

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
        Random random = new Random(16);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add((i % 13 == 0 ? "zoë" : "user") + i);
        }
        List<String> views = new ArrayList<>();
        for (int i = 0; i < PAGE_VIEWS; i++) {
            views.add(pageView(random, names));
        }
        write("page_views", views);
        write(
                "page_views_sorted",
                views.stream()
                        .sorted(Comparator.comparing(PigMixDifferentialTest::firstField))
                        .toList());
        List<String> users = new ArrayList<>();
        for (int i = 0; i < names.size() + 10; i++) {
            String name = i < names.size() && i % 4 != 3 ? names.get(i) : "other" + i;
            users.add(String.join(
                    String.valueOf(A),
                    name,
                    "555-" + (1000 + i),
                    i + " Main St",
                    "Town" + i % 5,
                    "CA",
                    "9" + (4000 + i)));
        }
        write("users", users);
        write(
                "users_sorted",
                users.stream()
                        .sorted(Comparator.comparing(PigMixDifferentialTest::firstField))
                        .toList());
        write("power_users", users.stream().filter(u -> u.hashCode() % 3 == 0).toList());
        write(
                "power_users_samples",
                users.stream().filter(u -> u.hashCode() % 2 == 0).toList());
        List<String> wide = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            StringBuilder row = new StringBuilder(i % 11 == 5 ? "" : names.get(random.nextInt(names.size())));
            for (int c = 0; c < 10; c++) {
                row.append(A).append(random.nextInt(100));
            }
            wide.add(row.toString());
        }
        write("widerow", wide);
        List<String> wideGroup = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // Few distinct keys so that groups have more than one row.
            Random small = new Random(i % 40);
            wideGroup.add(pageView(small, names.subList(0, 5))
                    + A
                    + pageView(small, names.subList(0, 5))
                    + A
                    + pageView(random, names.subList(0, 3)));
        }
        write("widegroupbydata", wideGroup);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(data.resolve("pigmix.jar")))) {
            // The loader is on the oracle's classpath; REGISTER needs a jar to exist.
        }
    }

    /** One page_views row as PigMix's generator writes it: ^A between the nine fields; null is an empty field. */
    private static String pageView(Random random, List<String> names) {
        String user = random.nextInt(20) == 0 ? "" : names.get(random.nextInt(names.size()));
        String queryTerm = random.nextInt(5) == 0 ? "" : "term" + random.nextInt(12);
        String revenue = random.nextInt(20) == 0 ? "" : String.valueOf(random.nextDouble() * random.nextInt(1000));
        String pageLinks = random.nextInt(5) == 0 ? "" : bagOfMaps(random);
        return String.join(
                String.valueOf(A),
                user,
                String.valueOf(random.nextInt(2)),
                String.valueOf(random.nextInt(10)),
                queryTerm,
                String.valueOf(random.nextInt(Integer.MAX_VALUE)),
                String.valueOf(random.nextInt(86400)),
                revenue,
                map(random),
                pageLinks);
    }

    /** PigMix's map: one-letter keys from 'a', each key ^D value, entries separated by ^C. */
    private static String map(Random random) {
        StringBuilder map = new StringBuilder();
        int entries = random.nextInt(4) + 1;
        for (int k = 0; k < entries; k++) {
            if (k != 0) {
                map.append('\u0003');
            }
            map.append((char) ('a' + k)).append('\u0004');
            int length = random.nextInt(4) + 1;
            for (int i = 0; i < length; i++) {
                map.append((char) (random.nextInt(122 - 65) + 65));
            }
        }
        return map.toString();
    }

    /** PigMix's bag of maps: elements separated by ^B, each the type letter 'm' and a map. */
    private static String bagOfMaps(Random random) {
        StringBuilder bag = new StringBuilder();
        int elements = random.nextInt(4) + 1;
        for (int i = 0; i < elements; i++) {
            if (i != 0) {
                bag.append('\u0002');
            }
            bag.append('m').append(map(random));
        }
        return bag.toString();
    }

    private static String firstField(String line) {
        int end = line.indexOf(A);
        return end < 0 ? line : line.substring(0, end);
    }

    private static void write(String name, List<String> lines) throws IOException {
        Files.writeString(data.resolve(name), String.join("\n", lines) + "\n");
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
