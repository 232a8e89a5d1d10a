package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * elephant-bird 4.13's {@code com.twitter.elephantbird.pig.load.JsonLoader} in Pig 0.18 (its jars on the oracle's
 * classpath) against the runtime's {@code elephant-bird-json} format, on the same lines: a map per line that is a JSON
 * object, every other line skipped; values as json-simple 1.1 gives them, nested objects and arrays as their JSON text
 * or, with {@code -nestedLoad}, as maps and bags; the maps written back in Pig's HashMap order.
 */
class ElephantBirdJsonLoaderDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    @TempDir
    Path tmp;

    private static final String LOADER = "com.twitter.elephantbird.pig.load.JsonLoader";

    /**
     * Each line one case: strings, numbers as json-simple reads them (a leading zero, a decimal's trailing zero, an
     * exponent, a negative zero), booleans and a null value; a nested object and array (their JSON text, with
     * json-simple's escaping of '/' and '"'); unicode and escapes; a repeated key (the last value, the first one's
     * place); more keys than a HashMap's first table holds (its order after a resize); an empty object. Then the lines
     * JsonLoader skips: not JSON, an array, a bare number, the word null, an empty line, a number beyond a long, text
     * after the object, an object left open.
     */
    static final String LINES = String.join(
            "\n",
            "{\"name\":\"ann\",\"n\":1,\"d\":1.50,\"lead\":007,\"e\":1e3,\"z\":-0.0,\"ok\":true,\"no\":false,\"nul\":null}",
            "{\"name\":\"bob\",\"o\":{\"k\":\"v/w\",\"q\":\"say \\\"hi\\\"\",\"arr\":[1,2.5,null,\"x\"]},\"arr\":[]}",
            "{\"name\":\"żółw \\u00e9\\t\\/\",\"n\":-3,\"tab\":\"a\\tb\"}",
            "{\"name\":\"first\",\"name\":\"second\",\"n\":2}",
            "{\"k01\":1,\"k02\":2,\"k03\":3,\"k04\":4,\"k05\":5,\"k06\":6,\"k07\":7,\"k08\":8,\"k09\":9,\"k10\":10,"
                    + "\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"Aa\":\"collides\",\"BB\":\"with Aa\"}",
            "{}",
            "not json",
            "[1,2]",
            "42",
            "null",
            "",
            "{\"big\":99999999999999999999}",
            "{\"name\":\"trailing\"} x",
            "{\"name\":\"open\",",
            "{ \"name\" : \"spaced\" , \"n\" : 5 }",
            "");

    @Test
    void eachObjectLineIsOneMapWrittenBackAsPigWritesIt() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        LINES,
                        "r = LOAD '$INPUT' USING " + LOADER + "() AS (json:map[]);\nSTORE r INTO '$OUTPUT';\n",
                        false));
    }

    @Test
    void valuesAreLookedUpCastAndCompared() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        LINES,
                        "r = LOAD '$INPUT' USING " + LOADER + "() AS (json:map[]);\n"
                                + "s = FOREACH r GENERATE (chararray) json#'name' AS name, (long) json#'n' AS n,"
                                + " (double) json#'d' AS d, json#'o' AS o, json#'arr' AS arr,"
                                + " (json#'nul' IS NULL ? 'null' : 'set'), (json#'missing' IS NULL ? 'null' : 'set'),"
                                + " UPPER((chararray) json#'name');\n"
                                + "STORE s INTO '$OUTPUT';\n",
                        false));
    }

    @Test
    void aMapValueGroupsAndCounts() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        LINES,
                        "r = LOAD '$INPUT' USING " + LOADER + "() AS (json:map[]);\n"
                                + "g = GROUP r BY (chararray) json#'name';\n"
                                + "c = FOREACH g GENERATE group, COUNT(r);\nSTORE c INTO '$OUTPUT';\n",
                        false));
    }

    /** Without AS Pig has no schema for the LOAD: the map is $0. */
    @Test
    void withoutAsTheMapIsTheFirstField() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        LINES,
                        "r = LOAD '$INPUT' USING " + LOADER + "();\n"
                                + "s = FOREACH r GENERATE $0#'name', $0#'n';\nSTORE s INTO '$OUTPUT';\n",
                        false));
    }

    /**
     * Nested objects and arrays: an object in an object, arrays of scalars, of objects, of arrays, with a null, an
     * empty array and object, unicode; a bag of one-field tuples each.
     */
    static final String NESTED = String.join(
            "\n",
            "{\"user\":{\"name\":\"ann\",\"address\":{\"city\":\"Oslo\",\"zip\":\"0150\"}},\"tags\":[\"a\",\"b\"],\"n\":1}",
            "{\"user\":{\"name\":\"żółw\",\"address\":{}},\"tags\":[],\"n\":2.5}",
            "{\"user\":{\"name\":null},\"tags\":[null,1,true],\"m\":[[1,2],[]],\"objs\":[{\"x\":1},{\"y\":null}]}",
            "{\"user\":\"not an object\",\"tags\":\"not an array\"}",
            "[\"skipped\"]",
            "{\"user\":{},\"empty\":{},\"n\":-7}",
            "");

    @Test
    void nestedLoadGivesMapsAndBags() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        NESTED,
                        "r = LOAD '$INPUT' USING " + LOADER + "('-nestedLoad') AS (json:map[]);\n"
                                + "STORE r INTO '$OUTPUT';\n",
                        false));
    }

    /** The lines whose nested values a lookup reads: Pig fails the job on a lookup in a string (ERROR 1081). */
    static final String OBJECTS = NESTED.replace("{\"user\":\"not an object\",\"tags\":\"not an array\"}\n", "");

    @Test
    void nestedMapsAreLookedUpThroughEachLevel() throws Exception {
        assertNotEquals(NESTED, OBJECTS);
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        OBJECTS,
                        "r = LOAD '$INPUT' USING " + LOADER + "('-nestedLoad') AS (json:map[]);\n"
                                + "s = FOREACH r GENERATE json#'user'#'name', json#'user'#'address'#'city',"
                                + " json#'tags', json#'objs';\n"
                                + "STORE s INTO '$OUTPUT';\n",
                        false));
    }

    /** The property elephant-bird reads when the job runs turns -nestedLoad on for the script's JsonLoaders. */
    @Test
    void theNestedLoadPropertyNestsToo() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        OBJECTS,
                        "SET elephantbird.jsonloader.nestedLoad 'true';\n"
                                + "r = LOAD '$INPUT' USING " + LOADER + "() AS (json:map[]);\n"
                                + "s = FOREACH r GENERATE json#'user'#'name', json;\nSTORE s INTO '$OUTPUT';\n",
                        false));
    }

    /** A directory with an empty file, a file of blank lines and a file without a last line end. */
    @Test
    void emptyFilesAndBlankLines() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("part-1"), "");
        Files.writeString(in.resolve("part-2"), "\n\n");
        Files.writeString(in.resolve("part-3"), "{\"a\":\"last\"}");
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        in,
                        "r = LOAD '$INPUT' USING " + LOADER + "() AS (json:map[]);\nSTORE r INTO '$OUTPUT';\n",
                        false));
    }
}
