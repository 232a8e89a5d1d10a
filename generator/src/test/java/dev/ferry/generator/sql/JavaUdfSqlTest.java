package dev.ferry.generator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.pig.PigToSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pig Java UDFs → Flink SQL: the adapter registered once, with the REGISTERed jars, before the first view; each
 * call a {@code PIG_EVAL} with the DEFINE's class and constructor arguments and the result type the UDF declares.
 */
class JavaUdfSqlTest {

    @TempDir
    Path repo;

    private String translate(String script, List<String> diagnosticsOut) throws Exception {
        Path file = Files.writeString(repo.resolve("t.pig"), script);
        Diagnostics diagnostics = new Diagnostics();
        String sql = PigLoader.load(RepoRoot.of(repo), file, "t.pig", Optional.empty(), diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .map(SqlScriptRenderer::render)
                .orElse("");
        diagnostics.sorted().forEach(d -> diagnosticsOut.add(d.format()));
        return sql;
    }

    private void source(String name, String text) throws Exception {
        Path dir = Files.createDirectories(repo.resolve("src/main/java/com/acme"));
        Files.writeString(dir.resolve(name + ".java"), text);
    }

    @Test
    void filterAndEvalFuncsBecomeTypedAdapterCalls() throws Exception {
        source("UrlFilter", """
                package com.acme;
                public class UrlFilter extends org.apache.pig.FilterFunc {}
                """);
        source("ExtractHour", """
                package com.acme;
                import org.apache.pig.EvalFunc;
                public class ExtractHour extends EvalFunc<Integer> {}
                """);
        source("Ngrams", """
                package com.acme;
                public class Ngrams extends org.apache.pig.EvalFunc<org.apache.pig.data.DataBag> {}
                """);
        Files.createDirectories(repo.resolve("lib"));
        Files.write(repo.resolve("lib/acme.jar"), new byte[0]);
        List<String> diagnostics = new ArrayList<>();
        String sql = translate("""
                REGISTER lib/acme.jar;
                DEFINE keep com.acme.UrlFilter('http', 'it\\'s \\\\ here');
                DEFINE hour com.acme.ExtractHour();
                DEFINE grams com.acme.Ngrams('2');
                raw = LOAD 'in' AS (user, time:chararray, query:chararray);
                kept = FILTER raw BY keep(query);
                r = FOREACH kept GENERATE hour(time) AS h, FLATTEN(grams(query)) AS gram, hour(user);
                STORE r INTO 'out';
                """, diagnostics);
        assertEquals(List.of(), diagnostics);
        assertEquals("""
                -- Flink SQL batch job translated by Ferry from t.pig.
                -- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.

                -- t.pig:2
                CREATE TEMPORARY SYSTEM FUNCTION PIG_EVAL AS 'dev.ferry.runtime.pigudf.PigEval' LANGUAGE JAVA
                  USING JAR '${FERRY_UDF_DIR}/ferry-pig-udf.jar',
                  JAR '${FERRY_UDF_JARS}/lib/acme.jar';
                """, sql.substring(0, sql.indexOf("\n-- t.pig:5")));
        assertEquals("""
                CREATE TEMPORARY VIEW kept AS
                SELECT *
                FROM `raw`
                WHERE PIG_EVAL('com.acme.UrlFilter(''http'', ''it\\''s \\\\ here'')', 'BOOLEAN', query);
                """, view(sql, "kept"));
        assertEquals("""
                CREATE TEMPORARY VIEW r AS
                SELECT
                  PIG_EVAL('com.acme.ExtractHour', 'INT', `time`) AS h,
                  grams.grams_0 AS gram,
                  PIG_EVAL('com.acme.ExtractHour', 'INT', CAST(`user` AS BYTES)) AS hour_user
                FROM kept
                CROSS JOIN UNNEST(COALESCE(CAST(PIG_EVAL('com.acme.Ngrams(''2'')', 'ARRAY<ROW<f0 STRING>>', query) AS ARRAY<ROW<f0 STRING>>), ARRAY[CAST(ROW(CAST(NULL AS STRING)) AS ROW<f0 STRING>)])) AS grams (grams_0);
                """, view(sql, "r"));
    }

    /**
     * A job that loads with a Pig loader adds the jars to its classpath before its tables (the connector is looked
     * up when the job is planned); its UDF function then names no jar of its own (Flink refuses a jar registered
     * twice).
     */
    @Test
    void aLoaderAddsTheJarsAndTheFunctionUsesThem() throws Exception {
        source("LogLoader", """
                package com.acme;
                public class LogLoader extends org.apache.pig.LoadFunc {}
                """);
        source("ExtractHour", """
                package com.acme;
                public class ExtractHour extends org.apache.pig.EvalFunc<Integer> {}
                """);
        Files.createDirectories(repo.resolve("lib"));
        Files.write(repo.resolve("lib/acme.jar"), new byte[0]);
        List<String> diagnostics = new ArrayList<>();
        String sql = translate("""
                REGISTER lib/acme.jar;
                DEFINE logs com.acme.LogLoader(',');
                raw = LOAD 'in' USING logs() AS (user:bytearray, time:chararray, n:long);
                r = FOREACH raw GENERATE com.acme.ExtractHour(time), n;
                STORE r INTO 'out';
                """, diagnostics);
        assertEquals(List.of(), diagnostics);
        assertEquals("""
                -- Flink SQL batch job translated by Ferry from t.pig.
                -- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.

                -- t.pig:4
                ADD JAR '${FERRY_UDF_DIR}/ferry-pig-udf.jar';

                -- t.pig:4
                ADD JAR '${FERRY_UDF_JARS}/lib/acme.jar';

                -- t.pig:4
                CREATE TEMPORARY SYSTEM FUNCTION PIG_EVAL AS 'dev.ferry.runtime.pigudf.PigEval' LANGUAGE JAVA;

                -- t.pig:3
                CREATE TEMPORARY TABLE `raw` (
                  `user` STRING,
                  `time` STRING,
                  n BIGINT
                ) WITH (
                  'connector' = 'pig-load',
                  'path' = 'in',
                  'load-function' = 'com.acme.LogLoader('','')',
                  'field-types' = 'bytearray,chararray,long'
                );
                """, sql.substring(0, sql.indexOf("\n-- t.pig:4\nCREATE TEMPORARY VIEW")));
    }

    /** The CREATE VIEW statement of {@code name}, up to its semicolon and line end. */
    private static String view(String sql, String name) {
        int start = sql.indexOf("CREATE TEMPORARY VIEW " + name + " AS");
        return sql.substring(start, sql.indexOf(";\n", start) + 2);
    }

    @Test
    void aUdfFoundNowhereIsABytearrayWithAWarning() throws Exception {
        List<String> diagnostics = new ArrayList<>();
        String sql = translate("""
                DEFINE f com.acme.Missing();
                raw = LOAD 'in' AS (q:chararray);
                r = FOREACH raw GENERATE f(q);
                STORE r INTO 'out';
                """, diagnostics);
        assertEquals(
                List.of("t.pig:1:1: warning PIG-W040: the result type of the Java UDF com.acme.Missing is not known:"
                        + " neither its source nor a REGISTERed jar of the repository holds it; its result is read as a"
                        + " bytearray, Pig's default\n  hint: put the UDF's source or jar in the repository, or cast the"
                        + " call's result to its type"),
                diagnostics);
        assertEquals(
                "CREATE TEMPORARY SYSTEM FUNCTION PIG_EVAL AS 'dev.ferry.runtime.pigudf.PigEval' LANGUAGE JAVA\n"
                        + "  USING JAR '${FERRY_UDF_DIR}/ferry-pig-udf.jar';\n",
                sql.substring(sql.indexOf("CREATE TEMPORARY SYSTEM"), sql.indexOf("\n-- t.pig:2")));
        assertEquals(true, sql.contains("PIG_EVAL('com.acme.Missing', 'STRING', q)"), sql);
    }

    /** Pig's tutorial calls its UDFs by class name, without DEFINE: Pig's no-argument instance of the class. */
    @Test
    void aClassCalledByItsNameNeedsNoDefine() throws Exception {
        source("ToLower", """
                package com.acme;
                public class ToLower extends org.apache.pig.EvalFunc<String> {}
                """);
        List<String> diagnostics = new ArrayList<>();
        String sql = translate("""
                raw = LOAD 'in' AS (q:chararray);
                r = FOREACH raw GENERATE com.acme.ToLower(q) AS q, com.acme.Unknown(q);
                STORE r INTO 'out';
                """, diagnostics);
        assertEquals(
                List.of("t.pig:2:52: warning PIG-W040: the result type of the Java UDF com.acme.Unknown is not known:"
                        + " neither its source nor a REGISTERed jar of the repository holds it; its result is read as a"
                        + " bytearray, Pig's default\n  hint: put the UDF's source or jar in the repository, or cast the"
                        + " call's result to its type"),
                diagnostics);
        assertEquals("""
                CREATE TEMPORARY VIEW r AS
                SELECT
                  PIG_EVAL('com.acme.ToLower', 'STRING', q) AS q,
                  PIG_EVAL('com.acme.Unknown', 'STRING', q) AS unknown_q
                FROM `raw`;
                """, view(sql, "r"));
        assertEquals(true, sql.contains("-- t.pig:2\nCREATE TEMPORARY SYSTEM FUNCTION PIG_EVAL"), sql);
    }

    @Test
    void aJobThatCallsNoJavaUdfRegistersNothing() throws Exception {
        Files.createDirectories(repo.resolve("lib"));
        Files.write(repo.resolve("lib/acme.jar"), new byte[0]);
        List<String> diagnostics = new ArrayList<>();
        String sql = translate("""
                REGISTER 'lib/acme.jar';
                DEFINE f com.acme.Missing();
                raw = LOAD 'in' AS (q:chararray);
                STORE raw INTO 'out';
                """, diagnostics);
        assertEquals(false, sql.contains("FUNCTION"), sql);
    }
}
