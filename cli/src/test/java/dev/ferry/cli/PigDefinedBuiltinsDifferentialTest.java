package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOracleException;
import dev.ferry.oracle.PigOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The builtins that were refused until the translation read their DEFINE or the runtime had their function:
 * InvokeForString / Int / Long / Float / Double (a JDK method called by reflection, as Pig's Invoker calls it),
 * CubeDimensions and RollupDimensions called as functions, with and without a DEFINE's "all" marker, and UniqueID,
 * translated by Ferry and run in real Pig and in Flink on the same input (nulls, an empty name, unicode).
 */
class PigDefinedBuiltinsDifferentialTest extends DifferentialTest {

    /** name, clicks, score, city — tab separated. */
    static final String INPUT = String.join(
                    "\n",
                    "ann\t3\t2.5\tParis",
                    "bob\t\t1.25\tParis",
                    "cid\t7\t-0.5\t",
                    "\t2\t4.0\tLyon",
                    "dan\t-9\t0.5\tLyon",
                    "żółw ǅ\t1\t2.0\tKraków",
                    "ann\t5\t-1.75\tParis")
            + "\n";

    static final String LOAD =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, clicks:int, score:double, city:chararray);\n"
                    + "known = FILTER rows BY name IS NOT NULL AND clicks IS NOT NULL AND score IS NOT NULL"
                    + " AND city IS NOT NULL;\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "Invoke* of static and instance JDK methods, every result type, typed by the method",
                        "DEFINE len InvokeForInt('java.lang.String.length', 'String', 'false');\n"
                                + "DEFINE up InvokeForString('java.lang.String.toUpperCase', 'String', 'false');\n"
                                + "DEFINE hex InvokeForString('java.lang.Integer.toHexString', 'int');\n"
                                + "DEFINE absd InvokeForDouble('java.lang.Math.abs', 'double');\n"
                                + "DEFINE rnd InvokeForLong('java.lang.Math.round', 'DOUBLE', 'static');\n"
                                + "DEFINE absf InvokeForFloat('java.lang.Math.abs', 'float');\n"
                                + "DEFINE rev InvokeForLong('java.lang.Long.reverse', 'long');\n"
                                + "DEFINE parse InvokeForInt('java.lang.Integer.valueOf', 'String', 'true');\n"
                                + "DEFINE bool InvokeForString('java.lang.Boolean.valueOf', 'string');\n"
                                + "r = FOREACH known GENERATE name, len(name), up(name), hex(clicks), absd(score), rnd(score),"
                                + " absf((float) score), rev((long) clicks), parse((chararray) clicks), bool(city), bool('TRUE');\n"),
                Arguments.of(
                        "an instance method through Pig 0.18's parameter list (its first and last types dropped)",
                        "DEFINE ix InvokeForInt('java.lang.String.indexOf', 'String String String', 'false');\n"
                                + "DEFINE cat InvokeForString('java.lang.String.concat', 'String String String', 'false');\n"
                                + "r = FOREACH known GENERATE name, ix(name, 'n', city), cat(city, name, 'ignored');\n"),
                Arguments.of(
                        "a null reaches the method as Pig passes it, a null result is an empty field",
                        "DEFINE prop InvokeForInt('java.lang.Integer.getInteger', 'String');\n"
                                + "r = FOREACH rows GENERATE name, prop(name), prop(city);\n"),
                Arguments.of(
                        "an Invoke DEFINEd by its full name, called in a FILTER and a nested expression",
                        "DEFINE len org.apache.pig.builtin.InvokeForInt('java.lang.String.length', 'String', 'false');\n"
                                + "f = FILTER known BY len(city) > 4;\n"
                                + "r = FOREACH f GENERATE name, len(CONCAT(name, city)) * 2;\n"),
                Arguments.of(
                        "CubeDimensions and RollupDimensions as functions: nulls become 'unknown', the marker null or the DEFINE's",
                        "DEFINE cm CubeDimensions('ALL');\nDEFINE rm org.apache.pig.builtin.RollupDimensions('*');\n"
                                + "r = FOREACH rows GENERATE name, CubeDimensions(name, city) AS cd, RollupDimensions(name, city) AS rd,"
                                + " cm(city) AS c1, rm(name, city, name) AS r3;\n"),
                Arguments.of(
                        "a cube by hand, as piggybank's documentation writes it: FLATTEN, GROUP, COUNT_STAR, SUM",
                        "cubed = FOREACH rows GENERATE FLATTEN(CubeDimensions(city, name)) AS (city, name), clicks;\n"
                                + "g = GROUP cubed BY (city, name);\n"
                                + "r = FOREACH g GENERATE FLATTEN(group), COUNT_STAR(cubed), SUM(cubed.clicks);\n"),
                Arguments.of(
                        "a rollup by hand, FLATTENed with a DEFINE's marker",
                        "DEFINE roll RollupDimensions('(all)');\n"
                                + "rolled = FOREACH rows GENERATE FLATTEN(roll(city, name)) AS (city, name), score;\n"
                                + "g = GROUP rolled BY (city, name);\n"
                                + "r = FOREACH g GENERATE FLATTEN(group), COUNT(rolled), MAX(rolled.score);\n"),
                Arguments.of(
                        "UniqueID: one task reading one file numbers the rows from 0-0 as Pig's does",
                        "r = FOREACH rows GENERATE name, city, UniqueID();\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        assertSameRows(semantic, INPUT, LOAD + body + STORE_R, false);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "the method's exception",
                        "DEFINE parse InvokeForInt('java.lang.Integer.parseInt', 'String');\n"
                                + "r = FOREACH rows GENERATE clicks, parse((chararray) clicks), parse(name);\n",
                        "NumberFormatException",
                        List.of("3\t3\t", "\t\t", "7\t7\t", "2\t2\t", "-9\t-9\t", "1\t1\t", "5\t5\t")),
                Arguments.of(
                        "a null for a primitive parameter",
                        "DEFINE hex InvokeForString('java.lang.Integer.toHexString', 'int');\n"
                                + "r = FOREACH rows GENERATE clicks, hex(clicks);\n",
                        "IllegalArgumentException",
                        List.of("3\t3", "\t", "7\t7", "2\t2", "-9\tfffffff7", "1\t1", "5\t5")),
                Arguments.of(
                        "a null object of an instance method",
                        "DEFINE len InvokeForInt('java.lang.String.length', 'String', 'false');\n"
                                + "r = FOREACH rows GENERATE city, len(city);\n",
                        "NullPointerException",
                        List.of("Paris\t5", "Paris\t5", "\t", "Lyon\t4", "Lyon\t4", "Kraków\t6", "Paris\t5")));
    }

    /** Where Pig fails the job on a row, the runtime answers null (PIG-W010 says so): Flink may call on removed rows. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void pigFailsTheJobWhereTheRuntimeAnswersNull(
            String semantic, String body, String exception, List<String> flinkRows) throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        Path script = Files.writeString(tmp.resolve("case.pig"), LOAD + body + STORE_R);
        long logBefore = Files.size(PigOracle.shared().logFile());
        assertThrows(
                PigOracleException.class,
                () -> PigOracle.shared()
                        .run(
                                script,
                                Map.of(
                                        "INPUT",
                                        input.toString(),
                                        "OUTPUT",
                                        tmp.resolve("pig").toString())),
                semantic + ": Pig runs the script");
        String pigLog = Files.readString(PigOracle.shared().logFile()).substring((int) logBefore);
        assertTrue(pigLog.contains(exception), semantic + ": Pig's log\n" + pigLog);
        EmbeddedFlink.run(
                EmbeddedFlink.translate(script, "case.pig"),
                Map.of("INPUT", input.toString(), "OUTPUT", tmp.resolve("flink").toString()));
        assertEquals(
                flinkRows.stream().sorted().toList(),
                PigOutput.read(tmp.resolve("flink")).stream().sorted().toList(),
                semantic);
    }
}
