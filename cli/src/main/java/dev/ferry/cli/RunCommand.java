package dev.ferry.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry run MIGRATED_REPO --dag ID}: one run of a generated DAG with Airflow's {@code dag.test()} on the
 * local backend (a throw-away Airflow home, each Flink job on an embedded Flink), printing each task's final
 * state. Runs {@code python -m ferry_runtime.local_run} in the Python that has Airflow and ferry_runtime.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = FerryVersion.class,
        description = "Run one generated DAG in Airflow (dag.test(), local backend) and print task states.",
        footer = {"", "Exit codes: 0 the run succeeded, 1 it failed, 2 usage (or no Python with Airflow)."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MIGRATED_REPO", description = "a migrated repository (with dags/)")
    Path repo;

    @Option(names = "--dag", required = true, paramLabel = "ID", description = "the dag_id to run")
    String dagId;

    @Option(
            names = "--date",
            paramLabel = "D",
            defaultValue = "2026-01-01T00:00:00+00:00",
            description = "the logical date (ISO 8601). Default: ${DEFAULT-VALUE}.")
    String date;

    @Option(names = "--conf", paramLabel = "JSON", defaultValue = "{}", description = "the run's conf (a JSON object)")
    String conf;

    @Option(
            names = "--python",
            paramLabel = "PATH",
            defaultValue = "${env:FERRY_PYTHON:-python3}",
            description = "the Python with Airflow and ferry_runtime (default: $FERRY_PYTHON, else python3)")
    String python;

    @Option(
            names = "--runtime-jar",
            paramLabel = "JAR",
            defaultValue = "${env:FERRY_RUNTIME_JAR}",
            description = "the Ferry runtime jar the local backend runs Flink jobs with (default: $FERRY_RUNTIME_JAR)")
    Path runtimeJar;

    @Mixin
    Streams streams;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = streams.out();
        PrintWriter err = streams.err();
        if (!Files.isDirectory(repo.resolve("dags"))) {
            err.println("ferry: error: " + repo + " has no dags/ directory (convert first: ferry convert)");
            return ExitCode.FAILURE;
        }
        List<String> command = new ArrayList<>(List.of(
                python,
                "-m",
                "ferry_runtime.local_run",
                "--repo",
                repo.toAbsolutePath().toString(),
                "--dag",
                dagId,
                "--logical-date",
                date,
                "--conf",
                conf));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (runtimeJar != null) {
            builder.environment()
                    .put("FERRY_RUNTIME_JAR", runtimeJar.toAbsolutePath().toString());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            err.println("ferry: error: cannot start " + python + " (set --python or FERRY_PYTHON to the Python with "
                    + "Airflow and ferry_runtime): " + e.getMessage());
            return ExitCode.FAILURE;
        }
        process.getOutputStream().close();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(line);
            }
        }
        int code = process.waitFor();
        return code == 0 ? ExitCode.OK : ExitCode.INPUT_ERRORS;
    }
}
