package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compressed inputs and outputs against real Pig 0.18: PigStorage, TextLoader and JsonLoader LOADs of gzip and bzip2
 * files (a directory mixing them with a plain file, one compressed file, a glob of them) read the rows Pig reads, as
 * both decompress by the file's extension; a PigStorage STORE into a path ending in .gz writes the rows Pig writes,
 * uncompressed where Pig gzips them (the PIG-W010 the translation warns with).
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

    /** Pig gzips the part files of a STORE into a path ending in .gz; the translation writes the same rows plain. */
    @Test
    void storeIntoAGzPathWritesPigsRowsUncompressed() throws Exception {
        Path in = parts(TEXT);
        Path script = Files.writeString(
                tmp.resolve("store.pig"),
                "r = LOAD '$INPUT' USING PigStorage(',') AS (name:chararray, n:int);\nSTORE r INTO '$OUTPUT.gz';\n");
        PigVsFlink.runBoth(script, in, tmp.resolve("pig"), tmp.resolve("flink"));
        List<Path> pigParts = parts(tmp.resolve("pig.gz"));
        assertTrue(pigParts.stream().allMatch(p -> p.getFileName().toString().endsWith(".gz")), pigParts.toString());
        List<Path> flinkParts = parts(tmp.resolve("flink.gz"));
        assertTrue(
                flinkParts.stream().noneMatch(p -> p.getFileName().toString().endsWith(".gz")), flinkParts.toString());
        assertEquals(
                sorted(gunzipped(pigParts)),
                sorted(PigOutput.read(tmp.resolve("flink.gz")).stream().reduce("", (a, b) -> a + b + "\n")));
        // Pig reads both directories alike: its own by the extension, the translation's as plain text.
        assertEquals(readInPig("pig.gz"), readInPig("flink.gz"));
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

    private static List<Path> parts(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> parts = files.filter(p -> !p.getFileName().toString().startsWith("_")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
            assertTrue(!parts.isEmpty(), directory + " holds part files");
            return parts;
        }
    }

    private static String gunzipped(List<Path> parts) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path part : parts) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(part))) {
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static String sorted(String lines) {
        return String.join("\n", lines.lines().sorted().toList());
    }

    private String readInPig(String directory) throws Exception {
        Path script = Files.writeString(
                tmp.resolve("read-" + directory + ".pig"), "r = LOAD '$INPUT';\nSTORE r INTO '$OUTPUT';\n");
        // not ending in .gz: Pig would gzip what it writes there, with a time stamp in each header
        Path text = tmp.resolve("text-" + directory.replace('.', '-'));
        PigOracle.shared().run(script, Map.of("INPUT", tmp.resolve(directory).toString(), "OUTPUT", text.toString()));
        return String.join("\n", PigOutput.read(text).stream().sorted().toList());
    }
}
