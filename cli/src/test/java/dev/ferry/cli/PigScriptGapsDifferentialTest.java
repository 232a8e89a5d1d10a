package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Constructs found by running Apache Pig's own end-to-end scripts and documentation examples through Ferry
 * (issue 15): a macro definition without ';' after its '}', ARITY, and a bag constructor whose items have
 * different types. Each row runs in real Pig 0.18 and in Flink on the same input: nulls, unicode, ties, a
 * value that does not cast, and an empty input.
 */
class PigScriptGapsDifferentialTest extends DifferentialTest {

    /** name, clicks, score, t (a tuple of two ints) — tab separated. */
    static final String ROWS = String.join(
                    "\n",
                    "ann\t3\t2.5\t(1,2)",
                    "bob\t\t1.0E-5\t(,)",
                    "zoë\t7\t\t",
                    "\t3\t-0.75\t(4,5)",
                    "eve\tx\t3.0\t(6)",
                    "ann\t5\t2.5\t(7,8)")
            + "\n";

    static final String LOAD =
            "rows = LOAD '$INPUT' AS (name:chararray, clicks:int, score:float, t:tuple(a:int, b:int));\n";

    /** name, b: a bag of (n:int, s:chararray) — an empty bag, a null bag, a null field, duplicates, unicode. */
    static final String BAGS =
            String.join("\n", "ann\t{(1,a),(2,b)}", "bob\t{}", "cid\t", "dan\t{(,x),(4,zoë)}", "eve\t{(7,q),(7,q)}")
                    + "\n";

    static final String LOAD_BAGS = "rows = LOAD '$INPUT' AS (name:chararray, b:bag{(n:int, s:chararray)});\n";

    /** name, m: a map[] — an empty map, a null map, a key without value, unicode. */
    static final String MAPS =
            String.join("\n", "ann\t[a#1,b#2]", "bob\t[]", "cid\t", "dan\t[x#,é#zoë]", "eve\t[a#1,c#1]") + "\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "a macro definition needs no ';' after its '}': the next DEFINE and statement follow at once",
                        ROWS,
                        "define busy(rel, least) returns kept {\n  $kept = FILTER $rel BY clicks >= $least;\n}\n"
                                + "define per_name(rel) returns counted {\n  g = GROUP $rel BY name;\n"
                                + "  $counted = FOREACH g GENERATE group, COUNT($rel), SUM($rel.clicks);\n}\n"
                                + LOAD + "b = busy(rows, 3);\nr = per_name(b);\n"),
                Arguments.of(
                        "ARITY counts its arguments ('*' each field), null or not: a tuple is one",
                        ROWS,
                        LOAD + "r = FOREACH rows GENERATE name, ARITY(t), ARITY(clicks, score), ARITY(*),"
                                + " ARITY(t.a, t.b, name) + clicks;\n"),
                Arguments.of(
                        "ARITY over an empty input writes nothing",
                        "",
                        LOAD + "r = FOREACH rows GENERATE ARITY(name, clicks);\n"),
                Arguments.of(
                        "a bag of values of different types holds each as Pig prints it (float 1.0E-5, null empty)",
                        ROWS,
                        LOAD + "r = FOREACH rows GENERATE {name, clicks, score}, {(clicks), (score)};\n"),
                Arguments.of(
                        "a bag of tuples whose first fields differ in type; the second, the same, keeps chararray",
                        ROWS,
                        LOAD + "r = FOREACH rows GENERATE {(clicks, name), (score, 'é')};\n"),
                Arguments.of(
                        "TOBAG's values of different types flattened are bytearrays, cast as Pig casts them (2.5 to int is 2; a float cast to double"
                                + " is the PIG-W010 difference, so a double here)",
                        ROWS,
                        LOAD + "f = FOREACH rows GENERATE name, FLATTEN(TOBAG(clicks, (double) score)) AS v;\n"
                                + "r = FOREACH f GENERATE name, v + 1, (chararray) v, (double) v * 2;\n"),
                Arguments.of(
                        "a mixed bag grouped on, its values cast to double first (Pig's SUM of the bytearray field fails on them)",
                        ROWS,
                        LOAD + "f = FOREACH rows GENERATE name, FLATTEN({clicks, (double) score}) AS v;\n"
                                + "d = FOREACH f GENERATE name, (double) v AS v;\ng = GROUP d BY name;\n"
                                + "r = FOREACH g GENERATE group, COUNT(d), SUM(d.v), MAX(d.v);\n"),
                Arguments.of(
                        "a GROUP's bag passed on by a FOREACH, then projected: SUM, COUNT (nulls not counted), the bag of"
                                + " one field",
                        ROWS,
                        LOAD + "g = GROUP rows BY name;\nc = FOREACH g GENERATE group, rows;\n"
                                + "r = FOREACH c GENERATE group, SUM(rows.clicks), COUNT(rows.clicks), rows.score,"
                                + " MAX(rows.$0);\n"),
                Arguments.of(
                        "a GROUP's bag kept beside a count, FILTERed on it, then FLATTEN of its projection",
                        ROWS,
                        LOAD + "g = GROUP rows BY name;\nc = FOREACH g GENERATE group AS who, rows AS all_rows,"
                                + " COUNT(rows) AS n;\nf = FILTER c BY n > 1;\n"
                                + "r = FOREACH f GENERATE who, FLATTEN(all_rows.clicks), AVG(all_rows.score);\n"),
                Arguments.of(
                        "a loaded bag's field by name and by position: the bag of it, MAX, COUNT; empty and null bags",
                        BAGS,
                        LOAD_BAGS + "r = FOREACH rows GENERATE name, b.s, MAX(b.n), COUNT(b.$0), SIZE(b.n);\n"),
                Arguments.of(
                        "several fields of a bag value: a loaded bag's b.(s, n) and b.($1, $0), a passed-on GROUP bag's"
                                + " rows.(clicks, name) flattened",
                        BAGS,
                        LOAD_BAGS + "p = FOREACH rows GENERATE name, b.(s, n) AS sn, b.($1, $0), SIZE(b) AS k;\n"
                                + "g = GROUP p BY name;\nc = FOREACH g GENERATE group, p;\n"
                                + "r = FOREACH c GENERATE group, p.(sn, name), FLATTEN(p.(k, name));\n"),
                Arguments.of(
                        "FLATTEN of a map's KEYSET and VALUESET (bags of chararray and of the map's bytearray values)",
                        MAPS,
                        "rows = LOAD '$INPUT' AS (name:chararray, m:map[]);\n"
                                + "k = FOREACH rows GENERATE name, FLATTEN(KEYSET(m)) AS key;\n"
                                + "v = FOREACH rows GENERATE name, FLATTEN(VALUESET(m)) AS key;\n"
                                + "r = UNION k, v;\n"),
                Arguments.of(
                        "COGROUP a ALL, b ALL: one row, group 'all', each input's bag; FLATTEN of both is their cross"
                                + " product",
                        ROWS,
                        LOAD + "b = FILTER rows BY clicks > 4;\nc = COGROUP rows ALL, b ALL;\n"
                                + "f = FOREACH c GENERATE group, COUNT(rows), SUM(b.clicks);\n"
                                + "x = FOREACH c GENERATE FLATTEN(rows.name), FLATTEN(b.score);\nr = UNION f, x;\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, false);
    }
}
