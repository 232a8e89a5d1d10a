package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tuple, bag and map constructors and map lookup ({@code m#'k'}), on maps a LOAD reads from Pig's text
 * form and on maps the script builds, run in real Pig and in Flink on the same input. The maps are
 * dirty on purpose: an empty value, a nested tuple, bag and map as values, an empty map, malformed
 * maps (null in Pig), text around a map, a repeated key, more entries than a HashMap's first table,
 * a missing field, unicode keys.
 */
class PigComplexValuesDifferentialTest extends DifferentialTest {

    /** name, m (a map), n — tab separated. */
    static final String INPUT = String.join(
                    "\n",
                    "ann\t[city#Paris,age#31]\t3",
                    "bob\t[age#,city#Lyon,pair#(1,2)]\t",
                    "cid\t[]\t7",
                    "dan\t\t2",
                    "eve\tnot a map\t1",
                    "fay\t[bag#{(1),(2)},inner#[a#b,c#d],city#Nice]\t5",
                    "gus\t[é#ü,city#Paris]\t0",
                    "hal\t[city#Lyon]x\t4",
                    "ivy\t[#x]\t6",
                    "jon\t[ ]\t1",
                    "kim\t[k#1,]\t2",
                    "lea\t[k]\t3",
                    "max\t[k#v)]\t4",
                    "ned\t[k#(v]\t5",
                    "oli\tx[k#v,city#Lyon]y\t6",
                    "pam\t[k#v,k#w,a#1,b#2,c#3,d#4,e#5,f#6,g#7,h#8,i#9,j#10,l#11]\t7")
            + "\n";

    static final String LOAD = "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, m:map[], n:int);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "a LOAD's map[]: present, absent and empty keys; nested values stay text; the map stored back",
                        LOAD
                                + "r = FOREACH rows GENERATE name, m#'city', m#'age', m#'pair', m#'bag', m#'inner', m#'nope', m;\n"),
                Arguments.of(
                        "a map[chararray] lookup is a chararray for string builtins",
                        "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, m:map[chararray], n:int);\n"
                                + "r = FOREACH rows GENERATE CONCAT(name, m#'city'), UPPER(m#'city'), SIZE(m);\n"),
                Arguments.of(
                        "a cast of a map[] to map[chararray] makes its lookups chararrays; to map[] keeps them",
                        LOAD + "p = FOREACH rows GENERATE name, (map[chararray]) m AS c, (map[]) m AS b;\n"
                                + "r = FOREACH p GENERATE name, UPPER(c#'city'), CONCAT(c#'age', 'y'), b#'city', c;\n"),
                Arguments.of(
                        "a bytearray lookup compared with a chararray is cast, and null drops the row",
                        LOAD + "r = FILTER rows BY m#'city' == 'Paris' OR m#'age' == '31';\n"),
                Arguments.of(
                        "a bytearray lookup in arithmetic is cast to a number",
                        LOAD + "r = FOREACH rows GENERATE name, m#'age' + 1, (int) m#'age' * n;\n"),
                Arguments.of(
                        "GROUP BY a map lookup, null keys one group",
                        LOAD
                                + "g = GROUP rows BY m#'city';\nr = FOREACH g GENERATE group, COUNT(rows), SUM(rows.n);\n"),
                Arguments.of(
                        "a map passed through FOREACH and JOIN keeps its lookups",
                        LOAD
                                + "p = FOREACH rows GENERATE name, m AS attrs;\nq = FOREACH rows GENERATE name AS who, n;\n"
                                + "j = JOIN p BY name, q BY who;\nr = FOREACH j GENERATE who, attrs#'city', n;\n"),
                Arguments.of(
                        "tuple, bag and map constructors of fields (TOTUPLE, TOBAG, TOMAP)",
                        LOAD + "r = FOREACH rows GENERATE (name, n) AS t, {(name), (name)} AS b, {n, n} AS ints,"
                                + " {(name, n), (name, 0)} AS pairs, TOMAP(name, n) AS mp, [name, 'x'] AS m2;\n"),
                Arguments.of(
                        "literal tuple, bag and map constants",
                        LOAD
                                + "r = FOREACH rows GENERATE name, (1, 'a') AS t, {(1), (2)} AS b, ['k'#1, 'j'#2] AS m;\n"),
                Arguments.of(
                        "a lookup of a map built in the script: the value as it was, null for an absent key",
                        LOAD
                                + "r = FOREACH rows GENERATE name, TOMAP('n', n, 'k', 7)#'n', [ 'k', name ]#'k', TOMAP('a', name)#'b';\n"),
                Arguments.of(
                        "f(*) passes every field of the input tuple: TOTUPLE(*), TOBAG(*)",
                        LOAD
                                + "p = FOREACH rows GENERATE name, (chararray) n AS n;\nr = FOREACH p GENERATE TOTUPLE(*), SIZE(TOBAG(*)), TOBAG(*), *;\n"),
                Arguments.of(
                        "FLATTEN(TOKENIZE(s)): a row per token, none for a null or empty string; a word count",
                        LOAD + "p = FOREACH rows GENERATE name, (chararray) m#'inner' AS s;\n"
                                + "w = FOREACH p GENERATE name, FLATTEN(TOKENIZE(s)) AS word;\ng = GROUP w BY word;\n"
                                + "r = FOREACH g GENERATE group, COUNT(w);\n"),
                Arguments.of(
                        "two FLATTENs of bag values give their cross product per row; FLATTEN of a bag constructor",
                        LOAD + "p = FOREACH rows GENERATE name, n, CONCAT(name, ' x,y') AS s;\n"
                                + "r = FOREACH p GENERATE FLATTEN(TOKENIZE(s)), FLATTEN({(name, n), (name, 0)}), n;\n"),
                Arguments.of(
                        "FLATTEN of a tuple: a field per tuple field, named t::field (reachable as field), AS renaming; of constructors too",
                        LOAD + "p = FOREACH rows GENERATE name, (n, m#'city') AS t, TOTUPLE(SIZE(m), 'k') AS u;\n"
                                + "q = FOREACH p GENERATE FLATTEN(t), FLATTEN(u) AS (s, k), name;\n"
                                + "r = FOREACH q GENERATE t::n, $1, s, k, FLATTEN((name, n)), FLATTEN(TOTUPLE(name, s * 2)), FLATTEN((name, 1)) AS (x, y);\n"),
                Arguments.of(
                        "FLATTEN(STRSPLIT(s, ',', 2)) AS (a, b): the pieces by position, the last one keeping the rest",
                        LOAD
                                + "r = FOREACH rows GENERATE FLATTEN(STRSPLIT(CONCAT(name, ',x,y'), ',', 2)) AS (first:chararray, rest:chararray), n;\n"),
                Arguments.of(
                        "a lookup in a looked-up value: Pig casts the bytearray to a map with the loader's caster",
                        LOAD + "r = FOREACH rows GENERATE name, m#'inner'#'a', m#'inner'#'c', m#'city'#'x';\n"),
                Arguments.of(
                        "a lookup in a field of a LOAD without AS (a bytearray) casts it to a map",
                        "rows = LOAD '$INPUT' USING PigStorage('\\t');\n"
                                + "r = FOREACH rows GENERATE $0, $1#'city', $1#'inner'#'c';\n"),
                Arguments.of(
                        "constructors of complex values: a bag of tuples of a map",
                        LOAD
                                + "r = FOREACH rows GENERATE name, {(name, TOMAP('x', name))} AS b, (m#'city', (n, n)) AS t;\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        assertSameRows(semantic, INPUT, body + STORE_R, false);
    }
}
