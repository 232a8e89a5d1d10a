package dev.ferry.cli;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import java.nio.file.Files;
import java.nio.file.Path;
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
        PigOracle.shared()
                .run(
                        scriptFile,
                        Map.of(
                                "INPUT",
                                inputFile.toString(),
                                "OUTPUT",
                                tmp.resolve("pig").toString()));
        EmbeddedFlink.run(
                EmbeddedFlink.translate(scriptFile, "case.pig"),
                Map.of(
                        "INPUT",
                        inputFile.toString(),
                        "OUTPUT",
                        tmp.resolve("flink").toString()));
        List<String> pig = PigOutput.read(tmp.resolve("pig"));
        List<String> flink = PigOutput.read(tmp.resolve("flink"));
        return OutputComparison.differences(pig, flink, ordered, "\t");
    }
}
