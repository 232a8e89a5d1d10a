package dev.ferry.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.generator.report.Json;
import dev.ferry.generator.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes a migrated repository, file by file as it is generated, and deletes only what Ferry wrote. {@code .ferry/manifest.json} lists every
 * generated file with its SHA-256: a later run replaces a file only while it still has the content Ferry
 * wrote, removes the files it no longer generates (stale) under the same condition, and keeps everything
 * else ({@code .git/}, READMEs, notes). A generated file edited by hand since, or a file Ferry did not
 * write standing where a generated one goes, refuses the whole run unless {@code force}: nothing is touched.
 *
 * <p>Atomic: a new output directory is staged beside its target and renamed into place; in an existing
 * one, every changed file is staged first and then renamed over its target, the manifest last. Files go to the
 * staging directory as they are generated, so memory does not grow with the size of the output.
 */
public final class OutputWriter {

    public static final String MANIFEST = ".ferry/manifest.json";

    private OutputWriter() {}

    /** The output directory cannot be used; nothing was touched. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** What a run did to the output directory, for the report and the console. */
    public record Changes(List<String> written, List<String> removedStale, List<String> keptEdited) {
        public static final Changes NONE = new Changes(List.of(), List.of(), List.of());
    }

    /**
     * Opens a run's writing into {@code out} for the conversion of {@code repo}: the files then come one at a time
     * ({@link Session#accept}), each put on disk at once in a staging directory and none held in memory, and
     * {@link Session#commit} moves them into place. The repository and the output must be apart: {@code out} must not
     * be the repository, hold it, or be a file. {@code describe} turns the output directory's changes (stale files
     * removed, edited ones kept) into the text the report appends.
     */
    public static Session open(Path out, Path repo, boolean force, Function<Changes, String> describe)
            throws Refused, IOException {
        checkApart(out, repo);
        Path target = realOrIntended(out);
        Path ferry = target.resolve(".ferry");
        if (Files.exists(ferry, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(ferry, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused("the output " + out + " has a .ferry that is not a directory (or is a symbolic link);"
                    + " nothing written");
        }
        return new Session(out, target, force, describe);
    }

    /**
     * One run's writing, file by file. In a new output directory every file goes straight into a staging directory
     * beside it, renamed into place whole at {@link #commit}. In an existing one, a file whose content changes is
     * staged under {@code .ferry/} and checked against the previous manifest as it comes (a hand edit, or a file Ferry
     * did not write, refuses the run unless {@code force}); at commit, when nothing refused, the staged files are
     * renamed over their targets, the stale ones removed, the manifest last. {@link #close} removes whatever staging
     * is left: a refused or failed run leaves the output as it was.
     */
    public static final class Session implements RepoGenerator.Sink, AutoCloseable {

        private final Path out;
        private final Path target;
        private final boolean force;
        private final Function<Changes, String> describe;
        private final boolean fresh;
        private final boolean hadFerryDirectory;
        private final Map<String, String> previous;
        private final SortedMap<String, String> manifest = new TreeMap<>();
        private final List<String> written = new ArrayList<>();
        private final List<String> conflicts = new ArrayList<>();
        private Path staging;
        private Changes stale;

        private Session(Path out, Path target, boolean force, Function<Changes, String> describe) {
            this.out = out;
            this.target = target;
            this.force = force;
            this.describe = describe;
            this.fresh = !Files.exists(target);
            this.hadFerryDirectory = Files.isDirectory(target.resolve(".ferry"), LinkOption.NOFOLLOW_LINKS);
            this.previous = fresh ? Map.of() : manifest(target);
        }

        @Override
        public void accept(String name, String text) throws IOException {
            accept(name, text, Report.GeneratedFile.sha256(text));
        }

        @Override
        public void accept(String name, String text, String sha256) throws IOException {
            acceptCopy(name, text.getBytes(StandardCharsets.UTF_8), sha256);
        }

        @Override
        public void accept(String name, String text, byte[] utf8, String sha256) throws IOException {
            acceptCopy(name, utf8, sha256);
        }

        @Override
        public void acceptCopy(String name, byte[] bytes, String sha256) throws IOException {
            if (name.startsWith(".ferry/") || !target.resolve(name).normalize().startsWith(target)) {
                throw new IllegalStateException("generated path " + name + " leaves the output directory");
            }
            String wanted = "sha256:" + sha256;
            if (manifest.put(name, wanted) != null) {
                throw new IllegalStateException("generated twice: " + name);
            }
            if (fresh) {
                writeFile(staging().resolve(name), bytes);
                written.add(name);
                return;
            }
            Path path = target.resolve(name);
            boolean linked = throughLink(target, name);
            Optional<String> onDisk = linked ? Optional.empty() : hashOf(path);
            if (onDisk.isPresent() && onDisk.get().equals(wanted)) {
                return;
            }
            written.add(name);
            if (onDisk.isPresent() && !onDisk.get().equals(previous.get(name)) && !force) {
                conflicts.add(name
                        + (previous.containsKey(name) ? " (edited since Ferry wrote it)" : " (not written by Ferry)"));
            }
            if (linked
                    || Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                            && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                conflicts.add(name + " (not a regular file, or under a symbolic link)");
            }
            if (conflicts.isEmpty()) { // once refused, nothing more is staged
                writeFile(staging().resolve(name), bytes);
            }
        }

        @Override
        public String reportAddendum(List<String> remaining) throws IOException {
            Changes changes = stale(remaining);
            return changes.removedStale().isEmpty() && changes.keptEdited().isEmpty() ? "" : describe.apply(changes);
        }

        /**
         * Puts the run's files in place, or refuses (the output untouched) when a file in the way was edited by hand or
         * not written by Ferry. Returns what changed.
         */
        public Changes commit() throws Refused, IOException {
            Changes changes = stale(List.of());
            if (!conflicts.isEmpty()) {
                throw new Refused("the output " + out + " has files Ferry would overwrite: "
                        + String.join(", ", conflicts) + "; nothing written (use --force to overwrite them)");
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("generator", "ferry");
            document.put("files", manifest);
            String manifestText = Json.indented(document) + "\n";
            if (fresh) {
                writeFile(staging().resolve(MANIFEST), manifestText);
                move(staging, target);
                staging = null;
            } else {
                writeFile(staging().resolve("manifest.json"), manifestText);
                for (String name : written) {
                    Path destination = target.resolve(name);
                    Files.createDirectories(destination.getParent());
                    move(staging.resolve(name), destination);
                }
                for (String name : changes.removedStale()) {
                    Files.deleteIfExists(target.resolve(name));
                    removeEmptyParents(target, target.resolve(name).getParent());
                }
                move(staging.resolve("manifest.json"), target.resolve(MANIFEST));
            }
            return new Changes(List.copyOf(written), changes.removedStale(), changes.keptEdited());
        }

        /** How many files the run generated (written or already in place). */
        public int generated() {
            return manifest.size();
        }

        /** Removes what is left of the staging directory (all of it when the run did not commit). */
        @Override
        public void close() throws IOException {
            if (staging != null) {
                deleteStaging(staging);
                staging = null;
            }
            Path ferry = target.resolve(".ferry");
            if (!fresh
                    && !hadFerryDirectory
                    && Files.isDirectory(ferry, LinkOption.NOFOLLOW_LINKS)
                    && !Files.exists(ferry.resolve("manifest.json"), LinkOption.NOFOLLOW_LINKS)) {
                removeEmptyParents(target, ferry); // staged into a .ferry this run created, then refused: gone again
            }
        }

        /** The previous run's files this run does not generate (besides {@code remaining}): removed if unedited, else kept. */
        private Changes stale(List<String> remaining) throws IOException {
            if (stale != null) {
                return stale;
            }
            List<String> removed = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (Map.Entry<String, String> old : previous.entrySet()) {
                if (manifest.containsKey(old.getKey()) || remaining.contains(old.getKey())) {
                    continue;
                }
                Optional<String> onDisk =
                        throughLink(target, old.getKey()) ? Optional.empty() : hashOf(target.resolve(old.getKey()));
                if (onDisk.isPresent()) {
                    (onDisk.get().equals(old.getValue()) ? removed : kept).add(old.getKey());
                }
            }
            stale = new Changes(List.of(), List.copyOf(removed), List.copyOf(kept));
            return stale;
        }

        private Path staging() throws IOException {
            if (staging == null) {
                if (fresh) {
                    Files.createDirectories(target.getParent());
                    staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".ferry-");
                } else {
                    Files.createDirectories(target.resolve(".ferry"));
                    staging = Files.createTempDirectory(target.resolve(".ferry"), "staging-");
                }
            }
            return staging;
        }
    }

    /** The output must not be the repository, hold it, or be a file (symbolic links followed): else refused. */
    public static void checkApart(Path out, Path repo) throws Refused, IOException {
        Path target = realOrIntended(out);
        Path source = repo.toRealPath();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new Refused("the output " + out + " exists and is not a directory; nothing written");
        }
        if (target.equals(source)) {
            throw new Refused(
                    "the output " + out + " is the repository itself; nothing written (choose a directory outside it)");
        }
        if (source.startsWith(target)) {
            throw new Refused("the output " + out + " contains the repository " + repo
                    + "; nothing written (choose a directory outside it)");
        }
    }

    /** The previous run's files and hashes; empty when there is none (or it cannot be read: nothing is then ours). */
    private static Map<String, String> manifest(Path target) {
        Path file = target.resolve(MANIFEST);
        Map<String, String> out = new TreeMap<>();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try {
            JsonNode files = Json.mapper().readTree(file.toFile()).path("files");
            files.properties().forEach(e -> {
                Path path = target.resolve(e.getKey()).normalize();
                if (e.getValue().isTextual()
                        && path.startsWith(target)
                        && !path.equals(target)
                        && !e.getKey().startsWith(".ferry")) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /** The directory's real path, or, when it does not exist yet, its nearest existing ancestor's real path + the rest. */
    private static Path realOrIntended(Path out) throws IOException {
        Path absolute = out.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return existing.toRealPath().resolve(existing.relativize(absolute));
    }

    /** Whether a directory on the way from the output root to {@code name} is a symbolic link (it could lead anywhere). */
    private static boolean throughLink(Path target, String name) {
        Path dir = target.resolve(name).normalize().getParent();
        for (Path d = dir; d != null && !d.equals(target); d = d.getParent()) {
            if (Files.isSymbolicLink(d)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> hashOf(Path path) throws IOException {
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of("sha256:" + Report.GeneratedFile.sha256(Files.readAllBytes(path)));
    }

    private static void writeFile(Path path, String text) throws IOException {
        writeFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeFile(Path path, byte[] bytes) throws IOException {
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void removeEmptyParents(Path root, Path dir) throws IOException {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            try (Stream<Path> entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
        }
    }

    /** Only the staging directory Ferry created (never a symlink it might hold) is removed. */
    private static void deleteStaging(Path staging) throws IOException {
        if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
