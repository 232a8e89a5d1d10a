package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.el.ElConstantFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Oozie application path ({@code ${nameNode}/user/${user.name}/apps/daily}, a coordinator's app-path, a
 * bundle's coordinator, a dataset include) → the file in the legacy repository, as best we can: properties are
 * expanded where known, what precedes the last unknown {@code ${...}} and the scheme/authority are dropped, and
 * the longest tail of the remaining path that exists under the repository (or beside the referring file, or in a
 * folder above it) wins.
 * A directory means its {@code defaultFile} (workflow.xml, coordinator.xml), as in Oozie.
 */
public final class AppPaths {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^${}\\s]+)}");

    private AppPaths() {}

    public static Optional<Path> resolve(
            String appPath, Map<String, String> known, Path repoRoot, Path besides, String defaultFile) {
        return resolve(appPath, known, repoRoot, besides, defaultFile, null, null);
    }

    /**
     * As {@link #resolve(String, Map, Path, Path, String)}; when nothing is found inside the repository but the path
     * leads to a file outside it (through {@code ..} or a symbolic link), an {@code IO-E002} error at {@code span}.
     */
    public static Optional<Path> resolve(
            String appPath,
            Map<String, String> known,
            Path repoRoot,
            Path besides,
            String defaultFile,
            SourceSpan span,
            Diagnostics diagnostics) {
        String path = expand(appPath.trim(), known);
        int lastEl = path.lastIndexOf('}');
        if (lastEl >= 0) {
            path = path.substring(lastEl + 1);
        }
        path = path.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        String[] segments = path.replaceAll("^/+", "").split("/+");
        // Only what lies under the repository, symbolic links followed, is a candidate (nothing else is read).
        RepoRoot root = new RepoRoot(repoRoot);
        Path outside = null;
        List<Path> between = between(besides, repoRoot);
        for (int from = 0; from < segments.length; from++) {
            String tail = String.join("/", java.util.Arrays.copyOfRange(segments, from, segments.length));
            if (tail.isEmpty()) {
                continue;
            }
            List<Path> bases = new ArrayList<>();
            bases.add(besides);
            // A lone file name (workflow.xml) is not looked for up the tree: any app directory holds one.
            if (from < segments.length - 1 || !tail.contains(".")) {
                bases.addAll(between);
            }
            bases.add(repoRoot);
            for (Path base : bases) {
                Path candidate = base.resolve(tail).normalize();
                Path file = Files.isDirectory(candidate) ? candidate.resolve(defaultFile) : candidate;
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                if (root.contains(file)) {
                    return Optional.of(root.locate(file).path());
                }
                outside = outside == null ? file : outside;
            }
        }
        if (outside != null && diagnostics != null) {
            root.file(outside, span, diagnostics); // reports IO-E002, reads nothing
        }
        return Optional.empty();
    }

    /**
     * A file an action names (a hive script, a {@code <job-xml>}) that is not where Oozie would open it in the
     * workflow's directory, looked for as an app path is: by the longest tail of its path (an HDFS URI or EL prefix
     * dropped) beside the workflow, in a folder above it, or under the repository. Maven-assembled apps keep such
     * files once, in a folder above the workflows ({@code src/main/resources/conf/hive-default.xml}), and copy them
     * into every app directory when they are packaged.
     */
    public static Optional<Path> actionFile(String path, Map<String, String> known, Path repoRoot, Path workflowDir) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.contains("${")) {
            return Optional.empty();
        }
        return resolve(path, known, repoRoot, workflowDir, name);
    }

    /**
     * The directories from {@code besides}'s parent up to (not including) {@code repoRoot}, nearest first: apps kept
     * side by side under a folder of the repository ({@code src/dist/jobs/a}, {@code src/dist/jobs/b}) are found
     * from one another by the tail their HDFS paths share ({@code ${jobDir}/b}), and an app's properties file finds
     * its own directory by its name.
     */
    private static List<Path> between(Path besides, Path repoRoot) {
        List<Path> dirs = new ArrayList<>();
        Path root = repoRoot.toAbsolutePath().normalize();
        for (Path dir = besides.toAbsolutePath().normalize().getParent();
                dir != null && dir.startsWith(root) && !dir.equals(root);
                dir = dir.getParent()) {
            dirs.add(dir);
        }
        return dirs;
    }

    /**
     * As {@link #resolve}, only when the app-path expands completely with {@code known} (the EL engine folds it to
     * text): what Oozie itself would open, rather than a guess from the path's tail.
     */
    public static Optional<Path> resolveExpanded(
            String appPath, Map<String, String> known, Path repoRoot, Path besides, String defaultFile) {
        Optional<String> folded = ElParser.parse(appPath.trim(), SourceSpan.file("app-path"), new Diagnostics())
                .flatMap(t -> ElConstantFolder.resolve(t, known));
        if (folded.isEmpty() || folded.get().contains("${")) {
            return Optional.empty();
        }
        return resolve(folded.get(), Map.of(), repoRoot, besides, defaultFile);
    }

    /**
     * The last segment of an app path, its properties expanded where known ({@code coordinator_x.xml} of
     * {@code ${nameNode}/apps/coordinator/coordinator_x.xml}); empty when it is blank or still holds EL.
     */
    public static Optional<String> lastSegment(String appPath, Map<String, String> known) {
        String path = expand(appPath.trim(), known).replaceAll("/+$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() || name.contains("${") || name.equals("..") || name.equals(".")
                ? Optional.empty()
                : Optional.of(name);
    }

    /** {@code ${name}} references expanded from {@code known} (recursively, as Hadoop's Configuration does). */
    static String expand(String text, Map<String, String> known) {
        String value = text;
        for (int i = 0; i < 20; i++) {
            Matcher m = VARIABLE.matcher(value);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String replacement = known.get(m.group(1));
                if (replacement != null) {
                    changed = true;
                    m.appendReplacement(out, Matcher.quoteReplacement(replacement));
                } else {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                }
            }
            m.appendTail(out);
            value = out.toString();
            if (!changed || value.length() > 100_000) {
                break;
            }
        }
        return value;
    }
}
