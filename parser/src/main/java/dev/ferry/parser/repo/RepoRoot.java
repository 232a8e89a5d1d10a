package dev.ferry.parser.repo;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The repository root, resolved once to its real path (a root given through a symbolic link works), and
 * the one containment check every input-named path goes through: a path is {@link Place#INSIDE} only when
 * it exists and its real path (every symbolic link followed) lies under the root. Callers read nothing
 * {@link Place#OUTSIDE} and report it as {@code IO-E002} at the element that named it.
 */
public record RepoRoot(Path path) {

    /** Where a named path lies. */
    public enum Place {
        INSIDE,
        OUTSIDE,
        MISSING
    }

    /** The located path: its real path when inside, else the path as named (for messages). */
    public record Located(Place place, Path path) {
        public boolean inside() {
            return place == Place.INSIDE;
        }

        public boolean outside() {
            return place == Place.OUTSIDE;
        }
    }

    public static RepoRoot of(Path directory) throws IOException {
        return new RepoRoot(directory.toRealPath());
    }

    /** {@code name} (relative, or absolute which always leaves the repository) resolved against {@code base}. */
    public Located locate(Path base, String name) {
        Path named = Path.of(name);
        if (named.isAbsolute()) {
            return new Located(Files.exists(named) ? Place.OUTSIDE : Place.MISSING, named);
        }
        return locate(base.resolve(named));
    }

    public Located locate(Path candidate) {
        Path normalized = candidate.toAbsolutePath().normalize();
        if (!Files.exists(normalized)) {
            // A name that climbs out is refused even when its target is missing: it says where it points.
            return new Located(normalized.startsWith(path) ? Place.MISSING : Place.OUTSIDE, normalized);
        }
        try {
            Path real = normalized.toRealPath();
            return real.startsWith(path) ? new Located(Place.INSIDE, real) : new Located(Place.OUTSIDE, normalized);
        } catch (IOException e) {
            return new Located(Place.MISSING, normalized);
        }
    }

    /**
     * The regular file {@code candidate} names, by its real path, when it lies under the root; when it leaves
     * the repository, an {@code IO-E002} error at {@code span} (the element that named it) and empty.
     */
    public Optional<Path> file(Path candidate, SourceSpan span, Diagnostics diagnostics) {
        return checked(locate(candidate), span, diagnostics);
    }

    /** {@link #file(Path, SourceSpan, Diagnostics)} for {@code name} resolved against {@code base}. */
    public Optional<Path> file(Path base, String name, SourceSpan span, Diagnostics diagnostics) {
        return checked(locate(base, name), span, diagnostics);
    }

    /** Reports a located path that leaves the repository; the real path of a regular file inside it. */
    public Optional<Path> checked(Located located, SourceSpan span, Diagnostics diagnostics) {
        if (located.outside()) {
            diagnostics.report(
                    DiagnosticCode.IO_E002,
                    span,
                    "'" + display(located.path()) + "' is outside the repository"
                            + " (through .., an absolute path or a symbolic link); not read",
                    "keep every file an app uses inside the repository");
            return Optional.empty();
        }
        return located.inside() && Files.isRegularFile(located.path()) ? Optional.of(located.path()) : Optional.empty();
    }

    /**
     * A file one walk of the root met: a regular file, which lies inside and is its own real path (the walk starts
     * at the root's real path and enters no symbolic link), or a symbolic link, which {@link #walkedFile} and
     * {@link #walkedFileInside} check as any named path.
     */
    public record Walked(Path path, boolean link) {}

    /**
     * The regular files and symbolic links under the root whose file name {@code named} accepts, sorted by path, from
     * one walk that reads each entry's attributes once (not its target's); a directory reached through a symbolic
     * link is not entered, as {@link Files#walk} does not.
     */
    public List<Walked> walk(Predicate<String> named) throws IOException {
        List<Walked> found = new ArrayList<>();
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if ((attributes.isRegularFile() || attributes.isSymbolicLink())
                        && named.test(file.getFileName().toString())) {
                    found.add(new Walked(file, attributes.isSymbolicLink()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(Walked::path));
        return found;
    }

    /**
     * As {@link #file(Path, SourceSpan, Diagnostics)} for a walked file: a regular file is taken as it is; a symbolic
     * link to a regular file is checked ({@code IO-E002} at {@code span} when it leads out), to anything else is
     * skipped without a word.
     */
    public Optional<Path> walkedFile(Walked walked, SourceSpan span, Diagnostics diagnostics) {
        if (!walked.link()) {
            return Optional.of(walked.path());
        }
        return Files.isRegularFile(walked.path()) ? file(walked.path(), span, diagnostics) : Optional.empty();
    }

    /** As {@link #contains(Path)} for a walked file: a regular file lies inside, a symbolic link is checked. */
    public boolean walkedFileInside(Walked walked) {
        return !walked.link() || contains(walked.path());
    }

    /** Whether {@code file} exists, is a regular file and, symbolic links followed, lies under the root. */
    public boolean contains(Path file) {
        Located located = locate(file);
        return located.inside() && Files.isRegularFile(located.path());
    }

    /** The repository-relative name of a path, with forward slashes, as diagnostics show it. */
    public String display(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        return normalized.startsWith(path)
                ? path.relativize(normalized).toString().replace('\\', '/')
                : normalized.toString();
    }
}
