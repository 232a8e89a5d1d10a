package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compressed inputs against real Pig 0.18: PigStorage, TextLoader and JsonLoader LOADs of gzip and bzip2
 * files (a directory mixing them with a plain file, one compressed file, a glob of them) read the rows Pig reads, as
 * both decompress by the file's extension. The compressed files a STORE writes are {@link
 * PigPartFilesDifferentialTest}'s.
 */
class PigCompressedFilesDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    /** Three parts of text lines: a gzip file, a bzip2 file and a plain one. */
    static final List<String> TEXT = List.of("ann,3\nbob,\n", "żółw,-9\n\n", "eve,0\n");

    /** The same rows as JSON lines. */
    static final List<String> JSON = List.of(
            "{\"name\":\"ann\",\"n\":3}\n{\"name\":\"bob\",\"n\":null}\n",
            "{\"name\":\"żółw\",\"n\":-9}\n",
            "{\"name\":\"eve\",\"n\":0}\n");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PigStorage(',') AS (name:chararray, n:int) | directory
            PigStorage(',') AS (name:chararray, n:int) | part-1.gz
            PigStorage(',') AS (name:chararray, n:int) | part-2.bz2
            PigStorage(',') AS (name:chararray, n:int) | part-*.*z*
            TextLoader() AS (line:chararray)           | directory
            TextLoader() AS (line:chararray)           | part-1.gz
            TextLoader() AS (line:chararray)           | part-2.bz2
            JsonLoader('name:chararray, n:int')        | directory
            JsonLoader('name:chararray, n:int')        | part-1.gz
            JsonLoader('name:chararray, n:int')        | part-2.bz2
            """)
    void compressedInputsReadAsPigReadsThem(String loader, String target) throws Exception {
        Path in = parts(loader.startsWith("Json") ? JSON : TEXT);
        String location = target.equals("directory") ? in.toString() : in + "/" + target;
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        Path.of(location),
                        "r = LOAD '$INPUT' USING " + loader + ";\nSTORE r INTO '$OUTPUT';\n",
                        false));
        assertTrue(!PigOutput.read(tmp.resolve("pig")).isEmpty(), "Pig read rows: the case proves something");
    }

    private Path parts(List<String> contents) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in.resolve("part-1.gz")))) {
            out.write(contents.get(0).getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(in.resolve("part-2.bz2")))) {
            out.write(contents.get(1).getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(in.resolve("part-3"), contents.get(2));
        return in;
    }
}
