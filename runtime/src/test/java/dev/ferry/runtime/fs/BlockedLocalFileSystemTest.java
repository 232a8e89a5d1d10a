package dev.ferry.runtime.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.fs.BlockLocation;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a local file is cut into blocks (one split each): fixed blocks, the last one up to 10% larger, as in Hadoop. */
class BlockedLocalFileSystemTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes in blocks of {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0   | 32 | 0+0",
                "1   | 32 | 0+1",
                "32  | 32 | 0+32",
                "35  | 32 | 0+35", // 35 <= 1.1 x 32: one block, not 32 + 3
                "36  | 32 | 0+32 32+4",
                "65  | 32 | 0+32 32+33",
                "100 | 30 | 0+30 30+30 60+30 90+10",
                "92  | 30 | 0+30 30+30 60+32", // the rest, 32 <= 1.1 x 30, is the last block
            })
    void blocksOfAFile(long length, long blockSize, String expected) throws IOException {
        Path file = dir.resolve("f");
        Files.write(file, new byte[(int) length]);
        BlockedLocalFileSystem fs = new BlockedLocalFileSystem(blockSize);
        FileStatus status = fs.getFileStatus(new org.apache.flink.core.fs.Path(file.toUri()));
        assertEquals(expected, text(fs.getFileBlockLocations(status, 0, length)));
    }

    @Test
    void onlyTheBlocksOverlappingTheRangeAsked() throws IOException {
        Path file = dir.resolve("f");
        Files.write(file, new byte[100]);
        BlockedLocalFileSystem fs = new BlockedLocalFileSystem(30);
        FileStatus status = fs.getFileStatus(new org.apache.flink.core.fs.Path(file.toUri()));
        assertEquals("30+30 60+30", text(fs.getFileBlockLocations(status, 45, 20)));
        assertEquals("90+10", text(fs.getFileBlockLocations(status, 90, 50)));
    }

    @Test
    void theFileSchemeIsOursWithTheConfiguredBlockSize() throws IOException {
        Configuration config = new Configuration();
        config.set(BlockedLocalFileSystemFactory.BLOCK_SIZE, MemorySize.parse("1kb"));
        FileSystem.initialize(config, null);
        try {
            FileSystem fs = new org.apache.flink.core.fs.Path(dir.toUri()).getFileSystem();
            assertEquals(
                    1024, assertInstanceOf(BlockedLocalFileSystem.class, fs).blockSize());
        } finally {
            FileSystem.initialize(new Configuration(), null);
        }
        FileSystem fs = new org.apache.flink.core.fs.Path(dir.toUri()).getFileSystem();
        assertEquals(
                32L << 20, assertInstanceOf(BlockedLocalFileSystem.class, fs).blockSize());
    }

    private static String text(BlockLocation[] blocks) {
        return String.join(
                " ",
                Arrays.stream(blocks)
                        .map(b -> b.getOffset() + "+" + b.getLength())
                        .toList());
    }
}
