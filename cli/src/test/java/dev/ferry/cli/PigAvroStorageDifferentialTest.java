package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * AvroStorage both ways against real Pig 0.18: Avro files written by Pig's own AvroStorage are read by Pig and by
 * the translation alike; Avro files the translation writes read back in Pig give what Pig's own files give. The
 * rows hold nulls, unicode, a tuple, a bag (with a null in it) and a map.
 */
class PigAvroStorageDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    static final String INPUT =
            "ann\t3\t2.5\tParis\n" + "bob\t\t1.25\t\n" + "żółw\t-1\t\tKraków\n" + "\t7\t0.5\tLyon\n";

    /** The rows with every type AvroStorage maps: scalars, a tuple, a bag and a map of chararrays. */
    static final String ROWS = "rows = LOAD '$INPUT' AS (name:chararray, clicks:int, score:double, city:chararray);\n"
            + "typed = FOREACH rows GENERATE name, clicks, score, city, TOTUPLE(name, clicks) AS t,"
            + " TOBAG(name, city) AS bg, TOMAP('k', city) AS m, (long)clicks AS l, (float)score AS f;\n";

    /** The AS of Pig's own files: the names Pig's AvroStorage gave (a bag's unnamed field is bg_0). */
    static final String AS = "(name:chararray, clicks:int, score:double, city:chararray, t:tuple(name:chararray,"
            + " clicks:int), bg:bag{(bg_0:chararray)}, m:map[chararray], l:long, f:float)";

    @TempDir
    Path tmp;

    @Test
    void pigsAvroFilesReadAlikeInPigAndFlink() throws Exception {
        assertEquals(
                "",
                readOfPigsFiles("r = LOAD '$INPUT' USING AvroStorage() AS " + AS + ";\n"
                        + "s = FOREACH r GENERATE name, clicks + 1, score, UPPER(city), t.name AS tname, SIZE(bg),"
                        + " BagToString(bg, '|'), m#'k', l, f, t, bg, m;\n"
                        + "STORE s INTO '$OUTPUT';\n"));
    }

    /** A reader schema of some of the files' fields, in another order: Avro resolves them by name in both. */
    static final String READER_SCHEMA = "{\"type\": \"record\", \"name\": \"r\", \"fields\": ["
            + "{\"name\": \"city\", \"type\": [\"null\", \"string\"]},"
            + " {\"name\": \"bg\", \"type\": [\"null\", {\"type\": \"array\", \"items\": {\"type\": \"record\","
            + " \"name\": \"bg\", \"fields\": [{\"name\": \"bg_0\", \"type\": [\"null\", \"string\"]}]}}]},"
            + " {\"name\": \"clicks\", \"type\": [\"null\", \"int\"]},"
            + " {\"name\": \"m\", \"type\": [\"null\", {\"type\": \"map\", \"values\": [\"null\", \"string\"]}]}]}";

    @Test
    void pigsAvroFilesReadWithTheSchemaArgumentAlikeInPigAndFlink() throws Exception {
        assertEquals(
                "",
                readOfPigsFiles("r = LOAD '$INPUT' USING AvroStorage('" + READER_SCHEMA + "');\n"
                        + "s = FOREACH r GENERATE city, clicks * 2, SIZE(bg), m#'k', bg, m;\n"
                        + "STORE s INTO '$OUTPUT';\n"));
    }

    @Test
    void flinksAvroFilesReadInPigAsPigsOwn() throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        Path script = Files.writeString(
                tmp.resolve("store.pig"),
                ROWS + "dated = FOREACH typed GENERATE *, ToDate(l * 1000L) AS d;\n"
                        + "STORE dated INTO '$OUTPUT' USING AvroStorage();\n");
        PigVsFlink.runBoth(script, input, tmp.resolve("pig-avro"), tmp.resolve("flink-avro"));
        String pig = readInPig("pig-avro");
        assertEquals(4, pig.lines().count(), pig);
        assertEquals(pig, readInPig("flink-avro"));
    }

    /** How Pig and Flink differ on {@code script} reading Pig's AvroStorage files of {@link #ROWS}. */
    private String readOfPigsFiles(String script) throws Exception {
        return PigVsFlink.differences(tmp, pigWritesAvro(), script, false);
    }

    /** Pig's AvroStorage files of {@link #ROWS}. */
    private Path pigWritesAvro() throws Exception {
        return PigVsFlink.pigStores(tmp, INPUT, ROWS, "AvroStorage()", "avro");
    }

    private String readInPig(String directory) throws Exception {
        return PigVsFlink.readInPig(tmp, directory, "AvroStorage()");
    }
}
