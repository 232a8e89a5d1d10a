package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's work directory: deleted when verify ends, with all it holds and nothing it links to; kept on request. */
class ScratchDirectoryTest {

    @Test
    void itIsDeletedWithWhatItHoldsAndNothingItLinksTo(@TempDir Path tmp) throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("tmp"));
        Path users = Files.writeString(tmp.resolve("users.txt"), "the user's own\n");
        StringWriter err = new StringWriter();
        Path path;
        try (ScratchDirectory scratch = ScratchDirectory.create(parent, false, new PrintWriter(err, true))) {
            path = scratch.path();
            Files.createDirectories(path.resolve("0/pig/0"));
            Files.writeString(path.resolve("0/pig/0/part-m-00000"), "a\t1\n");
            Files.writeString(path.resolve("0/pig/0/.part-m-00000.crc"), "x");
            Files.createDirectories(path.resolve("0/flink/0"));
            Files.createSymbolicLink(path.resolve("0/input-0.txt"), users);
            Files.createSymbolicLink(path.resolve("0/data"), tmp);
        }
        assertTrue(Files.notExists(path), "the work directory is gone");
        assertEquals("the user's own\n", Files.readString(users), "a link inside is removed, what it names is not");
        assertEquals("", err.toString(), "nothing is said of a directory that is not kept");
        try (var left = Files.list(parent)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aKeptDirectoryStaysAndItsPathIsPrinted(@TempDir Path tmp) throws Exception {
        StringWriter err = new StringWriter();
        Path path;
        try (ScratchDirectory scratch = ScratchDirectory.create(tmp, true, new PrintWriter(err, true))) {
            path = scratch.path();
            Files.writeString(path.resolve("kept.txt"), "x");
        }
        assertTrue(Files.isRegularFile(path.resolve("kept.txt")));
        assertEquals("ferry verify: work files kept in " + path + System.lineSeparator(), err.toString());
    }

    /** What a DIFFER says of the outputs: where they are when kept, else how to keep them. */
    @Test
    void aDifferSaysWhereTheOutputsAreOrHowToKeepThem(@TempDir Path tmp) throws Exception {
        PrintWriter err = new PrintWriter(new StringWriter(), true);
        try (ScratchDirectory kept = ScratchDirectory.create(tmp, true, err);
                ScratchDirectory deleted = ScratchDirectory.create(tmp, false, err)) {
            Path work = kept.path().resolve("7");
            assertEquals(
                    "Pig's and Flink's outputs are kept in " + work.resolve("pig") + " and " + work.resolve("flink"),
                    kept.differNote(work));
            assertEquals(
                    "rerun with --keep-work to keep Pig's and Flink's outputs",
                    deleted.differNote(deleted.path().resolve("7")));
        }
    }
}
