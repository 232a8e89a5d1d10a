package dev.ferry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The file commands a job script runs between its statement sets ({@code CALL ferry.fs(...)}), with Hadoop's shell
 * semantics, on a directory that starts with {@code a/f} ("x"), {@code a/g} (empty) and {@code b/} (empty): each row
 * is a command, then the tree it leaves (path=content, a directory ending in '/') or the error it fails with, the
 * tree unchanged. The same commands are run against real Pig in the cli's PigFileCommandsDifferentialTest.
 */
class FileCommandTest {

    private Path root;

    @BeforeEach
    void makeTree() throws IOException {
        // local paths must lie in the working directory: the test's tree is made there
        root = Files.createTempDirectory(Path.of("").toAbsolutePath().resolve("target"), "file-commands");
        Files.createDirectories(root.resolve("a"));
        Files.createDirectories(root.resolve("b"));
        Files.writeString(root.resolve("a/f"), "x");
        Files.writeString(root.resolve("a/g"), "");
    }

    @AfterEach
    void clean() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fs '-mkdir', '-p', '{R}/c/d'        | a/ a/f=x a/g= b/ c/ c/d/
            fs '-mkdir', '-p', '{R}/a'          | a/ a/f=x a/g= b/
            fs '-mkdir', '{R}/c'                | a/ a/f=x a/g= b/ c/
            fs '-mkdir', '{R}/a'                | File exists
            fs '-mkdir', '{R}/c/d'              | No such file or directory
            fs '-mkdir', '-p', '{R}/a/f'        | Is not a directory
            fs '-rm', '{R}/a/f'                 | a/ a/g= b/
            fs '-rm', '{R}/a'                   | Is a directory
            fs '-rm', '{R}/z'                   | No such file or directory
            fs '-rm', '-f', '{R}/z'             | a/ a/f=x a/g= b/
            fs '-rm', '-r', '{R}/a'             | b/
            fs '-rm', '{R}/a/*'                 | a/ b/
            fs '-rm', '-r', '-f', '{R}/?'       | (nothing)
            grunt '-rm', '-r', '-f', '{R}/a/*'  | a/ a/f=x a/g= b/
            grunt '-rm', '-r', '{R}/a/*'        | No such file or directory
            fs '-touchz', '{R}/b/_DONE'         | a/ a/f=x a/g= b/ b/_DONE=
            fs '-touchz', '{R}/a/g'             | a/ a/f=x a/g= b/
            fs '-touchz', '{R}/a/f'             | Not a zero-length file
            fs '-touchz', '{R}/c/_DONE'         | No such file or directory
            fs '-cp', '{R}/a/f', '{R}/b'        | a/ a/f=x a/g= b/ b/f=x
            fs '-cp', '{R}/a/f', '{R}/b/h'      | a/ a/f=x a/g= b/ b/h=x
            fs '-cp', '{R}/a', '{R}/b'          | a/ a/f=x a/g= b/ b/a/ b/a/f=x b/a/g=
            fs '-cp', '{R}/a', '{R}/c'          | a/ a/f=x a/g= b/ c/ c/f=x c/g=
            fs '-cp', '{R}/a/f', '{R}/a/g'      | File exists
            fs '-cp', '-f', '{R}/a/f', '{R}/a/g' | a/ a/f=x a/g=x b/
            fs '-cp', '{R}/a/*', '{R}/b'        | a/ a/f=x a/g= b/ b/f=x b/g=
            fs '-cp', '{R}/a/*', '{R}/c'        | Is not a directory
            fs '-cp', '{R}/z', '{R}/b'          | No such file or directory
            fs '-cp', '{R}/a', '{R}/a/c'        | into itself
            fs '-mv', '{R}/a', '{R}/b'          | b/ b/a/ b/a/f=x b/a/g=
            fs '-mv', '{R}/a/f', '{R}/c'        | a/ a/g= b/ c=x
            fs '-mv', '{R}/a/f', '{R}/a/g'      | File exists
            fs '-mv', '{R}/z', '{R}/c'          | No such file or directory
            fs '-put', '{R}/a/f', '{R}/b/p'     | a/ a/f=x a/g= b/ b/p=x
            fs '-get', '{R}/a', '{R}/c'         | a/ a/f=x a/g= b/ c/ c/f=x c/g=
            fs '-put', '/etc/hostname', '{R}/b' | outside the job's working directory
            fs '-put', '{R}/../../../pom.xml', '{R}/b' | outside the job's working directory
            fs '-get', '{R}/a/f', '/tmp/ferry-escape' | outside the job's working directory
            """)
    void runsAsHadoopsShellDoes(String call, String expected) throws IOException {
        String before = tree();
        String sql = "CALL ferry." + call.replaceFirst(" ", "(").replace("{R}", root.toString()) + ")";
        FileCommand command = FileCommand.parse(sql);
        if (expected.matches("[A-Za-z' -]+|.*\\bitself")) {
            IOException e = assertThrows(IOException.class, command::run);
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertEquals(before, tree(), "a failed command changed the tree");
        } else {
            command.run();
            assertEquals(expected, tree());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CALL ferry.fs('-ls', '/tmp')             | does not run '-ls'
            CALL ferry.fs('-rm', '-x', 'a')          | -rm does not take -x
            CALL ferry.fs('-cp', 'a')                | -cp needs a source and a target
            CALL ferry.fs('-rm')                     | -rm needs a path
            CALL ferry.fs('-rm', UPPER('a'))         | takes string literals only
            CALL other.proc('a')                     | the only procedures a job script calls are ferry.fs and ferry.grunt
            """)
    void aCallTheRunnerDoesNotRunIsRefusedBeforeAnythingRuns(String sql, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileCommand.parse(sql));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aQuoteInAPathIsDoubledInTheLiteral() {
        assertEquals(
                List.of("it's", "b"),
                FileCommand.parse("CALL ferry.grunt('-cp', 'it''s', 'b')").paths());
    }

    /** The tree under the root: each path relative to it, a directory with '/', a file with '=' and its content. */
    private String tree() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            String tree = files.filter(p -> !p.equals(root))
                    .sorted()
                    .map(p -> root.relativize(p) + (Files.isDirectory(p) ? "/" : "=" + read(p)))
                    .collect(Collectors.joining(" "));
            return tree.isEmpty() ? "(nothing)" : tree;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
