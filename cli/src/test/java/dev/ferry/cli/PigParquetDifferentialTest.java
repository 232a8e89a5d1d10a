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
 * ParquetLoader and ParquetStorer (parquet-pig's, through Pig's wrappers) both ways against real Pig 0.18: Parquet
 * files Pig writes are read by Pig and by the translation alike; Parquet files the translation writes read back in
 * Pig give what Pig's own files give. The rows hold nulls, unicode and every scalar type the translation carries.
 */
class PigParquetDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    /** The rows of the ORC test: nulls of every type, unicode, booleans in Pig's spellings. */
    static final String INPUT = PigOrcStorageDifferentialTest.INPUT;

    static final String ROWS = "rows = LOAD '$INPUT' AS (name:chararray, clicks:int, score:double, city:chararray,"
            + " b:boolean);\n"
            + "typed = FOREACH rows GENERATE name, clicks, score, city, (long)clicks AS l, (float)score AS f, b;\n";

    static final String AS = "(name:chararray, clicks:int, score:double, city:chararray, l:long, f:float, b:boolean)";

    @TempDir
    Path tmp;

    @Test
    void pigsParquetFilesReadAlikeInPigAndFlink() throws Exception {
        Path parquet = PigVsFlink.pigStores(tmp, INPUT, ROWS, "ParquetStorer()", "parquet");
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        parquet,
                        "r = LOAD '$INPUT' USING ParquetLoader() AS " + AS + ";\n"
                                + "s = FOREACH r GENERATE name, clicks + 1, score, UPPER(city), l, f, b;\n"
                                + "STORE s INTO '$OUTPUT';\n",
                        false));
        assertEquals(4, PigOutput.read(tmp.resolve("pig")).size(), "Pig read every row");
    }

    @Test
    void flinksParquetFilesReadInPigAsPigsOwn() throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        Path script = Files.writeString(
                tmp.resolve("store.pig"), ROWS + "STORE typed INTO '$OUTPUT' USING ParquetStorer();\n");
        PigVsFlink.runBoth(script, input, tmp.resolve("pig-parquet"), tmp.resolve("flink-parquet"));
        String pig = PigVsFlink.readInPig(tmp, "pig-parquet", "ParquetLoader()");
        assertEquals(4, pig.lines().count(), pig);
        assertEquals(pig, PigVsFlink.readInPig(tmp, "flink-parquet", "ParquetLoader()"));
    }
}
