package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.parser.pig.PigStatement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fields a LOAD without AS needs when the script reads it only by position: the highest {@code $n} read by the
 * FOREACHes and FILTERs of it, and by a GROUP by position whose bags are only counted or projected by position, or
 * none (0 here) when a use shows the whole tuple.
 */
class PositionalWidthTest {

    private static final String LOAD = "X = load 'in' using PigStorage(',');\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Y = foreach X generate (int)$1, (chararray)$17;                       | 18
            Y = foreach X generate $0, UPPER($4), ($2 is null ? 'n' : 'y');      | 5
            F = filter X by $3 > 0; Y = foreach F generate $1;                     | 4
            F = filter X by $0 > 0; Y = foreach F generate $6; Z = foreach X generate $2; | 7
            Y = foreach X generate $1; describe X;                                 | 2
            Y = foreach X generate $1; X = load 'other'; Z = foreach X generate *; | 2
            Y = foreach X generate *;                                              | 0
            Y = foreach X generate $0..$3;                                         | 0
            Y = foreach X generate $1; dump X;                                     | 0
            Y = foreach X generate $1; store X into 'o';                           | 0
            Y = group X by $0; store Y into 'o';                                   | 0
            Y = group X by $14; Z = foreach Y generate group, COUNT($1);           | 15
            Y = group X by ($2, $5); Z = foreach Y generate FLATTEN(group), COUNT(X), SUM(X.$7); | 8
            Y = group X by $1; Z = foreach Y generate group, COUNT_STAR(X) * 2, SIZE($1), IsEmpty(X); | 2
            Y = group X by $1; Z = foreach Y generate group, X.($3, $0);           | 4
            Y = group X by $1; Z = foreach Y generate group, X;                    | 0
            Y = group X by $1; Z = foreach Y generate group, $1;                   | 0
            Y = group X by $1; Z = foreach Y generate group, X.name;               | 0
            Y = group X by $1; Z = foreach Y { d = distinct X; generate COUNT(d); }; | 0
            Y = group X by $1; Z = filter Y by COUNT(X) > 1;                       | 0
            Y = group X by $1; dump Y;                                             | 0
            Y = group X all; Z = foreach Y generate COUNT_STAR(X);                 | 0
            Y = group X by *; Z = foreach Y generate COUNT(X);                     | 0
            W = load 'w'; Y = join X by $0, W by $1;                              | 0
            F = filter X by $0 > 0; store F into 'o';                              | 0
            Y = foreach X generate 1;                                              | 0
            """)
    void widthOfTheLoad(String statements, int width) {
        Diagnostics diagnostics = new Diagnostics();
        PigScript script = PigParser.parse(LOAD + statements + "\n", "t.pig", diagnostics)
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
        PigRelation.Load load =
                (PigRelation.Load) ((PigStatement.Assign) script.statements().get(0)).relation();
        assertEquals(width, PositionalWidth.of(script.statements()).getOrDefault(load, 0));
    }
}
