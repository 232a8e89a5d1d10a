package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class of differential cases: each case runs one Pig script in real Pig 0.18 and, translated by Ferry, on embedded
 * Flink over the same input, and passes when both write the same rows. The class's cases share one MiniCluster; each
 * case has a directory of its own ({@link #tmp}). A subclass is its table of cases and one line that runs a case.
 */
abstract class DifferentialTest {

    /** The usual last line of a case's script: its relation {@code r} stored where the case compares it. */
    static final String STORE_R = "STORE r INTO '$OUTPUT';\n";

    private static final Pattern ORDER = Pattern.compile("(?m)^\\w+ = ORDER ");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    @TempDir
    Path tmp;

    /**
     * Fails, naming the case, with the rows where Flink's output differs from Pig's (compared in order where
     * {@code ordered}); the script reads $INPUT, {@code input} written to a file, and writes $OUTPUT.
     */
    final void assertSameRows(String semantic, String input, String script, boolean ordered) throws Exception {
        assertEquals("", PigVsFlink.differences(tmp, input, script, ordered), semantic);
    }

    /** The same over an input file or directory the case prepared. */
    final void assertSameRows(String semantic, Path input, String script, boolean ordered) throws Exception {
        assertEquals("", PigVsFlink.differences(tmp, input, script, ordered), semantic);
    }

    /**
     * Whether a script ORDERs a relation (a line {@code x = ORDER ...}; a nested ORDER, indented in its block, orders a
     * bag): its output then has an order to compare.
     */
    static boolean orders(String script) {
        return ORDER.matcher(script).find();
    }
}
