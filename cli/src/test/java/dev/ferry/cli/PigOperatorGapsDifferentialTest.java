package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Constructs real Pig accepts that Ferry used to leave as TODOs: FLATTEN of bag values (several at once,
 * Pig's cross product), the fields of a loaded tuple, UNION of different schemas, nested FOREACH and
 * CROSS inside a nested block. Each row runs in real Pig 0.18 and in Flink on the same input, which is
 * dirty on purpose: an empty bag, a null bag and tuple, an unparsable int, duplicate tuples, unicode.
 */
class PigOperatorGapsDifferentialTest extends DifferentialTest {

    /** name, b (bag of (n:int, s:chararray)), c (bag of (v:chararray)), t (tuple of (n:int, s:chararray)). */
    static final String BAGS = String.join(
                    "\n",
                    "ann\t{(1,a),(2,b)}\t{(x),(y)}\t(3,x)",
                    "bob\t{}\t{(z)}\t(,)",
                    "cid\t\t{(w)}\t",
                    "dan\t{(x,),(4,zoë)}\t{}\t(5)",
                    "eve\t{(7,q),(7,q)}\t{(é)}\t(6,wü)")
            + "\n";

    static final String LOAD_BAGS = "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray,"
            + " b:bag{(n:int, s:chararray)}, c:bag{(v:chararray)}, t:tuple(n:int, s:chararray));\n";

    /** name, clicks, city — tab separated; a missing name, a missing city, ties. */
    static final String FLAT =
            "ann\t3\tParis\nbob\t\tParis\ncid\t7\tLyon\n\t2\tLyon\ndan\t-9\t\neve\t3\tNice\nann\t5\tParis\n";

    static final String LOAD_FLAT =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, clicks:int, city:chararray);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "FLATTEN of two loaded bags is their cross product; an empty or null bag drops the row",
                        BAGS,
                        LOAD_BAGS + "r = FOREACH rows GENERATE name, FLATTEN(b), FLATTEN(c);\n"),
                Arguments.of(
                        "a loaded bag's flattened fields are named bag::field, read by either name downstream",
                        BAGS,
                        LOAD_BAGS + "f = FOREACH rows GENERATE name, FLATTEN(b), FLATTEN(c);\n"
                                + "r = FOREACH f GENERATE b::s, v, n * 2, name;\n"),
                Arguments.of(
                        "FLATTEN of a loaded bag beside TOKENIZE's bag and a constructed one",
                        BAGS,
                        LOAD_BAGS + "r = FOREACH rows GENERATE name, FLATTEN(c), FLATTEN(TOKENIZE(name, 'n')),"
                                + " FLATTEN({(1), (2)});\n"),
                Arguments.of(
                        "the fields of a loaded tuple by name and by position, a null tuple giving nulls",
                        BAGS,
                        LOAD_BAGS + "r = FOREACH rows GENERATE name, t.n + 1, t.$1, UPPER(t.s);\n"),
                Arguments.of(
                        "a loaded tuple passed through FOREACH and FILTER keeps its fields",
                        BAGS,
                        LOAD_BAGS + "p = FOREACH rows GENERATE t AS pair, name;\nq = FILTER p BY pair.n > 3;\n"
                                + "r = FOREACH q GENERATE pair.s, pair.$0, name;\n"),
                Arguments.of(
                        "FLATTEN of a loaded tuple gives tuple::field, read by name",
                        BAGS,
                        LOAD_BAGS + "p = FILTER rows BY t IS NOT NULL;\nf = FOREACH p GENERATE FLATTEN(t), name;\n"
                                + "r = FOREACH f GENERATE t::s, n, name;\n"),
                Arguments.of(
                        "a projection of several fields of a loaded tuple is the tuple of them, a null tuple null",
                        BAGS,
                        LOAD_BAGS + "p = FOREACH rows GENERATE name, t.(s, n) AS sn, t.($1, $0, n);\n"
                                + "r = FOREACH p GENERATE name, sn, sn.n * 2, sn.$0;\n"),
                Arguments.of(
                        "UNION of different widths has no schema: each row keeps its own fields, nulls empty",
                        FLAT,
                        LOAD_FLAT + "a = FOREACH rows GENERATE name, clicks;\nb = FOREACH rows GENERATE city;\n"
                                + "c = FOREACH rows GENERATE clicks * 1.5, name, (long) clicks * 10000000000L;\n"
                                + "r = UNION a, b, c;\n"),
                Arguments.of(
                        "a schemaless UNION read by position: bytearray cast as Pig casts it, then GROUP (Pig's SUM of its bytearray"
                                + " field itself fails on the ints it holds)",
                        FLAT,
                        LOAD_FLAT + "a = FOREACH rows GENERATE name, clicks;\nb = FOREACH rows GENERATE city;\n"
                                + "u = UNION a, b;\nf = FOREACH u GENERATE $0, $1 + 1;\ng = GROUP f BY $0;\n"
                                + "r = FOREACH g GENERATE group, COUNT(f), SUM(f.$1);\n"),
                Arguments.of(
                        "UNION of a LOAD without AS and a typed relation of another width, stored on another delimiter",
                        FLAT,
                        "raw = LOAD '$INPUT' USING PigStorage('\\t');\n" + LOAD_FLAT
                                + "a = FOREACH rows GENERATE name, clicks * 2;\nu = UNION raw, a;\n"
                                + "r = FOREACH u GENERATE $1, $0, $2;\n"),
                Arguments.of(
                        "a nested FILTER's bag projected whole is {} for a group where no row passes (not null)",
                        FLAT,
                        LOAD_FLAT + "g = GROUP rows BY city;\n"
                                + "r = FOREACH g { big = FILTER rows BY clicks > 4; GENERATE group, big, SIZE(big); };\n"),
                Arguments.of(
                        "(tuple(...)) and (bag{tuple(...)}) of a loaded bytearray read as a LOAD declaring them does: a"
                                + " tuple of too few fields null, an unparsable int null",
                        BAGS,
                        "raw = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, b, c, t);\n"
                                + "p = FOREACH raw GENERATE name, (tuple(int, chararray)) t AS tt,"
                                + " (bag{tuple(int, chararray)}) b AS bb, (bag{tuple(chararray)}) c AS cc;\n"
                                + "r = FOREACH p GENERATE name, tt.$0 + 1, tt.$1, tt, bb, SIZE(bb), cc;\n"),
                Arguments.of(
                        "a boolean cast to chararray is true / false (Boolean.toString), a null boolean null",
                        "ann\ttrue\nbob\tFALSE\ncid\t\ndan\tyes\n",
                        "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, ok:boolean);\n"
                                + "r = FOREACH rows GENERATE name, (chararray)ok, CONCAT((chararray)ok, '!');\n"),
                Arguments.of(
                        "the bags of one field flattened twice under two names: Pig prefixes each field (b1::n, b2::n),"
                                + " no duplicate",
                        BAGS,
                        LOAD_BAGS + "p = FOREACH rows GENERATE name, b AS b1, b AS b2;\n"
                                + "f = FOREACH p GENERATE name, FLATTEN(b1), FLATTEN(b2);\n"
                                + "r = FOREACH f GENERATE name, b1::n, b2::s;\n"),
                Arguments.of(
                        "a nested FOREACH projecting one field of a nested FILTER, then DISTINCT of it; one by position",
                        FLAT,
                        LOAD_FLAT + "g = GROUP rows BY city;\nr = FOREACH g {\n  f = FILTER rows BY clicks > 1;\n"
                                + "  x = FOREACH f GENERATE name;\n  d = DISTINCT x;\n  y = FOREACH rows GENERATE $1;\n"
                                + "  GENERATE group, COUNT(x), COUNT(d), SUM(y), MAX(x);\n};\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String input, String body) throws Exception {
        assertSameRows(semantic, input, body + STORE_R, orders(body));
    }
}
