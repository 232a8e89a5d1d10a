package dev.ferry.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.WebOptions;

/**
 * A directory of this process's own for the temporary files of the local Flink cluster a {@code java -jar} run starts
 * (Flink's {@code io.tmp.dirs}): the RPC system's jar it unpacks (21 MB, {@code flink-rpc-akka*.jar}), the mini
 * cluster's working directories ({@code minicluster_*}), the web upload directory. Flink removes them when the cluster
 * and its RPC system are closed, which an exit right after the job does not wait for: every run left them in /tmp.
 * The directory is removed when the run ends (closing this), or when the process is stopped (a shutdown hook);
 * nothing outside it is touched.
 */
final class TemporaryFiles implements AutoCloseable {

    private final Path directory;
    private final Thread onExit;

    private TemporaryFiles(Path directory) {
        this.directory = directory;
        this.onExit = new Thread(this::remove, "ferry-temporary-files");
    }

    /** A new directory under {@code java.io.tmpdir}, removed at exit at the latest. */
    static TemporaryFiles create() {
        try {
            TemporaryFiles files = new TemporaryFiles(Files.createTempDirectory("ferry-runtime-"));
            Runtime.getRuntime().addShutdownHook(files.onExit);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /** The directory. */
    Path directory() {
        return directory;
    }

    /** Flink's options that put its temporary files in the directory. */
    Configuration configuration() {
        Configuration config = new Configuration();
        config.set(CoreOptions.TMP_DIRS, directory.toString());
        config.set(WebOptions.UPLOAD_DIR, directory.toString());
        return config;
    }

    /** Removes the directory and everything in it. */
    @Override
    public void close() {
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs, and finds nothing left
        }
    }

    private void remove() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("ferry-runtime: could not remove the temporary directory " + directory + ": " + e);
        }
    }
}
