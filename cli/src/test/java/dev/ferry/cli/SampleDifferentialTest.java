package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample's Pig scripts run in real Pig (local mode) and, translated, on embedded Flink over the
 * same input; the outputs must agree. Pig's output is also the sample's committed expected output
 * (samples/clickstream/expected/), which the end-to-end Airflow test compares the DAG's results with.
 */
class SampleDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    static final Path ROOT =
            Path.of(System.getProperty("ferry.root", "..")).toAbsolutePath().normalize();
    static final Path SAMPLE = ROOT.resolve("samples/clickstream");
    static final Path DATA = SAMPLE.resolve("data");

    static Stream<Arguments> scripts() {
        String views = DATA.resolve("raw/page_views/2026-01-15").toString();
        return Stream.of(
                Arguments.of("sessionize", Map.of("INPUT", views, "MIN_DURATION", "500"), false, "\t"),
                Arguments.of(
                        "revenue",
                        Map.of(
                                "INPUT",
                                views,
                                "USERS",
                                DATA.resolve("ref/users").toString()),
                        false,
                        ","),
                Arguments.of("top_pages", Map.of("INPUT", views), true, "\t"));
    }

    @ParameterizedTest(name = "{0}.pig")
    @MethodSource("scripts")
    void flinkAgreesWithPig(
            String name, Map<String, String> inputs, boolean ordered, String delimiter, @TempDir Path tmp)
            throws Exception {
        Path script = SAMPLE.resolve("apps/clickstream/pig/" + name + ".pig");
        Map<String, String> pigParams = new HashMap<>(inputs);
        pigParams.put("OUTPUT", tmp.resolve("pig").toString());
        PigOracle.shared().run(script, pigParams);

        Map<String, String> flinkParams = new HashMap<>(inputs);
        flinkParams.put("OUTPUT", tmp.resolve("flink").toString());
        EmbeddedFlink.run(EmbeddedFlink.translate(script, "pig/" + name + ".pig"), flinkParams);

        List<String> pig = PigOutput.read(tmp.resolve("pig"));
        List<String> flink = PigOutput.read(tmp.resolve("flink"));
        assertFalse(pig.isEmpty(), "Pig produced no rows: the sample no longer exercises " + name);
        assertEquals("", OutputComparison.differences(pig, flink, ordered, delimiter));

        Path expected = SAMPLE.resolve("expected/" + name + "/part-00000");
        if (Boolean.getBoolean("ferry.regenerate")) {
            Files.createDirectories(expected.getParent());
            Files.write(expected, ordered ? pig : pig.stream().sorted().toList());
        }
        List<String> committed = Files.readAllLines(expected);
        assertEquals(
                ordered ? pig : pig.stream().sorted().toList(),
                committed,
                "samples/clickstream/expected/" + name
                        + " is not what Pig writes; rerun with -Dferry.regenerate=true and review");
    }
}
