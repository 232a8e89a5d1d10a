package dev.ferry.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hadoop's glob and Pig's comma lists, case by case (the differential rows against real Pig are in the cli
 * module's {@code PigPathsDifferentialTest}).
 */
class PigLocationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a,b                | a;b
            {a,b}              | {a,b}
            x/{a,b},y          | x/{a,b};y
            {a,{b,c}},d        | {a,{b,c}};d
            /p1/*,/p2          | /p1/*;/p2
            """)
    void splitsOnCommasOutsideBraces(String location, String paths) {
        assertEquals(List.of(paths.split(";")), PigLocation.split(location));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            tab1?         | tab10       | true
            tab1?         | tab1/       | false
            tab1?         | tab100      | false
            *             | a/b         | false
            */b           | a/b         | true
            [ab]c         | bc          | true
            [!ab]c        | cc          | true
            [!ab]c        | /c          | false
            [^ab]c        | ac          | false
            [a-c]x        | bx          | true
            {a,b/c}       | b/c         | true
            {a,b{c,d}}e   | bde         | true
            {a,b{c,d}}e   | be          | false
            v1.0          | v1x0        | false
            a+b(c)        | a+b(c)      | true
            \\*           | *           | true
            \\*           | x           | false
            a}            | a}          | true
            """)
    void globsMatchAsHadoopsGlobPattern(String glob, String path, boolean matches) {
        assertEquals(matches, Pattern.matches(PigLocation.toRegex(glob, glob), path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a[bc     | Unclosed character class
            a{b,c    | Unclosed group
            a\\      | Missing escaped character
            """)
    void malformedGlobsAreRejected(String glob, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PigLocation.toRegex(glob, glob));
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void aPlainPathIsReadAsItIsAndAListFromTheirCommonDirectory(@TempDir Path dir) throws Exception {
        assertNull(PigLocation.resolve(dir + "/x").regex());
        PigLocation.Resolved list = PigLocation.resolve(dir + "/a/x," + dir + "/a/b/y*");
        assertEquals(dir.resolve("a").toString(), list.root().getPath());
        Pattern regex = Pattern.compile(list.regex());
        assertEquals(true, regex.matcher(dir + "/a/x").matches());
        assertEquals(true, regex.matcher(dir + "/a/x/part-0").matches(), "a directory reads what is below it");
        assertEquals(true, regex.matcher(dir + "/a/b/y1").matches());
        assertEquals(false, regex.matcher(dir + "/a/b/z").matches());
    }

    @Test
    void missingInputsAreNamed(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("d/sub"));
        Files.writeString(dir.resolve("d/_SUCCESS"), "");
        PigLocation.checkExists(dir + "/d/s*");
        PigLocation.checkExists(dir + "/d");
        assertEquals(
                "Input Pattern " + dir + "/d/_* matches 0 files",
                assertThrows(FileNotFoundException.class, () -> PigLocation.checkExists(dir + "/d/_*"))
                        .getMessage());
        assertEquals(
                "Input path does not exist: file:" + dir + "/e",
                assertThrows(FileNotFoundException.class, () -> PigLocation.checkExists(dir + "/d," + dir + "/e"))
                        .getMessage());
    }
}
