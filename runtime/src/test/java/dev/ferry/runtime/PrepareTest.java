package dev.ferry.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareTest {

    @TempDir
    Path dir;

    @Test
    void deleteRemovesADirectoryTree() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("sub"));
        Files.writeString(out.resolve("sub/part-0"), "x");
        Prepare.delete(out.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void deleteOfAMissingPathIsFine() throws Exception {
        Prepare.delete(dir.resolve("nothing-here").toUri().toString());
    }

    @Test
    void deleteWithAGlobInTheLastComponent() throws Exception {
        Files.createDirectories(dir.resolve("day=01"));
        Files.createDirectories(dir.resolve("day=02"));
        Files.createDirectories(dir.resolve("keep"));
        Prepare.delete(dir.resolve("day=*").toString());
        assertFalse(Files.exists(dir.resolve("day=01")));
        assertFalse(Files.exists(dir.resolve("day=02")));
        assertTrue(Files.exists(dir.resolve("keep")));
    }

    @Test
    void mkdirCreatesParentsAndAcceptsAnExistingDirectory() throws Exception {
        Path deep = dir.resolve("a/b/c");
        Prepare.mkdir("file://" + deep);
        assertTrue(Files.isDirectory(deep));
        Prepare.mkdir(deep.toString());
        assertTrue(Files.isDirectory(deep));
    }

    @Test
    void stepsRunInOrder() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old"), "x");
        Prepare.run(List.of(new Prepare.Delete(out.toString()), new Prepare.Mkdir(out.toString())));
        assertTrue(Files.isDirectory(out));
        assertFalse(Files.exists(out.resolve("old")));
    }

    @Test
    void globsFollowHadoopSyntax() {
        assertTrue(Prepare.globToRegex("part-*").matcher("part-0001").matches());
        assertTrue(Prepare.globToRegex("{a,b}?.[0-9]").matcher("bx.7").matches());
        assertFalse(Prepare.globToRegex("[^a]*").matcher("abc").matches());
        assertTrue(Prepare.globToRegex("a.b").matcher("a.b").matches());
        assertFalse(Prepare.globToRegex("a.b").matcher("axb").matches());
    }
}
