package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.translator.sql.SqlJob;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One file, several spellings: Hadoop's {@code Path} collapses repeated slashes, drops a trailing one and normalizes
 * {@code .} and {@code ..} segments, so the removal that clears a script's output, the STORE that writes it and a
 * later LOAD that reads it back meet however each is spelled.
 */
class PathSpellingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            output           | output
            output           | ./output
            ./output         | output
            output/          | ./output/
            out//put         | out/put
            a/./b/output     | a/b/output
            a/b/../output    | a/output
            /data/x/../out   | /data/out
            $OUT/.           | $OUT
            hdfs://nn:8020/a//out/ | hdfs://nn:8020/a/out
            """)
    void aRemovalClearsTheOutputStoredUnderAnotherSpelling(String removed, String stored) {
        SqlJob job = translated("fs -rm -r -f " + removed + ";\n"
                + "a = LOAD 'in' AS (k:chararray, n:int);\n"
                + "STORE a INTO '" + stored + "';\n");
        assertEquals(
                List.of(true),
                job.inserts().stream().map(SqlJob.Insert::replaces).toList());
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tmp/step1   | ./tmp/step1
            ./tmp/step1 | tmp/step1/
            /w/a/../s1  | /w/s1
            """)
    void aLoadOfAStoredPathUnderAnotherSpellingReadsWhatTheScriptStored(String stored, String loaded) {
        SqlJob job = translated("a = LOAD 'in' AS (k:chararray, n:int);\n"
                + "STORE a INTO '" + stored + "';\n"
                + "b = LOAD '" + loaded + "' AS (k:chararray, n:int);\n"
                + "c = FILTER b BY n > 0;\n"
                + "STORE c INTO 'out';\n");
        // One source, the script's input: the second LOAD reads the relation the script stored, not the path.
        assertEquals(
                List.of("in"), job.sources().stream().map(SqlJob.Table::path).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            output               | output
            ./output             | output
            output/              | output
            .                    | .
            ./                   | ./
            /                    | /
            ../output            | ../output
            a/../../output       | ../output
            /a//b/./c/           | /a/b/c
            s3a://bucket/x/./y/  | s3a://bucket/x/y
            $OUT/../x            | $OUT/../x
            a/$OUT/../x          | a/$OUT/../x
            """)
    void storePathNormalizesAsHadoopsPath(String path, String expected) {
        assertEquals(expected, PigToSql.storePath(path));
    }

    private static SqlJob translated(String text) {
        Diagnostics diagnostics = new Diagnostics();
        PigScript script = PigParser.parse(text, "t.pig", diagnostics).orElseThrow();
        return PigToSql.translate(script, "job", diagnostics)
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
    }
}
