package dev.ferry.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a migrated repository and deletes only what Ferry wrote. {@code .ferry/manifest.json} lists every
 * generated file with its SHA-256: a later run replaces a file only while it still has the content Ferry
 * wrote, removes the files it no longer generates (stale) under the same condition, and keeps everything
 * else ({@code .git/}, READMEs, notes). A generated file edited by hand since, or a file Ferry did not
 * write standing where a generated one goes, refuses the whole run unless {@code force}: nothing is touched.
 *
 * <p>Atomic: a new output directory is staged beside its target and renamed into place; in an existing
 * one, every file is staged first and then renamed over its target, the manifest last.
 */
public final class OutputWriter {

    public static final String MANIFEST = ".ferry/manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
     * Checks that {@code out} may receive the conversion of {@code repo} and says what writing would change.
     * The repository and the output must be apart: {@code out} must not be the repository, hold it, or be a
     * file.
     */
    public static Changes plan(Path out, Path repo, Map<String, String> files, boolean force) throws Refused, IOException {
        checkApart(out, repo);
        Path target = realOrIntended(out);
        for (String name : files.keySet()) {
            if (name.startsWith(".ferry/") || !target.resolve(name).normalize().startsWith(target)) {
                throw new IllegalStateException("generated path " + name + " leaves the output directory");
            }
        }
        Map<String, String> previous = manifest(target);
        List<String> written = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = target.resolve(file.getKey());
            Optional<String> onDisk = hashOf(path);
            String wanted = sha256(file.getValue());
            if (onDisk.isEmpty() || !onDisk.get().equals(wanted)) {
                written.add(file.getKey());
            }
            if (onDisk.isPresent() && !onDisk.get().equals(wanted) && !onDisk.get().equals(previous.get(file.getKey())) && !force) {
                conflicts.add(file.getKey() + (previous.containsKey(file.getKey())
                        ? " (edited since Ferry wrote it)" : " (not written by Ferry)"));
            }
            if (throughLink(target, file.getKey())
                    || Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                conflicts.add(file.getKey() + " (not a regular file, or under a symbolic link)");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new Refused("the output " + out + " has files Ferry would overwrite: " + String.join(", ", conflicts)
                    + "; nothing written (use --force to overwrite them)");
        }
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, String> old : previous.entrySet()) {
            if (files.containsKey(old.getKey())) {
                continue;
            }
            Optional<String> onDisk = throughLink(target, old.getKey()) ? Optional.empty() : hashOf(target.resolve(old.getKey()));
            if (onDisk.isEmpty()) {
                continue;
            }
            (onDisk.get().equals(old.getValue()) ? removed : kept).add(old.getKey());
        }
        return new Changes(written, removed, kept);
    }

    /** The output must not be the repository, hold it, or be a file (symbolic links followed): else refused. */
    public static void checkApart(Path out, Path repo) throws Refused, IOException {
        Path target = realOrIntended(out);
        Path source = repo.toRealPath();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new Refused("the output " + out + " exists and is not a directory; nothing written");
        }
        if (target.equals(source)) {
            throw new Refused("the output " + out + " is the repository itself; nothing written (choose a directory outside it)");
        }
        if (source.startsWith(target)) {
            throw new Refused("the output " + out + " contains the repository " + repo
                    + "; nothing written (choose a directory outside it)");
        }
    }

    /** Writes {@code files} (relative path → text) as {@link #plan} said; call {@code plan} first. */
    public static void write(Path out, Map<String, String> files, Changes changes) throws IOException {
        Path target = realOrIntended(out);
        SortedMap<String, String> manifest = new TreeMap<>();
        files.forEach((name, text) -> manifest.put(name, sha256(text)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("generator", "ferry");
        document.put("files", manifest);
        String manifestText = JSON.writeValueAsString(document) + "\n";
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".ferry-");
            try {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    writeFile(staging.resolve(file.getKey()), file.getValue());
                }
                writeFile(staging.resolve(MANIFEST), manifestText);
                move(staging, target);
            } finally {
                deleteStaging(staging);
            }
            return;
        }
        Files.createDirectories(target.resolve(".ferry"));
        Path staging = Files.createTempDirectory(target.resolve(".ferry"), "staging-");
        try {
            List<String> toWrite = new ArrayList<>(changes.written());
            for (String name : toWrite) {
                writeFile(staging.resolve(name), files.get(name));
            }
            writeFile(staging.resolve("manifest.json"), manifestText);
            for (String name : toWrite) {
                Path destination = target.resolve(name);
                Files.createDirectories(destination.getParent());
                move(staging.resolve(name), destination);
            }
            for (String name : changes.removedStale()) {
                Files.deleteIfExists(target.resolve(name));
                removeEmptyParents(target, target.resolve(name).getParent());
            }
            move(staging.resolve("manifest.json"), target.resolve(MANIFEST));
        } finally {
            deleteStaging(staging);
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
            JsonNode files = JSON.readTree(file.toFile()).path("files");
            files.fields().forEachRemaining(e -> {
                Path path = target.resolve(e.getKey()).normalize();
                if (e.getValue().isTextual() && path.startsWith(target) && !path.equals(target) && !e.getKey().startsWith(".ferry")) {
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
        return Optional.of(sha256(Files.readAllBytes(path)));
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeFile(Path path, String text) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
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
