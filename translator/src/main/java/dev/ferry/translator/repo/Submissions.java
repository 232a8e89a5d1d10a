package dev.ferry.translator.repo;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.JobProperties;
import dev.ferry.parser.oozie.OozieDocumentKind;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.parser.repo.FerryConfig;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.repo.Submission.AppKind;
import dev.ferry.translator.workflow.AppPaths;
import dev.ferry.work.InOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Finds the submissions of a repository: every {@code *.properties} file naming an application through
 * {@code oozie.wf.application.path}, {@code oozie.coord.application.path} or {@code oozie.bundle.application.path}
 * (Oozie's V1JobsServlet refuses a file naming more than one: E0302), the path expanded with the file's own
 * properties and found in the repository as {@link AppPaths} finds it; or a file that names none and that
 * ferry.yaml's {@code submissions:} maps to its application (a file or directory of the repository).
 */
final class Submissions {

    /** At most this many properties files are read (every expansion bounded). */
    static final int MAX_FILES = 10_000;

    private Submissions() {}

    /** The submissions the repository's properties files make; {@code properties}: the files as one walk met them. */
    static List<Submission> find(
            Path root, List<RepoRoot.Walked> properties, FerryConfig config, Diagnostics diagnostics) {
        List<Submission> found = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        // Each file is read on every core, into its own diagnostics, and taken here in the files' order.
        InOrder.forEach(
                propertiesFiles(root, properties, diagnostics),
                file -> {
                    Read read = new Read(new ArrayList<>(), new HashSet<>(), new Diagnostics());
                    read(root, config, file, read.found(), read.mapped(), read.diagnostics());
                    return read;
                },
                read -> {
                    found.addAll(read.found());
                    mapped.addAll(read.mapped());
                    diagnostics.addAll(read.diagnostics());
                });
        config.submissions().forEach((file, mapping) -> {
            if (!mapped.contains(file)) {
                diagnostics.report(
                        DiagnosticCode.FERRY_W011,
                        mapping.span(),
                        "ferry.yaml maps '" + file
                                + "', which is not a properties file of the repository; the mapping is not applied");
            }
        });
        return found;
    }

    /** What one properties file adds: its submission (if any), its ferry.yaml mapping (if any), its diagnostics. */
    private record Read(List<Submission> found, Set<String> mapped, Diagnostics diagnostics) {}

    /** Reads one properties file: the submission it makes, if any, into {@code found}. */
    private static void read(
            Path root,
            FerryConfig config,
            Path file,
            List<Submission> found,
            Set<String> mapped,
            Diagnostics diagnostics) {
        String display = RepoTranslator.display(root, file);
        FerryConfig.Entry<String> mapping = config.submissions().get(display);
        SortedMap<String, String> properties = JobProperties.load(file, display, diagnostics);
        List<AppKind> kinds = java.util.Arrays.stream(AppKind.values())
                .filter(k -> properties.containsKey(k.property)
                        && !properties.get(k.property).isBlank())
                .toList();
        if (kinds.size() > 1) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E011,
                    SourceSpan.file(display),
                    "the file names more than one of "
                            + kinds.stream().map(k -> k.property).toList()
                            + "; Oozie refuses such a submission (E0302)");
            return;
        }
        Optional<AppKind> kind = kinds.stream().findFirst();
        if (mapping != null) {
            mapped.add(display);
            if (kind.isPresent()) {
                diagnostics.report(
                        DiagnosticCode.FERRY_W011,
                        mapping.span(),
                        display + " names its application" + " itself (" + kind.get().property
                                + "); ferry.yaml's mapping is not applied");
            } else {
                mapped(root, display, mapping, properties, diagnostics).ifPresent(found::add);
            }
        }
        if (kind.isEmpty()) {
            return;
        }
        String appPath = properties.get(kind.get().property);
        Optional<Path> app = AppPaths.resolve(
                appPath,
                properties,
                root,
                file.getParent(),
                kind.get().defaultFile,
                SourceSpan.file(display),
                diagnostics);
        if (app.isEmpty()) {
            app = besideTheFile(root, file, kind.get());
            if (app.isPresent()) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        SourceSpan.file(display),
                        kind.get().property + " '" + appPath + "' names no directory of the repository; the "
                                + kind.get().defaultFile + " beside the file is taken as the application it submits",
                        "name the application by a path whose last directories are the repository's");
            }
        }
        if (app.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    SourceSpan.file(display),
                    kind.get().property + " '" + appPath
                            + "' names no application in the repository; this submission is not converted",
                    "keep the application in the repository");
            return;
        }
        found.add(new Submission(display, kind.get(), app.get(), properties));
    }

    /**
     * The application of {@code kind} in the properties file's own directory ({@code coordinator.xml} beside a file
     * naming {@code oozie.coord.application.path}): teams keep the file in the directory they upload to the path it
     * names, under whatever name the directory has in HDFS.
     */
    private static Optional<Path> besideTheFile(Path root, Path file, AppKind kind) {
        RepoRoot repoRoot = new RepoRoot(root);
        Path candidate = file.getParent().resolve(kind.defaultFile);
        if (!repoRoot.contains(candidate)) {
            return Optional.empty();
        }
        Path located = repoRoot.locate(candidate).path();
        return OozieReader.detect(located).name().equals(kind.name()) ? Optional.of(located) : Optional.empty();
    }

    /** The submission ferry.yaml maps a properties file to: an app's XML file, or the directory holding one. */
    private static Optional<Submission> mapped(
            Path root,
            String display,
            FerryConfig.Entry<String> mapping,
            SortedMap<String, String> properties,
            Diagnostics diagnostics) {
        RepoRoot repoRoot = new RepoRoot(root);
        RepoRoot.Located located = repoRoot.locate(root, mapping.value());
        if (located.outside()) {
            repoRoot.checked(located, mapping.span(), diagnostics);
            return Optional.empty();
        }
        Path target = located.path();
        List<Path> candidates = Files.isDirectory(target)
                ? Stream.of(AppKind.values())
                        .map(k -> target.resolve(k.defaultFile))
                        .toList()
                : List.of(target);
        for (Path candidate : candidates) {
            OozieDocumentKind document =
                    Files.isRegularFile(candidate) ? OozieReader.detect(candidate) : OozieDocumentKind.UNKNOWN;
            for (AppKind kind : AppKind.values()) {
                if (document.name().equals(kind.name())) {
                    return Optional.of(new Submission(
                            display, kind, candidate.toAbsolutePath().normalize(), properties));
                }
            }
        }
        diagnostics.report(
                DiagnosticCode.FERRY_W011,
                mapping.span(),
                "ferry.yaml maps " + display + " to '" + mapping.value()
                        + "', which holds no workflow, coordinator or bundle; the file is not converted");
        return Optional.empty();
    }

    private static List<Path> propertiesFiles(Path root, List<RepoRoot.Walked> walked, Diagnostics diagnostics) {
        RepoRoot repoRoot = new RepoRoot(root);
        // A symbolic link that leads out of the repository is reported (IO-E002) and not read.
        List<Path> files = walked.stream()
                .flatMap(w ->
                        repoRoot
                                .walkedFile(w, SourceSpan.file(RepoTranslator.display(root, w.path())), diagnostics)
                                .stream())
                .toList();
        if (files.size() > MAX_FILES) {
            diagnostics.report(
                    DiagnosticCode.IO_E003,
                    SourceSpan.file(RepoTranslator.display(root, files.get(MAX_FILES))),
                    "the repository holds " + files.size() + " properties files; Ferry reads the first " + MAX_FILES
                            + " (in path order) as submissions and stops here",
                    "convert the repository in parts");
            return files.subList(0, MAX_FILES);
        }
        return files;
    }
}
