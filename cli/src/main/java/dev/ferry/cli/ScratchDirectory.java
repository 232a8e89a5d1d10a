package dev.ferry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The directory {@code ferry verify} works in: the inputs it gives the LOADs, the copies Pig and Flink write of each
 * STORE, Pig's copy of the script. It is verify's own (nothing of the user's is in it), so it is deleted when verify
 * ends, also when verify is interrupted, unless it is kept ({@code --keep-work}), when its path is printed so that the
 * files can be read.
 */
final class ScratchDirectory implements AutoCloseable {

    private final Path path;
    private final boolean keep;
    private final PrintWriter err;
    /** Deletes the directory when the JVM ends before {@link #close} (Ctrl-C on a long --repo run). */
    private final Thread onExit;

    private ScratchDirectory(Path path, boolean keep, PrintWriter err) {
        this.path = path;
        this.keep = keep;
        this.err = err;
        this.onExit = keep ? null : new Thread(this::deleteQuietly, "ferry-verify-scratch");
        if (onExit != null) {
            Runtime.getRuntime().addShutdownHook(onExit);
        }
    }

    /** A new directory under {@code parent}, kept at the end when {@code keep}; kept paths are printed on {@code err}. */
    static ScratchDirectory create(Path parent, boolean keep, PrintWriter err) throws IOException {
        return new ScratchDirectory(Files.createTempDirectory(parent, "ferry-verify"), keep, err);
    }

    /** A new directory in the system's temporary directory. */
    static ScratchDirectory create(boolean keep, PrintWriter err) throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")), keep, err);
    }

    Path path() {
        return path;
    }

    boolean kept() {
        return keep;
    }

    /**
     * What to say below a script's DIFFER about its work directory {@code work} (inside this one): where Pig's and
     * Flink's copies of its STOREs are when they are kept, else how to keep them.
     */
    String differNote(Path work) {
        return keep
                ? "Pig's and Flink's outputs are kept in " + work.resolve("pig") + " and " + work.resolve("flink")
                : "rerun with --keep-work to keep Pig's and Flink's outputs";
    }

    @Override
    public void close() throws IOException {
        if (keep) {
            err.println("ferry verify: work files kept in " + path);
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException exiting) {
            // The JVM is already ending: its hook deletes the directory.
            return;
        }
        delete(path);
    }

    private void deleteQuietly() {
        try {
            delete(path);
        } catch (IOException | UncheckedIOException ignored) {
            // The JVM is ending: nothing is left to tell.
        }
    }

    /** Deletes a directory and what it holds; a symbolic link inside is removed, never followed. */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
