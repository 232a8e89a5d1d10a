package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Pig substitutes a parameter's text before it parses the script, so {@code $N} is whatever literal its value
 * spells where it stands: a number in {@code LIMIT o $N} or {@code clicks > $MIN}, a string inside quotes. The
 * translation keeps parameters symbolic (bound when the job runs), so each position is a row here: real Pig and
 * the translated job on the same input and the same values.
 */
class ParameterTextDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("LIMIT by a parameter", "o = ORDER rows BY name, clicks;\nr = LIMIT o $N;\n", "N", "3"),
                Arguments.of(
                        "LIMIT by a parameter larger than the input",
                        "o = ORDER rows BY name, clicks;\nr = LIMIT o $N;\n",
                        "N",
                        "100"),
                Arguments.of(
                        "a parameter compared with an int field", "r = FILTER rows BY clicks > $MIN;\n", "MIN", "2"),
                Arguments.of(
                        "a parameter in int arithmetic is an int",
                        "r = FOREACH rows GENERATE name, clicks * $K, $K + 1;\n",
                        "K",
                        "10"),
                Arguments.of(
                        "a quoted parameter is a chararray", "r = FILTER rows BY city == '$CITY';\n", "CITY", "Paris"),
                Arguments.of(
                        "a parameter as PigStorage's delimiter, an escape (\\t) in its value",
                        "r = LOAD '$INPUT' USING PigStorage('$D') AS (name:chararray, city:chararray);\n",
                        "D",
                        "\\t"),
                Arguments.of(
                        "a parameter as the delimiter of a STORE and of the LOAD that reads it back",
                        "s = FOREACH rows GENERATE name, clicks;\nSTORE s INTO '$OUTPUT-d' USING PigStorage('$D');\n"
                                + "r = LOAD '$OUTPUT-d' USING PigStorage('$D') AS (name:chararray, clicks:int);\n",
                        "D",
                        ","));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body, String name, String value, @TempDir Path tmp)
            throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), PigSemanticsDifferentialTest.INPUT);
        Path script = Files.writeString(
                tmp.resolve("case.pig"), PigSemanticsDifferentialTest.LOAD + body + "STORE r INTO '$OUTPUT';\n");
        Map<String, String> pigParams = new HashMap<>(Map.of("INPUT", input.toString(), name, value));
        pigParams.put("OUTPUT", tmp.resolve("pig").toString());
        PigOracle.shared().run(script, pigParams);
        Map<String, String> flinkParams = new HashMap<>(pigParams);
        flinkParams.put("OUTPUT", tmp.resolve("flink").toString());
        EmbeddedFlink.run(EmbeddedFlink.translate(script, "case.pig"), flinkParams);

        List<String> pig = PigOutput.read(tmp.resolve("pig"));
        List<String> flink = PigOutput.read(tmp.resolve("flink"));
        assertEquals("", OutputComparison.differences(pig, flink, false, "\t"), semantic);
    }
}
