package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry run}'s usage errors; the real run (Airflow's dag.test() in the venv) is e2e/test_cli.py.
 */
class RunCommandTest {

    @TempDir
    Path tmp;

    @Test
    void dagIsRequired() {
        FerryRun run = FerryRun.of("run", tmp.toString());
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(run.err().startsWith("Missing required option: '--dag=ID'"), run.err());
    }

    @Test
    void aRepositoryWithoutDagsIsAUsageError() {
        FerryRun run = FerryRun.of("run", tmp.toString(), "--dag", "x");
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertEquals("ferry: error: " + tmp + " has no dags/ directory (convert first: ferry convert)\n", run.err());
    }

    @Test
    void aMissingPythonIsAUsageErrorThatSaysWhatToSet() throws IOException {
        Files.createDirectories(tmp.resolve("dags"));
        FerryRun run = FerryRun.of(
                "run",
                tmp.toString(),
                "--dag",
                "x",
                "--python",
                tmp.resolve("no-python").toString());
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(
                run.err()
                        .startsWith("ferry: error: cannot start " + tmp.resolve("no-python")
                                + " (set --python or FERRY_PYTHON"),
                run.err());
    }
}
