package dev.ferry.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.runtime.SharedMiniCluster;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Pig's loaders read besides plain text files, through Flink's filesystem connector: gzip and
 * bzip2 files (Pig's PigStorage/TextLoader decompress by extension, as Hadoop's codecs do), and the
 * file a row came from (PigStorage's -tagFile / -tagPath) as the connector's metadata columns.
 */
class PigStorageInputFilesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void cluster() {
        SharedMiniCluster.start();
    }

    @Test
    void gzipAndBzip2FilesAreReadLikePlainOnes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in.resolve("part-1.gz")))) {
            out.write("a,1\nb,2\n".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(in.resolve("part-2.bz2")))) {
            out.write("c,3\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(in.resolve("part-3"), "d,4\n");
        TableEnvironment env = SharedMiniCluster.batchEnvironment();
        env.executeSql(PigStorageFormatTest.table("src", "s STRING, i INT", in, "','"));
        env.executeSql(PigStorageFormatTest.table("dst", "s STRING, i INT", dir.resolve("out"), "'|'"));
        env.executeSql("INSERT INTO dst SELECT * FROM src").await();
        assertEquals(sortedLines("a|1\nb|2\nc|3\nd|4\n"), sortedLines(SharedMiniCluster.readSink(dir.resolve("out"))));
    }

    @Test
    void theFileOfEachRowIsAMetadataColumn() throws Exception {
        Path in = Files.createDirectories(dir.resolve("tagged"));
        Files.writeString(in.resolve("x.txt"), "a\n");
        Files.writeString(in.resolve("y.txt"), "b\n");
        TableEnvironment env = SharedMiniCluster.batchEnvironment();
        env.executeSql("CREATE TEMPORARY TABLE src (name STRING METADATA FROM 'file.name' VIRTUAL, s STRING)"
                + " WITH ('connector' = 'filesystem', 'path' = '" + in.toUri() + "', 'format' = 'pig-storage')");
        env.executeSql(PigStorageFormatTest.table("dst", "name STRING, s STRING", dir.resolve("out"), "','"));
        env.executeSql("INSERT INTO dst SELECT name, s FROM src").await();
        assertEquals(sortedLines("x.txt,a\ny.txt,b\n"), sortedLines(SharedMiniCluster.readSink(dir.resolve("out"))));
    }

    private static String sortedLines(String text) {
        return String.join("\n", text.lines().sorted().toList());
    }
}
