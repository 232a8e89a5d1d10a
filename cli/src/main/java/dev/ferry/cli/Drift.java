package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.ferry.generator.OutputWriter;
import dev.ferry.generator.report.Json;
import dev.ferry.generator.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How a committed migrated repository differs from what Ferry generates now, file by file. A changed file is
 * a hand edit when it no longer has the SHA-256 Ferry recorded when writing it (.ferry/manifest.json, else
 * report.json), else drift (the
 * legacy input or Ferry changed). Only Ferry's own output is compared: dags/, flink/, k8s/, udfs/, report.*.
 */
record Drift(List<Change> changes) {

    /** The top-level directories and files Ferry writes; anything else in the migrated repo is the team's. */
    static final List<String> OWNED_DIRECTORIES = List.of("dags", "flink", "k8s", "udfs");

    static final List<String> OWNED_FILES = List.of("report.md", "report.html", "report.json");

    enum Kind {
        EDITED_BY_HAND("edited by hand (differs from what Ferry wrote)"),
        DRIFTED("drifted (Ferry now generates something else)"),
        MISSING("missing (Ferry generates it, it is not committed)"),
        EXTRA("extra (committed, Ferry no longer generates it)");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** One file that differs, with its unified diff (committed → generated). */
    record Change(String path, Kind kind, String diff) {}

    static Drift between(SortedMap<String, String> generated, Path committed) throws IOException {
        Map<String, String> recorded = recordedHashes(committed);
        SortedMap<String, String> present = committedFiles(committed);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> file : generated.entrySet()) {
            String path = file.getKey();
            String now = file.getValue();
            String before = present.get(path);
            if (before == null) {
                changes.add(new Change(path, Kind.MISSING, diff(path, "", now)));
            } else if (!before.equals(now)) {
                String hash = recorded.get(path);
                Kind kind = hash != null && !hash.equals(Report.GeneratedFile.sha256(before))
                        ? Kind.EDITED_BY_HAND
                        : Kind.DRIFTED;
                changes.add(new Change(path, kind, diff(path, before, now)));
            }
        }
        present.forEach((path, before) -> {
            if (!generated.containsKey(path)) {
                changes.add(new Change(path, Kind.EXTRA, diff(path, before, "")));
            }
        });
        changes.sort(java.util.Comparator.comparing(Change::path));
        return new Drift(List.copyOf(changes));
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    /** "3 file(s) differ: 1 edited by hand, 1 drifted, 1 missing". */
    String summary() {
        TreeMap<Kind, Integer> counts = new TreeMap<>();
        changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(
                n + " " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        return changes.size() + " generated file(s) differ: " + String.join(", ", parts);
    }

    /** One line per change, then its unified diff. */
    String render() {
        StringBuilder out = new StringBuilder();
        for (Change change : changes) {
            out.append("ferry: ")
                    .append(change.path())
                    .append(": ")
                    .append(change.kind().description)
                    .append('\n');
            out.append(change.diff());
        }
        return out.toString();
    }

    private static String diff(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                before.isEmpty() ? "/dev/null" : "a/" + path, after.isEmpty() ? "/dev/null" : "b/" + path, a, patch, 3);
        return unified.isEmpty() ? "" : String.join("\n", unified) + "\n";
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = List.of(text.split("\n", -1));
        return text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines; // a final newline ends the last line
    }

    /**
     * The SHA-256 Ferry recorded for each file it wrote: the output writer's manifest (its "files" object,
     * values {@code sha256:<hex>}) when committed, else report.json's files[]; empty when neither is readable.
     */
    private static Map<String, String> recordedHashes(Path committed) {
        Map<String, String> hashes = new TreeMap<>();
        Path manifest = committed.resolve(OutputWriter.MANIFEST);
        if (Files.isRegularFile(manifest)) {
            try {
                Json.mapper()
                        .readTree(manifest.toFile())
                        .path("files")
                        .properties()
                        .forEach(f ->
                                hashes.put(f.getKey(), f.getValue().asText().replaceFirst("^sha256:", "")));
                return hashes;
            } catch (IOException e) {
                hashes.clear(); // unreadable: fall back to report.json
            }
        }
        Path report = committed.resolve("report.json");
        if (!Files.isRegularFile(report)) {
            return hashes;
        }
        try {
            JsonNode files = Json.mapper().readTree(report.toFile()).path("files");
            files.forEach(
                    f -> hashes.put(f.path("path").asText(), f.path("sha256").asText()));
        } catch (IOException e) {
            return hashes; // not ours or broken: every change then counts as drift
        }
        return hashes;
    }

    private static SortedMap<String, String> committedFiles(Path committed) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        for (String name : OWNED_FILES) {
            Path file = committed.resolve(name);
            if (Files.isRegularFile(file)) {
                files.put(name, read(file));
            }
        }
        for (String dir : OWNED_DIRECTORIES) {
            Path root = committed.resolve(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(committed.relativize(file).toString().replace('\\', '/'), read(file));
                }
            }
        }
        return files;
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
