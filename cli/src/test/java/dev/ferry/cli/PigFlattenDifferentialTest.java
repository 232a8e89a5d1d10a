package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FLATTEN of a tuple that is null, empty, of nulls or of a width only the data knows, run in real Pig and in Flink
 * on the same input. Pig's rule (POForEach.createTuple, LOGenerate's flattenNumFields): a tuple gives its own
 * fields; a null one gives a null per field where the FOREACH has a schema (a tuple field, a cast, an AS), and one
 * null field where it has none (a FLATTEN of STRSPLIT or REGEX_EXTRACT_ALL without AS), shifting the fields after
 * it: each row then has its own width, which {@code $n} and STORE see.
 */
class PigFlattenDifferentialTest extends DifferentialTest {

    /** s (text to split or match), n, t (a tuple), b (a bag), m (a map) — tab separated. */
    static final String INPUT = String.join(
                    "\n",
                    "a b c\t1\t(1,a)\t{(1,a),(2,b)}\t[k#1,j#2]",
                    "nomatch\t2\t\t\t",
                    "x y,z w\t3\t(,)\t{}\t[]",
                    ",\t4\t(4,d)\t{(4,)}\t[z#]",
                    "k,,l,m\t5\t\t{(5,e)}\t[é#ü]",
                    "\t6\t(6,f)\t\t[a#1,b#2,c#3]",
                    "é ü,ß x\t7\t(7,ü)\t{(7,ü)}\t",
                    "a,b,\t8\t(8,)\t{(8,h),(9,i)}\t[k#]")
            + "\n";

    static final String LOAD = "rows = LOAD '$INPUT' AS (s:chararray, n:int, t:tuple(a:int, b:chararray),"
            + " b:bag{(x:int, y:chararray)});\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "FLATTEN(REGEX_EXTRACT_ALL) without AS: a line that does not match gives one null field, and"
                                + " $n after it reads the next field or null past the row",
                        LOAD + "p = FOREACH rows GENERATE FLATTEN(REGEX_EXTRACT_ALL(s, '(\\\\S+) (\\\\S+) .*')), n;\n"
                                + "r = FOREACH p GENERATE $0, $1, $2, $3;\n"),
                Arguments.of(
                        "FLATTEN(REGEX_EXTRACT_ALL) without AS stored: each row as wide as Pig makes it",
                        LOAD
                                + "r = FOREACH rows GENERATE n, FLATTEN(REGEX_EXTRACT_ALL(s, '(\\\\S+) (\\\\S+) .*')), s;\n"),
                Arguments.of(
                        "FLATTEN(STRSPLIT(s, ',')) without a limit: a field per piece (none for ',', trailing empty"
                                + " pieces dropped, an empty piece not null), one null for a null string",
                        LOAD + "p = FOREACH rows GENERATE FLATTEN(STRSPLIT(s, ',')), n;\n"
                                + "r = FOREACH p GENERATE $0, $1, $2, $5, ($1 IS NULL ? 'null' : 'not null');\n"),
                Arguments.of(
                        "a typed AS beside FLATTEN(STRSPLIT(s, ',')): the FOREACH has no schema, so Pig casts nothing"
                                + " (text stays text where the AS says int)",
                        LOAD
                                + "r = FOREACH rows GENERATE s AS k:int, (chararray)n AS m:long, FLATTEN(STRSPLIT(s, ','));\n"),
                Arguments.of(
                        "FLATTEN(STRSPLIT(s, ',')) stored: rows of different widths",
                        LOAD + "r = FOREACH rows GENERATE FLATTEN(STRSPLIT(s, ',')), n * 2, 'z';\n"),
                Arguments.of(
                        "a GROUP BY $0 of rows of different widths: $0 is a piece or, for a null string, the null",
                        LOAD + "p = FOREACH rows GENERATE FLATTEN(STRSPLIT(s, ' ')), n;\n"
                                + "g = GROUP p BY $0;\nr = FOREACH g GENERATE group, COUNT(p);\n"),
                Arguments.of(
                        "FLATTEN of a map stored: rows of different widths",
                        "rows = LOAD '$INPUT' AS (s:chararray, n:int, t:chararray, b:chararray, m:map[]);\n"
                                + "r = FOREACH rows GENERATE n, FLATTEN(m), s;\n"),
                Arguments.of(
                        "FLATTEN(TOTUPLE(*)) of a LOAD without AS: each line's own fields, then the rest of the row",
                        "raw = LOAD '$INPUT';\nr = FOREACH raw GENERATE FLATTEN(TOTUPLE(*)), 'z';\n"),
                Arguments.of(
                        "FLATTEN(TOBAG(*)) of a LOAD without AS: a row per field of each line, empty fields (trailing"
                                + " ones too) kept as rows",
                        "raw = LOAD '$INPUT';\nr = FOREACH raw GENERATE FLATTEN(TOBAG(*)), 'z';\n"),
                Arguments.of(
                        "FLATTEN(TOBAG(*)) AS v of a comma-separated LOAD without AS, grouped by the field",
                        "raw = LOAD '$INPUT' USING PigStorage(',');\nf = FOREACH raw GENERATE FLATTEN(TOBAG(*)) AS v;\n"
                                + "g = GROUP f BY v;\nr = FOREACH g GENERATE group, COUNT(f), COUNT_STAR(f);\n"),
                Arguments.of(
                        "FLATTEN of a loaded tuple field: a null tuple gives a null per field (the FOREACH has a"
                                + " schema), a tuple of nulls its nulls",
                        LOAD + "r = FOREACH rows GENERATE FLATTEN(t), n;\n"),
                Arguments.of(
                        "FLATTEN of a tuple field passed through a FOREACH and a FILTER: still a null per field, names"
                                + " and positions after it unshifted",
                        LOAD + "p = FOREACH rows GENERATE t, n;\nq = FILTER p BY n > 0;\n"
                                + "f = FOREACH q GENERATE FLATTEN(t), n;\nr = FOREACH f GENERATE n * 10, $2, a, t::b;\n"),
                Arguments.of(
                        "FLATTEN of a loaded bag beside FLATTEN(TOKENIZE(s)): their cross product per row, none for an"
                                + " empty bag or a string without a token, a null per field for a null bag",
                        LOAD + "r = FOREACH rows GENERATE n, FLATTEN(b), FLATTEN(TOKENIZE(s)) AS word;\n"),
                Arguments.of(
                        "FLATTEN of a map: a row per key and value, none for an empty map, one null field for a null"
                                + " map (the FOREACH has no schema), shifting the fields after it",
                        "rows = LOAD '$INPUT' AS (s:chararray, n:int, t:chararray, b:chararray, m:map[]);\n"
                                + "p = FOREACH rows GENERATE n, FLATTEN(m), n * 10;\n"
                                + "r = FOREACH p GENERATE $0, $1, $2, $3;\n"),
                Arguments.of(
                        "FLATTEN of the tuple and the bag of a LEFT OUTER JOIN's missing side: a null per field each",
                        LOAD + "k = FOREACH rows GENERATE n;\nc = FILTER rows BY n != 2;\n"
                                + "j = JOIN k BY n LEFT OUTER, c BY n + 1;\n"
                                + "r = FOREACH j GENERATE k::n AS kept, FLATTEN(c::t), FLATTEN(c::b), c::n AS matched;\n"),
                Arguments.of(
                        "FLATTEN of a REGEX_EXTRACT_ALL cast to a tuple of types: a null per field for a line that"
                                + " does not match",
                        LOAD + "r = FOREACH rows GENERATE FLATTEN((tuple(chararray, chararray))"
                                + "REGEX_EXTRACT_ALL(s, '(\\\\S+) (\\\\S+) .*')), n;\n"),
                Arguments.of(
                        "FLATTEN((c ? null : t)) stored: Pig types the bincond bytearray, so a row has the tuple's"
                                + " fields, or one null field where the value is null (a null tuple too)",
                        LOAD + "r = FOREACH rows GENERATE FLATTEN((n > 5 ? null : t)), n;\n"),
                Arguments.of(
                        "FLATTEN((c ? t : null)) after other fields, its condition null for a null string",
                        LOAD + "r = FOREACH rows GENERATE n, FLATTEN((SIZE(s) > 3 ? t : null)), 'end';\n"),
                Arguments.of(
                        "FLATTEN(REGEX_EXTRACT_ALL) with AS naming each group: a null per name",
                        LOAD + "p = FOREACH rows GENERATE FLATTEN(REGEX_EXTRACT_ALL(s, '(\\\\S+) (\\\\S+) .*'))"
                                + " AS (first, second), n;\nr = FOREACH p GENERATE n, second, first;\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        assertSameRows(semantic, INPUT, body + STORE_R, false);
    }
}
