package dev.ferry.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real Pig through the oracle and checks its output against answers computed here in plain
 * Java from the same input (never copied from Pig's output).
 */
class PigOracleTest {

    static final Path TARGET = Path.of("target");

    static PigOracle oracle;

    @TempDir
    static Path shared;

    static Path input;
    static List<Row> rows;

    record Row(String name, int qty, double price) {}

    /** GROUP / COUNT / SUM over a FILTER with a %default parameter, ORDERed for an exact comparison. */
    static final String AGG_SCRIPT = String.join(
            "\n",
            "-- ferry oracle test: aggregate",
            "%default MIN 0",
            "rows = LOAD '$input' USING PigStorage(',') AS (name:chararray, qty:int, price:double);",
            "kept = FILTER rows BY qty > $MIN;",
            "g = GROUP kept BY name;",
            "agg = FOREACH g GENERATE group AS name, COUNT(kept) AS n, SUM(kept.qty) AS total, SUM(kept.price) AS spent;",
            "ordered = ORDER agg BY name;",
            "STORE ordered INTO '$output' USING PigStorage(',');",
            "");

    @BeforeAll
    static void startOracle() throws IOException {
        long t0 = System.nanoTime();
        oracle = PigOracle.start(TARGET);
        System.out.printf("[oracle timing] shared oracle start-up: %d ms%n", ms(t0));

        // deterministic input: 300 rows, 7 names, prices in quarters so double sums are exact
        Random rnd = new Random(42);
        String[] names = {"alice", "bob", "carol", "dave", "eve", "mallory", "zoe"};
        rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            Row r = new Row(names[rnd.nextInt(names.length)], rnd.nextInt(10), rnd.nextInt(40) * 0.25);
            rows.add(r);
            csv.append(r.name)
                    .append(',')
                    .append(r.qty)
                    .append(',')
                    .append(r.price)
                    .append('\n');
        }
        input = shared.resolve("orders.csv");
        Files.writeString(input, csv, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopOracle() {
        if (oracle != null) {
            oracle.close();
            assertFalse(oracle.isAlive());
        }
    }

    /** What AGG_SCRIPT must produce, computed independently. */
    static List<String> expectedAggregate(int min) {
        TreeMap<String, long[]> counts = new TreeMap<>();
        TreeMap<String, Double> spent = new TreeMap<>();
        for (Row r : rows) {
            if (r.qty > min) {
                long[] c = counts.computeIfAbsent(r.name, k -> new long[2]);
                c[0]++;
                c[1] += r.qty;
                spent.merge(r.name, r.price, Double::sum);
            }
        }
        List<String> out = new ArrayList<>();
        counts.forEach((name, c) -> out.add(name + "," + c[0] + "," + c[1] + "," + spent.get(name)));
        return out;
    }

    static Path script(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    void groupCountSumMatchesPlainJava(@TempDir Path dir) throws Exception {
        Path script = script(dir, "agg.pig", AGG_SCRIPT);
        Path out = dir.resolve("out");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("input", input.toString());
        params.put("output", out.toString());
        params.put("MIN", "3");

        oracle.run(script, params);

        List<String> expected = expectedAggregate(3);
        assertTrue(expected.size() >= 5, "test data should cover most names");
        assertEquals(expected, PigOutput.read(out));
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }

    @Test
    void whatADumpPrintsGoesToThePrintedFileOfItsRunOnly(@TempDir Path dir) throws Exception {
        String dumping = AGG_SCRIPT.replace("STORE ordered INTO '$output' USING PigStorage(',');", "DUMP ordered;");
        Path printed = dir.resolve("printed.txt");
        oracle.run(script(dir, "dump.pig", dumping), Map.of("input", input.toString(), "MIN", "3"), printed);
        // DUMP prints (f1,f2,...): the fields as PigStorage(',') stores them, in parentheses.
        assertEquals(
                expectedAggregate(3).stream().map(l -> "(" + l + ")").toList(),
                Files.readAllLines(printed, StandardCharsets.UTF_8));
        // The next run without a printed file prints to the log again: the file keeps the first run's lines only.
        long logBefore = Files.size(oracle.logFile());
        oracle.run(script(dir, "dump2.pig", dumping), Map.of("input", input.toString(), "MIN", "3"));
        assertEquals(
                expectedAggregate(3).size(),
                Files.readAllLines(printed, StandardCharsets.UTF_8).size());
        assertTrue(
                Files.readString(oracle.logFile(), StandardCharsets.UTF_8)
                        .substring((int) logBefore)
                        .contains("(" + expectedAggregate(3).get(0) + ")"),
                "the second run's DUMP is in the log");
    }

    @Test
    void percentDefaultAppliesWithoutParam(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        oracle.run(script(dir, "agg.pig", AGG_SCRIPT), Map.of("input", input.toString(), "output", out.toString()));
        assertEquals(expectedAggregate(0), PigOutput.read(out));
    }

    @Test
    void parameterValuesFollowPigCommandLineRules(@TempDir Path dir) throws Exception {
        // Pig parses -param values with its own grammar: quotes are stripped, an unquoted value
        // ends at whitespace (as with `pig -param 'WHO=a b'`). Special characters survive the trip.
        Path s = script(
                dir,
                "who.pig",
                String.join(
                        "\n",
                        "rows = LOAD '$input' USING PigStorage(',') AS (name:chararray);",
                        "one = LIMIT rows 1;",
                        "x = FOREACH one GENERATE '$QUOTED' AS q, '$BARE' AS b, '$DERIVED' AS d;",
                        "STORE x INTO '$output' USING PigStorage('|');",
                        ""));
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "z\n");
        Path out = dir.resolve("out");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("input", in.toString());
        params.put("output", out.toString());
        params.put("QUOTED", "'a b:c=d #! é'");
        params.put("BARE", "first second");
        params.put("DERIVED", "$BARE-x"); // refers to an earlier parameter
        oracle.run(s, params);
        assertEquals(List.of("a b:c=d #! é|first|first-x"), PigOutput.read(out));
    }

    @Test
    void syntaxErrorIsReportedWithPigsMessage(@TempDir Path dir) throws Exception {
        Path bad = script(
                dir,
                "bad.pig",
                String.join(
                        "\n",
                        "rows = LOAD '/nowhere' AS (a:int);",
                        "oops = FOREACH rows GENERATE a +* 2;",
                        "STORE oops INTO '/nowhere-out';",
                        ""));
        PigOracleException e = assertThrows(PigOracleException.class, () -> oracle.run(bad, Map.of()));
        System.out.println("[oracle] syntax error message: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("ERROR 1200: "), e.getMessage());
        assertTrue(e.getMessage().contains("bad.pig, line 2"), e.getMessage());
        assertTrue(oracle.isAlive(), "a failed script must not kill the oracle");
    }

    @Test
    void checkValidatesWithoutRunningAndSeesParameters(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path ok = script(
                dir,
                "ok.pig",
                String.join(
                        "\n",
                        "rows = LOAD '" + input + "' USING PigStorage(',') AS (name:chararray);",
                        "STORE rows INTO '$OUT';",
                        ""));
        oracle.check(ok, Map.of("OUT", out.toString()));
        assertFalse(Files.exists(out), "CHECK must not run the job");
        PigOracleException missing = assertThrows(PigOracleException.class, () -> oracle.check(ok, Map.of()));
        assertTrue(missing.getMessage().contains("Undefined parameter : OUT"), missing.getMessage());
        Path bad = script(dir, "bad.pig", "rows = LOAD 'x' AS (a:int);\nSTORE nope INTO 'y';\n");
        PigOracleException undefined = assertThrows(PigOracleException.class, () -> oracle.check(bad, Map.of()));
        assertTrue(
                undefined.getMessage().contains("bad.pig, line 2, column 6> Undefined alias: nope"),
                undefined.getMessage());
    }

    @Test
    void unknownAliasIsReported(@TempDir Path dir) throws Exception {
        Path bad = script(
                dir,
                "alias.pig",
                String.join(
                        "\n",
                        "rows = LOAD '" + input + "' USING PigStorage(',') AS (name:chararray);",
                        "STORE row INTO '" + dir.resolve("out") + "';",
                        ""));
        PigOracleException e = assertThrows(PigOracleException.class, () -> oracle.run(bad, Map.of()));
        assertTrue(e.getMessage().contains("row"), e.getMessage());
        assertTrue(e.getMessage().startsWith("ERROR "), e.getMessage());
    }

    @Test
    void missingInputFailsTheJobWithTheReason(@TempDir Path dir) throws Exception {
        Path s = script(dir, "agg.pig", AGG_SCRIPT);
        PigOracleException e = assertThrows(
                PigOracleException.class,
                () -> oracle.run(
                        s,
                        Map.of(
                                "input",
                                dir.resolve("missing.csv").toString(),
                                "output",
                                dir.resolve("out").toString())));
        assertTrue(e.getMessage().contains("Input path does not exist"), e.getMessage());
    }

    @Test
    void existingOutputIsRefusedLikePig(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path s = script(dir, "agg.pig", AGG_SCRIPT);
        PigOracleException e = assertThrows(
                PigOracleException.class,
                () -> oracle.run(s, Map.of("input", input.toString(), "output", out.toString())));
        assertTrue(e.getMessage().contains("ERROR 6000"), e.getMessage());
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void dumpAndDescribeDoNotDisturbTheProtocol(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path s = script(
                dir,
                "dump.pig",
                String.join(
                        "\n",
                        "rows = LOAD '$input' USING PigStorage(',') AS (name:chararray, qty:int, price:double);",
                        "DESCRIBE rows;",
                        "big = FILTER rows BY qty >= 8;",
                        "DUMP big;",
                        "STORE big INTO '$output' USING PigStorage(',');",
                        ""));
        oracle.run(s, Map.of("input", input.toString(), "output", out.toString()));
        List<String> expected = new ArrayList<>();
        for (Row r : rows) {
            if (r.qty >= 8) {
                expected.add(r.name + "," + r.qty + "," + r.price);
            }
        }
        // map-only job: one part file, input order preserved
        assertEquals(expected, PigOutput.read(out));
    }

    @Test
    void twoScriptsInOneFreshServerWithTimings(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        try (PigOracle fresh = PigOracle.start(TARGET)) {
            long startMs = ms(t0);

            // script 1: the aggregate (3 MR jobs: group, ORDER's sampler, ORDER)
            Path agg = script(dir, "agg.pig", AGG_SCRIPT);
            long t1 = System.nanoTime();
            fresh.run(
                    agg,
                    Map.of(
                            "input",
                            input.toString(),
                            "output",
                            dir.resolve("o1").toString()));
            long firstMs = ms(t1);
            assertEquals(expectedAggregate(0), PigOutput.read(dir.resolve("o1")));

            // script 2: different operators and builtins (MATCHES, joda-time dates, DISTINCT)
            Path other = script(
                    dir,
                    "other.pig",
                    String.join(
                            "\n",
                            "rows = LOAD '$input' USING PigStorage(',') AS (name:chararray, qty:int, price:double);",
                            "m = FILTER rows BY name MATCHES '.*a.*';",
                            "n = FOREACH m GENERATE UPPER(name) AS name,",
                            "    ToString(AddDuration(ToDate('2024-02-28', 'yyyy-MM-dd'), 'P1D'), 'yyyy-MM-dd') AS d;",
                            "u = DISTINCT n;",
                            "STORE u INTO '$output' USING PigStorage('\\t');",
                            ""));
            long t2 = System.nanoTime();
            fresh.run(
                    other,
                    Map.of(
                            "input",
                            input.toString(),
                            "output",
                            dir.resolve("o2").toString()));
            long secondMs = ms(t2);
            List<String> expected = rows.stream()
                    .map(Row::name)
                    .filter(n -> n.contains("a"))
                    .distinct()
                    .sorted()
                    .map(n -> n.toUpperCase() + "\t2024-02-29")
                    .toList();
            List<String> actual = new ArrayList<>(PigOutput.read(dir.resolve("o2")));
            actual.sort(null); // DISTINCT gives no order guarantee
            assertEquals(expected, actual);

            // a few more warm runs of a single-job script
            Path simple = script(
                    dir,
                    "simple.pig",
                    String.join(
                            "\n",
                            "rows = LOAD '$input' USING PigStorage(',') AS (name:chararray, qty:int);",
                            "g = GROUP rows BY name;",
                            "c = FOREACH g GENERATE group, COUNT(rows);",
                            "STORE c INTO '$output';",
                            ""));
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                fresh.run(
                        simple,
                        Map.of(
                                "input",
                                input.toString(),
                                "output",
                                dir.resolve("s" + i).toString()));
                warm.add(ms(t));
            }
            long t3 = System.nanoTime();
            fresh.run(
                    agg,
                    Map.of(
                            "input",
                            input.toString(),
                            "output",
                            dir.resolve("o3").toString(),
                            "MIN",
                            "5"));
            long aggAgainMs = ms(t3);
            assertEquals(expectedAggregate(5), PigOutput.read(dir.resolve("o3")));

            System.out.printf(
                    "[oracle timing] start-up %d ms; first script (GROUP+ORDER, 3 jobs) %d ms; "
                            + "second script (FILTER/DISTINCT, 1 job) %d ms; warm GROUP/COUNT (1 job) %s ms; "
                            + "first script again %d ms%n",
                    startMs, firstMs, secondMs, warm, aggAgainMs);
        }
    }

    @Test
    void closedOracleRefusesWork(@TempDir Path dir) throws Exception {
        PigOracle o = PigOracle.start(TARGET);
        o.close();
        o.close(); // idempotent
        assertFalse(o.isAlive());
        assertThrows(IOException.class, () -> o.run(script(dir, "x.pig", "a = LOAD 'x';\n"), Map.of()));
    }

    @Test
    void sharedOracleIsFoundFromTheDefaultTargetDir(@TempDir Path dir) throws Exception {
        assertTrue(
                Files.isRegularFile(PigOracle.defaultTargetDir().resolve(PigOracle.CLASSPATH_FILE)),
                "defaultTargetDir() = " + PigOracle.defaultTargetDir().toAbsolutePath());
        PigOracle a = PigOracle.shared();
        assertTrue(a == PigOracle.shared());
        Path out = dir.resolve("out");
        a.run(script(dir, "agg.pig", AGG_SCRIPT), Map.of("input", input.toString(), "output", out.toString()));
        assertEquals(expectedAggregate(0), PigOutput.read(out));
    }

    @Test
    void missingBuildIsAClearError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> PigOracle.start(dir));
        assertTrue(e.getMessage().contains(PigOracle.CLASSPATH_FILE), e.getMessage());
    }
}
