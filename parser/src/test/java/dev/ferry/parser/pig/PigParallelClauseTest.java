package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AST keeps each statement's PARALLEL clause as written, with where it is; statements without one have none. */
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
            """)
    void aParallelClauseIsKeptOnItsStatement(String statement, String expected) {
        Diagnostics diagnostics = new Diagnostics();
        PigScript script = PigParser.parse("a = LOAD 'in' AS (f);\n" + statement + "\n", "s.pig", diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted().toString()));
        List<String> kept = script.statements().stream()
                .filter(s -> s instanceof PigStatement.Assign assign && assign.parallel() != null)
                .map(s -> (PigStatement.Assign) s)
                .map(assign -> {
                    SourceSpan span = assign.parallel().span();
                    assertEquals(2, span.line());
                    return assign.alias() + "=" + assign.parallel().value() + "@" + span.column();
                })
                .toList();
        assertEquals(Objects.requireNonNullElse(expected, ""), String.join(",", kept));
    }
}
