package dev.ferry.parser.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One walk of the repository gives the same files, paths and diagnostics as naming each walked path to {@link
 * RepoRoot#file} and {@link RepoRoot#contains} (what the walk's users did before), for every kind of entry a
 * repository can hold: regular files, links to files inside and outside, links to directories, directories reached
 * through a link, names not asked for.
 */
class RepoRootWalkTest {

    @TempDir
    Path tmp;

    private Path root;

    @BeforeEach
    void repository() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("x.xml"), "<x/>");
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/in-linked-dir.xml"), "<x/>");
        root = Files.createDirectories(tmp.resolve("repo")).toRealPath();
        Files.createDirectories(root.resolve("apps/a/lib"));
        Files.writeString(root.resolve("apps/a/workflow.xml"), "<w/>");
        Files.writeString(root.resolve("apps/a/s.pig"), "A = LOAD 'x';");
        Files.writeString(root.resolve("apps/a/lib/notes.txt"), "not asked for");
        Files.writeString(root.resolve("apps/b.xml"), "<w/>");
        Files.createSymbolicLink(root.resolve("apps/inside-link.xml"), root.resolve("apps/b.xml"));
        Files.createSymbolicLink(root.resolve("apps/leak.xml"), outside.resolve("x.xml"));
        Files.createSymbolicLink(root.resolve("apps/dir-link.xml"), root.resolve("apps/a"));
        Files.createSymbolicLink(root.resolve("apps/outside-dir"), outside.resolve("dir"));
        Files.createSymbolicLink(root.resolve("apps/outside-dir.xml"), outside.resolve("dir"));
        Files.createSymbolicLink(root.resolve("apps/dangling.xml"), root.resolve("apps/missing.xml"));
    }

    private static boolean asked(String name) {
        return name.endsWith(".xml") || name.endsWith(".pig");
    }

    @Test
    void walkedFilesAreTheFilesEachPathNamedGivesWithTheSameDiagnostics() throws IOException {
        RepoRoot repoRoot = new RepoRoot(root);
        List<RepoRoot.Walked> walked = repoRoot.walk(RepoRootWalkTest::asked);

        List<Path> named = new ArrayList<>();
        try (var paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile)
                    .filter(p -> asked(p.getFileName().toString()))
                    .sorted()
                    .forEach(named::add);
        }
        Diagnostics byName = new Diagnostics();
        List<Path> expected = named.stream()
                .flatMap(p -> repoRoot.file(p, SourceSpan.file(repoRoot.display(p)), byName).stream())
                .toList();
        Diagnostics byWalk = new Diagnostics();
        List<Path> actual = walked.stream()
                .flatMap(w -> repoRoot.walkedFile(w, SourceSpan.file(repoRoot.display(w.path())), byWalk).stream())
                .toList();
        assertEquals(expected, actual);
        assertEquals(
                byName.sorted().stream().map(Diagnostic::format).toList(),
                byWalk.sorted().stream().map(Diagnostic::format).toList());
        assertEquals(
                named.stream().filter(repoRoot::contains).toList(),
                walked.stream()
                        .filter(repoRoot::walkedFileInside)
                        .map(RepoRoot.Walked::path)
                        .toList());
    }

    @Test
    void whatTheWalkMeetsAndWhatItGives() throws IOException {
        RepoRoot repoRoot = new RepoRoot(root);
        Diagnostics diagnostics = new Diagnostics();
        List<String> rows = new ArrayList<>();
        for (RepoRoot.Walked w : repoRoot.walk(RepoRootWalkTest::asked)) {
            Optional<Path> file = repoRoot.walkedFile(w, SourceSpan.file(repoRoot.display(w.path())), diagnostics);
            rows.add(repoRoot.display(w.path()) + (w.link() ? " link" : " file") + " -> "
                    + file.map(repoRoot::display).orElse("skipped"));
        }
        // A link to a directory (inside or out) or to nothing is met but gives no file and no error; a directory behind
        // a
        // link is not entered; only the link to a file outside is an error.
        assertEquals(
                List.of(
                        "apps/a/s.pig file -> apps/a/s.pig",
                        "apps/a/workflow.xml file -> apps/a/workflow.xml",
                        "apps/b.xml file -> apps/b.xml",
                        "apps/dangling.xml link -> skipped",
                        "apps/dir-link.xml link -> skipped",
                        "apps/inside-link.xml link -> apps/b.xml",
                        "apps/leak.xml link -> skipped",
                        "apps/outside-dir.xml link -> skipped"),
                rows);
        assertEquals(
                List.of("IO-E002 apps/leak.xml"),
                diagnostics.sorted().stream()
                        .map(d -> d.code().id() + " " + d.span().file())
                        .toList());
    }
}
