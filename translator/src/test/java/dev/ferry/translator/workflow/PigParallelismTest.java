package dev.ferry.translator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pig's PARALLEL and default_parallel → the job's FlinkDeployment parallelism: the largest one, parameters resolved. */
class PigParallelismTest {

    @TempDir
    Path repo;

    @ParameterizedTest(name = "[{index}] {0} with <param>{1}</param>")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # statements after a = LOAD ... (\\n = new line)                         | action <param>        | parallelism | PIG-W030
            -                                                                        | -                     | 2           | 0
            b = GROUP a BY f PARALLEL 10;                                            | -                     | 10          | 0
            SET default_parallel 4;\\nb = GROUP a BY f PARALLEL 10;                  | -                     | 10          | 0
            set default_parallel 20;\\nb = GROUP a BY f PARALLEL 10;                 | -                     | 20          | 0
            SET default_parallel '12';                                               | -                     | 12          | 0
            b = ORDER a BY f PARALLEL $N;                                            | N=7                   | 7           | 0
            %default N 5\\nb = DISTINCT a PARALLEL ${N};                             | -                     | 5           | 0
            b = DISTINCT a PARALLEL $N;                                              | N=${wf:conf('n')}     | 2           | 1
            SET default_parallel $N;\\nb = DISTINCT a PARALLEL 3;                    | N=${wf:conf('n')}     | 3           | 1
            b = DISTINCT a PARALLEL $N;                                              | N=many                | 2           | 1
            b = FOREACH (ORDER a BY f PARALLEL 3) GENERATE f;                        | -                     | 3           | 0
            b = FOREACH a GENERATE f PARALLEL 6;                                     | -                     | 6           | 0
            STORE a INTO '/x' PARALLEL 9;                                            | -                     | 9           | 0
            STORE a INTO '/x' USING PigStorage(',') PARALLEL $N;                     | N=11                  | 11          | 0
            SET default_parallel 12;\\nSTORE a INTO '/x' PARALLEL 9;                 | -                     | 12          | 0
            STORE a INTO '/x' PARALLEL $N;                                           | N=${wf:conf('n')}     | 2           | 1
            """)
    void theLargestResolvedParallelismSizesTheJob(String statements, String param, int expected, int warnings)
            throws IOException {
        String body = statements == null ? "" : statements.replace("\\n", "\n") + "\n";
        String defaults = body.startsWith("%default") ? body.substring(0, body.indexOf('\n') + 1) : "";
        Files.writeString(
                repo.resolve("s.pig"),
                defaults + "a = LOAD '/in' AS (f:chararray);\n" + body.substring(defaults.length())
                        + "STORE a INTO '/out';\n");
        Diagnostics diagnostics = new Diagnostics();
        TaskNode.FlinkJob job = TranslatedTask.pigJob(repo, param, diagnostics);
        assertEquals(
                expected, job.deployment().parallelism(), diagnostics.sorted().toString());
        assertEquals(
                warnings,
                diagnostics.sorted().stream()
                        .filter(d -> d.code() == DiagnosticCode.PIG_W030)
                        .count(),
                diagnostics.sorted().toString());
    }
}
