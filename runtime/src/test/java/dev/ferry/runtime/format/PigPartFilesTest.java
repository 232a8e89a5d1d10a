package dev.ferry.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The files Flink's sink wrote, renamed and compressed as Hadoop writes Pig's; the local file system's .crc files. */
class PigPartFilesTest {

    @TempDir
    Path tmp;

    @Test
    void flinksFilesTakePigsNamesInTheOrderOfTheirTasks() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve("part-1f2e-task-1-file-0"), "third\n");
        Files.writeString(dir.resolve("part-1f2e-task-0-file-1"), "second\n");
        Files.writeString(dir.resolve("part-1f2e-task-0-file-0"), "first\n");
        Files.writeString(dir.resolve("part-1f2e-task-10-file-0"), "fourth\n");
        new PigPartFiles(true, "", false, true).name(dir.toString());
        assertEquals(
                List.of(
                        "part-r-00000: first\n",
                        "part-r-00001: second\n",
                        "part-r-00002: third\n",
                        "part-r-00003: fourth\n"),
                files(dir));
    }

    @Test
    void aStorageFunctionsSuffixEndsTheName() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve("part-9a-task-0-file-0"), "x");
        new PigPartFiles(false, ".avro", false, false).name(dir.toString());
        assertEquals(List.of("part-m-00000.avro: x"), files(dir));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /data/out.gz    | part-m-00000.gz
            /data/out.gz/   | part-m-00000.gz
            /data/out.bz2   | part-m-00000.bz2
            /data/out.bz    | part-m-00000.bz2
            /data/out.gz/day | part-m-00000
            /data/out.gzip  | part-m-00000
            /data/out       | part-m-00000
            """)
    void pigStorageCompressesByThePathsExtension(String location, String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(location.substring(1)));
        Files.writeString(dir.resolve("part-9a-task-0-file-0"), "ann\t3\nbob\t\n");
        new PigPartFiles(false, "", true, true).name(dir.toString());
        assertEquals(List.of(name), names(dir));
        if (name.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name)))) {
                assertEquals("ann\t3\nbob\t\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theSameExtensionWithoutPigStoragesCompressionIsPlain() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out.gz"));
        Files.writeString(dir.resolve("part-9a-task-0-file-0"), "{}\n");
        new PigPartFiles(false, "", false, true).name(dir.toString());
        assertEquals(List.of("part-m-00000: {}\n"), files(dir));
    }

    @Test
    void aTextOutputWithoutRowsIsOneEmptyPartFile() throws IOException {
        Path text = Files.createDirectories(tmp.resolve("text"));
        new PigPartFiles(true, "", false, true).name(text.toString());
        assertEquals(List.of("part-r-00000: "), files(text));
        // an empty file is no ORC file: Flink's writer wrote none, and none is made up
        Path orc = Files.createDirectories(tmp.resolve("orc"));
        new PigPartFiles(false, "", false, false).name(orc.toString());
        assertEquals(List.of(), files(orc));
        // gzip of nothing, as Hadoop's codec writes it (20 bytes, as Pig's part-m-00000.gz of no row)
        Path gz = Files.createDirectories(tmp.resolve("none.gz"));
        new PigPartFiles(false, "", true, true).name(gz.toString());
        assertEquals(20, Files.size(gz.resolve("part-m-00000.gz")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            task=shuffle          | 'task' is 'map' or 'reduce', not 'shuffle'
            compression=gzip      | 'compression' is 'none' or 'by-extension', not 'gzip'
            part-suffix=/x.avro   | 'part-suffix' names no directory: '/x.avro'
            """)
    void unknownOptionValuesAreRefused(String option, String message) {
        String[] kv = option.split("=", 2);
        assertEquals(
                message,
                assertThrows(IllegalArgumentException.class, () -> PigPartFiles.of(Map.of(kv[0], kv[1])))
                        .getMessage());
    }

    @Test
    void theOptionsSayTheTaskTheSuffixTheCompressionAndWhetherTheFormatIsText() {
        assertEquals(
                new PigPartFiles(true, ".parquet", true, false),
                PigPartFiles.of(Map.of(
                        "task",
                        "reduce",
                        "part-suffix",
                        ".parquet",
                        "compression",
                        "by-extension",
                        "format",
                        "parquet")));
        assertEquals(new PigPartFiles(false, "", false, true), PigPartFiles.of(Map.of("format", "pig-storage")));
        assertEquals(new PigPartFiles(false, "", false, true), PigPartFiles.of(Map.of("format", "json")));
    }

    /** The checksum files Pig 0.18's local mode wrote beside these files (read from its output). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            part-m-00000 | 'ann\\t3\\nbob\\t\\n' | 63726300000002007cfe9f02
            _SUCCESS     | ''                | 6372630000000200
            """)
    void aLocalDirectoryGetsHadoopsChecksumFiles(String name, String content, String crc) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve(name), content.translateEscapes());
        ChecksumFiles.write(dir.toString());
        assertEquals(crc, HexFormat.of().formatHex(Files.readAllBytes(dir.resolve("." + name + ".crc"))));
    }

    @Test
    void aChecksumHoldsOneCrcPer512Bytes() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.write(dir.resolve("part-m-00000"), new byte[1025]);
        ChecksumFiles.write(dir.toString());
        assertEquals(8 + 3 * 4, Files.size(dir.resolve(".part-m-00000.crc")));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> files(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : names(dir)) {
            out.add(name + ": " + Files.readString(dir.resolve(name)));
        }
        return out;
    }
}
