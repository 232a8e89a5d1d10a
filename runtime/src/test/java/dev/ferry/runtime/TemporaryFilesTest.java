package dev.ferry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code java -jar} run of the runner starts a local Flink cluster, whose RPC system unpacks a 21 MB {@code
 * flink-rpc-akka*.jar} and whose cluster makes {@code minicluster_*} directories in the temporary directory; exiting
 * right after the job left them all behind (1,219 jars in /tmp in one day). The run's own temporary directory holds
 * them and goes when the run ends: its JVM's temporary directory is as empty after the job as before it.
 */
class TemporaryFilesTest {

    @TempDir
    Path work;

    @Test
    void aLocalRunLeavesNothingInTheTemporaryDirectory() throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path input = Files.writeString(work.resolve("in.tsv"), "a\t1\nb\t2\n");
        Path out = work.resolve("out");
        Path script = Files.writeString(work.resolve("job.sql"), """
                CREATE TEMPORARY TABLE src (u STRING, n INT) WITH (
                  'connector' = 'pig-files', 'path' = '%s', 'format' = 'pig-storage',
                  'pig-storage.field-delimiter' = '\\t');
                CREATE TEMPORARY TABLE snk (u STRING, n INT) WITH (
                  'connector' = 'pig-files', 'path' = '%s', 'format' = 'pig-storage',
                  'pig-storage.field-delimiter' = '\\t');
                INSERT INTO snk SELECT * FROM src;
                """.formatted(input, out));
        Process run = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SqlJobRunner.class.getName(),
                        "--script",
                        script.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("run.log").toFile())
                .start();
        assertTrue(run.waitFor(10, TimeUnit.MINUTES), "the run did not end");
        String log = Files.readString(work.resolve("run.log"));
        assertEquals(0, run.exitValue(), log);
        assertEquals("a\t1\nb\t2\n", SharedMiniCluster.readSink(out), "the job did not run");
        assertEquals(List.of(), entries(tmp), log);
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
