package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.runtime.SqlJob;
import dev.ferry.runtime.SqlScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reviewed golden SQL script (generator's GoldenSqlTest) is one Flink 2.2 can plan as a batch job. */
class GoldenSqlPlansTest {

    private static final Path GOLDEN =
            Path.of(System.getProperty("ferry.root", "..")).resolve("generator/src/test/resources/golden/sql");
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{(\\w+)}");

    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void flinkPlansIt(Path script, @TempDir Path tmp) throws IOException {
        String sql = Files.readString(script);
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAMETER.matcher(sql);
        while (m.find()) {
            // Inside a quoted option it is a path; in an expression, a number stands in for it.
            boolean quoted = m.start() > 0 && sql.charAt(m.start() - 1) == '\'';
            params.put(m.group(1), quoted ? tmp.resolve(m.group(1)).toString() : "1");
        }
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        String plan = SqlJob.validate(env, SqlScript.split(SqlScript.bind(sql, params)))
                .explain();
        assertFalse(plan.isBlank(), "no plan for " + script);
    }
}
