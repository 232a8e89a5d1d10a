package dev.ferry.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output writer's session: files reach the disk as they are accepted (in a staging directory, so memory
 * does not hold them), the output appears or changes only at commit, and a refused or abandoned run leaves
 * every byte of the output directory as it was.
 */
class OutputWriterTest {

    @TempDir
    Path tmp;

    Path repo;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        repo = Files.createDirectories(tmp.resolve("repo"));
        out = tmp.resolve("out");
    }

    @Test
    void newOutputIsStagedBesideItFileByFileAndAppearsWholeAtCommit() throws Exception {
        try (OutputWriter.Session session = OutputWriter.open(out, repo, false, c -> "")) {
            session.accept("dags/a.py", "a\n");
            assertFalse(Files.exists(out), "nothing at the target before commit");
            Map<String, String> staged = contents(tmp, "repo");
            assertEquals(Map.of("dags/a.py", "a\n"), relativeToStaging(staged), "the accepted file is on disk already");
            session.accept("report.md", "r\n");
            OutputWriter.Changes changes = session.commit();
            assertEquals(List.of("dags/a.py", "report.md"), changes.written());
            assertEquals(2, session.generated());
        }
        assertEquals(Map.of("out/dags/a.py", "a\n", "out/report.md", "r\n"), without(contents(tmp, "repo"), ".ferry"));
        assertTrue(Files.readString(out.resolve(OutputWriter.MANIFEST)).contains("\"dags/a.py\" : \"sha256:"));
        assertEquals(List.of("out"), names(tmp, "repo"), "no staging directory left beside the output");
    }

    @Test
    void abandonedRunLeavesNothing() throws Exception {
        for (boolean existing : new boolean[] {false, true}) {
            if (existing) {
                Files.createDirectories(out);
                Files.writeString(out.resolve("notes.txt"), "mine");
            }
            Map<String, String> before = contents(tmp, "repo");
            try (OutputWriter.Session session = OutputWriter.open(out, repo, false, c -> "")) {
                session.accept("dags/a.py", "a\n"); // then the run fails before commit
            }
            assertEquals(before, contents(tmp, "repo"), "existing=" + existing);
            assertEquals(
                    existing ? List.of(".", "notes.txt") : List.of(), existing ? names(out, "") : names(tmp, "repo"));
        }
    }

    @Test
    void secondRunReplacesChangedFilesRemovesStaleOnesAndSaysSoInTheReport() throws Exception {
        write(Map.of("dags/a.py", "a\n", "dags/old.py", "old\n", "report.md", "r\n"));
        Files.writeString(out.resolve("README.md"), "ours\n");
        String addendum;
        try (OutputWriter.Session session = OutputWriter.open(out, repo, false, c -> "removed " + c.removedStale())) {
            session.accept("dags/a.py", "a2\n");
            addendum = session.reportAddendum(List.of("report.md"));
            assertEquals("a\n", Files.readString(out.resolve("dags/a.py")), "the target changes only at commit");
            session.accept("report.md", "r\n" + addendum);
            OutputWriter.Changes changes = session.commit();
            assertEquals(List.of("dags/a.py", "report.md"), changes.written());
            assertEquals(List.of("dags/old.py"), changes.removedStale());
        }
        assertEquals("removed [dags/old.py]", addendum);
        assertEquals(
                Map.of("out/README.md", "ours\n", "out/dags/a.py", "a2\n", "out/report.md", "r\nremoved [dags/old.py]"),
                without(contents(tmp, "repo"), ".ferry"));
        assertEquals(List.of(".", "manifest.json"), names(out.resolve(".ferry"), ""), "no staging left under .ferry");
    }

    @Test
    void handEditOrForeignFileRefusesAndTouchesNothingUnlessForced() throws Exception {
        write(Map.of("dags/a.py", "a\n"));
        Files.writeString(out.resolve("dags/a.py"), "a\n# reviewed\n");
        Files.writeString(out.resolve("dags/b.py"), "someone else's\n");
        Map<String, String> before = contents(tmp, "repo");
        OutputWriter.Refused refused;
        try (OutputWriter.Session session = OutputWriter.open(out, repo, false, c -> "")) {
            session.accept("dags/a.py", "a2\n");
            session.accept("dags/b.py", "b\n");
            session.accept("dags/c.py", "c\n");
            refused = assertThrows(OutputWriter.Refused.class, session::commit);
        }
        assertTrue(
                refused.getMessage()
                        .contains("dags/a.py (edited since Ferry wrote it), dags/b.py (not written by Ferry)"),
                refused.getMessage());
        assertEquals(before, contents(tmp, "repo"));
        try (OutputWriter.Session session = OutputWriter.open(out, repo, true, c -> "")) {
            session.accept("dags/a.py", "a2\n");
            session.accept("dags/b.py", "b\n");
            session.commit();
        }
        assertEquals(Map.of("out/dags/a.py", "a2\n", "out/dags/b.py", "b\n"), without(contents(tmp, "repo"), ".ferry"));
    }

    @Test
    void refusalInADirectoryFerryNeverWroteLeavesNoFerryDirectoryBehind() throws Exception {
        Files.createDirectories(out.resolve("dags"));
        Files.writeString(out.resolve("dags/a.py"), "theirs\n");
        Map<String, String> before = contents(tmp, "repo");
        try (OutputWriter.Session session = OutputWriter.open(out, repo, false, c -> "")) {
            session.accept("dags/z.py", "z\n"); // staged under .ferry/ before the conflict is known
            session.accept("dags/a.py", "a\n");
            assertThrows(OutputWriter.Refused.class, session::commit);
        }
        assertEquals(before, contents(tmp, "repo"));
        assertFalse(Files.exists(out.resolve(".ferry")));
    }

    @Test
    void ferryEntryThatIsNotADirectoryIsRefusedBeforeAnythingIsWritten() throws Exception {
        Files.createDirectories(out);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve(".ferry"), elsewhere);
        assertThrows(OutputWriter.Refused.class, () -> OutputWriter.open(out, repo, false, c -> ""));
        Files.delete(out.resolve(".ferry"));
        Files.writeString(out.resolve(".ferry"), "a file");
        assertThrows(OutputWriter.Refused.class, () -> OutputWriter.open(out, repo, false, c -> ""));
        assertEquals(List.of("."), names(elsewhere, ""));
    }

    @Test
    void pathsLeavingTheOutputAndPathsGivenTwiceAreBugsNotFiles() throws Exception {
        try (OutputWriter.Session session = OutputWriter.open(out, repo, false, c -> "")) {
            for (String bad : List.of("../x.py", ".ferry/manifest.json", "dags/../../x.py")) {
                assertThrows(IllegalStateException.class, () -> session.accept(bad, "x"), bad);
            }
            session.accept("dags/a.py", "a");
            assertThrows(IllegalStateException.class, () -> session.accept("dags/a.py", "a"));
        }
        assertFalse(Files.exists(tmp.resolve("x.py")));
        assertFalse(Files.exists(out));
    }

    private void write(Map<String, String> files) throws Exception {
        try (OutputWriter.Session session = OutputWriter.open(out, repo, false, c -> "")) {
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                session.accept(file.getKey(), file.getValue());
            }
            session.commit();
        }
    }

    /** Every regular file under {@code root} (relative path → text), except under the top-level {@code skip}. */
    private static Map<String, String> contents(Path root, String skip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (skip.isEmpty() || !name.startsWith(skip + "/")) {
                    files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    /** The names directly in {@code dir} ("." for the directory itself), except {@code skip}, sorted. */
    private static List<String> names(Path dir, String skip) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Stream.concat(Stream.of(dir), Files.list(dir))) {
            return list.map(p -> p.equals(dir)
                            ? (skip.isEmpty() ? "." : "")
                            : p.getFileName().toString())
                    .filter(n -> !n.isEmpty() && !n.equals(skip))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, String> without(Map<String, String> files, String part) {
        Map<String, String> kept = new TreeMap<>(files);
        kept.keySet().removeIf(name -> name.contains("/" + part + "/"));
        return kept;
    }

    /** Staged files with the staging directory's own name taken off their path. */
    private static Map<String, String> relativeToStaging(Map<String, String> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((name, text) -> {
            assertTrue(name.startsWith(".out.ferry-"), name);
            out.put(name.substring(name.indexOf('/') + 1), text);
        });
        return out;
    }
}
