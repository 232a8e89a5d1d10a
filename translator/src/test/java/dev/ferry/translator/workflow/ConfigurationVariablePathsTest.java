package dev.ferry.translator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.el.ElFunctionTable;
import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.pig.PigToSql;
import dev.ferry.translator.sql.SqlJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ${user.name}} in a LOAD or STORE path: Pig's preprocessor leaves a dotted name alone and Hadoop's
 * Configuration fills in the user the job runs as. The path keeps it as a parameter of the generated job, never the
 * converting machine's user: a standalone job needs it given, a pig action passes the workflow's user
 * ({@code wf:user()}, the user Oozie runs Pig as). Compared with real Pig in the cli's
 * PigConfigurationVariablesDifferentialTest.
 */
class ConfigurationVariablePathsTest {

    @TempDir
    Path repo;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a STORE path                        | a = LOAD '/in' AS (f:chararray);\\nSTORE a INTO '/user/${user.name}/out';
            a LOAD path                         | a = LOAD '/user/${user.name}/in' AS (f:chararray);\\nSTORE a INTO '/out';
            a LOAD without AS and a STORE       | a = LOAD '/user/${user.name}/in';\\nSTORE a INTO 'hdfs://nn/user/${user.name}/out/';
            beside a parameter of the script    | %default D '2026'\\na = LOAD '/in/$D' AS (f:chararray);\\nSTORE a INTO '/user/${user.name}/$D';
            """)
    void theUserIsAParameterOfTheJob(String shape, String lines) throws IOException {
        String script = lines.replace("\\n", "\n") + "\n";
        Diagnostics standalone = new Diagnostics();
        SqlJob job = PigParser.parse(script, "s.pig", standalone)
                .flatMap(s -> PigToSql.translate(s, "s", standalone))
                .orElseThrow(() -> new AssertionError(standalone.sorted()));
        assertTrue(
                job.parameters().contains(new SqlJob.JobParameter("user.name", null)), shape + ": " + job.parameters());
        assertTrue(
                job.sources().stream().map(SqlJob.Table::path).anyMatch(p -> p.contains("${user.name}"))
                        || job.sinks().stream().map(SqlJob.Table::path).anyMatch(p -> p.contains("${user.name}")),
                shape);

        Files.writeString(repo.resolve("s.pig"), script);
        Diagnostics diagnostics = new Diagnostics();
        TaskNode.FlinkJob task = TranslatedTask.pigJob(repo, null, diagnostics);
        RuntimeExpr user =
                new RuntimeExpr.FunctionCall(ElFunctionTable.function("wf:user").orElseThrow(), List.of());
        assertEquals(
                Template.of(user),
                task.params().get("user.name"),
                diagnostics.sorted().toString());
        assertEquals(
                List.of(),
                diagnostics.sorted().stream().filter(Diagnostic::isError).toList());
    }

    /**
     * A {@code <param>user.name=etl</param>} does not change it: Oozie passes it as Pig's {@code -param}, and Pig's
     * preprocessor takes no dotted names, so Hadoop still fills in the user.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a param of that name | user.name=etl
            """)
    void anActionParamOfThatNameDoesNotReachThePath(String shape, String param) throws IOException {
        Files.writeString(
                repo.resolve("s.pig"), "a = LOAD '/in' AS (f:chararray);\nSTORE a INTO '/user/${user.name}/out';\n");
        Diagnostics diagnostics = new Diagnostics();
        TaskNode.FlinkJob task = TranslatedTask.pigJob(repo, param, diagnostics);
        RuntimeExpr user =
                new RuntimeExpr.FunctionCall(ElFunctionTable.function("wf:user").orElseThrow(), List.of());
        assertEquals(Template.of(user), task.params().get("user.name"), shape);
    }
}
