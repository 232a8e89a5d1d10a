package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AST keeps each statement's PARALLEL clause (a STORE's too) as written, with where it is; statements without one have none. */
class PigParallelClauseTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # statement after a = LOAD 'in' AS (f);          | alias=PARALLEL@column, for each statement that has one
            b = GROUP a BY f PARALLEL 10;                     | b=10@18
            b = ORDER a BY f parallel $N;                     | b=$N@18
            b = DISTINCT a PARALLEL ${N};                     | b=${N}@16
            b = FOREACH a GENERATE f PARALLEL 6;              | b=6@26
            b = FOREACH (ORDER a BY f PARALLEL 3) GENERATE f; | __inline_1=3@27
            b = FILTER a BY f > 0;                            | ''
            STORE a INTO 'out' PARALLEL 4;                    | STORE a=4@20
            STORE a INTO 'out' USING PigStorage(',') PARALLEL $N; | STORE a=$N@42
            STORE a INTO 'out';                               | ''
            """)
    void aParallelClauseIsKeptOnItsStatement(String statement, String expected) {
        Diagnostics diagnostics = new Diagnostics();
        PigScript script = PigParser.parse("a = LOAD 'in' AS (f);\n" + statement + "\n", "s.pig", diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted().toString()));
        List<String> kept = new ArrayList<>();
        for (PigStatement s : script.statements()) {
            String owner = s instanceof PigStatement.Assign assign
                    ? assign.alias()
                    : s instanceof PigStatement.Store store ? "STORE " + store.alias() : null;
            PigStatement.Parallel parallel = s instanceof PigStatement.Assign assign
                    ? assign.parallel()
                    : s instanceof PigStatement.Store store ? store.parallel() : null;
            if (parallel != null) {
                SourceSpan span = parallel.span();
                assertEquals(2, span.line());
                kept.add(owner + "=" + parallel.value() + "@" + span.column());
            }
        }
        assertEquals(Objects.requireNonNullElse(expected, ""), String.join(",", kept));
    }
}
