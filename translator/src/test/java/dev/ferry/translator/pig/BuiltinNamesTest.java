package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.sql.SqlQuery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A builtin called as Pig resolves it: by its full name, by a DEFINE's name, or by one of the typed classes its
 * generic builtin dispatches to (given the type that class takes) is the generic builtin's translation; a typed
 * class given another type is an error, as Pig fails the job. Each row: a call, and the call it translates as,
 * compared by what the view computes.
 */
class BuiltinNamesTest {

    private static final String LOAD =
            "A = load 'in' using PigStorage(',') as (a:int, l:long, d:double, f:float, s:chararray, m:map[]);\n"
                    + "G = group A by s;\n";

    private static Optional<SqlJob> job(String statement, Diagnostics diagnostics) {
        return PigParser.parse(LOAD + statement + "\nstore X into 'out';\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "job", diagnostics));
    }

    private static SqlJob translated(String statement) {
        Diagnostics diagnostics = new Diagnostics();
        return job(statement, diagnostics)
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            X = foreach A generate org.apache.pig.builtin.UPPER(s);   | X = foreach A generate UPPER(s);
            X = foreach G generate org.apache.pig.builtin.SUM(A.a);   | X = foreach G generate SUM(A.a);
            X = foreach A generate IntAbs(a), LongAbs(l), FloatAbs(f); | X = foreach A generate ABS(a), ABS(l), ABS(f);
            X = foreach A generate DoubleAbs(d), DoubleRound(d);      | X = foreach A generate ABS(d), ROUND(d);
            X = foreach A generate FloatRound(f), FloatRoundTo(f, 1);  | X = foreach A generate ROUND(f), ROUND_TO(f, 1);
            X = foreach G generate IntSum(A.a), LongMax(A.l);         | X = foreach G generate SUM(A.a), MAX(A.l);
            X = foreach G generate DoubleAvg(A.d), FloatMin(A.f);     | X = foreach G generate AVG(A.d), MIN(A.f);
            X = foreach G generate StringMax(A.s), IntAvg(A.a);       | X = foreach G generate MAX(A.s), AVG(A.a);
            X = foreach G generate BagSize(A), org.apache.pig.builtin.COUNT(A); | X = foreach G generate SIZE(A), COUNT(A);
            X = foreach A generate StringSize(s), MapSize(m);         | X = foreach A generate SIZE(s), SIZE(m);
            X = foreach A generate ConstantSize(d), TupleSize((a, s)); | X = foreach A generate SIZE(d), SIZE((a, s));
            X = foreach A generate ToDateISO(s), ToDate2ARGS(s, 'y');  | X = foreach A generate ToDate(s), ToDate(s, 'y');
            X = foreach A generate StringConcat(s, a);                | X = foreach A generate CONCAT(s, (chararray) a);
            DEFINE total org.apache.pig.builtin.SUM(); X = foreach G generate total(A.l); | X = foreach G generate SUM(A.l);
            """)
    void aBuiltinByAnotherNameIsTheBuiltin(String call, String same) {
        String prefix = call.contains("DEFINE") ? call.substring(0, call.indexOf("X =")) : "";
        assertEquals(expressions(translated(prefix + same)), expressions(translated(call)));
    }

    /** What the view X computes, without the column names (Ferry names a column after the function as written). */
    private static List<SqlExpr> expressions(SqlJob job) {
        SqlJob.View view = job.views().stream()
                .filter(v -> v.name().equals("X"))
                .findFirst()
                .orElseThrow();
        return ((SqlQuery.Select) view.query())
                .items().stream().map(SqlQuery.SelectItem::expr).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            X = foreach A generate ARITY(a, s, d);  | 3
            X = foreach A generate ARITY(*);        | 6
            X = foreach A generate ARITY();         | 0
            """)
    void arityIsTheNumberOfArguments(String statement, int count) {
        String job = translated(statement).toString();
        assertTrue(job.contains("Literal[value=" + count + "]"), job);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            X = foreach A generate IntAbs(s);       | t.pig:3:31: error PIG-E013: IntAbs takes int, found chararray: Pig fails the job (a ClassCastException in IntAbs)
            X = foreach A generate ConstantSize(s); | t.pig:3:37: error PIG-E013: ConstantSize takes double or float or int or long, found chararray: Pig fails the job (a ClassCastException in ConstantSize)
            X = foreach G generate LongSum(A.a);    | t.pig:3:33: error PIG-E013: LongSum takes a bag of long, found a bag of int: Pig fails the job (a ClassCastException in LongSum)
            X = foreach G generate StringMin(A.d);  | t.pig:3:35: error PIG-E013: StringMin takes a bag of chararray, found a bag of double: Pig fails the job (a ClassCastException in StringMin)
            X = foreach A generate ToDate2ARGS(s);  | t.pig:3:24: error PIG-E013: ToDate2ARGS takes 2 argument(s), found 1
            """)
    void aTypedClassOfAnotherTypeIsAnError(String statement, String expected) {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(job(statement, diagnostics).isEmpty());
        assertEquals(
                List.of(expected),
                diagnostics.sorted().stream()
                        .filter(Diagnostic::isError)
                        .map(d -> d.format().lines().findFirst().orElseThrow())
                        .toList());
    }
}
