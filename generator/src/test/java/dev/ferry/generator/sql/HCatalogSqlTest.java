package dev.ferry.generator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.hive.HiveTable;
import dev.ferry.parser.hive.HiveTables;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.pig.PigToSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HCatLoader and HCatStorer → Flink SQL over the Hive table's own files: the schema is the metastore's (columns,
 * then partition keys, with HCatLoader's Pig types), partitions are the {@code k=v/} directories, HCatStorer's
 * argument is the INSERT's PARTITION clause. The tables are those of Apache Oozie's HCatalog example (its README's
 * DDL) and a few more.
 */
class HCatalogSqlTest {

    @TempDir
    Path repo;

    private static final String TEXT_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    private static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";

    private static HiveTable text(String db, String name, List<HiveTable.Column> columns, List<String> keys) {
        return new HiveTable(
                db,
                name,
                columns,
                keys.stream().map(k -> new HiveTable.Column(k, "string")).toList(),
                "hdfs://nn:8020/warehouse/" + name,
                TEXT_INPUT,
                TEXT_SERDE,
                new TreeMap<>(Map.of("serialization.format", "1")));
    }

    private static HiveTable.Column col(String name, String type) {
        return new HiveTable.Column(name, type);
    }

    /** create table invites / oozie (foo INT, bar INT, car VARCHAR(10)) partitioned by (ds STRING, region STRING). */
    private static final List<HiveTable> TABLES = List.of(
            text(
                    "default",
                    "invites",
                    List.of(col("foo", "int"), col("bar", "int"), col("car", "varchar(10)")),
                    List.of("ds", "region")),
            text(
                    "default",
                    "oozie",
                    List.of(col("foo", "int"), col("bar", "int"), col("car", "varchar(10)")),
                    List.of("ds", "region")),
            text(
                    "web",
                    "hits",
                    List.of(col("n", "smallint"), col("total", "bigint"), col("ok", "boolean"), col("w", "double")),
                    List.of()),
            text("web", "events", List.of(col("at", "timestamp")), List.of()),
            text(
                    "web",
                    "counts",
                    List.of(col("n", "smallint"), col("t", "tinyint"), col("v", "varchar(3)")),
                    List.of("dt")),
            new HiveTable(
                    "web",
                    "clicks_orc",
                    List.of(col("user", "string"), col("n", "int")),
                    List.of(new HiveTable.Column("dt", "string")),
                    "hdfs://nn:8020/warehouse/web.db/clicks_orc",
                    "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat",
                    "org.apache.hadoop.hive.ql.io.orc.OrcSerde",
                    new TreeMap<>()),
            new HiveTable(
                    "web",
                    "clicks_json",
                    List.of(col("user", "string")),
                    List.of(),
                    "hdfs://nn:8020/warehouse/web.db/clicks_json",
                    TEXT_INPUT,
                    "org.apache.hive.hcatalog.data.JsonSerDe",
                    new TreeMap<>()));

    private static final HiveTables METASTORE = new HiveTables() {
        @Override
        public Optional<HiveTable> table(String database, String name) {
            return TABLES.stream()
                    .filter(t -> t.database().equals(database) && t.name().equals(name))
                    .findFirst();
        }

        @Override
        public Optional<String> source() {
            return Optional.of("thrift://ms:9083");
        }
    };

    private String translate(String script, HiveTables tables, List<String> diagnosticsOut) throws Exception {
        Path file = Files.writeString(repo.resolve("id.pig"), script);
        Diagnostics diagnostics = new Diagnostics();
        String sql = PigLoader.load(RepoRoot.of(repo), file, "id.pig", Optional.empty(), diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", Set.of(), tables, diagnostics))
                .map(SqlScriptRenderer::render)
                .orElse("");
        diagnostics.sorted().forEach(d -> diagnosticsOut.add(d.format()));
        return sql;
    }

    /** The corpus example's script with its parameters' values written in (they are known at submission there). */
    @Test
    void oozieHCatalogExampleReadsAPartitionAndWritesOne() throws Exception {
        List<String> diagnostics = new ArrayList<>();
        String sql = translate("""
                A = load 'default.invites' using org.apache.hive.hcatalog.pig.HCatLoader();
                B = FILTER A BY (ds == '2010-01-01' and region == 'usa');
                C = foreach B generate foo, bar, car;
                store C into 'default.oozie' USING org.apache.hive.hcatalog.pig.HCatStorer('ds=2011-01-01,region=usa');
                """, METASTORE, diagnostics);
        assertEquals(
                List.of(
                        "id.pig:1:34: warning PIG-W010: HCatLoader is translated, but differs from Pig: the job reads"
                                + " the partitions it finds under the table's location (k=v/ directories), as Hive"
                                + " lays them out; HCatLoader reads those the metastore lists, so a partition"
                                + " registered at another location is missed and a directory never registered is read",
                        "id.pig:4:1: warning PIG-W010: HCatStorer is translated, but differs from Pig: a partition"
                                + " the metastore already has fails the job, as HCatStorer fails; the job's run-time"
                                + " check of a static partition is that its directory does not exist, and a dynamic"
                                + " partition that exists fails the job only after its files were moved into the"
                                + " partition's directory (HCatStorer fails before)"),
                diagnostics.stream()
                        .map(d -> d.replace("\n", " "))
                        .map(d -> d.replaceAll(" +hint:.*", ""))
                        .toList());
        // The jar of the policy that adds the written partition to the metastore, before the tables.
        assertTrue(
                between(sql, "\n\n", "-- id.pig:1")
                        .equals("\n\n-- id.pig:4\nADD JAR '${FERRY_UDF_DIR}/ferry-hcatalog.jar';\n\n"),
                sql);
        assertEquals("""
                -- id.pig:1
                CREATE TEMPORARY TABLE A (
                  foo INT,
                  bar INT,
                  car STRING,
                  ds STRING,
                  region STRING
                ) PARTITIONED BY (ds, region) WITH (
                  'connector' = 'pig-files',
                  'path' = 'hdfs://nn:8020/warehouse/invites',
                  'format' = 'pig-storage',
                  'pig-storage.field-delimiter' = '\\x01',
                  'pig-storage.null-format' = '\\N'
                );

                -- id.pig:1
                CREATE TEMPORARY VIEW A_2 AS
                SELECT
                  foo,
                  bar,
                  SUBSTRING(car, 1, 10) AS car,
                  ds,
                  region
                FROM A;

                -- id.pig:2
                CREATE TEMPORARY VIEW B AS
                SELECT *
                FROM A_2
                WHERE ds = '2010-01-01' AND region = 'usa';

                """, between(sql, "-- id.pig:1", "-- id.pig:3"));
        assertEquals("""
                -- id.pig:4
                CREATE TEMPORARY TABLE C_store (
                  foo INT,
                  bar INT,
                  car STRING,
                  ds STRING,
                  region STRING
                ) PARTITIONED BY (ds, region) WITH (
                  'connector' = 'pig-files',
                  'path' = 'hdfs://nn:8020/warehouse/oozie',
                  'format' = 'pig-storage',
                  'pig-storage.field-delimiter' = '\\x01',
                  'pig-storage.null-format' = '\\N',
                  'partition.default-name' = '__HIVE_DEFAULT_PARTITION__',
                  'sink.partition-commit.policy.kind' = 'custom',
                  'sink.partition-commit.policy.class' = 'dev.ferry.runtime.hcatalog.MetastorePartitionCommit',
                  'sink.partition-commit.policy.class.parameters' = 'thrift://ms:9083;default;oozie'
                );

                INSERT INTO C_store PARTITION (ds = '2011-01-01', region = 'usa')
                SELECT
                  foo,
                  bar,
                  CASE WHEN CHAR_LENGTH(car) > 10 THEN NULL ELSE car END AS car
                FROM C;
                """, sql.substring(sql.indexOf("-- id.pig:4\nCREATE")));
    }

    private static String between(String text, String from, String to) {
        return text.substring(text.indexOf(from), text.indexOf(to));
    }

    /** Before → after: what each HCatalog LOAD or STORE becomes, or the TODO that names what it needs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "the old HCatalog package name, a table of the default database, dynamic partitions", """
                        A = LOAD 'invites' USING org.apache.hcatalog.pig.HCatLoader();
                        STORE A INTO 'oozie' USING org.apache.hcatalog.pig.HCatStorer();
                        """, """
                        INSERT INTO A_store
                        SELECT
                          foo,
                          bar,
                          CASE WHEN CHAR_LENGTH(car) > 10 THEN NULL ELSE car END AS car,
                          ds,
                          region
                        FROM A_2;"""),
                Arguments.of("a DEFINEd loader; a partial partition: the rest from the rows", """
                        DEFINE hload org.apache.hive.hcatalog.pig.HCatLoader();
                        A = LOAD 'default.invites' USING hload();
                        B = FOREACH A GENERATE foo, bar, car, region;
                        STORE B INTO 'default.oozie' USING org.apache.hive.hcatalog.pig.HCatStorer('ds=$DAY');
                        """, """
                        INSERT INTO B_store PARTITION (ds = '${DAY}')
                        SELECT
                          foo,
                          bar,
                          CASE WHEN CHAR_LENGTH(car) > 10 THEN NULL ELSE car END AS car,
                          region
                        FROM B;"""),
                Arguments.of(
                        "smallint, tinyint and varchar(n) out of range are null (HCatStorer's onOutOfRangeValue);"
                                + " a varchar(n) is read truncated to n, as Hive reads it",
                        """
                        A = LOAD 'web.counts' USING org.apache.hive.hcatalog.pig.HCatLoader();
                        STORE A INTO 'web.counts' USING org.apache.hive.hcatalog.pig.HCatStorer();
                        """,
                        """
                        SELECT
                          n,
                          t,
                          SUBSTRING(v, 1, 3) AS v,
                          dt
                        FROM A;

                        -- id.pig:2
                        CREATE TEMPORARY TABLE A_store ("""),
                Arguments.of("smallint, tinyint and varchar(n) out of range are null when stored", """
                        A = LOAD 'web.counts' USING org.apache.hive.hcatalog.pig.HCatLoader();
                        STORE A INTO 'web.counts' USING org.apache.hive.hcatalog.pig.HCatStorer();
                        """, """
                        INSERT INTO A_store
                        SELECT
                          CASE WHEN n < -32768 OR n > 32767 THEN NULL ELSE n END AS n,
                          CASE WHEN t < -128 OR t > 127 THEN NULL ELSE t END AS t,
                          CASE WHEN CHAR_LENGTH(v) > 3 THEN NULL ELSE v END AS v,
                          dt
                        FROM A_2;"""),
                Arguments.of(
                        "an unpartitioned table",
                        """
                        A = LOAD 'web.hits' USING org.apache.hive.hcatalog.pig.HCatLoader();
                        STORE A INTO 'web.hits' USING org.apache.hive.hcatalog.pig.HCatStorer();
                        """,
                        "error PIG-E020: HCatStorer into the unpartitioned table 'web.hits' is not translated yet"),
                Arguments.of(
                        "an ORC table: Flink's orc format, no text options",
                        """
                        A = LOAD 'web.clicks_orc' USING org.apache.hive.hcatalog.pig.HCatLoader();
                        B = FILTER A BY dt == '2026-12-01';
                        STORE B INTO 'out';
                        """,
                        ") PARTITIONED BY (dt) WITH (\n  'connector' = 'pig-files',\n"
                                + "  'path' = 'hdfs://nn:8020/warehouse/web.db/clicks_orc',\n  'format' = 'orc'\n);"),
                Arguments.of(
                        "no metastore given",
                        "A = LOAD 'default.invites' USING org.apache.hive.hcatalog.pig.HCatLoader();\nSTORE A INTO 'o';\n",
                        "error PIG-E020: HCatLoader reads the columns of the Hive table 'default.invites' from the"
                                + " metastore when the script starts; give Ferry the metastore at conversion"),
                Arguments.of(
                        "a table the metastore does not have",
                        "A = LOAD 'web.nope' USING org.apache.hive.hcatalog.pig.HCatLoader();\nSTORE A INTO 'o';\n",
                        "error PIG-E020: the Hive metastore thrift://ms:9083 has no table 'web.nope': Pig fails the"
                                + " script (Table not found)"),
                Arguments.of(
                        "a table named by run-time parameters (the corpus script's '$DB.$TABLE')",
                        "A = LOAD '$DB.$TABLE' USING org.apache.hive.hcatalog.pig.HCatLoader();\nSTORE A INTO 'o';\n",
                        "error PIG-E020: HCatLoader of the table '${DB}.${TABLE}', named by parameters the job is"
                                + " given when it runs, is not translated yet"),
                Arguments.of(
                        "a partition spec given whole by a parameter (the corpus script's '$OUTPUT_PARTITION')",
                        """
                        A = LOAD 'default.invites' USING org.apache.hive.hcatalog.pig.HCatLoader();
                        B = FOREACH A GENERATE foo, bar, car;
                        STORE B INTO 'default.oozie' USING org.apache.hive.hcatalog.pig.HCatStorer('$OUTPUT_PARTITION');
                        """,
                        "error PIG-E020: HCatStorer's partition '${OUTPUT_PARTITION}' is given by parameters the job"
                                + " is given when it runs, so its keys are not known at conversion"),
                Arguments.of(
                        "a location of three parts",
                        "A = LOAD 'a.b.c' USING org.apache.hive.hcatalog.pig.HCatLoader();\nSTORE A INTO 'o';\n",
                        "error PIG-E020: HCatLoader's location 'a.b.c' is not <database name>.<table name> or <table"
                                + " name>: Pig fails the script"),
                Arguments.of(
                        "stored fields that are not the table's columns",
                        """
                        A = LOAD 'default.invites' USING org.apache.hive.hcatalog.pig.HCatLoader();
                        B = FOREACH A GENERATE bar, foo, car;
                        STORE B INTO 'default.oozie' USING org.apache.hive.hcatalog.pig.HCatStorer('ds=1,region=x');
                        """,
                        "error PIG-E020: HCatStorer writes the stored fields by name: 'B' has (bar, foo, car), the"
                                + " table 'default.oozie' takes (foo, bar, car)"),
                Arguments.of(
                        "a partition key the table does not have",
                        """
                        A = LOAD 'default.invites' USING org.apache.hive.hcatalog.pig.HCatLoader();
                        B = FOREACH A GENERATE foo, bar, car;
                        STORE B INTO 'default.oozie' USING org.apache.hive.hcatalog.pig.HCatStorer('dt=1,region=x');
                        """,
                        "error PIG-E020: 'dt' is not a partition key of the Hive table 'default.oozie' (ds, region):"
                                + " HCatStorer fails the job"),
                Arguments.of(
                        "HCatLoader with AS",
                        "A = LOAD 'invites' USING org.apache.hive.hcatalog.pig.HCatLoader() AS (a:int);\n"
                                + "STORE A INTO 'o';\n",
                        "error PIG-E020: HCatLoader with AS is not translated yet"),
                Arguments.of(
                        "a timestamp column of a text table",
                        "A = LOAD 'web.events' USING org.apache.hive.hcatalog.pig.HCatLoader();\nSTORE A INTO 'o';\n",
                        "error PIG-E020: the timestamp column 'at' of the Hive table 'web.events' is not translated"
                                + " yet"),
                Arguments.of(
                        "a table of another SerDe",
                        "A = LOAD 'web.clicks_json' USING org.apache.hive.hcatalog.pig.HCatLoader();\n"
                                + "STORE A INTO 'o';\n",
                        "error PIG-E020: the Hive table 'web.clicks_json' is stored with the SerDe"
                                + " org.apache.hive.hcatalog.data.JsonSerDe"),
                Arguments.of(
                        "a long stored into an int column",
                        """
                        A = LOAD 'web.hits' USING org.apache.hive.hcatalog.pig.HCatLoader();
                        B = FOREACH A GENERATE total AS foo, 1 AS bar, 'x' AS car;
                        STORE B INTO 'oozie' USING org.apache.hive.hcatalog.pig.HCatStorer('ds=1,region=x');
                        """,
                        "error PIG-E020: HCatStorer of the long field 'foo' into the int column 'foo' of"
                                + " 'default.oozie' is not translated yet"));
    }

    /**
     * The metastore's URI with a password in it (a user-info): the job's SQL names a parameter for it, the caller
     * supplies the value from a secret store, and the warning names the parameter, never the value.
     */
    @Test
    void aSecretInTheMetastoreUriBecomesAParameter() throws Exception {
        HiveTables withPassword = new HiveTables() {
            @Override
            public Optional<HiveTable> table(String database, String name) {
                return METASTORE.table(database, name);
            }

            @Override
            public Optional<String> source() {
                return Optional.of("thrift://etl:hunter2@ms:9083");
            }
        };
        List<String> diagnostics = new ArrayList<>();
        String sql = translate("""
                A = LOAD 'default.invites' USING org.apache.hive.hcatalog.pig.HCatLoader();
                STORE A INTO 'default.oozie' USING org.apache.hive.hcatalog.pig.HCatStorer();
                """, withPassword, diagnostics);
        assertTrue(
                sql.contains("'sink.partition-commit.policy.class.parameters' ="
                        + " 'thrift://etl:${etl_password}@ms:9083;default;oozie'"),
                sql);
        assertTrue(sql.contains("--   etl_password (a secret: its value is never written here"), sql);
        String all = sql + String.join("\n", diagnostics);
        assertTrue(!all.contains("hunter2"), all);
        assertTrue(all.contains("which takes it as the parameter 'etl_password' instead"), all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void translatesOrSaysWhatItNeeds(String name, String script, String expected) throws Exception {
        List<String> diagnostics = new ArrayList<>();
        HiveTables tables = name.equals("no metastore given") ? HiveTables.NONE : METASTORE;
        String sql = translate(script, tables, diagnostics);
        String out = sql + "\n" + String.join("\n", diagnostics);
        assertTrue(out.contains(expected), () -> "expected:\n" + expected + "\nin:\n" + out);
        if (expected.startsWith("error")) {
            assertEquals("", sql);
        }
    }
}
