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
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ${user.name}} in LOAD and STORE paths ({@code /user/${user.name}/out}, found in public scripts): Pig's
 * preprocessor leaves it, Hadoop's Configuration fills in the user the job runs as. Real Pig 0.18 runs as this
 * JVM's user; the translated job gets the same user as its {@code user.name} parameter, and both read and write
 * under that user's directory.
 */
class PigConfigurationVariablesDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a LOAD and a STORE under the user's directory | raw = LOAD '$IN/${user.name}/data' AS (name:chararray, n:int);\\nSTORE raw INTO '$OUT/${user.name}/out';
            a LOAD without AS, a trailing slash           | raw = LOAD '$IN/${user.name}/data/';\\nr = FOREACH raw GENERATE $1, $0;\\nSTORE r INTO '$OUT/${user.name}/out/';
            the user twice in one path                    | raw = LOAD '$IN/${user.name}/data' AS (name:chararray, n:int);\\nSTORE raw INTO '$OUT/${user.name}/out/${user.name}';
            """)
    void flinkWritesWherePigWrites(String shape, String lines, @TempDir Path tmp) throws Exception {
        String user = System.getProperty("user.name");
        Path in = Files.createDirectories(tmp.resolve("in").resolve(user));
        Files.writeString(in.resolve("data"), "ann\t1\nzoë\t\n\t3\n");
        Path script = Files.writeString(tmp.resolve("case.pig"), lines.replace("\\n", "\n") + "\n");
        String written = lines.contains("out/${user.name}") ? user + "/out/" + user : user + "/out";

        Map<String, String> params =
                new HashMap<>(Map.of("IN", tmp.resolve("in").toString()));
        params.put("OUT", tmp.resolve("pig").toString());
        PigOracle.shared().run(script, params);
        params.put("OUT", tmp.resolve("flink").toString());
        params.put("user.name", user);
        EmbeddedFlink.run(EmbeddedFlink.translate(script, "case.pig"), params);

        List<String> pig = PigOutput.read(tmp.resolve("pig").resolve(written));
        assertFalse(pig.isEmpty(), shape + ": Pig wrote nothing under the user's directory");
        assertEquals(
                "",
                OutputComparison.differences(
                        pig, PigOutput.read(tmp.resolve("flink").resolve(written)), false, "\t"),
                shape);
    }
}
