package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.generator.sql.SqlScriptRenderer;
import dev.ferry.parser.hive.HiveTables;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.pig.PigParameters;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.runtime.SqlScript;
import dev.ferry.translator.pig.PigToSql;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.hadoop.hive.metastore.api.Database;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.hadoop.hive.metastore.api.SerDeInfo;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.hadoop.hive.metastore.api.ThriftHiveMetastore;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HCatLoader / HCatStorer scripts translated against a real Hive 3.1.3 metastore (the test-only {@code metastore/}
 * module's TestMetastore, Thrift on embedded Derby, in its own JVM) and run on embedded Flink over the tables' files
 * in Hive's layout. The oracle is real Pig 0.18 with HCatalog 3.1.3's HCatLoader and HCatStorer (hive-hcatalog-pig-adapter,
 * hive-exec; their own JVM in local mode, against the same metastore: {@link #agreesWithRealPigAndHCatalog}); the
 * other tests spell out the rows it gives (Hive's text: ^A fields, \N nulls).
 */
class HCatalogMetastoreTest {

    @TempDir
    static Path work;

    private static Process metastore;
    private static int port;

    /** Apache Oozie's HCatalog example script (oozie-examples/hcatalog/id.pig), unchanged. */
    private static final String CORPUS_SCRIPT = """
            A = load '$DB.$TABLE' using org.apache.hive.hcatalog.pig.HCatLoader();
            B = FILTER A BY $FILTER;
            C = foreach B generate foo, bar, car;
            store C into '$OUTPUT_DB.$OUTPUT_TABLE' USING org.apache.hive.hcatalog.pig.HCatStorer('$OUTPUT_PARTITION');
            """;

    /**
     * Its coordinator's parameters for the instance of 2010-01-01 (coord:databaseIn, coord:tableIn,
     * coord:dataInPartitionFilter('input', 'pig'), coord:databaseOut, coord:tableOut, coord:dataOutPartitions with the
     * example's dataOut=2011-01-01, region=usa).
     */
    private static final Map<String, String> INSTANCE = Map.of(
            "DB", "default",
            "TABLE", "invites",
            "FILTER", "(ds=='2010-01-01' and region=='usa')",
            "OUTPUT_DB", "default",
            "OUTPUT_TABLE", "oozie",
            "OUTPUT_PARTITION", "ds=2011-01-01,region=usa");

    private static final String A = "\u0001";

    @BeforeAll
    static void startMetastore() throws Exception {
        Path target = Path.of(System.getProperty("ferry.root", "..")).resolve("metastore/target");
        Path jar = target.resolve("ferry-test-metastore.jar");
        Path classpath = target.resolve("metastore-classpath.txt");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(classpath)) {
            fail("the test metastore is not built: mvn -pl metastore package (looked for " + jar + ")");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = work.resolve("metastore.log");
        metastore = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        jar
                                + java.io.File.pathSeparator
                                + Files.readString(classpath).strip(),
                        "dev.ferry.metastore.TestMetastore",
                        String.valueOf(port),
                        work.resolve("hms").toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (true) {
            if (!metastore.isAlive()) {
                fail("the metastore exited: " + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                fail("the metastore did not answer in 180 s: " + tail(log));
            }
            try (TSocket socket = new TSocket("127.0.0.1", port, 2_000)) {
                socket.open();
                new ThriftHiveMetastore.Client(new TBinaryProtocol(socket)).get_all_databases();
                break;
            } catch (org.apache.thrift.TException notYet) {
                Thread.sleep(250);
            }
        }
        createTables();
    }

    @AfterAll
    static void stopMetastore() throws InterruptedException {
        if (metastore != null) {
            metastore.destroy();
            metastore.waitFor();
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 3000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path warehouse() {
        return work.resolve("warehouse");
    }

    /**
     * The example's README: {@code create table invites / oozie (foo INT, bar INT, car VARCHAR(10)) partitioned by (ds
     * STRING, region STRING)}, text tables; invites has three partitions of data and one whose region is null (Hive's
     * default partition directory).
     */
    private static void createTables() throws Exception {
        try (TSocket socket = new TSocket("127.0.0.1", port, 20_000)) {
            socket.open();
            ThriftHiveMetastore.Client client = new ThriftHiveMetastore.Client(new TBinaryProtocol(socket));
            client.create_database(new Database(
                    "web", "", warehouse().resolve("web.db").toUri().toString(), Map.of()));
            Table invites = client.get_table("default", createTable(client, "default", "invites"));
            createTable(client, "default", "oozie");
            // the dynamic partitions Pig's HCatStorer and the Flink job each write (agreesWithRealPigAndHCatalog)
            createTable(client, "default", "pig_dyn");
            createTable(client, "default", "flink_dyn");
            partition(
                    client,
                    invites,
                    List.of("2010-01-01", "usa"),
                    String.join(
                            "\n",
                            "1" + A + "10" + A + "alpha",
                            "2" + A + "\\N" + A,
                            "\\N" + A + "30" + A + "üñîçødé",
                            "4" + A + "40" + A + "abcdefghijk",
                            "x" + A + "50" + A + "beta",
                            "6" + A + "60" + A + "\\N",
                            ""));
            partition(client, invites, List.of("2010-01-01", "eu"), "7" + A + "70" + A + "eu-row\n");
            partition(client, invites, List.of("2010-01-02", "usa"), "8" + A + "80" + A + "nextday\n");
            partition(
                    client,
                    invites,
                    List.of("2010-01-04", "__HIVE_DEFAULT_PARTITION__"),
                    "9" + A + "90" + A + "no-region\n");
        }
    }

    private static String createTable(ThriftHiveMetastore.Client client, String db, String name) throws Exception {
        StorageDescriptor sd = new StorageDescriptor();
        sd.setCols(List.of(
                new FieldSchema("foo", "int", null),
                new FieldSchema("bar", "int", null),
                new FieldSchema("car", "varchar(10)", null)));
        sd.setLocation(warehouse().resolve(name).toUri().toString());
        sd.setInputFormat("org.apache.hadoop.mapred.TextInputFormat");
        sd.setOutputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
        sd.setSerdeInfo(new SerDeInfo(
                null, "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", Map.of("serialization.format", "1")));
        sd.setNumBuckets(-1);
        sd.setParameters(Map.of());
        Table table = new Table();
        table.setDbName(db);
        table.setTableName(name);
        table.setOwner("ferry");
        table.setSd(sd);
        table.setPartitionKeys(
                List.of(new FieldSchema("ds", "string", null), new FieldSchema("region", "string", null)));
        table.setParameters(Map.of());
        table.setTableType("MANAGED_TABLE");
        client.create_table(table);
        Files.createDirectories(warehouse().resolve(name));
        return name;
    }

    private static void partition(ThriftHiveMetastore.Client client, Table table, List<String> values, String lines)
            throws Exception {
        Path dir = Path.of(java.net.URI.create(table.getSd().getLocation()))
                .resolve("ds=" + values.get(0))
                .resolve("region=" + values.get(1));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("000000_0"), lines, StandardCharsets.UTF_8);
        StorageDescriptor sd = table.getSd().deepCopy();
        sd.setLocation(dir.toUri().toString());
        client.add_partition(new Partition(values, table.getDbName(), table.getTableName(), 0, 0, sd, Map.of()));
    }

    private static HiveTables tables() {
        return MetastoreTables.at("thrift://127.0.0.1:" + port);
    }

    /** The Flink SQL of a script whose parameters are bound as given, the tables read from the metastore. */
    private static String translate(String script, Map<String, String> params) throws IOException {
        Path file = Files.writeString(
                Files.createDirectories(work.resolve("repo")).resolve("id.pig"), script, StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();
        Optional<PigParameters> parameters = PigParameters.of(List.of(), params, diagnostics);
        return PigLoader.load(RepoRoot.of(file.getParent()), file, "id.pig", parameters, diagnostics)
                .flatMap(s -> PigToSql.translate(s, "id", Set.of(), tables(), diagnostics))
                .map(SqlScriptRenderer::render)
                .orElseThrow(() -> new AssertionError("translation failed:\n"
                        + String.join(
                                "\n",
                                diagnostics.sorted().stream()
                                        .map(d -> d.format())
                                        .toList())));
    }

    /**
     * Runs the job on embedded Flink, its {@code ${FERRY_UDF_DIR}} the directory of the runtime's built
     * ferry-hcatalog.jar (the policy that adds the written partitions to the metastore).
     */
    private static void run(String sql) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        dev.ferry.runtime.SqlJob.run(env, bound(sql));
    }

    /** The job's statements, its {@code ${FERRY_UDF_DIR}} bound to the directory of the built ferry-hcatalog.jar. */
    private static List<String> bound(String sql) {
        Path jar = Path.of(System.getProperty("ferry.root", ".."))
                .resolve("runtime/hcatalog/target/ferry-hcatalog.jar")
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(jar)) {
            fail("the runtime's HCatalog jar is not built: mvn -pl runtime/hcatalog package (looked for " + jar + ")");
        }
        return SqlScript.split(
                SqlScript.bind(sql, Map.of("FERRY_UDF_DIR", jar.getParent().toString())));
    }

    /** The metastore's partitions of {@code db.table}: each one's name ({@code ds=.../region=...}) to its location. */
    private static java.util.SortedMap<String, String> partitions(String db, String table) throws Exception {
        try (TSocket socket = new TSocket("127.0.0.1", port, 20_000)) {
            socket.open();
            ThriftHiveMetastore.Client client = new ThriftHiveMetastore.Client(new TBinaryProtocol(socket));
            Table described = client.get_table(db, table);
            java.util.SortedMap<String, String> partitions = new java.util.TreeMap<>();
            for (Partition partition : client.get_partitions(db, table, (short) -1)) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < partition.getValuesSize(); i++) {
                    names.add(described.getPartitionKeys().get(i).getName() + "="
                            + partition.getValues().get(i));
                }
                partitions.put(String.join("/", names), partition.getSd().getLocation());
            }
            return partitions;
        }
    }

    /** The lines of the data files of a directory (not its _SUCCESS and .crc files), sorted. */
    private static List<String> rows(Path dir) throws IOException {
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("_")
                            && !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                rows.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        rows.sort(null);
        return rows;
    }

    @Test
    void oozieExampleInstanceReadsItsPartitionAndWritesTheOutputPartition() throws Exception {
        String sql = translate(CORPUS_SCRIPT, INSTANCE);
        assertTrue(sql.contains("/warehouse/invites'"), sql);
        run(sql);
        Path written = warehouse().resolve("oozie").resolve("ds=2011-01-01").resolve("region=usa");
        // Only the usa partition of 2010-01-01; a field that is no int and \N read as null and written as \N; an empty
        // car stays empty; a car longer than varchar(10) is read as its first 10 characters, as Hive reads it.
        List<String> expected = new ArrayList<>(List.of(
                "1" + A + "10" + A + "alpha",
                "2" + A + "\\N" + A,
                "\\N" + A + "30" + A + "üñîçødé",
                "4" + A + "40" + A + "abcdefghij",
                "\\N" + A + "50" + A + "beta",
                "6" + A + "60" + A + "\\N"));
        expected.sort(null);
        assertEquals(expected, rows(written));
        assertTrue(Files.exists(written.resolve("part-m-00000")), () -> written + " has no part-m-00000");
        // HCatStorer's commit: the partition is in the metastore, its location the directory written.
        assertEquals(
                Path.of(java.net.URI.create(partitions("default", "oozie").get("ds=2011-01-01/region=usa"))), written);
        // A second run into the same partition fails, as HCatStorer fails on a partition that exists.
        AssertionError none = null;
        try {
            run(sql);
        } catch (RuntimeException e) {
            assertTrue(e.getMessage().contains("region=usa already exists"), e.getMessage());
            none = new AssertionError("failed as expected");
        }
        assertTrue(none != null, "the second run into an existing partition did not fail");
    }

    @Test
    void partitionFilterPrunesTheScanToTheNamedPartition() throws Exception {
        String sql = translate(CORPUS_SCRIPT.replace("'$OUTPUT_PARTITION'", "'ds=2012-01-01,region=usa'"), INSTANCE);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        String plan = dev.ferry.runtime.SqlJob.validate(env, bound(sql)).explain();
        assertTrue(plan.contains("partitions=[{ds=2010-01-01, region=usa}]"), plan);
    }

    @Test
    void dynamicPartitionsAndHivesDefaultPartition() throws Exception {
        String sql = translate("""
                A = LOAD 'default.invites' USING org.apache.hive.hcatalog.pig.HCatLoader();
                B = FILTER A BY ds == '2010-01-02' OR ds == '2010-01-04';
                STORE B INTO 'default.oozie' USING org.apache.hive.hcatalog.pig.HCatStorer();
                N = FILTER A BY region == '__HIVE_DEFAULT_PARTITION__';
                STORE N INTO '$OUT' USING PigStorage(',');
                """, Map.of("OUT", work.resolve("null-region").toString()));
        run(sql);
        Path oozie = warehouse().resolve("oozie");
        assertEquals(
                List.of("8" + A + "80" + A + "nextday"),
                rows(oozie.resolve("ds=2010-01-02").resolve("region=usa")));
        assertEquals(
                List.of("9" + A + "90" + A + "no-region"),
                rows(oozie.resolve("ds=2010-01-04").resolve("region=__HIVE_DEFAULT_PARTITION__")));
        // Each partition the rows named is in the metastore at its directory, the null region's under Hive's name.
        java.util.SortedMap<String, String> registered = partitions("default", "oozie");
        assertEquals(
                oozie.resolve("ds=2010-01-02").resolve("region=usa"),
                Path.of(java.net.URI.create(registered.get("ds=2010-01-02/region=usa"))));
        assertEquals(
                oozie.resolve("ds=2010-01-04").resolve("region=__HIVE_DEFAULT_PARTITION__"),
                Path.of(java.net.URI.create(registered.get("ds=2010-01-04/region=__HIVE_DEFAULT_PARTITION__"))));
        // As HCatLoader gives it: the partition's registered value, Hive's name for a null string key
        // (HCatBaseInputFormat.getColValsNotInDataColumns converts the text to the key's type; a string stays as it
        // is).
        assertEquals(
                List.of("9,90,no-region,2010-01-04,__HIVE_DEFAULT_PARTITION__"), rows(work.resolve("null-region")));
    }

    /**
     * A partition key of numbers: HCatLoader converts the partition's registered text to the key's type with Hive's
     * converter, whose NumberFormatException gives null, so Hive's default partition is a null key (a string key keeps
     * the text, {@link #dynamicPartitionsAndHivesDefaultPartition}). Real Pig with HCatalog and the Flink job agree.
     */
    @Test
    void aNumberKeyOfHivesDefaultPartitionIsNull() throws Exception {
        try (TSocket socket = new TSocket("127.0.0.1", port, 20_000)) {
            socket.open();
            ThriftHiveMetastore.Client client = new ThriftHiveMetastore.Client(new TBinaryProtocol(socket));
            StorageDescriptor sd = new StorageDescriptor();
            sd.setCols(List.of(new FieldSchema("n", "int", null)));
            sd.setLocation(warehouse().resolve("daily").toUri().toString());
            sd.setInputFormat("org.apache.hadoop.mapred.TextInputFormat");
            sd.setOutputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
            sd.setSerdeInfo(new SerDeInfo(
                    null, "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", Map.of("serialization.format", "1")));
            sd.setNumBuckets(-1);
            sd.setParameters(Map.of());
            Table table = new Table();
            table.setDbName("default");
            table.setTableName("daily");
            table.setOwner("ferry");
            table.setSd(sd);
            table.setPartitionKeys(List.of(new FieldSchema("hour", "int", null)));
            table.setParameters(Map.of());
            table.setTableType("MANAGED_TABLE");
            client.create_table(table);
            for (String hour : List.of("7", "__HIVE_DEFAULT_PARTITION__")) {
                Path dir = Files.createDirectories(warehouse().resolve("daily").resolve("hour=" + hour));
                Files.writeString(dir.resolve("000000_0"), hour.equals("7") ? "1\n2\n" : "3\n");
                StorageDescriptor part = sd.deepCopy();
                part.setLocation(dir.toUri().toString());
                client.add_partition(new Partition(List.of(hour), "default", "daily", 0, 0, part, Map.of()));
            }
        }
        String script = """
                D = LOAD 'default.daily' USING org.apache.hive.hcatalog.pig.HCatLoader();
                E = FOREACH D GENERATE n, hour, (hour IS NULL ? 'null' : 'set'), hour + 1;
                STORE E INTO '$OUT' USING PigStorage(',');
                """;
        Path pig = work.resolve("daily-pig");
        Path flink = work.resolve("daily-flink");
        runPig(bind(script, Map.of("OUT", pig.toString())));
        run(translate(script, Map.of("OUT", flink.toString())));
        assertEquals(List.of("1,7,set,8", "2,7,set,8", "3,,null,"), rows(pig));
        assertEquals(rows(pig), rows(flink));
    }

    @Test
    void convertWithTheMetastoreWritesTheJobAndWithoutItTheTodo() throws Exception {
        Path repo = Files.createDirectories(work.resolve("legacy"));
        Files.writeString(repo.resolve("copy.pig"), """
                A = LOAD 'default.invites' USING org.apache.hive.hcatalog.pig.HCatLoader();
                B = FILTER A BY ds == '2010-01-01';
                C = FOREACH B GENERATE foo, bar, car;
                STORE C INTO 'default.oozie' USING org.apache.hive.hcatalog.pig.HCatStorer('ds=2013-01-01,region=usa');
                """);
        FerryRun with = FerryRun.of(
                "convert",
                repo.toString(),
                "-o",
                work.resolve("migrated").toString(),
                "--metastore",
                "thrift://127.0.0.1:" + port);
        assertEquals(0, with.exitCode(), with.err());
        String job = Files.readString(work.resolve("migrated/flink/_standalone/copy.sql"));
        assertTrue(job.contains("INSERT INTO C_store PARTITION (ds = '2013-01-01', region = 'usa')"), job);
        FerryRun without = FerryRun.of("check", repo.toString());
        assertEquals(0, without.exitCode(), without.out() + without.err()); // a standalone script's TODO warns
        assertTrue(
                (without.out() + without.err())
                        .contains("HCatLoader reads the columns of the Hive table 'default.invites' from the"
                                + " metastore when the script starts"),
                without.out() + without.err());
        FerryRun bad = FerryRun.of("check", repo.toString(), "--metastore", "http://127.0.0.1:1");
        assertEquals(ExitCode.FAILURE, bad.exitCode());
        assertTrue(bad.err().contains("--metastore 'http://127.0.0.1:1' is not thrift://HOST:PORT"), bad.err());
    }

    /** {@code script} with each {@code $NAME} replaced by its value, as Pig's preprocessor binds -param values. */
    private static String bind(String script, Map<String, String> params) {
        String bound = script;
        for (String name : params.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList()) {
            bound = bound.replace("$" + name, params.get(name));
        }
        return bound;
    }

    /** Runs {@code script} in real Pig 0.18 (local mode) with HCatalog's jars, its metastore this test's. */
    private static void runPig(String script) throws Exception {
        Path root = Path.of(System.getProperty("ferry.root", ".."));
        Path oracle = root.resolve("oracle/target/oracle-classpath.txt");
        Path hcatalog = root.resolve("metastore/target/hcatalog-pig-classpath.txt");
        Path metastoreClasspath = root.resolve("metastore/target/metastore-classpath.txt");
        if (!Files.isRegularFile(oracle) || !Files.isRegularFile(hcatalog)) {
            fail("Pig's and HCatalog's classpaths are not built: mvn -pl oracle,metastore package");
        }
        // HCatalog's metastore client: Hive's Thrift classes (as the metastore's own classpath has them)
        List<String> thrift = Stream.of(
                        Files.readString(metastoreClasspath).strip().split(java.io.File.pathSeparator))
                .filter(jar -> jar.contains("hive-standalone-metastore")
                        || jar.contains("libthrift")
                        || jar.contains("libfb303"))
                .toList();
        Path dir = Files.createDirectories(work.resolve("pig"));
        Path file = Files.writeString(dir.resolve("id.pig"), script, StandardCharsets.UTF_8);
        Path properties = Files.writeString(
                dir.resolve("pig.properties"), "hive.metastore.uris=thrift://127.0.0.1:" + port + "\n");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-XX:+UseSerialGC"));
        // Hive 3's classes reach into the JDK's (StringInternUtils, Kryo) as Java 8 allowed
        for (String open : List.of(
                "java.base/java.net",
                "java.base/java.lang",
                "java.base/java.util",
                "java.base/java.lang.reflect",
                "java.base/java.io",
                "java.base/java.nio",
                "java.base/sun.nio.ch",
                "java.base/java.util.concurrent",
                "java.base/java.util.regex",
                "java.base/java.time",
                "java.sql/java.sql")) {
            command.add("--add-opens");
            command.add(open + "=ALL-UNNAMED");
        }
        command.addAll(List.of(
                "-cp",
                Files.readString(oracle).strip()
                        + java.io.File.pathSeparator
                        + Files.readString(hcatalog).strip()
                        + java.io.File.pathSeparator
                        + String.join(java.io.File.pathSeparator, thrift),
                "org.apache.pig.Main",
                "-x",
                "local",
                // one job per STORE (HCatStorer's output per job), as a script with one STORE runs
                "-no_multiquery",
                "-P",
                properties.toString(),
                file.toString()));
        Path log = dir.resolve("pig.log");
        Process pig = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!pig.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
            pig.destroyForcibly();
            fail("Pig did not finish in 300 s: " + tail(log));
        }
        assertEquals(0, pig.exitValue(), () -> "Pig failed: " + tail(log));
    }

    /** The example's script, then a STORE of two days' rows into {@code dynamic} by their own partition keys. */
    private static String withDynamicStore(String partition, String dynamic) {
        return bind(
                        CORPUS_SCRIPT,
                        Map.of(
                                "DB", "default",
                                "TABLE", "invites",
                                "FILTER", INSTANCE.get("FILTER"),
                                "OUTPUT_DB", "default",
                                "OUTPUT_TABLE", "oozie",
                                "OUTPUT_PARTITION", partition))
                + "D = FILTER A BY ds == '2010-01-02' OR ds == '2010-01-04';\n"
                + "store D into 'default." + dynamic + "' USING org.apache.hive.hcatalog.pig.HCatStorer();\n";
    }

    /** A script in which HCatLoader reads {@code db.table} filtered by {@code filter}, stored as PigStorage(',') rows. */
    private static String readBack(String alias, String table, String filter, Path out) {
        return alias + " = load 'default." + table + "' using org.apache.hive.hcatalog.pig.HCatLoader();\n"
                + alias + "f = FILTER " + alias + " BY " + filter + ";\n"
                + "store " + alias + "f into '" + out + "' USING PigStorage(',');\n";
    }

    /**
     * Oozie's example, its 2010-01-01 instance, plus a STORE into dynamic partitions, in real Pig with HCatalog and as
     * the Flink job: the same rows in the partitions each writes (Pig's static one ds=2014-01-01, Flink's ds=2015-01-01
     * of the same table; the dynamic ones into two tables of the same DDL), the same partitions added to the metastore
     * (names, and locations of the same form), and a following HCatLoader in Pig reads the job's partitions as it reads
     * Pig's.
     */
    @Test
    void agreesWithRealPigAndHCatalog() throws Exception {
        runPig(withDynamicStore("ds=2014-01-01,region=usa", "pig_dyn"));
        run(translate(withDynamicStore("ds=2015-01-01,region=usa", "flink_dyn"), Map.of()));
        Path oozie = warehouse().resolve("oozie");
        List<String> pigRows = rows(oozie.resolve("ds=2014-01-01").resolve("region=usa"));
        assertEquals(6, pigRows.size(), pigRows::toString);
        assertEquals(pigRows, rows(oozie.resolve("ds=2015-01-01").resolve("region=usa")));

        // The partitions each added: the static one at the same place (its location spelled as HCatStorer spells it),
        // the dynamic ones the same names at the same places under their tables (the null region under Hive's name).
        java.util.SortedMap<String, String> static_ = partitions("default", "oozie");
        String pigStatic = static_.get("ds=2014-01-01/region=usa");
        assertTrue(pigStatic != null, static_::toString);
        assertEquals(pigStatic.replace("ds=2014-01-01", "ds=2015-01-01"), static_.get("ds=2015-01-01/region=usa"));
        java.util.SortedMap<String, String> pigDynamic = partitions("default", "pig_dyn");
        java.util.SortedMap<String, String> flinkDynamic = partitions("default", "flink_dyn");
        assertEquals(
                List.of("ds=2010-01-02/region=usa", "ds=2010-01-04/region=__HIVE_DEFAULT_PARTITION__"),
                List.copyOf(pigDynamic.keySet()));
        assertEquals(pigDynamic.keySet(), flinkDynamic.keySet());
        for (String name : pigDynamic.keySet()) {
            assertEquals(pigDynamic.get(name).replace("/pig_dyn/", "/flink_dyn/"), flinkDynamic.get(name), name);
            Path pigDir = Path.of(java.net.URI.create(pigDynamic.get(name)));
            assertEquals(rows(pigDir), rows(Path.of(java.net.URI.create(flinkDynamic.get(name)))), name);
        }

        // A following Pig script reads the job's partitions through the metastore as it reads Pig's.
        Path read = Files.createDirectories(work.resolve("read-back"));
        runPig(readBack("P", "oozie", "ds == '2014-01-01'", read.resolve("pig-static"))
                + readBack("F", "oozie", "ds == '2015-01-01'", read.resolve("flink-static"))
                + readBack("PD", "pig_dyn", "ds != ''", read.resolve("pig-dynamic"))
                + readBack("FD", "flink_dyn", "ds != ''", read.resolve("flink-dynamic")));
        List<String> pigStaticRows = rows(read.resolve("pig-static"));
        assertEquals(6, pigStaticRows.size(), pigStaticRows::toString);
        assertEquals(
                pigStaticRows.stream()
                        .map(r -> r.replace(",2014-01-01,", ",2015-01-01,"))
                        .sorted()
                        .toList(),
                rows(read.resolve("flink-static")));
        List<String> pigDynamicRows = rows(read.resolve("pig-dynamic"));
        // HCatLoader (Pig 0.18, HCatalog 3.1.3) gives the default partition's registered value, Hive's name, as the key
        assertEquals(
                List.of("8,80,nextday,2010-01-02,usa", "9,90,no-region,2010-01-04,__HIVE_DEFAULT_PARTITION__"),
                pigDynamicRows);
        assertEquals(pigDynamicRows, rows(read.resolve("flink-dynamic")));
    }
}
