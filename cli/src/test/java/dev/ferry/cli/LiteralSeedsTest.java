package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The values a script compares its fields with, which verify's generated rows draw from: script, field, values. */
class LiteralSeedsTest {

    private static final String LOAD = "a = LOAD 'in' AS (x:int, y:chararray, d:double);\n";

    @ParameterizedTest(name = "[{index}] {0} -> {1}:{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # statements after LOAD a (x, y, d)                                  | field | type      | values
            b = FILTER a BY x > 18;                                              | x     | int       | 18 19
            b = FILTER a BY 18 < x;                                              | x     | int       | 18 19
            b = FILTER a BY x >= 18 AND x != 3;                                  | x     | int       | 18 3
            b = FILTER a BY x <= -2;                                             | x     | int       | -2
            b = FILTER a BY (int) y < 10;                                        | y     | chararray | 10 9
            b = FILTER a BY d < 0.5;                                             | d     | double    | 0.5 0.0
            b = FILTER a BY not (d <= 2.5);                                      | d     | double    | 2.5
            b = FILTER a BY x IN (1, 2, 3) AND y IN ('x', 'y');                  | x     | int       | 1 2 3
            b = FILTER a BY x IN (1, 2, 3) AND y IN ('x', 'y');                  | y     | chararray | x y
            b = FILTER a BY y matches '.*abc.*';                                 | y     | chararray | abc
            b = FILTER a BY y matches 'x{3}';                                    | y     | chararray | -
            b = FILTER a BY y > 'm';                                             | y     | chararray | m ma
            b = FILTER a BY x == 1; c = FILTER b BY y == 'z';                    | d     | double    | -
            b = FILTER a BY y == 'no';                                           | x     | int       | -
            b = FILTER a BY x == 'seven' OR x == 7;                              | x     | int       | 7
            b = FILTER a BY d == 7;                                              | d     | double    | 7
            b = FILTER a BY y == 'a\\tb' OR y == 'ok';                           | y     | chararray | ok
            b = FILTER a BY x > $MIN;                                            | x     | int       | 5 6
            SPLIT a INTO p IF x < 0, q IF y == 'q', r OTHERWISE;                 | x     | int       | 0 -1
            SPLIT a INTO p IF x < 0, q IF y == 'q', r OTHERWISE;                 | y     | chararray | q
            b = FOREACH a GENERATE (x == 3 ? 1 : 0);                             | x     | int       | 3
            b = FOREACH a GENERATE CASE x WHEN 4 THEN 'four' ELSE 'no' END;      | x     | int       | 4
            g = GROUP a BY y; c = FOREACH g { f = FILTER a BY x >= 10; GENERATE COUNT(f); }; | x | int | 10
            b = LOAD 'b' AS (id:int); j = JOIN a BY x, b BY id; f = FILTER j BY a::x == 77; | id | int | 77
            b = LOAD 'b' AS (id:int, k:chararray); j = COGROUP a BY (x, y), b BY (id, k); f = FILTER b BY k == 'z'; | y | chararray | z
            b = LOAD 'b' AS (id:int); c = CROSS a, b; f = FILTER c BY a::x == b::id AND id == 9; | x | int | 9
            """)
    void valuesTheScriptComparesTheFieldWith(String statements, String field, String type, String values) {
        String text = LOAD + statements.replace("; ", ";\n") + "\n";
        Diagnostics diagnostics = new Diagnostics();
        LiteralSeeds seeds = LiteralSeeds.of(
                PigParser.parse(text, "t.pig", diagnostics).orElseThrow().statements(), Map.of("MIN", "5"));
        assertEquals(
                values == null ? List.of() : List.of(values.split(" ")),
                seeds.of(field, 9, PigType.fromKeyword(type), "\t"),
                text + diagnostics.sorted());
    }

    /** Positions are keys of their own: {@code $1} of a LOAD without AS, or of a field named otherwise. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # statements after a LOAD without AS        | position | values
            b = FILTER a BY $1 == 'x';                  | 1        | x
            b = FILTER a BY (int) $2 >= 40;             | 2        | 40
            b = FILTER a BY (int) $2 >= 40;             | 1        | -
            """)
    void positionsAreKeysOfTheirOwn(String statements, int position, String values) {
        String text = "a = LOAD 'in';\n" + statements + "\n";
        LiteralSeeds seeds = LiteralSeeds.of(
                PigParser.parse(text, "t.pig", new Diagnostics()).orElseThrow().statements(), Map.of());
        assertEquals(
                values == null ? List.of() : List.of(values.split(" ")),
                seeds.of(null, position, PigType.BYTEARRAY, "\t"));
    }

    /**
     * A string the regex matches whole, from its literal characters and first alternatives; empty where that simple
     * reading fails.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '"', nullValues = "-", textBlock = """
            # regex -> a string it matches
            .*abc.* -> abc
            ^a.b$ -> aab
            \\d+-\\d+ -> 1-1
            [0-9]+x? -> 0x
            [a-z]*@example\\.com -> a@example.com
            abc -> abc
            a|b -> a
            .*(foo|ba[rz]).* -> foo
            (x|y)(1|2) -> x1
            (?i)abc -> -
            x{3} -> -
            [^a] -> -
            """)
    void aStringTheRegexMatches(String regex, String expected) {
        assertEquals(Optional.ofNullable(expected), LiteralSeeds.matching(regex));
    }
}
