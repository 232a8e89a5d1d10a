package dev.ferry.translator.repo;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.BundleApp;
import dev.ferry.parser.oozie.BundleCoordinator;
import dev.ferry.parser.oozie.ConfigDefault;
import dev.ferry.parser.oozie.ConfigProperty;
import dev.ferry.parser.oozie.CoordinatorApp;
import dev.ferry.parser.oozie.JobProperties;
import dev.ferry.parser.oozie.OozieDocumentKind;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.workflow.AppPaths;
import dev.ferry.translator.workflow.WorkflowPlan;
import dev.ferry.translator.workflow.WorkflowSources;
import dev.ferry.translator.workflow.WorkflowTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the Oozie applications of a repository. A bundle's coordinators (found through their app-paths)
 * each become a DAG with the bundle's properties; a coordinator schedules the workflow.xml of its own
 * directory, else the one its app-path points to in the repository; a workflow no coordinator claims
 * becomes an unscheduled DAG. job.properties and config-default.xml come from the workflow's directory.
 */
public final class RepoTranslator {

    private RepoTranslator() {}

    public static Conversion translate(Path repo) {
        return translate(repo, Progress.NONE);
    }

    /** As {@link #translate(Path)}, telling {@code progress} each XML file done (bundles, coordinators, then the rest). */
    public static Conversion translate(Path repo, Progress progress) {
        Diagnostics diagnostics = new Diagnostics();
        Path root;
        try {
            // Resolved once: a repository given through a symbolic link is the directory it points to.
            root = RepoRoot.of(repo).path();
        } catch (IOException e) {
            diagnostics.report(DiagnosticCode.IO_E001, SourceSpan.file(repo.toString()), "cannot read the repository: " + e.getMessage());
            return new Conversion(String.valueOf(repo.getFileName()), List.of(), diagnostics.sorted());
        }
        List<WorkflowPlan> plans = new ArrayList<>();
        List<Path> xmlFiles = xmlFiles(root, diagnostics);
        // Each file's kind is read once (its root element only), not once per pass below.
        Map<Path, OozieDocumentKind> kinds = new HashMap<>();
        xmlFiles.forEach(file -> kinds.put(file, OozieReader.detect(file)));
        Set<Path> scheduled = new HashSet<>();
        Set<Path> bundled = new HashSet<>();
        Set<Path> done = new HashSet<>();
        for (Path file : xmlFiles) {
            if (kinds.get(file) == OozieDocumentKind.BUNDLE) {
                OozieReader.readBundle(file, display(root, file), diagnostics)
                        .ifPresent(bundle -> translateBundle(root, file, bundle, scheduled, bundled, plans, diagnostics));
                done.add(file);
                progress.advanced(done.size(), xmlFiles.size());
            }
        }
        for (Path file : xmlFiles) {
            OozieDocumentKind kind = kinds.get(file);
            if (!bundled.contains(file) && (kind == OozieDocumentKind.COORDINATOR
                    || kind == OozieDocumentKind.UNKNOWN && file.getFileName().toString().equals("coordinator.xml"))) {
                Optional<CoordinatorApp> coordinator = OozieReader.readCoordinator(file, display(root, file), diagnostics);
                if (coordinator.isEmpty()) {
                    continue;
                }
                Map<String, String> properties = properties(root, file.getParent(), diagnostics);
                Optional<Path> workflow = workflowOf(root, file, coordinator.get(), properties, diagnostics);
                if (workflow.isPresent()) {
                    scheduled.add(workflow.get());
                    // The coordinator's job.properties is what Oozie was given, wherever the workflow lives.
                    translateApp(root, workflow.get(), coordinator.get(), properties, diagnostics).ifPresent(plans::add);
                }
                done.add(file);
                progress.advanced(done.size(), xmlFiles.size());
            }
        }
        for (Path file : xmlFiles) {
            OozieDocumentKind kind = kinds.get(file);
            // A workflow.xml that is not well-formed is still read, so its syntax error is reported.
            boolean workflow = kind == OozieDocumentKind.WORKFLOW
                    || kind == OozieDocumentKind.UNKNOWN && file.getFileName().toString().equals("workflow.xml");
            if (!scheduled.contains(file) && workflow) {
                translateApp(root, file, null, Map.of(), diagnostics).ifPresent(plans::add);
            }
            if (done.add(file)) {
                progress.advanced(done.size(), xmlFiles.size());
            }
        }
        plans.sort(Comparator.comparing(WorkflowPlan::dagId));
        reportDuplicateDagIds(plans, diagnostics);
        return new Conversion(root.getFileName().toString(), plans, diagnostics.sorted());
    }

    /** Each coordinator of a bundle becomes its own DAG, with the bundle's properties, tag and pause state. */
    private static void translateBundle(Path root, Path file, BundleApp bundle, Set<Path> scheduled, Set<Path> bundled,
                                        List<WorkflowPlan> plans, Diagnostics diagnostics) {
        Map<String, String> bundleProperties = properties(root, file.getParent(), diagnostics);
        for (BundleCoordinator entry : bundle.coordinators()) {
            Map<String, String> known = BundleSchedule.properties(bundle, entry, bundleProperties);
            Optional<Path> coordinatorFile = AppPaths.resolve(entry.appPath(), known, root, file.getParent(), "coordinator.xml");
            if (coordinatorFile.isEmpty()) {
                diagnostics.report(DiagnosticCode.OOZ_W001, entry.span(), "bundle coordinator '" + entry.name()
                        + "': app-path '" + entry.appPath() + "' is not found in the repository; it is not converted");
                continue;
            }
            bundled.add(coordinatorFile.get());
            Optional<CoordinatorApp> coordinator = OozieReader.readCoordinator(coordinatorFile.get(),
                    display(root, coordinatorFile.get()), diagnostics);
            if (coordinator.isEmpty()) {
                continue;
            }
            Optional<Path> workflow = workflowOf(root, coordinatorFile.get(), coordinator.get(), known, diagnostics);
            if (workflow.isEmpty()) {
                continue;
            }
            scheduled.add(workflow.get());
            translateApp(root, workflow.get(), BundleSchedule.named(coordinator.get(), bundle, entry), known, diagnostics)
                    .map(plan -> BundleSchedule.apply(plan, bundle, entry, known, diagnostics))
                    .ifPresent(plans::add);
        }
    }

    /** The workflow a coordinator runs: workflow.xml beside it (the usual layout), else its app-path in the repo. */
    private static Optional<Path> workflowOf(Path root, Path coordinatorFile, CoordinatorApp coordinator,
                                             Map<String, String> properties, Diagnostics diagnostics) {
        Path sibling = coordinatorFile.resolveSibling("workflow.xml");
        if (Files.isRegularFile(sibling)) {
            return Optional.of(sibling);
        }
        Optional<Path> appPath = AppPaths.resolve(coordinator.workflowAppPath(), properties, root,
                coordinatorFile.getParent(), "workflow.xml");
        if (appPath.isEmpty()) {
            diagnostics.report(DiagnosticCode.OOZ_W001, coordinator.span(), "no workflow.xml beside the coordinator and"
                    + " its app-path '" + coordinator.workflowAppPath() + "' is not found in the repository; not converted");
        }
        return appPath;
    }

    private static void reportDuplicateDagIds(List<WorkflowPlan> plans, Diagnostics diagnostics) {
        Map<String, WorkflowPlan> seen = new TreeMap<>();
        for (WorkflowPlan plan : plans) {
            WorkflowPlan first = seen.putIfAbsent(plan.dagId(), plan);
            if (first != null) {
                diagnostics.report(DiagnosticCode.OOZ_E006, SourceSpan.file(plan.sourceFiles().get(0)), "DAG id '"
                        + plan.dagId() + "' is also the DAG of " + first.sourceFiles().get(0)
                        + "; one dags/" + plan.dagId() + ".py would overwrite the other", "rename one of the applications");
            }
        }
    }

    private static Map<String, String> properties(Path root, Path dir, Diagnostics diagnostics) {
        Optional<Path> file = configurationFile(root, dir, "job.properties", diagnostics);
        return file.isPresent() ? JobProperties.load(file.get(), display(root, file.get()), new Diagnostics()) : Map.of();
    }

    /** job.properties or config-default.xml of an app directory, when it is there and (links followed) in the repository. */
    private static Optional<Path> configurationFile(Path root, Path dir, String name, Diagnostics diagnostics) {
        Path file = dir.resolve(name);
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                ? new RepoRoot(root).file(file, SourceSpan.file(display(root, file)), diagnostics)
                : Optional.empty();
    }

    /**
     * {@code overrides}: properties a bundle gives the coordinator, over the workflow directory's job.properties.
     * A failure inside Ferry (any exception or {@link Error}, a stack overflow included) becomes one FERRY-E001
     * naming the app's file, and the other apps still convert.
     */
    private static Optional<WorkflowPlan> translateApp(Path root, Path workflowFile, CoordinatorApp coordinator,
                                                       Map<String, String> overrides, Diagnostics diagnostics) {
        Diagnostics app = new Diagnostics();
        try {
            Optional<WorkflowPlan> plan = translateAppUnguarded(root, workflowFile, coordinator, overrides, app);
            diagnostics.addAll(app);
            return plan;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            diagnostics.addAll(app);
            diagnostics.report(DiagnosticCode.FERRY_E001, SourceSpan.file(display(root, workflowFile)),
                    "internal error while converting this app (" + e.getClass().getSimpleName() + "): this is a Ferry bug,"
                            + " not a problem of the input", "please report it with this input; the other apps were converted");
            return Optional.empty();
        }
    }

    private static Optional<WorkflowPlan> translateAppUnguarded(Path root, Path workflowFile, CoordinatorApp coordinator,
                                                                Map<String, String> overrides, Diagnostics diagnostics) {
        Optional<WorkflowApp> workflow = OozieReader.readWorkflow(workflowFile, display(root, workflowFile), diagnostics);
        if (workflow.isEmpty()) {
            return Optional.empty();
        }
        Path dir = workflowFile.getParent();
        Optional<Path> propertiesFile = configurationFile(root, dir, "job.properties", diagnostics);
        SortedMap<String, String> properties = new TreeMap<>();
        propertiesFile.ifPresent(file -> properties.putAll(JobProperties.load(file, display(root, file), diagnostics)));
        properties.putAll(overrides);
        SortedMap<String, String> configDefault = configurationFile(root, dir, "config-default.xml", diagnostics)
                .map(file -> ConfigProperty.toMap(ConfigDefault.load(file, display(root, file), diagnostics)))
                .orElseGet(TreeMap::new);
        WorkflowSources sources = new WorkflowSources(root, dir, workflow.get(), coordinator, properties, configDefault,
                display(root, propertiesFile.orElse(workflowFile)));
        return WorkflowTranslator.translate(sources, diagnostics);
    }

    private static List<Path> xmlFiles(Path root, Diagnostics diagnostics) {
        try (Stream<Path> walk = Files.walk(root)) {
            RepoRoot repoRoot = new RepoRoot(root);
            // A symbolic link that leads out of the repository is reported and not read.
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .filter(p -> !p.getFileName().toString().equals("config-default.xml"))
                    .sorted()
                    .filter(p -> repoRoot.file(p, SourceSpan.file(display(root, p)), diagnostics).isPresent())
                    .toList();
        } catch (IOException e) {
            diagnostics.report(DiagnosticCode.IO_E001, SourceSpan.file(root.toString()), "cannot read the repository: " + e.getMessage());
            return List.of();
        }
    }

    private static String display(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
