package dev.ferry.translator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
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
 * A parameter whose value is a shell command's output ({@code %declare X `cmd`}) translates without running the
 * command: Pig accepts the script, so it is a warning (PIG-W005 naming the command), and X is what the caller must
 * give. Pig's precedence is kept (PreprocessorContext): %declare sets X even over a {@code -param}, %default only
 * when X has no value yet, a later line wins.
 */
class ShellCommandParametersTest {

    @TempDir
    Path repo;

    @ParameterizedTest(name = "[{index}] {0} with <param>{1}</param>")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # script's lines (\\n = new line)          | action <param> | X in the task: Variable or text | standalone default | PIG-W005 lines
            %declare X `date +%F`                      | -              | Variable                        | -                  | 1
            %declare X `date +%F`                      | X=given        | Variable                        | -                  | 1
            %default X `date +%F`                      | X=given        | given                           | -                  | -
            %default X `date +%F`                      | -              | Variable                        | -                  | 1
            %default X 'v'\\n%declare X `hostname`     | -              | Variable                        | -                  | 2
            %default X 'v'\\n%default X `hostname`     | -              | v                               | v                  | -
            %declare X `hostname`\\n%declare X 'v'     | -              | v                               | v                  | 1
            """)
    void theCommandIsNeverRunAndItsOutputIsAParameter(
            String lines, String param, String inTask, String standaloneDefault, String warningLine)
            throws IOException {
        String script = lines.replace("\\n", "\n") + "\na = LOAD '/in/$X' AS (f:chararray);\nSTORE a INTO '/out';\n";
        Files.writeString(repo.resolve("s.pig"), script);
        Diagnostics diagnostics = new Diagnostics();
        TaskNode.FlinkJob job = TranslatedTask.pigJob(repo, param, diagnostics);
        Template expected =
                inTask.equals("Variable") ? Template.of(new RuntimeExpr.Variable("X")) : Template.text(inTask);
        assertEquals(expected, job.params().get("X"), diagnostics.sorted().toString());
        assertEquals(
                warningLine == null ? List.of() : List.of("s.pig:" + warningLine + ":1 PIG-W005"),
                diagnostics.sorted().stream()
                        .filter(d -> !d.isError())
                        .filter(d -> d.code().id().equals("PIG-W005"))
                        .map(d -> d.span() + " " + d.code().id())
                        .toList(),
                diagnostics.sorted().toString());
        assertEquals(
                List.of(),
                diagnostics.sorted().stream().filter(Diagnostic::isError).toList());

        Diagnostics standalone = new Diagnostics();
        SqlJob alone = PigParser.parse(script, "s.pig", standalone)
                .flatMap(s -> PigToSql.translate(s, "s", standalone))
                .orElseThrow(() -> new AssertionError(standalone.sorted()));
        assertEquals(
                List.of(new SqlJob.JobParameter("X", standaloneDefault)),
                alone.parameters(),
                "a standalone job's parameter X: required (no default) while a command gives it");
    }
}
