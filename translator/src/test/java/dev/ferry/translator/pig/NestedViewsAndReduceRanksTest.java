package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigScript;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Forms that were PIG-E020 TODOs and translate now (their rows agree with Pig in PigNestedBlocksDifferentialTest and
 * PigRankDifferentialTest): the warnings each gives, at its line and column, and no error.
 */
class NestedViewsAndReduceRanksTest {

    private static final String LOAD = "A = load 'in' using PigStorage(',') as (a:int, b:chararray);\n"
            + "B = load 'in2' using PigStorage(',') as (a:int, c:chararray);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            G = cogroup A by a, B by a; X = foreach G { f = filter A by a > 0; c = cross f, B; generate FLATTEN(c); } | X |
            G = cogroup A by a, B by a; X = foreach G { c = cross A, B; generate group, c, MAX(c.A::a); }            | X |
            G = cogroup A by a, B by a; X = foreach G { d = distinct A.b; generate group, d; }                       | X |
            G = group A by b; X = foreach G { d = distinct A; t = limit d 2; generate group, t; }                   | X |
            G = group A by b; X = foreach G { p = A.a; t = limit p 2; generate group, COUNT(t); }                    | X | PIG-W002 3:44
            X = distinct A; Y = rank X;                                                                              | Y | PIG-W006 3:21
            X = group A by b; Y = rank X;                                                                            | Y | PIG-W006 3:23
            G = group A by b; C = foreach G generate group, COUNT(A); F = filter C by group != 'x'; Y = rank F;      | Y | PIG-W006 3:93
            """)
    void translatesWithWarnings(String statement, String stored, String warning) {
        List<String> warnings = warnings(statement, stored).stream()
                .map(d -> d.code().id() + " " + d.span().toString().replace("t.pig:", ""))
                .toList();
        assertEquals(warning == null ? List.of() : List.of(warning), warnings);
    }

    /**
     * RANK without BY of one GROUP key's rows says where Pig's multi-query plan may write the key as a tuple: the
     * GROUP's input read by another reducing operator (measured on Pig 0.18: GROUP A BY k beside GROUP A BY (k, y)
     * numbers 0, 1, 300, 2, -4, the tuple's order, not 0, 1, 2, 300, -4).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            G = group A by b; C = foreach G generate group, COUNT(A); H = group A by (a, b); Y = rank C;             | true
            G = group A by b; C = foreach G generate group, COUNT(A); J = join A by a, B by a; Y = rank C;          | true
            G = group A by b; C = foreach G generate group, COUNT(A); F = filter C by group != 'x'; Y = rank F;     | false
            G = group A by (a, b); H = group A by a; Y = rank G;                                                     | false
            X = distinct A; H = group A by a; Y = rank X;                                                            | false
            """)
    void oneKeysRankSaysWhereTheMultiQueryPlanMayWrapTheKey(String statement, boolean mentioned) {
        List<Diagnostic> warnings = warnings(statement, "Y").stream()
                .filter(d -> d.code() == DiagnosticCode.PIG_W006)
                .toList();
        assertEquals(1, warnings.size(), warnings::toString);
        assertEquals(mentioned, warnings.get(0).message().contains("multi-query"), warnings.get(0)::message);
    }

    private static List<Diagnostic> warnings(String statement, String stored) {
        Diagnostics diagnostics = new Diagnostics();
        String text = LOAD + statement + "\nstore " + stored + " into 'out' using PigStorage(',');\n";
        PigScript script = PigParser.parse(text, "t.pig", diagnostics)
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
        assertTrue(
                PigToSql.translate(script, "job", diagnostics).isPresent(),
                () -> diagnostics.sorted().toString());
        return diagnostics.sorted();
    }
}
