package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pig 0.18's JsonLoader against the runtime's {@code pig-json} format, on the same lines: the loader reads a line's
 * values by position (a token for the key, whatever it says, then the value), not by name, and a line it cannot read
 * to the end keeps the fields it read. Then JsonStorage: the whole tree it writes (part file, {@code .pig_schema} with
 * the schemas of its bags, tuples and maps, {@code .pig_header}, {@code _SUCCESS}, the {@code .crc} files) byte for
 * byte.
 */
class PigJsonLoaderDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    @TempDir
    Path tmp;

    /**
     * Each line one case: the schema's order; a field missing at the end; the keys in another order (a string where
     * the int is read: nothing read); an extra key; nulls; only the second key; an empty object; a string for the int;
     * a line that is not JSON; unicode; an empty line; a float for the int and a boolean for the chararray; a number
     * for the chararray; nested values in a chararray's place; text after the object; a key named neither.
     */
    static final String LINES = String.join(
            "\n",
            "{\"a\":1,\"b\":\"x\"}",
            "{\"a\":2}",
            "{\"b\":\"y\",\"a\":3}",
            "{\"a\":4,\"b\":\"z\",\"c\":9}",
            "{\"a\":null,\"b\":null}",
            "{\"b\":\"only\"}",
            "{}",
            "{\"a\":\"5\",\"b\":6}",
            "not json",
            "{\"a\":7,\"b\":\"zoë \\u00e9\\t\"}",
            "",
            "{\"a\":1.5,\"b\":true}",
            "{\"a\":-8,\"b\":-0.25e3}",
            "{\"a\":9,\"b\":[1,2]}",
            "{\"a\":10,\"b\":\"t\"} trailing",
            "{\"x\":11,\"y\":\"renamed\"}",
            "{\"a\":12,\"b\":null,\"c\":\"ignored\"}",
            "[1,\"array\"]",
            "{\"a\":3000000000,\"b\":\"too big\"}",
            "{\"a\":13,",
            "");

    @Test
    void fieldsAreReadByPositionAndALineKeepsWhatWasReadBeforeAFailure() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        LINES,
                        "r = LOAD '$INPUT' USING JsonLoader('a:int, b:chararray');\n"
                                + "s = FOREACH r GENERATE a, b, (a IS NULL ? 'null' : 'set'), SIZE(b);\n"
                                + "STORE s INTO '$OUTPUT';\n",
                        false));
    }

    /** The scalar types, each read from values of other JSON types too (Jackson's conversions, or the row ends). */
    @Test
    void everyScalarTypeConvertsAsJacksonDoes() throws Exception {
        String lines = String.join(
                "\n",
                "{\"l\":1,\"f\":1,\"d\":1,\"b\":true,\"c\":\"ann\",\"y\":\"bytes\"}",
                "{\"l\":9007199254740993,\"f\":0.1,\"d\":0.1,\"b\":false,\"c\":\"żółw\",\"y\":\"ü\"}",
                "{\"l\":2.9,\"f\":3.4028236E38,\"d\":1e400,\"b\":null,\"c\":\"\",\"y\":\"\"}",
                "{\"l\":-1,\"f\":1.0000001,\"d\":-0.0,\"b\":\"true\",\"c\":\"after a bad boolean\",\"y\":\"x\"}",
                "{\"l\":null,\"f\":null,\"d\":null,\"b\":true,\"c\":null,\"y\":null}",
                "{\"l\":99999999999999999999,\"f\":2,\"d\":2,\"b\":true,\"c\":\"x\",\"y\":\"x\"}",
                "{\"l\":5,\"f\":\"1.5\",\"d\":2,\"b\":true,\"c\":\"x\",\"y\":\"x\"}",
                "{\"l\":6,\"f\":1.5,\"d\":123456789012345678,\"b\":false,\"c\":{\"k\":1},\"y\":7}");
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        lines + "\n",
                        "r = LOAD '$INPUT' USING JsonLoader('l:long, f:float, d:double, b:boolean, c:chararray,"
                                + " y:bytearray');\n"
                                + "s = FOREACH r GENERATE l, f, d, b, c, y, SIZE(y);\nSTORE s INTO '$OUTPUT';\n",
                        false));
    }

    /** A directory with an empty file, a file of blank lines and a file without a last line end. */
    @Test
    void emptyFilesAndBlankLines() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("part-1"), "");
        Files.writeString(in.resolve("part-2"), "\n\n");
        Files.writeString(in.resolve("part-3"), "{\"a\":1,\"b\":\"last\"}");
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        in,
                        "r = LOAD '$INPUT' USING JsonLoader('a:int, b:chararray');\n"
                                + "s = FOREACH r GENERATE a, b, (b IS NULL ? 'null' : b);\nSTORE s INTO '$OUTPUT';\n",
                        false));
    }

    /**
     * Bag and tuple fields: a bag of objects, an empty bag, a null bag and tuple, a bag of bare values (one-field
     * tuples), a bag given as an object (null), a tuple missing its last field (the reading goes on by position), an
     * element that is null, unicode, a line that ends before them.
     */
    static final String NESTED = String.join(
            "\n",
            "{\"a\":1,\"b\":[{\"x\":1,\"y\":\"p\"},{\"x\":2,\"y\":\"q\"}],\"t\":{\"p\":3,\"q\":\"r\"}}",
            "{\"a\":2,\"b\":[],\"t\":null}",
            "{\"a\":3,\"b\":null,\"t\":{\"p\":null,\"q\":null}}",
            "{\"a\":4,\"b\":[5,6],\"t\":{\"p\":7,\"q\":\"s\"}}",
            "{\"a\":5,\"b\":{\"x\":1,\"y\":\"o\"},\"t\":{\"p\":8,\"q\":\"u\"}}",
            "{\"a\":6,\"b\":[{\"x\":1,\"y\":\"żółw\"}],\"t\":{\"p\":1,\"q\":\"ü\"}}",
            "{\"a\":7,\"b\":[{\"x\":1}],\"t\":{\"p\":1}}",
            "{\"a\":8,\"b\":[{\"x\":null,\"y\":null},null],\"t\":{\"q\":\"x\",\"p\":\"y\"}}",
            "{\"a\":9}",
            "{\"b\":[{\"y\":\"first\",\"x\":\"second\"}],\"a\":10,\"t\":{\"p\":11,\"q\":\"v\"}}",
            "");

    static final String LOAD_NESTED =
            "r = LOAD '$INPUT' USING JsonLoader('a:int, b:{(x:int,y:chararray)}, t:(p:int,q:chararray)');\n";

    @Test
    void bagAndTupleFieldsAreReadAsPigReadsThem() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        NESTED,
                        LOAD_NESTED
                                + "s = FOREACH r GENERATE a, b, t, SIZE(b), COUNT(b), t.p, t.q, b.y;\nSTORE s INTO '$OUTPUT';\n",
                        false));
    }

    @Test
    void aLoadedBagFlattens() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        NESTED,
                        LOAD_NESTED + "s = FOREACH r GENERATE a, FLATTEN(b), t.q;\nSTORE s INTO '$OUTPUT';\n",
                        false));
    }

    /** A nested block over a loaded bag: per row, an empty, null or unreadable bag counts 0. */
    @Test
    void aNestedBlockOverALoadedBag() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        NESTED,
                        LOAD_NESTED
                                + "s = FOREACH r { f = FILTER b BY x > 1; GENERATE a, COUNT(f); };\n"
                                + "STORE s INTO '$OUTPUT';\n",
                        false));
    }

    /** JsonStorage writes the loaded bags and tuples back byte for byte as Pig does. */
    @Test
    void jsonStorageWritesBagsAndTuplesAsPigWritesThem() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp, NESTED, LOAD_NESTED + "STORE r INTO '$OUTPUT' USING JsonStorage();\n", false));
    }

    /** Tuples and bags a FOREACH builds: their unnamed fields are keyed val_0, val_1... within each tuple. */
    @Test
    void jsonStorageNamesUnnamedTupleFieldsAsPigDoes() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        "ann\t3\nżółw\t\n\t-1\n",
                        "r = LOAD '$INPUT' AS (name:chararray, n:int);\n"
                                + "s = FOREACH r GENERATE TOTUPLE(1, name, n) AS tt, TOBAG(name, 'z') AS bb,"
                                + " TOTUPLE(n, 2.5) AS t2;\nSTORE s INTO '$OUTPUT' USING JsonStorage();\n",
                        false));
    }

    /**
     * Maps and datetimes as JSON lines: map values of each JSON type (text kept as written, a null value, a nested
     * object or array in a value's place), an empty map, a null one, a string in a map's place; datetimes with a zone,
     * a zero offset, a date only, none, and text that is no datetime (the line's reading ends there); an offset is kept
     * as Pig keeps it (the column holds the value's text: see PigDateTimesDifferentialTest).
     */
    static final String MAPS_AND_DATES = String.join(
            "\n",
            "{\"a\":1,\"m\":{\"k\":\"v\",\"n\":1.50,\"z\":null,\"t\":true},\"d\":\"2024-01-02T03:04:05.678Z\"}",
            "{\"a\":2,\"m\":{},\"d\":\"2024-01-02\"}",
            "{\"a\":3,\"m\":null,\"d\":null}",
            "{\"a\":4,\"m\":\"no map\",\"d\":\"2024-06-30T23:59:59+00:00\"}",
            "{\"a\":5,\"m\":{\"ü\":\"żółw\",\"k\":\"\"},\"d\":\"2024-02-29T12:00:00.000Z\"}",
            "{\"a\":6,\"m\":{\"k\":\"x\"},\"d\":\"not a date\"}",
            "{\"a\":7,\"m\":{\"k\":[1,2],\"j\":\"after\"},\"d\":\"2024-03-01T00:00:00.000Z\"}",
            "{\"a\":8,\"m\":{\"o\":{\"x\":1},\"k\":\"after\"},\"d\":\"2024-03-02T00:00:00.000Z\"}",
            "{\"a\":9}",
            "");

    /**
     * The lines whose maps Pig's JsonStorage can write: an array in a map's value gives JsonLoader's map a null key
     * (the array's elements have no name), on which JsonStorage fails the job.
     */
    static final String WRITABLE_MAPS_AND_DATES = MAPS_AND_DATES
                    .lines()
                    .filter(line -> !line.contains("[1,2]"))
                    .collect(java.util.stream.Collectors.joining("\n"))
            + "\n";

    private static final String LOAD_MAPS_AND_DATES =
            "r = LOAD '$INPUT' USING JsonLoader('a:int, m:map[], d:datetime');\n";

    @Test
    void jsonLoaderReadsMapsAndDatetimesAsPigDoes() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        MAPS_AND_DATES,
                        LOAD_MAPS_AND_DATES
                                + "s = FOREACH r GENERATE a, m#'k', m#'n', m#'z', m#'t', SIZE(m), d, GetYear(d),"
                                + " GetMilliSecond(d);\nSTORE s INTO '$OUTPUT';\n",
                        false));
    }

    /** Typed maps (map[int], map[chararray], map[]) loaded from PigStorage text: the rows JsonStorage writes. */
    static final String MAP_ROWS = String.join(
            "\n",
            "ann\t[a#1,b#2]\t[x#y]\t[u#1.5]",
            "bob\t[]\t[]\t[]",
            "\t\t\t",
            "zoë\t[c#-3]\t[k#żółw,e#]\t[v#true,w#]",
            "");

    private static final String LOAD_MAPS =
            "r = LOAD '$INPUT' AS (name:chararray, mi:map[int], mc:map[chararray], mu:map[]);\n";

    /** The whole tree each STORE writes, byte for byte; {@code body} stores into $OUTPUT. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            maps of each value type                | maps | STORE r INTO '$OUTPUT' USING JsonStorage();
            a map made by TOMAP                    | maps | s = FOREACH r GENERATE name, TOMAP('k', name) AS made; STORE s INTO '$OUTPUT' USING JsonStorage();
            loaded bags and tuples                 | nested | STORE r INTO '$OUTPUT' USING JsonStorage();
            a map JsonLoader read                  | dates | s = FOREACH r GENERATE a, m; STORE s INTO '$OUTPUT' USING JsonStorage();
            tuples and bags a FOREACH builds       | maps | s = FOREACH r GENERATE TOTUPLE(1, name) AS tt, TOBAG(name, 'z') AS bb; STORE s INTO '$OUTPUT' USING JsonStorage();
            """)
    void jsonStorageWritesPigsTree(String name, String input, String body) throws Exception {
        String script = switch (input) {
            case "maps" -> LOAD_MAPS;
            case "nested" -> LOAD_NESTED;
            default -> LOAD_MAPS_AND_DATES;
        };
        String rows = switch (input) {
            case "maps" -> MAP_ROWS;
            case "nested" -> NESTED;
            default -> WRITABLE_MAPS_AND_DATES;
        };
        Path in = Files.writeString(tmp.resolve("input"), rows);
        Path file = Files.writeString(tmp.resolve("case.pig"), script + body + "\n");
        PigVsFlink.runBoth(file, in, tmp.resolve("pig"), tmp.resolve("flink"));
        List<String> pig = JavaStorerDifferentialTest.tree(tmp.resolve("pig"));
        assertTrue(pig.stream().anyMatch(f -> f.startsWith(".pig_schema")), "Pig wrote no .pig_schema\n" + pig);
        assertEquals(String.join("\n", pig), String.join("\n", JavaStorerDifferentialTest.tree(tmp.resolve("flink"))));
    }
}
