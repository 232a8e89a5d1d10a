package dev.ferry.runtime.fs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.BlockLocation;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.local.LocalFileSystem;

/**
 * Flink's local file system, reporting a file in blocks of a fixed size as Hadoop's does ({@code fs.local.block.size},
 * 32 MB), where Flink's reports the whole file as one block. Flink's file source makes one split per block, so a
 * large local input is read by every task of the source instead of by one while the other cores wait. As in Hadoop's
 * {@code FileInputFormat}, the last block takes the rest when it is at most 10% over the size (no sliver of a split).
 *
 * <p>Which records a split reads is the line reader's rule, Hadoop's too: a split not at the file's start skips to just
 * past its first line end, and every split reads on past its end to finish the record under way there, so each record
 * is read once, by the split its previous line end lies in. Readers of formats that cannot start mid-file (compressed
 * files, the numbered PigStorage of RANK) read the file whole: Flink does not split them.
 */
public final class BlockedLocalFileSystem extends LocalFileSystem {

    /** Hadoop's {@code FileInputFormat.SPLIT_SLOP}: the last block may be this much larger than the block size. */
    private static final double SPLIT_SLOP = 1.1;

    private final long blockSize;

    public BlockedLocalFileSystem(long blockSize) {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("block size must be positive: " + blockSize);
        }
        this.blockSize = blockSize;
    }

    public long blockSize() {
        return blockSize;
    }

    /** The file's blocks that overlap {@code [start, start + len)}; a file of one block is Flink's one location. */
    @Override
    public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len) throws IOException {
        long length = file.getLen();
        if (file.isDir() || length <= blockSize * SPLIT_SLOP) {
            return super.getFileBlockLocations(file, start, len);
        }
        List<BlockLocation> blocks = new ArrayList<>();
        long offset = 0;
        while (offset < length) {
            long rest = length - offset;
            long size = rest > blockSize * SPLIT_SLOP ? blockSize : rest;
            if (offset < start + len && offset + size > start) {
                blocks.add(new Block(offset, size));
            }
            offset += size;
        }
        return blocks.toArray(BlockLocation[]::new);
    }

    /** One block of a local file: its byte range, on this host. */
    record Block(long offset, long length) implements BlockLocation {

        private static final String[] HOSTS = {"localhost"};

        @Override
        public long getOffset() {
            return offset;
        }

        @Override
        public long getLength() {
            return length;
        }

        @Override
        public String[] getHosts() {
            return HOSTS.clone();
        }

        @Override
        public int compareTo(BlockLocation other) {
            return Long.compare(offset, other.getOffset());
        }
    }
}
