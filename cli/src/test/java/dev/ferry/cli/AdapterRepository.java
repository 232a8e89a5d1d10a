package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A legacy repository whose scripts run Java classes through the runtime's Pig adapter: the classes' jar under
 * {@code udfs/} (the script REGISTERs {@code udfs/<jar>}), their sources under {@code src/} where the test gives them,
 * and the adapter's jar (target/ferry-pig-udf.jar) at the root, where the job finds it (FERRY_UDF_DIR).
 */
final class AdapterRepository {

    static final Path ADAPTER_JAR = JavaUdfDifferentialTest.ADAPTER_JAR;

    private AdapterRepository() {}

    /**
     * {@code tmp}/repo, made on the first call: {@code jar} at udfs/, the {@code .java} files of {@code sources}'s
     * com/acme/pig under src/com/acme/pig (none when {@code sources} is null), the adapter's jar.
     */
    static Path create(Path tmp, Path jar, Path sources) throws IOException {
        assertTrue(Files.isRegularFile(ADAPTER_JAR), "build runtime/pig-udf first: " + ADAPTER_JAR);
        Path repo = tmp.resolve("repo");
        if (Files.isDirectory(repo)) {
            return repo;
        }
        Files.copy(jar, Files.createDirectories(repo.resolve("udfs")).resolve(jar.getFileName()));
        Files.copy(ADAPTER_JAR, repo.resolve("ferry-pig-udf.jar"));
        if (sources != null) {
            Path to = Files.createDirectories(repo.resolve("src/com/acme/pig"));
            try (Stream<Path> files = Files.list(sources.resolve("com/acme/pig"))) {
                for (Path source : files.toList()) {
                    Files.copy(source, to.resolve(source.getFileName()));
                }
            }
        }
        return repo;
    }

    /** A Flink run's parameters: {@code params}, OUTPUT, and the repository as FERRY_UDF_DIR and FERRY_UDF_JARS. */
    static Map<String, String> flinkParams(Path repo, Map<String, String> params, Path output) {
        Map<String, String> all = new HashMap<>(params);
        all.put("OUTPUT", output.toString());
        all.put("FERRY_UDF_DIR", repo.toString());
        all.put("FERRY_UDF_JARS", repo.toString());
        return all;
    }
}
