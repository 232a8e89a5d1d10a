package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigStatement;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A nested block's alias assigned twice reads, at each use, its latest assignment before it (Pig 0.18): each
 * assignment gets a name of its own and later uses read the newer one. The block's aliases after the renaming, and
 * the GENERATE as it then reads; the block translates (rows compared with real Pig's in the cli's
 * PigAcceptedShapesDifferentialTest).
 */
class NestedAliasesTest {

    private static final String LOAD =
            "a = LOAD 'in' AS (origin:chararray, carrier:chararray, delay:double);\n" + "g = GROUP a BY origin;\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = FOREACH g { best = ORDER a BY delay; best = LIMIT best 2; GENERATE group, best.carrier; }                  | best, best_2 | group, best_2.carrier
            r = FOREACH g { f = FILTER a BY delay > 1.0; f = FILTER f BY carrier != 'x'; GENERATE group, COUNT(f); }       | f, f_2 | group, COUNT(f_2)
            r = FOREACH g { d = a.carrier; d = DISTINCT d; d_2 = FILTER a BY delay > 0.0; GENERATE COUNT(d), COUNT(d_2); } | d, d_3, d_2 | COUNT(d_3), COUNT(d_2)
            r = FOREACH g { o = ORDER a BY delay DESC; t = LIMIT o 1; GENERATE FLATTEN(t); }                               | o, t | FLATTEN(t)
            """)
    void eachAssignmentHasItsName(String statement, String aliases, String generate) {
        PigRelation.NestedForeach block = NestedAliases.unique(block(statement));
        assertEquals(aliases, block.commands().stream().map(c -> c.alias()).collect(Collectors.joining(", ")));
        assertEquals(generate, block.items().stream().map(i -> text(i.expr())).collect(Collectors.joining(", ")));
        Diagnostics diagnostics = new Diagnostics();
        PigParser.parse(LOAD + statement + "\nSTORE r INTO 'out';\n", "t.pig", diagnostics)
                .flatMap(script -> PigToSql.translate(script, "job", diagnostics))
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
    }

    private static PigRelation.NestedForeach block(String statement) {
        Diagnostics diagnostics = new Diagnostics();
        return PigParser.parse(LOAD + statement + "\n", "t.pig", diagnostics).orElseThrow().statements().stream()
                .filter(s -> s instanceof PigStatement.Assign assign
                        && assign.alias().equals("r"))
                .map(s -> (PigRelation.NestedForeach) ((PigStatement.Assign) s).relation())
                .findFirst()
                .orElseThrow();
    }

    /** The GENERATE item as written, aliases read by name: {@code COUNT(f_2)}, {@code best_2.carrier}. */
    private static String text(PigExpr expr) {
        if (expr instanceof PigExpr.FieldRef ref) {
            return ref.name();
        }
        if (expr instanceof PigExpr.Dereference d) {
            return text(d.base()) + "." + d.field();
        }
        if (expr instanceof PigExpr.Flatten f) {
            return "FLATTEN(" + text(f.expr()) + ")";
        }
        if (expr instanceof PigExpr.Call c) {
            return c.function() + "("
                    + c.arguments().stream().map(NestedAliasesTest::text).collect(Collectors.joining(", ")) + ")";
        }
        return expr.toString();
    }
}
