package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names qualified by {@code ::} as Pig 0.18 gives and resolves them (issue #15, a fresh sample of public scripts: each
 * shape was a hard error on a script real Pig accepts): FLATTEN(group) of several keys names its fields group::k, read
 * later as k, group::k or, after a JOIN, x::group::k; a name that is a field's whole name picks that field beside
 * others it ends (id beside b::id); a bag value's field read by its qualified name (vs.b::v). Each row is a script written for this test, run in real Pig and in Flink on the
 * same input: nulls, unicode, ties, a key on one side of the JOIN only.
 */
class PigQualifiedNamesDifferentialTest extends DifferentialTest {

    /** id, site, kind, amount — tab separated. */
    static final String INPUT = String.join(
                    "\n",
                    "1\tnorth\tx\t2.5",
                    "2\tsouth\ty\t1.25",
                    "3\tnorth\tx\t4.0",
                    "4\t\ty\t",
                    "5\tnörd\tü\t0.5",
                    "1\tnorth\ty\t3.0",
                    "6\twest\t\t7.0")
            + "\n";

    static final String LOAD = "rows = LOAD '$INPUT' AS (id:int, site:chararray, kind:chararray, amount:double);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "FLATTEN(group) of two keys, joined back: c::group::kind, group::site and kind name its fields",
                        LOAD + "g = GROUP rows BY (site, kind);\n"
                                + "c = FOREACH g GENERATE FLATTEN(group), COUNT(rows) AS n;\n"
                                + "j = JOIN c BY group::site, rows BY site;\n"
                                + "r = FOREACH j GENERATE c::group::kind, group::site, rows::kind, id, n;\n"),
                Arguments.of(
                        "a field's whole name beats a field it ends: id beside b::id is the JOIN's a::id AS id",
                        LOAD + "b = FOREACH rows GENERATE id, kind;\n"
                                + "j = JOIN rows BY id LEFT OUTER, b BY id;\n"
                                + "p = FOREACH j GENERATE rows::id AS id, b::id, rows::site;\n"
                                + "r = FOREACH p GENERATE id, site, b::id;\n"),
                Arguments.of(
                        "the flattened group's fields read by their short names and grouped again by group::site",
                        LOAD + "g = GROUP rows BY (site, kind);\n"
                                + "c = FOREACH g GENERATE FLATTEN(group), SUM(rows.amount) AS total;\n"
                                + "h = GROUP c BY group::site;\n"
                                + "r = FOREACH h GENERATE group, COUNT(c.kind), SUM(c.total);\n"),
                Arguments.of(
                        "a bag value's field by its JOIN-qualified name: SUM(vs.b::v) and MAX($1.b::v), nulls of the outer"
                                + " JOIN's missing side skipped",
                        LOAD + "b = FOREACH rows GENERATE id AS k, amount * 2 AS v;\n"
                                + "b = FILTER b BY k < 4;\n"
                                + "j = JOIN rows BY id LEFT OUTER, b BY k;\n"
                                + "g = GROUP j BY rows::site;\n"
                                + "p = FOREACH g GENERATE group, j.b::v AS vs;\n"
                                + "r = FOREACH p GENERATE group, SUM(vs.b::v), MAX($1.b::v), COUNT(vs);\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        assertSameRows(semantic, INPUT, body + STORE_R, false);
    }
}
