package dev.ferry.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.util.MiniClusterWithClientResource;

/**
 * One Flink MiniCluster for every test class in this JVM, set as the context environment, so each
 * {@code TableEnvironment.create(inBatchMode())} (ours or the runner's) submits to it. Starting a
 * cluster per job costs seconds; sharing one costs a fraction of a second per job.
 */
public final class SharedMiniCluster {

    private static MiniClusterWithClientResource cluster;

    private SharedMiniCluster() {}

    /** Starts the cluster once (parallelism 1, so a sink writes one file) and sets it as context. */
    public static synchronized void start() {
        if (cluster != null) {
            return;
        }
        cluster = new MiniClusterWithClientResource(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(4)
                .build());
        try {
            cluster.before();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the MiniCluster", e);
        }
        TestStreamEnvironment.setAsContext(cluster.getMiniCluster(), 1);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::after));
    }

    /** A fresh batch TableEnvironment on the shared cluster. */
    public static TableEnvironment batchEnvironment() {
        start();
        return TableEnvironment.create(EnvironmentSettings.inBatchMode());
    }

    /** The text of every visible file of a sink directory, in file-name order. */
    public static String readSink(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("_"))
                    .sorted()
                    .map(SharedMiniCluster::read)
                    .collect(Collectors.joining());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
