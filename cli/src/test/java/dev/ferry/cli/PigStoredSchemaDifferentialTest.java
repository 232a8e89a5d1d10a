package dev.ferry.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A script that STOREs a path with PigStorage '-schema' and LOADs it again without AS: Pig parses the LOAD before it
 * runs the STORE, so the fields are untyped bytearrays, unless a command between them (EXEC, DUMP, rmf...) made Grunt
 * run the STOREs first: then the LOAD finds the .pig_schema and types its fields. Real Pig 0.18 against Ferry's job.
 */
class PigStoredSchemaDifferentialTest extends DifferentialTest {

    private static final String ROWS = "1\tann\t2.5\n\tbob\t\n-3\tzoë\t1e3\n12\t\t-0.5\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no command: untyped fields by position  | ;                | s = FOREACH m GENERATE $0 + 1, $1, CONCAT($1, '!'), $2, $2 * 2;
            EXEC: the schema's names and types      | EXEC;            | s = FOREACH m GENERATE n + 1, name, v * 2, n / 2;
            rmf of the output: the schema's types   | rmf $OUTPUT;     | s = FOREACH m GENERATE n + 1, name, v * 2;
            EXEC without '-schema': untyped fields  | EXEC;            | s = FOREACH m GENERATE $0, $2;
            """)
    void loadOfAStoredPath(String name, String command, String foreach) throws Exception {
        String storer = name.contains("without") ? "PigStorage('\\t')" : "PigStorage('\\t', '-schema')";
        assertSameRows(
                name,
                ROWS,
                "a = LOAD '$INPUT' AS (n:int, name:chararray, v:double);\n"
                        + "STORE a INTO '$OUTPUT.mid' USING " + storer + ";\n"
                        + command + "\n"
                        + "m = LOAD '$OUTPUT.mid';\n"
                        + foreach + "\nSTORE s INTO '$OUTPUT';\n",
                false);
    }
}
