package dev.ferry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --script} as a path (image, mounted ConfigMap) or a URI read through Flink's file systems. */
class ScriptSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsAPathAndTheSameFileAsAUri() throws IOException {
        Path script = Files.writeString(dir.resolve("job.sql"), "INSERT INTO t SELECT 'é';\n");
        assertEquals("INSERT INTO t SELECT 'é';\n", ScriptSource.read(script.toString()));
        assertEquals(
                "INSERT INTO t SELECT 'é';\n", ScriptSource.read(script.toUri().toString()));
        assertEquals("job.sql", ScriptSource.fileName(script.toUri().toString()));
    }

    @Test
    void aSchemeWithoutItsFileSystemPluginIsAnIoError() {
        // Flink says which plugin is missing (the image ships the S3 one; here there is none).
        IOException error = assertThrows(IOException.class, () -> ScriptSource.read("s3://bucket/flink/job.sql"));
        assertEquals(true, error.getMessage().contains("s3"), error.getMessage());
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThrows(
                IOException.class,
                () -> ScriptSource.read(dir.resolve("absent.sql").toString()));
        assertThrows(
                IOException.class,
                () -> ScriptSource.read(dir.resolve("absent.sql").toUri().toString()));
    }
}
