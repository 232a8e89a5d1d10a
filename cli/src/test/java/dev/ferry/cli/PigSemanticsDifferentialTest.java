package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One Pig semantic per row, proven by running real Pig and the translated SQL on the same input.
 * The input is dirty on purpose: empty fields, a non-number, short lines.
 */
class PigSemanticsDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    /** name, clicks, score, city — tab separated. */
    static final String INPUT = String.join("\n",
            "ann\t3\t2.5\tParis",
            "bob\t\t1.25\tParis",
            "cid\t7\tn/a\tLyon",
            "\t2\t4.0\tLyon",
            "dan\t-9\t0.0",
            "eve\t0\t3.75\tNice",
            "ann\t5\t1.0\tParis") + "\n";

    static final String LOAD = "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, clicks:int, score:double, city:chararray);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("COUNT skips null first fields, COUNT_STAR does not",
                        "g = GROUP rows BY city;\nr = FOREACH g GENERATE group, COUNT(rows), COUNT_STAR(rows), COUNT(rows.clicks);\n"),
                Arguments.of("SUM of int is long, AVG is double, MIN/MAX keep the type",
                        "g = GROUP rows BY city;\nr = FOREACH g GENERATE group, SUM(rows.clicks), AVG(rows.clicks), MIN(rows.score), MAX(rows.name);\n"),
                Arguments.of("GROUP ALL",
                        "g = GROUP rows ALL;\nr = FOREACH g GENERATE COUNT(rows), SUM(rows.score);\n"),
                Arguments.of("GROUP ALL over no rows gives no row (not one row of zero counts)",
                        "none = FILTER rows BY clicks > 1000;\ng = GROUP none ALL;\nr = FOREACH g GENERATE COUNT(none), SUM(none.clicks);\n"),
                Arguments.of("integer division and modulo truncate like Java",
                        "r = FOREACH rows GENERATE name, clicks / 2, clicks % 4, clicks * 1.5, (double) clicks / 4;\n"),
                Arguments.of("a bincond with a null condition is null",
                        "r = FOREACH rows GENERATE name, (clicks > 2 ? 'many' : 'few'), (score IS NULL ? -1.0 : score);\n"),
                Arguments.of("FILTER drops rows whose condition is null",
                        "r = FILTER rows BY clicks >= 0 AND NOT (city == 'Lyon');\n"),
                Arguments.of("casts between text and numbers",
                        "r = FOREACH rows GENERATE (chararray) clicks, (int) score AS whole, (chararray) score AS text, (long) city;\n"),
                Arguments.of("string functions",
                        "r = FOREACH rows GENERATE UPPER(name), LOWER(city), CONCAT(name, city), TRIM(CONCAT(' ', name));\n"),
                Arguments.of("string builtins through the function table (0-based, Java regex, null in null out)",
                        "r = FOREACH rows GENERATE SUBSTRING(name, 1, 3), INDEXOF(city, 'a', 0), LAST_INDEX_OF(city, 'i'),"
                                + " REPLACE(city, '[aeiou]', '_'), REGEX_EXTRACT(city, '([A-Z])(.)', 2), UCFIRST(name),"
                                + " STARTSWITH(city, 'Pa'), SPRINTF('%s:%d', name, clicks);\n"),
                Arguments.of("math builtins through the function table (Math.* over doubles, ROUND halves up)",
                        "r = FOREACH rows GENERATE name, CEIL(score), FLOOR(clicks), ROUND(score), SQRT(score), LOG10(clicks);\n"),
                Arguments.of("DISTINCT",
                        "p = FOREACH rows GENERATE city;\nr = DISTINCT p;\n"),
                Arguments.of("inner JOIN drops null keys; both sides keep their fields",
                        "cities = LOAD '$INPUT' USING PigStorage('\\t') AS (who:chararray, n:int, s:double, city:chararray);\nr = JOIN rows BY city, cities BY city;\n"),
                Arguments.of("LEFT OUTER JOIN keeps unmatched rows with nulls",
                        "big = FILTER rows BY clicks > 2;\nr = JOIN rows BY name LEFT OUTER, big BY name;\n"),
                Arguments.of("ORDER then LIMIT keeps the order, nulls first ascending",
                        "o = ORDER rows BY clicks ASC, name DESC;\nr = LIMIT o 4;\n"),
                Arguments.of("LOAD without a schema: fields by position are bytearrays, short lines give nulls",
                        "raw = LOAD '$INPUT' USING PigStorage('\\t');\nr = FOREACH raw GENERATE $3 AS city, $0, $1 + 1, CONCAT($0, $3);\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body, @TempDir Path tmp) throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        boolean ordered = body.contains("ORDER");
        // A case that loads 'raw' reads the input its own way instead of through 'rows'.
        String load = body.startsWith("raw = LOAD ") ? "" : LOAD;
        Path script = Files.writeString(tmp.resolve("case.pig"), load + body + "STORE r INTO '$OUTPUT';\n");

        PigOracle.shared().run(script, Map.of("INPUT", input.toString(), "OUTPUT", tmp.resolve("pig").toString()));
        EmbeddedFlink.run(EmbeddedFlink.translate(script, "case.pig"),
                Map.of("INPUT", input.toString(), "OUTPUT", tmp.resolve("flink").toString()));

        List<String> pig = PigOutput.read(tmp.resolve("pig"));
        List<String> flink = PigOutput.read(tmp.resolve("flink"));
        assertEquals("", OutputComparison.differences(pig, flink, ordered, "\t"), semantic);
    }
}
