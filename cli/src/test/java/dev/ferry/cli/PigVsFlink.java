package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOracleException;
import dev.ferry.oracle.PigOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Pig script run in real Pig and, translated by Ferry, in Flink on the same input: the differences of their outputs. */
final class PigVsFlink {

    private PigVsFlink() {}

    /** Empty when both wrote the same rows (in the same order where {@code ordered}); the script reads $INPUT, writes $OUTPUT. */
    static String differences(Path tmp, String input, String script, boolean ordered) throws Exception {
        return differences(tmp, Files.writeString(tmp.resolve("input.tsv"), input), script, ordered);
    }

    /** The same over an input file or directory the caller prepared. */
    static String differences(Path tmp, Path inputFile, String script, boolean ordered) throws Exception {
        Path scriptFile = Files.writeString(tmp.resolve("case.pig"), script);
        runBoth(scriptFile, inputFile, tmp.resolve("pig"), tmp.resolve("flink"));
        List<String> pig = PigOutput.read(tmp.resolve("pig"));
        List<String> flink = PigOutput.read(tmp.resolve("flink"));
        return OutputComparison.differences(pig, flink, ordered, "\t");
    }

    /**
     * Runs {@code pigScript} in Pig over {@code input} (writing under {@code tmp}/pig) and compares its rows with those
     * a Flink run already wrote in {@code tmp}/flink, in any order; Pig must write rows, or the case proves nothing.
     */
    static String againstFlinkOutput(Path tmp, Path pigScript, Path input) throws Exception {
        PigOracle.shared()
                .run(
                        pigScript,
                        Map.of(
                                "INPUT",
                                input.toString(),
                                "OUTPUT",
                                tmp.resolve("pig").toString()));
        List<String> pig = PigOutput.read(tmp.resolve("pig"));
        assertFalse(pig.isEmpty(), "Pig wrote no rows: the case proves nothing");
        return OutputComparison.differences(pig, PigOutput.read(tmp.resolve("flink")), false, "\t");
    }

    /** Runs a script that reads $INPUT and writes $OUTPUT in real Pig (to {@code pigOut}) and on Flink ({@code flinkOut}). */
    static void runBoth(Path script, Path input, Path pigOut, Path flinkOut) throws Exception {
        PigOracle.shared().run(script, Map.of("INPUT", input.toString(), "OUTPUT", pigOut.toString()));
        EmbeddedFlink.run(
                EmbeddedFlink.translate(script, script.getFileName().toString()),
                Map.of("INPUT", input.toString(), "OUTPUT", flinkOut.toString()));
    }

    /**
     * The files Pig's own {@code storeFunction} writes (into {@code tmp}/{@code directory}) for the relation
     * {@code typed} that {@code rows} builds from {@code input}.
     */
    static Path pigStores(Path tmp, String input, String rows, String storeFunction, String directory)
            throws Exception {
        Path inputFile = Files.writeString(tmp.resolve(directory + "-rows.tsv"), input);
        Path script = Files.writeString(
                tmp.resolve("write-" + directory + ".pig"),
                rows + "STORE typed INTO '$OUTPUT' USING " + storeFunction + ";\n");
        Path out = tmp.resolve(directory);
        PigOracle.shared().run(script, Map.of("INPUT", inputFile.toString(), "OUTPUT", out.toString()));
        return out;
    }

    /** What Pig's {@code loadFunction} reads from {@code tmp}/{@code directory}, as PigStorage text, sorted. */
    static String readInPig(Path tmp, String directory, String loadFunction) throws Exception {
        Path script = Files.writeString(
                tmp.resolve("read-" + directory + ".pig"),
                "r = LOAD '$INPUT' USING " + loadFunction + ";\nSTORE r INTO '$OUTPUT';\n");
        Path text = tmp.resolve("text-" + directory);
        PigOracle.shared().run(script, Map.of("INPUT", tmp.resolve(directory).toString(), "OUTPUT", text.toString()));
        return String.join("\n", PigOutput.read(text).stream().sorted().toList());
    }

    /** How a script failed in both: what Pig logged during its run, and what the Flink job threw. */
    record Failure(String pigLog, Throwable flink) {

        /** Whether Flink's error, or one of its causes, says {@code text}. */
        boolean flinkSays(String text) {
            for (Throwable cause = flink; cause != null; cause = cause.getCause()) {
                if (String.valueOf(cause.getMessage()).contains(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Runs a script that must fail in Pig and on Flink (writing $OUTPUT under {@code tmp}) and fails the test when
     * either succeeds.
     */
    static Failure failure(Path tmp, Path script, Map<String, String> params) throws Exception {
        long logBefore = Files.size(PigOracle.shared().logFile());
        Map<String, String> pig = new HashMap<>(params);
        pig.put("OUTPUT", tmp.resolve("pig").toString());
        assertThrows(PigOracleException.class, () -> PigOracle.shared().run(script, pig), "Pig runs the script");
        String pigLog = Files.readString(PigOracle.shared().logFile()).substring((int) logBefore);
        String sql = EmbeddedFlink.translate(script, "case.pig");
        Map<String, String> flink = new HashMap<>(params);
        flink.put("OUTPUT", tmp.resolve("flink").toString());
        return new Failure(
                pigLog, assertThrows(Exception.class, () -> EmbeddedFlink.run(sql, flink), "Flink runs the script"));
    }
}
