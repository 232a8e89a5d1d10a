package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * {@code DUMP alias}: what real Pig 0.18 prints to stdout (captured by the oracle) against what the translated Flink
 * job prints through the pig-dump connector, on the same input. Each DUMP's lines are compared in order where the
 * relation is ORDERed, as a multiset otherwise; the lines of two DUMPs are compared DUMP by DUMP (the two are told
 * apart by their number of fields), each DUMP's lines together.
 */
class PigDumpDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    /** name, city, n, score — tab separated: nulls, unicode, an empty name, a repeated city. */
    static final String INPUT = String.join(
                    "\n",
                    "ann\tParis\t3\t2.5",
                    "bob\tLyon\t\t0.1",
                    "cid\t\t7\t",
                    "\u00e9lo\tZ\u00fcrich\t2\t1e3",
                    "\tParis\t5\t-0.0",
                    "dan\tLyon\t1\t3.75")
            + "\n";

    static final String LOAD =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, city:chararray, n:int, score:double);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("scalars, nulls and unicode", LOAD + "DUMP rows;\n", false),
                Arguments.of(
                        "longs, floats and a computed chararray",
                        LOAD + "r = FOREACH rows GENERATE (long) n * 10L AS l, (float) score AS f,"
                                + " CONCAT(name, '!') AS s;\nDUMP r;\n",
                        false),
                Arguments.of(
                        "a GROUP's bags, a tuple and a map",
                        LOAD + "g = GROUP rows BY city;\n"
                                + "r = FOREACH g GENERATE group, rows.n, rows, TOTUPLE(group, COUNT(rows)),"
                                + " TOMAP('c', group);\nDUMP r;\n",
                        false),
                Arguments.of(
                        "an ORDERed relation prints in order",
                        LOAD + "o = ORDER rows BY n DESC, name;\nDUMP o;\n",
                        true),
                Arguments.of("ORDER then LIMIT", LOAD + "o = ORDER rows BY score;\nt = LIMIT o 3;\nDUMP t;\n", true),
                Arguments.of(
                        "two DUMPs in one script, each one's lines together",
                        LOAD + "a = FOREACH rows GENERATE name;\no = ORDER a BY name;\nDUMP o;\n"
                                + "b = FOREACH rows GENERATE name, city, n;\np = ORDER b BY n;\nDUMP p;\n",
                        true),
                Arguments.of(
                        "a DUMP and a STORE together",
                        LOAD + "f = FILTER rows BY n > 2;\nDUMP f;\nSTORE f INTO '$OUTPUT';\n",
                        false),
                Arguments.of(
                        "a DUMP of an empty relation prints nothing",
                        LOAD + "f = FILTER rows BY n > 100;\nDUMP f;\n",
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkPrintsWhatPigDumps(String name, String script, boolean ordered, @TempDir Path tmp) throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        Path scriptFile = Files.writeString(tmp.resolve("case.pig"), script);
        Path pigPrinted = tmp.resolve("pig-printed.txt");
        PigOracle.shared()
                .run(
                        scriptFile,
                        Map.of(
                                "INPUT",
                                input.toString(),
                                "OUTPUT",
                                tmp.resolve("pig").toString()),
                        pigPrinted);
        String sql = EmbeddedFlink.translate(scriptFile, "case.pig");
        ByteArrayOutputStream flinkPrinted = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(flinkPrinted, true, StandardCharsets.UTF_8));
        try {
            EmbeddedFlink.run(
                    sql,
                    Map.of(
                            "INPUT",
                            input.toString(),
                            "OUTPUT",
                            tmp.resolve("flink").toString()));
        } finally {
            System.setOut(stdout);
        }
        List<String> pig = Files.readAllLines(pigPrinted, StandardCharsets.UTF_8);
        List<String> flink =
                flinkPrinted.toString(StandardCharsets.UTF_8).lines().toList();
        if (name.contains("empty")) {
            assertEquals(List.of(), pig, "Pig printed rows: the case proves nothing");
        } else {
            assertTrue(!pig.isEmpty(), "Pig printed nothing: the case proves nothing");
        }
        Map<Integer, List<String>> pigDumps = byArity(pig);
        Map<Integer, List<String>> flinkDumps = byArity(flink);
        assertEquals(pigDumps.keySet(), flinkDumps.keySet(), "Pig printed:\n" + pig + "\nFlink printed:\n" + flink);
        for (Map.Entry<Integer, List<String>> dump : pigDumps.entrySet()) {
            assertEquals(
                    "",
                    OutputComparison.differences(dump.getValue(), flinkDumps.get(dump.getKey()), ordered, ","),
                    name);
        }
        // Each DUMP's lines together: the number of fields changes only where one DUMP's lines end.
        assertEquals(pigDumps.size(), runs(flink), "the lines of the DUMPs interleave:\n" + flink);
        if (script.contains("STORE")) {
            assertEquals(
                    "",
                    OutputComparison.differences(
                            PigOutput.read(tmp.resolve("pig")), PigOutput.read(tmp.resolve("flink")), false, "\t"));
        }
    }

    /** The lines of each DUMP of a case, told apart by their number of top-level fields. */
    private static Map<Integer, List<String>> byArity(List<String> lines) {
        Map<Integer, List<String>> dumps = new LinkedHashMap<>();
        lines.forEach(
                l -> dumps.computeIfAbsent(arity(l), a -> new ArrayList<>()).add(l));
        return dumps;
    }

    private static int runs(List<String> lines) {
        int runs = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0 || arity(lines.get(i)) != arity(lines.get(i - 1))) {
                runs++;
            }
        }
        return runs;
    }

    /** The top-level fields of a {@code (f1,f2,...)} line (the test's values hold no brackets or commas). */
    private static int arity(String line) {
        int depth = 0;
        int fields = 1;
        for (char c : line.toCharArray()) {
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 1) {
                fields++;
            }
        }
        return fields;
    }
}
