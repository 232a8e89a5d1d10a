package dev.ferry.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.runtime.SharedMiniCluster;
import dev.ferry.runtime.fs.BlockedLocalFileSystemFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.connector.file.table.DeserializationSchemaAdapter;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PigStorage file read in splits gives the rows the whole file gives, in the same order, wherever the splits end:
 * inside a record, on a '\n', between the '\r' and '\n' of a CRLF, inside a multi-byte UTF-8 character, inside an empty
 * line, inside a record longer than several splits. Each record is read by one split only (the one its previous line
 * end lies in), as Hadoop's line reader does for Pig.
 */
class PigStorageSplitsTest {

    /** Every boundary kind: LF, CRLF, a lone CR (a record end to Pig), empty lines, 2-, 3- and 4-byte UTF-8, a long
     *  record, no line end at the end. */
    private static final String TEXT =
            "a,1\nzoë,2\r\n\n日本語,3\r\n,4\nlong-" + "x".repeat(40) + ",5\n\r\n𝄞𝄞,6\rb,7\r\n\nlast,8";

    @TempDir
    Path dir;

    @BeforeAll
    static void cluster() {
        SharedMiniCluster.start();
    }

    @Test
    void everyTwoWaySplitReadsTheWholeFilesRows() throws IOException {
        Path file = write("two.txt", TEXT);
        long length = Files.size(file);
        List<String> whole = read(file, 0, length);
        assertEquals(11, whole.size(), whole.toString());
        for (long boundary = 1; boundary < length; boundary++) {
            List<String> split = new ArrayList<>(read(file, 0, boundary));
            split.addAll(read(file, boundary, length - boundary));
            assertEquals(whole, split, "split at byte " + boundary);
        }
    }

    @Test
    void splitsOfEverySizeReadTheWholeFilesRows() throws IOException {
        Path file = write("sizes.txt", TEXT);
        long length = Files.size(file);
        List<String> whole = read(file, 0, length);
        for (int size = 1; size <= length; size++) {
            List<String> split = new ArrayList<>();
            for (long offset = 0; offset < length; offset += size) {
                split.addAll(read(file, offset, Math.min(size, length - offset)));
            }
            assertEquals(whole, split, "splits of " + size + " bytes");
        }
    }

    /** Through Flink's file source and the local file system's blocks (tiny ones here): the rows of the whole files. */
    @Test
    void aJobReadsSplitFilesAndKeepsWholeTheOnesItCannotSplit() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String lines = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> "row" + i + ",ü" + i + "\n")
                .reduce("", String::concat);
        write("in/plain.txt", lines);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in.resolve("packed.gz")))) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
        }
        Configuration config = new Configuration();
        config.set(BlockedLocalFileSystemFactory.BLOCK_SIZE, MemorySize.parse("64b"));
        FileSystem.initialize(config, null);
        try {
            org.apache.flink.core.fs.Path plain =
                    new org.apache.flink.core.fs.Path(in.resolve("plain.txt").toUri());
            FileSystem fs = plain.getFileSystem();
            long length = Files.size(in.resolve("plain.txt"));
            assertTrue(fs.getFileBlockLocations(fs.getFileStatus(plain), 0, length).length > 10, "many blocks");
            TableEnvironment env = SharedMiniCluster.batchEnvironment();
            env.executeSql(PigStorageFormatTest.table("src", "s STRING, t STRING", in, "','"));
            env.executeSql(PigStorageFormatTest.table("dst", "s STRING, t STRING", dir.resolve("out"), "','"));
            env.executeSql("INSERT INTO dst SELECT * FROM src").await();
            List<String> expected = new ArrayList<>(lines.lines().toList());
            expected.addAll(lines.lines().toList());
            assertEquals(
                    expected.stream().sorted().toList(),
                    SharedMiniCluster.readSink(dir.resolve("out"))
                            .lines()
                            .sorted()
                            .toList());

            // RANK without BY's numbered read counts from each file's start: never split
            env.executeSql("CREATE TEMPORARY TABLE numbered (s STRING, t STRING, record BIGINT) WITH ("
                    + " 'connector' = 'filesystem', 'path' = '"
                    + in.resolve("plain.txt").toUri() + "',"
                    + " 'format' = 'pig-storage-numbered', 'pig-storage-numbered.field-delimiter' = ',')");
            env.executeSql(PigStorageFormatTest.table("ranked", "s STRING, record BIGINT", dir.resolve("r"), "','"));
            env.executeSql("INSERT INTO ranked SELECT s, record FROM numbered").await();
            assertEquals(
                    IntStream.rangeClosed(1, 200)
                            .mapToObj(i -> "row" + i + "," + i)
                            .sorted()
                            .toList(),
                    SharedMiniCluster.readSink(dir.resolve("r"))
                            .lines()
                            .sorted()
                            .toList());
        } finally {
            FileSystem.initialize(new Configuration(), null);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The rows of one split, read as the filesystem source reads a pig-storage file. */
    private static List<String> read(Path file, long offset, long length) throws IOException {
        PigStorageDeserializationSchema schema = new PigStorageDeserializationSchema(
                (byte) ',',
                false,
                new String[] {"s", "i"},
                new PigFieldType[] {PigFieldType.CHARARRAY, PigFieldType.INT},
                null);
        FileSourceSplit split = new FileSourceSplit(
                "s", new org.apache.flink.core.fs.Path(file.toUri()), offset, length, 0, Files.size(file));
        List<String> rows = new ArrayList<>();
        try (BulkFormat.Reader<RowData> reader =
                new DeserializationSchemaAdapter(schema).createReader(new Configuration(), split)) {
            BulkFormat.RecordIterator<RowData> batch;
            while ((batch = reader.readBatch()) != null) {
                RecordAndPosition<RowData> record;
                while ((record = batch.next()) != null) {
                    rows.add(record.getRecord().toString());
                }
                batch.releaseBatch();
            }
        }
        return rows;
    }
}
