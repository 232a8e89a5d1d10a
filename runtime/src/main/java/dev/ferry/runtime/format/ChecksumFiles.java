package dev.ferry.runtime.format;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The {@code .NAME.crc} file Hadoop's local file system ({@code ChecksumFileSystem}) writes beside each file it
 * writes, as Pig's local mode leaves them in a STORE's directory ({@code .part-m-00000.crc}, {@code ._SUCCESS.crc}):
 * {@code crc\0}, the bytes per checksum (512) as a big-endian int, then the CRC-32 of each 512 bytes of the file.
 * Only a local directory gets them; HDFS keeps its checksums out of sight.
 */
public final class ChecksumFiles {

    private static final int BYTES_PER_CHECKSUM = 512;
    private static final byte[] MAGIC = {'c', 'r', 'c', 0};

    private ChecksumFiles() {}

    /**
     * Writes the checksum file of each file directly in {@code directory} that is not one ({@code .pig_schema} gets
     * {@code ..pig_schema.crc}), if it is local.
     */
    public static void write(String directory) throws IOException {
        Path dir = new Path(directory);
        FileSystem fs = dir.getFileSystem();
        if (!"file".equals(fs.getUri().getScheme()) || !fs.exists(dir)) {
            return;
        }
        for (FileStatus status : fs.listStatus(dir)) {
            String name = status.getPath().getName();
            if (!status.isDir() && !(name.startsWith(".") && name.endsWith(".crc"))) {
                write(fs, status.getPath(), new Path(dir, "." + name + ".crc"));
            }
        }
    }

    private static void write(FileSystem fs, Path file, Path checksums) throws IOException {
        try (InputStream in = fs.open(file);
                DataOutputStream out = new DataOutputStream(fs.create(checksums, FileSystem.WriteMode.OVERWRITE))) {
            out.write(MAGIC);
            out.writeInt(BYTES_PER_CHECKSUM);
            byte[] chunk = new byte[BYTES_PER_CHECKSUM];
            CRC32 crc = new CRC32();
            int n;
            while ((n = in.readNBytes(chunk, 0, BYTES_PER_CHECKSUM)) > 0) {
                crc.reset();
                crc.update(chunk, 0, n);
                out.writeInt((int) crc.getValue());
            }
        }
    }
}
