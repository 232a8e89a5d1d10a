package dev.ferry.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.runtime.SharedMiniCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pig-dump connector prints what Pig 0.18's DUMP prints. Expected lines are what real Pig printed for the same
 * rows ({@code LOAD ... AS (s:chararray, n:long, d:double); FOREACH ... GENERATE s, n, d, (float)d, (int)n,
 * TOTUPLE(s, n), TOMAP(s, n); DUMP}, and a GROUP's bag), in local mode.
 */
class PigDumpTableFactoryTest {

    @BeforeAll
    static void cluster() {
        SharedMiniCluster.start();
    }

    @Test
    void printsEachRowAsPigsDumpDoes() throws Exception {
        String printed = printed(env -> {
            env.executeSql("CREATE TEMPORARY TABLE y_dump (s STRING, n BIGINT, d DOUBLE, f FLOAT, i INT,"
                    + " t ROW<s STRING, n BIGINT>, m MAP<STRING, BIGINT>, g ARRAY<ROW<s STRING, n BIGINT, d DOUBLE>>)"
                    + " WITH ('connector' = 'pig-dump')");
            StatementSet set = env.createStatementSet();
            set.addInsertSql("INSERT INTO y_dump VALUES"
                    + " ('a', 1, 2.5, CAST(2.5 AS FLOAT), 1, ROW('a', CAST(1 AS BIGINT)), MAP['a', CAST(1 AS BIGINT)],"
                    + "   ARRAY[ROW('a', CAST(1 AS BIGINT), 2.5)]),"
                    + " ('b', CAST(NULL AS BIGINT), 3.0, CAST(3.0 AS FLOAT), CAST(NULL AS INT), ROW('b', CAST(NULL AS BIGINT)),"
                    + "   MAP['b', CAST(NULL AS BIGINT)], ARRAY[ROW('b', CAST(NULL AS BIGINT), 3.0)]),"
                    + " ('\u00e9', 3, CAST(NULL AS DOUBLE), CAST(NULL AS FLOAT), 3, ROW('\u00e9', CAST(3 AS BIGINT)), MAP['\u00e9', CAST(3 AS BIGINT)],"
                    + "   ARRAY[ROW('\u00e9', CAST(3 AS BIGINT), CAST(NULL AS DOUBLE))])");
            return set;
        });
        assertEquals("""
                (a,1,2.5,2.5,1,(a,1),[a#1],{(a,1,2.5)})
                (b,,3.0,3.0,,(b,),[b#],{(b,,3.0)})
                (\u00e9,3,,,3,(\u00e9,3),[\u00e9#3],{(\u00e9,3,)})
                """, sorted(printed));
    }

    @Test
    void anOrderedRelationPrintsInOrderAndTwoDumpsDoNotInterleave() throws Exception {
        String printed = printed(env -> {
            env.getConfig().set("table.exec.resource.default-parallelism", "4");
            env.executeSql("CREATE TEMPORARY VIEW n AS SELECT * FROM (VALUES "
                    + IntStream.rangeClosed(1, 2000)
                            .mapToObj(i -> "(" + i + ")")
                            .collect(Collectors.joining(", "))
                    + ") AS t(i)");
            env.executeSql("CREATE TEMPORARY TABLE down_dump (i INT) WITH ('connector' = 'pig-dump')");
            env.executeSql("CREATE TEMPORARY TABLE up_dump (i INT, s STRING) WITH ('connector' = 'pig-dump')");
            StatementSet set = env.createStatementSet();
            set.addInsertSql("INSERT INTO down_dump SELECT i FROM n ORDER BY i DESC");
            set.addInsertSql("INSERT INTO up_dump SELECT i, 'x' FROM n ORDER BY i");
            return set;
        });
        List<String> down = IntStream.iterate(2000, i -> i >= 1, i -> i - 1)
                .mapToObj(i -> "(" + i + ")")
                .toList();
        List<String> up =
                IntStream.rangeClosed(1, 2000).mapToObj(i -> "(" + i + ",x)").toList();
        List<String> lines = printed.lines().toList();
        List<String> expected = new ArrayList<>(lines.get(0).endsWith(",x)") ? up : down);
        expected.addAll(lines.get(0).endsWith(",x)") ? down : up);
        assertEquals(expected, lines);
    }

    @Test
    void anEmptyRelationPrintsNothing() throws Exception {
        String printed = printed(env -> {
            env.executeSql("CREATE TEMPORARY TABLE e_dump (s STRING) WITH ('connector' = 'pig-dump')");
            StatementSet set = env.createStatementSet();
            set.addInsertSql("INSERT INTO e_dump SELECT s FROM (VALUES ('a')) AS t(s) WHERE s = 'b'");
            return set;
        });
        assertEquals("", printed);
    }

    private interface Job {
        StatementSet build(TableEnvironment env) throws Exception;
    }

    /** What the job printed to stdout. */
    private static String printed(Job job) throws Exception {
        TableEnvironment env = SharedMiniCluster.batchEnvironment();
        StatementSet set = job.build(env);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            set.execute().await();
        } finally {
            System.setOut(stdout);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String sorted(String lines) {
        return lines.lines().sorted().map(l -> l + "\n").collect(Collectors.joining());
    }
}
