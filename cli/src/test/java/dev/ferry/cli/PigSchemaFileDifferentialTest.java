package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PigStorage's LOAD without AS of a directory holding a {@code .pig_schema}: real Pig 0.18 types the fields by it
 * (JsonMetadata, read when Pig parses the LOAD; '-noschema' does not), and so does Ferry where the repository holds the
 * directory. The directory is what Pig's own STORE with '-schema' wrote, plus a file of lines the schema does not fit
 * (text in an int field, an int field out of range, fewer and more fields than the schema, empty fields, unicode).
 * The script is the repository's: its %default names the directory relative to it, and both runs read it by its
 * absolute path.
 */
class PigSchemaFileDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    @TempDir
    Path tmp;

    private Path schemaDirectory() throws Exception {
        Path in = PigVsFlink.pigStores(
                tmp,
                "1\tann\t2.5\n\tbob\t\n-3\tzoë\t1e3\n",
                "typed = LOAD '$INPUT' AS (n:int, name:chararray, v:double);\n",
                "PigStorage('\\t', '-schema')",
                "in");
        assertTrue(Files.exists(in.resolve(".pig_schema")), "Pig wrote no .pig_schema: the case proves nothing");
        Files.writeString(
                in.resolve("part-m-00001"),
                "x\tcid\tnot a number\n7\n8\teve\t0.5\textra\n\t\t\n2147483648\tbig\t-0.0\n");
        return in;
    }

    private String differences(String statements) throws Exception {
        return PigVsFlink.differences(
                tmp, schemaDirectory(), "%default INPUT 'in'\n" + statements + "STORE s INTO '$OUTPUT';\n", false);
    }

    @Test
    void fieldsAreNamedAndTypedByTheSchemaFile() throws Exception {
        assertEquals(
                "",
                differences("r = LOAD '$INPUT';\ns = FOREACH r GENERATE n + 1, name, v * 2, UPPER(name), n / 2;\n"));
    }

    /** The loader casts each field to the schema's type, drops the fields past the schema and pads the missing ones. */
    @Test
    void rowsAreCastToTheSchemaAndCutToItsWidth() throws Exception {
        assertEquals("", differences("s = LOAD '$INPUT' USING PigStorage('\\t');\n"));
    }

    @Test
    void typedFieldsGroupAndAggregate() throws Exception {
        assertEquals(
                "",
                differences("r = LOAD '$INPUT';\ng = GROUP r BY n;\n"
                        + "s = FOREACH g GENERATE group, SUM(r.v), MAX(r.name), COUNT(r);\n"));
    }

    /** With AS too, the loader casts each field to the schema file's type first, and the AS casts that value. */
    @Test
    void asCastsTheSchemaFilesValues() throws Exception {
        assertEquals("", differences("s = LOAD '$INPUT' AS (n:chararray, name:chararray, v:chararray);\n"));
    }

    @Test
    void asOfOtherNumbersCastsTheSchemaFilesValues() throws Exception {
        assertEquals(
                "",
                differences(
                        "r = LOAD '$INPUT' AS (n:long, name, v:int);\ns = FOREACH r GENERATE n, name, v, n * 2;\n"));
    }

    /** '-noschema': the fields stay the file's text, as many as each line has. */
    @Test
    void noschemaKeepsTheUntypedFields() throws Exception {
        assertEquals(
                "",
                differences("r = LOAD '$INPUT' USING PigStorage('\\t', '-noschema');\n"
                        + "s = FOREACH r GENERATE $0, $2, $3;\n"));
    }

    /** '-schema' reads the same file; '-tagFile' puts INPUT_FILE_NAME before its fields. */
    @Test
    void schemaAndTagFileOptions() throws Exception {
        assertEquals(
                "",
                differences("r = LOAD '$INPUT' USING PigStorage('\\t', '-schema -tagFile');\n"
                        + "s = FOREACH r GENERATE INPUT_FILE_NAME, n, v;\n"));
    }

    /** A bag, a map and a tuple in the schema file: each field read as Pig's caster reads their text. */
    @Test
    void complexFieldsOfTheSchemaFile() throws Exception {
        Path in = PigVsFlink.pigStores(
                tmp,
                "1\tann\n2\tann\n\tbob\n3\tzoë\n",
                "rows = LOAD '$INPUT' AS (n:int, name:chararray);\n"
                        + "typed = FOREACH (GROUP rows BY name) GENERATE group, rows, TOMAP('k', group) AS m,"
                        + " (group, 1) AS t;\n",
                "PigStorage('\\t', '-schema')",
                "in");
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        in,
                        "%default INPUT 'in'\nr = LOAD '$INPUT';\n"
                                + "s = FOREACH r GENERATE group, COUNT(rows), SUM(rows.n), m#'k', t.$1 + 1;\n"
                                + "STORE s INTO '$OUTPUT';\n",
                        false));
    }
}
