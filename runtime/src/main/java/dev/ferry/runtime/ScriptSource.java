package dev.ferry.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.core.fs.FileSystem;

/**
 * Reads the job's SQL script from where {@code --script} says: a local path (a file baked into the
 * image, or the per-run ConfigMap mounted into the pod) or a URI Flink's file systems read
 * ({@code s3://}, {@code gs://}, {@code hdfs://}, {@code file://}: whichever plugins the image has).
 */
final class ScriptSource {

    /** Scripts larger than this are refused (a SQL script is kilobytes; this bounds a wrong URI). */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private ScriptSource() {}

    static String read(String location) throws IOException {
        if (!location.contains("://")) {
            Path path = Path.of(location);
            if (Files.size(path) > MAX_BYTES) {
                throw new IOException(location + " is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        URI uri = URI.create(location);
        org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(uri);
        FileSystem fs = FileSystem.get(uri);
        if (fs.getFileStatus(path).getLen() > MAX_BYTES) {
            throw new IOException(location + " is larger than " + MAX_BYTES + " bytes");
        }
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The script's file name, for messages. */
    static String fileName(String location) {
        String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
