package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.cli.JavaStorerDifferentialTest.Case;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The directories a translated job STOREs into are the trees real Pig 0.18 (local mode) writes: the same file names
 * ({@code part-m-00000} from a map, {@code part-r-00000} from a reduce, {@code .gz} and {@code .bz2} parts PigStorage
 * compresses, {@code _SUCCESS}, the local file system's {@code .crc} files) with the same bytes, compared as {@link
 * JavaStorerDifferentialTest#tree} compares them, so a consumer of the files cannot tell which engine wrote them.
 */
class PigPartFilesDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    /** name, n, score: a null in each column, unicode. */
    static final String ROWS =
            String.join("\n", "ann\t3\t2.5", "bob\t\t-0.125", "\t7\t", "zoë\t-12\t1e3", "ann\t0\t0.1", "cid\t5\t9.75")
                    + "\n";

    private static final String LOAD = "raw = LOAD '$INPUT' AS (name:chararray, n:int, score:double);\n";

    @TempDir
    Path tmp;

    /** Cases (a name, the STOREs after the LOAD of {@link #ROWS} as raw, under $OUTPUT) whose trees are Pig's bytes. */
    static List<Case> pigStorage() {
        return List.of(
                new Case("a map-only STORE: part-m-00000", """
                        STORE raw INTO '$OUTPUT/out';
                        """),
                new Case("PigStorage(',') after a FILTER and a FOREACH: part-m-00000", """
                        f = FILTER raw BY n IS NOT NULL;
                        r = FOREACH f GENERATE n * 2, name;
                        STORE r INTO '$OUTPUT/out' USING PigStorage(',');
                        """),
                new Case("an ORDER: one part-r-00000 in order", """
                        o = ORDER raw BY n DESC, name;
                        STORE o INTO '$OUTPUT/out';
                        """),
                new Case("a map that stores no row: an empty part-m-00000", """
                        f = FILTER raw BY n > 1000;
                        STORE f INTO '$OUTPUT/out';
                        """),
                new Case("a reduce that stores no row: an empty part-r-00000", """
                        g = GROUP raw BY name;
                        c = FOREACH g GENERATE group, COUNT(raw) AS rows;
                        f = FILTER c BY rows > 1000;
                        STORE f INTO '$OUTPUT/out';
                        """),
                new Case("a path ending in .gz: gzip part-m-00000.gz", """
                        STORE raw INTO '$OUTPUT/out.gz';
                        """),
                new Case("a path ending in .bz2: bzip2 part-m-00000.bz2", """
                        STORE raw INTO '$OUTPUT/out.bz2' USING PigStorage(',');
                        """),
                new Case("a path ending in .bz: bzip2 part-m-00000.bz2", """
                        STORE raw INTO '$OUTPUT/out.bz';
                        """),
                new Case("a path ending in .gz that gets no row: an empty gzip part-m-00000.gz", """
                        f = FILTER raw BY n > 1000;
                        STORE f INTO '$OUTPUT/out.gz';
                        """),
                new Case("a directory named .gz above the path: plain files", """
                        STORE raw INTO '$OUTPUT/out.gz/day';
                        """),
                new Case("PigStorage '-schema': .pig_schema and .pig_header beside the part", """
                        STORE raw INTO '$OUTPUT/out' USING PigStorage('\\t', '-schema');
                        """),
                new Case("PigStorage(',', '-schema') of an ORDER: the sort keys in .pig_schema", """
                        o = ORDER raw BY n DESC, name;
                        STORE o INTO '$OUTPUT/out' USING PigStorage(',', '-schema');
                        """),
                new Case("'-schema' of ORDER BY *: every field a sort key", """
                        o = ORDER raw BY *;
                        STORE o INTO '$OUTPUT/out' USING PigStorage('|', '-schema');
                        """),
                new Case("'-schema' of an ORDER stored twice: both sorted", """
                        o = ORDER raw BY score DESC;
                        STORE o INTO '$OUTPUT/a' USING PigStorage('\\t', '-schema');
                        STORE o INTO '$OUTPUT/b' USING JsonStorage();
                        """),
                new Case("'-schema' of a FILTER of an ORDER: no sort keys", """
                        o = ORDER raw BY score;
                        f = FILTER o BY n > 0;
                        STORE f INTO '$OUTPUT/out' USING PigStorage('\\t', '-schema');
                        """),
                new Case("'-schema' of ORDER ... LIMIT: no sort keys", """
                        o = ORDER raw BY score DESC, n;
                        l = LIMIT o 3;
                        STORE l INTO '$OUTPUT/out' USING PigStorage('\\t', '-schema');
                        """),
                new Case("'-schema' of a FOREACH: its names and types (long, float, chararray, int)", """
                        r = FOREACH raw GENERATE (long) n AS big, (float) score AS f, name, SIZE(name) AS size;
                        STORE r INTO '$OUTPUT/out' USING PigStorage(',', '-schema');
                        """),
                new Case("'-schema' into a .gz path: the schema files are not compressed", """
                        STORE raw INTO '$OUTPUT/out.gz' USING PigStorage('\\t', '-schema');
                        """),
                new Case("'-schema' of a store with no row: the schema files beside the empty part", """
                        f = FILTER raw BY n > 1000;
                        STORE f INTO '$OUTPUT/out' USING PigStorage('\\t', '-schema');
                        """),
                new Case("'-schema' of a LOAD without AS: no schema, no schema files", """
                        plain = LOAD '$INPUT';
                        STORE plain INTO '$OUTPUT/out' USING PigStorage('\\t', '-schema');
                        """),
                new Case("'-noschema': no schema files", """
                        STORE raw INTO '$OUTPUT/out' USING PigStorage('\\t', '-noschema');
                        """),
                new Case("JsonStorage: the lines, .pig_schema and a tab-delimited .pig_header", """
                        STORE raw INTO '$OUTPUT/out' USING JsonStorage();
                        """),
                new Case("JsonStorage of an ORDER: the sort keys in .pig_schema", """
                        o = ORDER raw BY score;
                        STORE o INTO '$OUTPUT/out' USING JsonStorage();
                        """));
    }

    /**
     * The schema files beside reduce outputs whose rows are in another order (see {@link #reduceRowOrder}): Pig's
     * names after a GROUP ({@code group}) and a JOIN ({@code raw::name}), byte for byte.
     */
    static List<Case> schemaFilesOfReduceOutputs() {
        return List.of(
                new Case("'-schema' of a GROUP stored as is: the bag's schema inside its field's", """
                        g = GROUP raw BY name;
                        STORE g INTO '$OUTPUT/out' USING PigStorage(',', '-schema');
                        """),
                new Case("JsonStorage of a GROUP's bag and a tuple", """
                        g = GROUP raw BY n;
                        c = FOREACH g GENERATE group AS n, raw, TOTUPLE(group, COUNT(raw)) AS t;
                        STORE c INTO '$OUTPUT/out' USING JsonStorage();
                        """),
                new Case("'-schema' after a GROUP: group and the AS names", """
                        g = GROUP raw BY name;
                        c = FOREACH g GENERATE group, COUNT(raw) AS rows, SUM(raw.score) AS total;
                        STORE c INTO '$OUTPUT/out' USING PigStorage('\\t', '-schema');
                        """),
                new Case("'-schema' of a JOIN: alias::name", """
                        other = FOREACH raw GENERATE name, score;
                        j = JOIN raw BY name, other BY name;
                        STORE j INTO '$OUTPUT/out' USING PigStorage(',', '-schema');
                        """),
                new Case("'-schema' of a FOREACH of a JOIN: the names it keeps (n of raw::n is raw::n)", """
                        other = FOREACH raw GENERATE name, score;
                        j = JOIN raw BY name, other BY name;
                        r = FOREACH j GENERATE n, $4;
                        STORE r INTO '$OUTPUT/out' USING PigStorage(',', '-schema');
                        """),
                new Case("'-schema' of a FLATTEN of a GROUP's bag: bag::name", """
                        g = GROUP raw BY name;
                        f = FOREACH g GENERATE FLATTEN(raw);
                        STORE f INTO '$OUTPUT/out' USING PigStorage(',', '-schema');
                        """),
                new Case("JsonStorage of a FOREACH of a JOIN: the names it keeps", """
                        other = FOREACH raw GENERATE name, score;
                        j = JOIN raw BY name, other BY name;
                        r = FOREACH j GENERATE raw::name, n, other::score;
                        STORE r INTO '$OUTPUT/out' USING JsonStorage();
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFilesOfReduceOutputs")
    void reduceOutputsHavePigsSchemaFiles(Case c) throws Exception {
        runBoth(c.script());
        List<String> pig = JavaStorerDifferentialTest.tree(tmp.resolve("pig")).stream()
                .filter(file -> file.contains(".pig_"))
                .toList();
        assertEquals(4, pig.size(), "Pig wrote no schema files\n" + pig);
        assertEquals(
                String.join("\n", pig),
                String.join(
                        "\n",
                        JavaStorerDifferentialTest.tree(tmp.resolve("flink")).stream()
                                .filter(file -> file.contains(".pig_"))
                                .toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pigStorage")
    void pigStorageWritesPigsTree(Case c) throws Exception {
        runBoth(c.script());
        List<String> pig = JavaStorerDifferentialTest.tree(tmp.resolve("pig"));
        assertTrue(
                pig.stream().anyMatch(file -> file.contains("part-")),
                "Pig wrote no part file: the case proves nothing\n" + pig);
        assertEquals(String.join("\n", pig), String.join("\n", JavaStorerDifferentialTest.tree(tmp.resolve("flink"))));
    }

    /** {@link #ROWS} and keys whose bytes sort otherwise than their values: "b" before "aa", -1 after 200. */
    static final String MORE_ROWS = "b\t1\t1.5\naa\t-1\t-2.0\nab\t200\t-1.0\nc\t\t0.0\n\t-300\t2.0\n";

    /**
     * A GROUP's reduce writes one row a key in the order Pig's shuffle sorted the keys' serialized bytes (unsigned): a
     * chararray by its UTF-8 length first, then its bytes; an int or long with the negatives after the positives; a
     * double by its IEEE bits; the null key last. The whole tree is Pig's bytes.
     */
    static List<Case> groupRowOrder() {
        return List.of(
                new Case("a GROUP's counts by a chararray: part-r-00000 in Pig's order", """
                        g = GROUP raw BY name;
                        c = FOREACH g GENERATE group, COUNT(raw), SUM(raw.score);
                        STORE c INTO '$OUTPUT/out';
                        """),
                new Case("by an int, the key not first, a FILTER after", """
                        g = GROUP raw BY n;
                        c = FOREACH g GENERATE COUNT(raw) AS rows, group AS n;
                        f = FILTER c BY rows > 0;
                        STORE f INTO '$OUTPUT/out' USING PigStorage(',');
                        """),
                new Case("by a double, a FILTER of the groups before", """
                        g = GROUP raw BY score;
                        f = FILTER g BY COUNT(raw) > 0;
                        c = FOREACH f GENERATE group, MAX(raw.name);
                        STORE c INTO '$OUTPUT/out';
                        """),
                new Case("by a long, into a .gz path", """
                        l = FOREACH raw GENERATE name, (long) n AS n;
                        g = GROUP l BY n;
                        c = FOREACH g GENERATE group, COUNT(l);
                        STORE c INTO '$OUTPUT/out.gz/';
                        """),
                new Case("two STOREs of one script, a map's and a GROUP's", """
                        STORE raw INTO '$OUTPUT/all';
                        g = GROUP raw BY name;
                        c = FOREACH g GENERATE group, COUNT(raw);
                        STORE c INTO '$OUTPUT/counts.gz';
                        """),
                new Case("JsonStorage of a GROUP: the lines in order and the schema files", """
                        g = GROUP raw BY name;
                        c = FOREACH g GENERATE group AS name, COUNT(raw) AS rows;
                        STORE c INTO '$OUTPUT/out' USING JsonStorage();
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupRowOrder")
    void groupOutputsAreInPigsShuffleOrder(Case c) throws Exception {
        for (String rows : List.of(ROWS, ROWS + MORE_ROWS)) {
            Path input = Files.writeString(tmp.resolve("input.tsv"), rows);
            Path script = Files.writeString(tmp.resolve("case.pig"), LOAD + c.script());
            Path run = tmp.resolve("run" + rows.length());
            PigVsFlink.runBoth(script, input, run.resolve("pig"), run.resolve("flink"));
            List<String> pig = JavaStorerDifferentialTest.tree(run.resolve("pig"));
            assertTrue(pig.stream().anyMatch(file -> file.contains("part-r-")), "Pig wrote no reduce part\n" + pig);
            assertEquals(
                    String.join("\n", pig), String.join("\n", JavaStorerDifferentialTest.tree(run.resolve("flink"))));
        }
    }

    /**
     * Reduce outputs whose rows Pig's shuffle sorts by the key while Flink's hash join gives them in another order (a
     * JOIN's rows of one key arrive in the order of Pig's map outputs, which the translation does not know): the same
     * files with the same names and the same rows, each file's rows in another order.
     */
    static List<Case> reduceRowOrder() {
        return List.of(
                new Case("a JOIN: part-r-00000", """
                        other = FOREACH raw GENERATE name, score;
                        j = JOIN raw BY name, other BY name;
                        r = FOREACH j GENERATE raw::name, n, other::score;
                        STORE r INTO '$OUTPUT/out';
                        """),
                new Case("a GROUP of several keys: its key is a tuple", """
                        g = GROUP raw BY (name, n);
                        c = FOREACH g GENERATE FLATTEN(group), COUNT(raw);
                        STORE c INTO '$OUTPUT/out.gz/';
                        """),
                new Case("a DISTINCT: its key is the row, a tuple", """
                        d = DISTINCT raw;
                        STORE d INTO '$OUTPUT/out';
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reduceRowOrder")
    void reduceOutputsHavePigsFilesWithTheRowsInAnotherOrder(Case c) throws Exception {
        runBoth(c.script());
        List<String> pig = filesAndRows(tmp.resolve("pig"));
        assertTrue(pig.stream().anyMatch(file -> file.contains("part-r-")), "Pig wrote no reduce part file\n" + pig);
        assertEquals(String.join("\n", pig), String.join("\n", filesAndRows(tmp.resolve("flink"))));
    }

    /**
     * The other storage functions' files carry Pig's names (AvroStorage's part-m-00000.avro, ParquetStorer's
     * part-m-00000.parquet, _SUCCESS and the .crc files), though not Pig's bytes: Avro files start with a random sync
     * marker, ORC and Parquet files name the library that wrote them. The files Pig writes beside the data that the
     * translation does not are listed per function.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            AvroStorage()   | STORE raw INTO '$OUTPUT/out' USING AvroStorage();                 |
            OrcStorage()    | STORE raw INTO '$OUTPUT/out' USING OrcStorage();                  |
            ParquetStorer() | STORE raw INTO '$OUTPUT/out' USING ParquetStorer();               | _metadata _common_metadata
            AvroStorage() after a GROUP | g = GROUP raw BY name; c = FOREACH g GENERATE group AS name, COUNT(raw) AS rows; STORE c INTO '$OUTPUT/out' USING AvroStorage(); |
            """)
    void otherStorageFunctionsWritePigsFileNames(String name, String store, String pigOnly) throws Exception {
        runBoth(store + "\n");
        List<String> skipped = pigOnly == null ? List.of() : List.of(pigOnly.split(" "));
        List<String> pig = names(tmp.resolve("pig")).stream()
                .filter(file -> skipped.stream().noneMatch(file::contains))
                .toList();
        assertTrue(pig.stream().anyMatch(file -> file.contains("/part-")), "Pig wrote no part file\n" + pig);
        assertEquals(String.join("\n", pig), String.join("\n", names(tmp.resolve("flink"))));
    }

    /** Runs the LOAD of {@link #ROWS} and {@code stores} in Pig (writing tmp/pig) and in Flink (tmp/flink). */
    private void runBoth(String stores) throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), ROWS);
        Path script = Files.writeString(tmp.resolve("case.pig"), LOAD + stores);
        PigVsFlink.runBoth(script, input, tmp.resolve("pig"), tmp.resolve("flink"));
    }

    /** The paths of a tree's files, without their bytes. */
    static List<String> names(Path root) throws IOException {
        return JavaStorerDifferentialTest.tree(root).stream()
                .map(line -> line.substring(0, line.indexOf(" (")))
                .toList();
    }

    /** The paths of a tree's files, and each data file's lines (gunzipped) in sorted order. */
    static List<String> filesAndRows(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(file).toString();
                if (file.getFileName().toString().startsWith(".")) {
                    files.add(name);
                    continue;
                }
                try (InputStream in = name.endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(file))
                        : Files.newInputStream(file)) {
                    files.add(name + ": "
                            + new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                    .lines()
                                    .sorted()
                                    .toList());
                }
            }
        }
        return files;
    }
}
