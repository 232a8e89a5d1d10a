package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import java.io.IOException;
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
 * LOAD locations as Pig reads them (Hadoop globs, comma lists, directories), one per row, proven by running real
 * Pig and the translated SQL over the same directory: each file's lines name the file, so a row read from the wrong
 * file, or a file read twice or not at all, shows in the comparison.
 */
class PigPathsDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    /** The input directory: data files, Hadoop's hidden side files, a subdirectory. */
    private static Path tree(Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String name : List.of("tab10", "tab11", "tab12", "tab2", "st1", "st2", "v1.0", "é€")) {
            Files.writeString(in.resolve(name), name + "\t1\n" + name + "\t2\n");
        }
        Files.writeString(in.resolve("_SUCCESS"), "_SUCCESS\t9\n");
        Files.writeString(in.resolve(".tab10.crc"), "crc\t9\n");
        Files.createDirectories(in.resolve("_logs"));
        Files.writeString(in.resolve("_logs/history"), "history\t9\n");
        Files.createDirectories(in.resolve("sub/deeper"));
        Files.writeString(in.resolve("sub/deep"), "sub/deep\t3\n");
        Files.writeString(in.resolve("sub/deeper/deepest"), "sub/deeper/deepest\t4\n");
        Files.writeString(in.resolve("sub/_SUCCESS"), "sub/_SUCCESS\t9\n");
        Files.createDirectories(in.resolve("empty"));
        return in;
    }

    @ParameterizedTest(name = "{0}: LOAD ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a directory: every file below it however deep, no _SUCCESS, .crc or _logs | $IN                      |
            ? is one character                                         | $IN/tab1?                                 |
            * is any characters within a component                     | $IN/st*                                   |
            * matches a directory, which is read whole                 | $IN/s*                                    |
            * does not cross a /                                       | $IN/*/deep                                |
            a character set                                            | $IN/tab1[02]                              |
            a negated set with ^                                       | $IN/tab1[^0]                              |
            a negated set with !                                       | $IN/tab1[!01]                             |
            a character range                                          | $IN/tab1[0-1]                             |
            alternatives                                               | $IN/{st1,tab2}                            |
            nested alternatives                                        | $IN/{tab1{0,1},st2}                       |
            alternatives across path components                        | $IN/{sub/deep,tab2}                       |
            a dot is not a wildcard                                    | $IN/v1.?                                  |
            a backslash escapes the next character                     | $IN/s\\\\t1                               |
            unicode names                                              | $IN/é*                                    |
            a comma-separated list of a file and a glob                | $IN/tab10,$IN/st*                         |
            a comma-separated list of directories                      | $IN/sub,$IN/empty                         |
            a glob matching only an empty directory reads no rows      | $IN/emp?y                                 |
            a glob the parameter brings at run time                    | $IN/$PART                                 | {tab10,st?}
            a comma list the parameter brings at run time              | $PART                                     | $IN/tab2,$IN/sub/deep
            """)
    void flinkReadsWhatPigReads(String semantic, String location, String part, @TempDir Path tmp) throws Exception {
        Path in = tree(tmp);
        Map<String, String> params = new HashMap<>();
        params.put("IN", in.toString());
        if (part != null) {
            params.put("PART", part.replace("$IN", in.toString()));
        }
        Path script = Files.writeString(
                tmp.resolve("case.pig"),
                "r = LOAD '" + location + "' AS (file:chararray, n:int);\nSTORE r INTO '$OUTPUT';\n");

        params.put("OUTPUT", tmp.resolve("pig").toString());
        PigOracle.shared().run(script, params);
        params.put("OUTPUT", tmp.resolve("flink").toString());
        EmbeddedFlink.run(EmbeddedFlink.translate(script, "case.pig"), params);

        List<String> pig = PigOutput.read(tmp.resolve("pig"));
        List<String> flink = PigOutput.read(tmp.resolve("flink"));
        assertTrue(
                semantic.contains("no rows") || !pig.isEmpty(),
                semantic + ": Pig read nothing, the row proves nothing");
        assertEquals("", OutputComparison.differences(pig, flink, false, "\t"), semantic);
    }

    /**
     * Pig fails the job before it reads anything (local mode logs it as "Job in state DEFINE instead of RUNNING":
     * the InvalidInputException of Hadoop's FileInputFormat stays below WARN); the Flink job fails before it starts,
     * with Hadoop's words.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a glob matching nothing       | $IN/nope*        | matches 0 files
            a glob matching hidden files  | $IN/_*           | matches 0 files
            a path that does not exist    | $IN/missing      | Input path does not exist
            one path of a list is missing | $IN/st1,$IN/gone | Input path does not exist
            """)
    void aMissingInputFailsTheJobAsInPig(String semantic, String location, String says, @TempDir Path tmp)
            throws Exception {
        Path in = tree(tmp);
        Path script = Files.writeString(
                tmp.resolve("case.pig"),
                "r = LOAD '" + location + "' AS (file:chararray, n:int);\nSTORE r INTO '$OUTPUT';\n");
        PigVsFlink.Failure failure = PigVsFlink.failure(tmp, script, Map.of("IN", in.toString()));
        assertTrue(failure.pigLog().contains("map reduce job(s) failed"), semantic + ": Pig's job did not fail");
        assertTrue(failure.flinkSays(says), semantic + ": " + failure.flink());
        assertTrue(Files.notExists(tmp.resolve("flink")), semantic + ": the job wrote output");
    }
}
