package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.sql.SqlQuery;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A STORE the runtime's adapter writes names the Pig task that stores its rows, as Pig's MRCompiler plans it: a
 * reduce after a GROUP, JOIN, ORDER..., through the FILTERs, FOREACHes, SPLITs and replicated JOINs (of the reduced
 * relation as the fragment) that follow; a map before any, and again after a UNION, which starts a new job's map.
 * Hadoop names the task's files after it.
 */
class StoreTaskTest {

    private static final String LOADS = """
            a = LOAD 'a' AS (x:int, y:chararray);
            b = LOAD 'b' AS (x:int, z:long);
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a LOADed and stored                     | r = FOREACH a GENERATE x;                                            | map
            FILTER and FOREACH only                 | f = FILTER a BY x > 0; r = FOREACH f GENERATE y;                     | map
            a SAMPLE                                | r = SAMPLE a 0.5;                                                    | map
            a GROUP then FOREACH                    | g = GROUP a BY y; r = FOREACH g GENERATE group, COUNT(a);            | reduce
            a GROUP then FILTER then FOREACH        | g = GROUP a BY y; f = FILTER g BY COUNT(a) > 1; r = FOREACH f GENERATE group; | reduce
            a JOIN                                  | j = JOIN a BY x, b BY x; r = FOREACH j GENERATE a::x, z;             | reduce
            a skewed JOIN                           | j = JOIN a BY x, b BY x USING 'skewed'; r = FOREACH j GENERATE z;    | reduce
            a replicated JOIN                       | j = JOIN a BY x, b BY x USING 'replicated'; r = FOREACH j GENERATE z; | map
            a replicated JOIN after a GROUP         | g = GROUP a BY x; c = FOREACH g GENERATE group AS x; j = JOIN c BY x, b BY x USING 'replicated'; r = FOREACH j GENERATE z; | reduce
            a replicated JOIN of a GROUP's result   | g = GROUP a BY x; c = FOREACH g GENERATE group AS x; j = JOIN b BY x, c BY x USING 'replicated'; r = FOREACH j GENERATE z; | map
            a DISTINCT                              | r = DISTINCT a;                                                      | reduce
            a LIMIT                                 | r = LIMIT a 3;                                                       | reduce
            an ORDER                                | r = ORDER a BY x;                                                    | reduce
            a CROSS                                 | c = CROSS a, b; r = FOREACH c GENERATE a::x, z;                      | reduce
            a UNION of a GROUP's result and a LOAD  | g = GROUP a BY x; c = FOREACH g GENERATE group AS x; f = FOREACH b GENERATE x; r = UNION c, f; | map
            a SPLIT branch after a GROUP            | g = GROUP a BY x; c = FOREACH g GENERATE group AS x; SPLIT c INTO r IF x > 0, s OTHERWISE; | reduce
            a SPLIT branch of a LOAD                | SPLIT a INTO r IF x > 0, s OTHERWISE;                                | map
            """)
    void theStoreRunsInThePigTaskOfItsPlan(String name, String statements, String task) {
        Diagnostics diagnostics = new Diagnostics();
        String script = LOADS + statements + "\nSTORE r INTO 'out' USING BinStorage();\n";
        SqlJob job = PigParser.parse(script, "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        List<SqlJob.Table> sinks = job.sinks();
        assertEquals(1, sinks.size());
        assertEquals(task, sinks.get(0).partFiles().task() == SqlJob.PigTask.REDUCE ? "reduce" : "map");
    }

    /**
     * How each STORE's sink names its files: Pig's task, the storage function's suffix (AvroStorage's .avro,
     * ParquetStorer's .parquet), and PigStorage's compression into a path ending in .gz, .bz2 or .bz, left to the
     * runtime where a parameter ends the path.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            STORE a INTO 'out';                                   | MAP    |          | false
            STORE a INTO 'out.gz';                                | MAP    |          | true
            STORE a INTO '/data/out.bz/' USING PigStorage(',');   | MAP    |          | true
            STORE a INTO 'out.bz2' USING PigStorage();            | MAP    |          | true
            STORE a INTO 'out.gz/day';                            | MAP    |          | false
            STORE a INTO '$OUT';                                  | MAP    |          | true
            STORE a INTO '$OUT/day';                              | MAP    |          | false
            STORE a INTO 'out.gz' USING JsonStorage();            | MAP    |          | false
            STORE a INTO 'out' USING AvroStorage();               | MAP    | .avro    | false
            STORE a INTO 'out' USING ParquetStorer();             | MAP    | .parquet | false
            STORE a INTO 'out.gz' USING OrcStorage();             | MAP    |          | false
            STORE a INTO 'out' USING BinStorage();                | MAP    |          | false
            o = ORDER a BY x; STORE o INTO 'out.gz';              | REDUCE |          | true
            g = GROUP a BY y; c = FOREACH g GENERATE group, COUNT(a); STORE c INTO 'out' USING AvroStorage(); | REDUCE | .avro | false
            """)
    void theSinkNamesItsFilesAsHadoopNamesPigs(String statements, String task, String suffix, boolean compressed) {
        Diagnostics diagnostics = new Diagnostics();
        SqlJob job = PigParser.parse(LOADS + statements + "\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals(
                new SqlJob.PartFiles(SqlJob.PigTask.valueOf(task), suffix == null ? "" : suffix, compressed),
                job.sinks().get(0).partFiles().withSchemaFiles(null));
    }

    /**
     * The schema a STORE writes into .pig_schema and .pig_header (PigStorage '-schema', JsonStorage): Pig's names and
     * types, and the ORDER's keys where the STORE writes the ORDER itself (SortInfoSetter); none for other functions.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            STORE a INTO 'out' USING PigStorage(',', '-schema');                       | x:int, y:chararray |
            STORE a INTO 'out' USING JsonStorage();                                    | x:int, y:chararray |
            STORE a INTO 'out' USING PigStorage(',');                                  |                    |
            STORE a INTO 'out';                                                        |                    |
            o = ORDER a BY y DESC, x; STORE o INTO 'out' USING JsonStorage();          | x:int, y:chararray | 1 DESC, 0 ASC
            o = ORDER a BY *; STORE o INTO 'out' USING PigStorage(',', '-schema');     | x:int, y:chararray | 0 ASC, 1 ASC
            o = ORDER a BY x; l = LIMIT o 2; STORE l INTO 'out' USING JsonStorage();   | x:int, y:chararray |
            o = ORDER a BY x; f = FILTER o BY x > 0; STORE f INTO 'out' USING JsonStorage(); | x:int, y:chararray |
            o = ORDER a BY x; f = FOREACH o GENERATE x, y; STORE f INTO 'out' USING JsonStorage(); | x:int, y:chararray |
            o = ORDER a BY x; STORE o INTO 'p' USING JsonStorage(); STORE o INTO 'q';  | x:int, y:chararray | 0 ASC
            j = JOIN a BY x, b BY x; STORE j INTO 'o' USING PigStorage(',', '-schema'); | a::x:int, a::y:chararray, b::x:int, b::z:long |
            j = JOIN a BY x, b BY x; r = FOREACH j GENERATE y, $3; STORE r INTO 'o' USING JsonStorage(); | a::y:chararray, b::z:long |
            g = GROUP a BY y; c = FOREACH g GENERATE group, COUNT(a) AS n; STORE c INTO 'o' USING JsonStorage(); | group:chararray, n:long |
            g = GROUP a BY y; f = FOREACH g GENERATE FLATTEN(a); STORE f INTO 'o' USING JsonStorage(); | a::x:int, a::y:chararray |
            c = FOREACH a GENERATE (double) x AS d, y; STORE c INTO 'o' USING PigStorage(',', '-schema'); | d:double, y:chararray |
            """)
    void theSchemaFilesArePigsSchemaOfTheStore(String statements, String schema, String sortKeys) {
        Diagnostics diagnostics = new Diagnostics();
        SqlJob job = PigParser.parse(LOADS + statements + "\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        SqlJob.SchemaFiles files = job.sinks().get(0).partFiles().schemaFiles();
        assertEquals(
                schema,
                files == null
                        ? null
                        : String.join(
                                ", ",
                                files.fields().stream()
                                        .map(f -> f.name() + ":" + f.type())
                                        .toList()));
        assertEquals(
                sortKeys,
                files == null || files.sortKeys().isEmpty()
                        ? null
                        : String.join(
                                ", ",
                                files.sortKeys().stream()
                                        .map(k -> k.field() + (k.descending() ? " DESC" : " ASC"))
                                        .toList()));
    }

    /**
     * A STORE of a one-input GROUP's rows, one a key, is written in the order of Pig's shuffle, by the key's bytes
     * (PIG_SHUFFLE_KEY of the stored key column, in one file); not where Pig's order is another: a key of several
     * fields, GROUP ALL, PARALLEL or default_parallel, an input another reducing operator reads (multi-query), a
     * FLATTEN before the key, a key not stored, a bag key.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            g = GROUP a BY y; r = FOREACH g GENERATE group, COUNT(a);                            | group
            g = GROUP a BY x; r = FOREACH g GENERATE COUNT(a) AS n, group AS k;                  | k
            g = GROUP a BY x; f = FILTER g BY COUNT(a) > 1; r = FOREACH f GENERATE group;        | group
            g = GROUP a BY x; c = FOREACH g GENERATE group, COUNT(a) AS n; r = FILTER c BY n > 1; | group
            g = GROUP a BY (x, y); r = FOREACH g GENERATE FLATTEN(group), COUNT(a);              |
            g = GROUP a ALL; r = FOREACH g GENERATE COUNT(a);                                    |
            g = GROUP a BY y PARALLEL 3; r = FOREACH g GENERATE group, COUNT(a);                 |
            SET default_parallel 2; g = GROUP a BY y; r = FOREACH g GENERATE group, COUNT(a);    |
            g = GROUP a BY y; d = DISTINCT a; r = FOREACH g GENERATE group, COUNT(a); STORE d INTO 'd'; |
            g = GROUP a BY y; r = FOREACH g GENERATE COUNT(a);                                   |
            g = GROUP a BY y; r = FOREACH g GENERATE FLATTEN(a), group;                          |
            r = DISTINCT a;                                                                      |
            j = JOIN a BY x, b BY x; r = FOREACH j GENERATE a::x, z;                             |
            g = GROUP a BY y; c = FOREACH g GENERATE group, COUNT(a) AS n; r = LIMIT c 2;        |
            """)
    void aGroupsRowsAreStoredInPigsShuffleOrder(String statements, String key) {
        Diagnostics diagnostics = new Diagnostics();
        SqlJob job = PigParser.parse(LOADS + statements + "\nSTORE r INTO 'out';\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        SqlJob.Insert insert = job.inserts().stream()
                .filter(i -> i.sink().equals("r_store"))
                .findFirst()
                .orElseThrow();
        List<SqlQuery.OrderItem> order = ((SqlQuery.Select) insert.query()).orderBy();
        if (key == null) {
            assertTrue(
                    order.stream()
                            .noneMatch(o -> o.expr() instanceof SqlExpr.Call c
                                    && c.function().equals("PIG_SHUFFLE_KEY")),
                    order.toString());
            return;
        }
        assertEquals(
                List.of(new SqlQuery.OrderItem(
                        SqlExpr.Call.of("PIG_SHUFFLE_KEY", SqlExpr.ColumnRef.of(key)), false, false)),
                order);
        assertTrue(job.sinks().stream().filter(t -> t.name().equals("r_store")).allMatch(SqlJob.Table::singleWriter));
    }
}
