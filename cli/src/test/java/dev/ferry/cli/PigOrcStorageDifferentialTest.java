package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.oracle.PigOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * OrcStorage both ways against real Pig 0.18: ORC files written by Pig's own OrcStorage are read by Pig and by the
 * translation alike; ORC files the translation writes read back in Pig give what Pig's own files give. The rows hold
 * nulls, unicode, a tuple, a bag of one-field tuples (an ORC array of strings), a bag of two-field tuples (an array
 * of structs), a map, a boolean and a datetime.
 */
class PigOrcStorageDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    static final String INPUT = "ann\t3\t2.5\tParis\ttrue\n" + "bob\t\t1.25\t\tfalse\n" + "żółw\t-1\t\tKraków\t\n"
            + "\t7\t0.5\tLyon\tTRUE\n";

    /** The rows with every type OrcStorage maps that the translation carries. */
    static final String ROWS = "rows = LOAD '$INPUT' AS (name:chararray, clicks:int, score:double, city:chararray,"
            + " b:boolean);\n"
            + "typed = FOREACH rows GENERATE name, clicks, score, city, TOTUPLE(name, clicks) AS t,"
            + " TOBAG(name, city) AS bg, TOMAP('k', city) AS m, (long)clicks AS l, (float)score AS f, b;\n";

    /** The AS of Pig's own files: the names Pig's OrcStorage gave. */
    static final String AS = "(name:chararray, clicks:int, score:double, city:chararray, t:tuple(name:chararray,"
            + " clicks:int), bg:bag{(bg_0:chararray)}, m:map[chararray], l:long, f:float, b:boolean)";

    @TempDir
    Path tmp;

    @Test
    void pigsOrcFilesReadAlikeInPigAndFlink() throws Exception {
        assertEquals(
                "",
                readOfPigsFiles("r = LOAD '$INPUT' USING OrcStorage() AS " + AS + ";\n"
                        + "s = FOREACH r GENERATE name, clicks + 1, score, UPPER(city), t.name AS tname, SIZE(bg),"
                        + " BagToString(bg, '|'), m#'k', l, f, b, t, bg, m;\n"
                        + "STORE s INTO '$OUTPUT';\n"));
    }

    @Test
    void flinksOrcFilesReadInPigAsPigsOwn() throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        Path script =
                Files.writeString(tmp.resolve("store.pig"), ROWS + "STORE typed INTO '$OUTPUT' USING OrcStorage();\n");
        PigVsFlink.runBoth(script, input, tmp.resolve("pig-orc"), tmp.resolve("flink-orc"));
        String pig = readInPig("pig-orc");
        assertEquals(4, pig.lines().count(), pig);
        assertEquals(pig, readInPig("flink-orc"));
    }

    /** How Pig and Flink differ on {@code script} reading Pig's OrcStorage files of {@link #ROWS}. */
    private String readOfPigsFiles(String script) throws Exception {
        String differences = PigVsFlink.differences(tmp, pigWritesOrc(), script, false);
        assertEquals(4, PigOutput.read(tmp.resolve("pig")).size(), "Pig read every row");
        return differences;
    }

    /** Pig's OrcStorage files of {@link #ROWS}. */
    private Path pigWritesOrc() throws Exception {
        return PigVsFlink.pigStores(tmp, INPUT, ROWS, "OrcStorage()", "orc");
    }

    private String readInPig(String directory) throws Exception {
        return PigVsFlink.readInPig(tmp, directory, "OrcStorage()");
    }
}
