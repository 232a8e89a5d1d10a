package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigStatement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which statements read each definition of an alias: the lines of the readers, per definition line. */
class AliasUsesTest {

    private static final String LOAD = "a = LOAD 'in' AS (x:int, y:int);\n";

    /** Readers of the definition on {@code line} (1-based), as their line numbers. */
    private static List<Integer> readers(String script, int line) {
        List<PigStatement> statements = PigParser.parse(LOAD + script, "t.pig", new Diagnostics())
                .orElseThrow()
                .statements();
        AliasUses uses = AliasUses.of(statements);
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).span().line() == line) {
                return uses.consumers(i).stream().map(s -> s.span().line()).toList();
            }
        }
        throw new AssertionError("no statement on line " + line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // script (after line 1's LOAD of a)                                          | definition line | reader
                // lines
                "b = FILTER a BY x > 0;\\nSTORE b INTO 'o';                                    | 1 | 2",
                "b = FILTER a BY x > 0;\\nc = FILTER a BY y > 0;\\nSTORE b INTO 'o';            | 1 | 2 3",
                "b = FILTER a BY x > 0;\\nSTORE b INTO 'o';                                    | 2 | 3",
                // a redefinition reads the old definition and ends it: later uses read the new one
                "a = FILTER a BY x > 0;\\nb = FILTER a BY y > 0;\\nSTORE b INTO 'o';            | 1 | 2",
                "a = FILTER a BY x > 0;\\nb = FILTER a BY y > 0;\\nSTORE b INTO 'o';            | 2 | 3",
                // a self-join reads the definition once
                "b = JOIN a BY x, (FOREACH a GENERATE x) BY x;\\nc = CROSS a, a;\\nSTORE c INTO 'o'; | 1 | 2 2 3",
                "b = FILTER a BY x > 0;\\nSTORE a INTO 'o';                                    | 2 | ''",
            })
    void readersOfEachDefinition(String script, int line, String expected) {
        List<Integer> want = expected.isBlank()
                ? List.of()
                : java.util.Arrays.stream(expected.trim().split(" "))
                        .map(Integer::valueOf)
                        .toList();
        assertEquals(want, readers(script.replace("\\n", "\n"), line));
    }
}
