package dev.ferry.translator.repo;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.hive.HiveTables;
import dev.ferry.parser.oozie.BundleApp;
import dev.ferry.parser.oozie.BundleCoordinator;
import dev.ferry.parser.oozie.ConfigDefault;
import dev.ferry.parser.oozie.ConfigProperty;
import dev.ferry.parser.oozie.CoordinatorApp;
import dev.ferry.parser.oozie.JobProperties;
import dev.ferry.parser.oozie.OozieDocumentKind;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.parser.oozie.Parameter;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.parser.repo.FerryConfig;
import dev.ferry.parser.repo.FerryConfigReader;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.workflow.AppPaths;
import dev.ferry.translator.workflow.CoordinatorSchedule;
import dev.ferry.translator.workflow.PropagatedSecrets;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.UsedParams;
import dev.ferry.translator.workflow.WorkflowPlan;
import dev.ferry.translator.workflow.WorkflowSources;
import dev.ferry.translator.workflow.WorkflowTranslator;
import dev.ferry.translator.workflow.WorkflowTranslator.DagNames;
import dev.ferry.work.InOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the Oozie applications of a repository and what Oozie was given for each. The unit is the submission
 * ({@link Submissions}): every properties file naming an application path is one DAG (a bundle's: one per
 * coordinator entry), with that file's properties. Applications no such file names are converted as before:
 * a bundle or coordinator with the {@code job.properties} beside it; a coordinator schedules the workflow its
 * app-path names (else the workflow.xml beside it); a workflow nothing schedules becomes an unscheduled DAG.
 * Every application is translated on its own: one that fails is listed in {@link Conversion#failed()} and the
 * others still convert. Two applications with the same DAG id are told apart by their paths (a warning).
 */
public final class RepoTranslator {

    private static final Set<String> CONVENTIONAL_NAMES = Set.of("job", "coordinator", "bundle", "workflow");

    private RepoTranslator() {}

    /** One DAG to translate: an app, the properties it was submitted with, and its own diagnostics. */
    private record AppJob(
            String baseId,
            String origin,
            String app,
            Path workflowFile,
            WorkflowApp workflow,
            CoordinatorApp coordinator,
            BundleApp bundle,
            BundleCoordinator entry,
            SortedMap<String, String> properties,
            String propertiesFile,
            Diagnostics diagnostics) {}

    private record Translated(AppJob job, Optional<WorkflowPlan> plan) {}

    public static Conversion translate(Path repo) {
        return translate(repo, Progress.NONE);
    }

    /** As {@link #translate(Path)}, telling {@code progress} each application translated. */
    public static Conversion translate(Path repo, Progress progress) {
        return translate(repo, progress, HiveTables.NONE);
    }

    /**
     * As {@link #translate(Path, Progress)}, the Hive tables that HCatLoader and HCatStorer name described by {@code
     * hiveTables} (the metastore the user gives).
     */
    public static Conversion translate(Path repo, Progress progress, HiveTables hiveTables) {
        Diagnostics repoDiagnostics = new Diagnostics();
        Path root;
        try {
            // Resolved once: a repository given through a symbolic link is the directory it points to.
            root = RepoRoot.of(repo).path();
        } catch (IOException e) {
            repoDiagnostics.report(
                    DiagnosticCode.IO_E001,
                    SourceSpan.file(repo.toString()),
                    "cannot read the repository: " + e.getMessage());
            return new Conversion(String.valueOf(repo.getFileName()), List.of(), repoDiagnostics.sorted());
        }
        RepoFiles files = repoFiles(root, repoDiagnostics);
        List<Path> xmlFiles = files.xml();
        // Each file's kind is read once (its root element only), not once per pass below; on every core.
        Map<Path, OozieDocumentKind> kinds = new HashMap<>();
        InOrder.forEach(
                xmlFiles, file -> Map.entry(file, OozieReader.detect(file)), e -> kinds.put(e.getKey(), e.getValue()));
        // Each pass reads its applications (XML parsed and validated) on every core, each into its own Found, merged
        // here in the files' order: the same lists as one thread reading them in turn. A pass only reads the sets the
        // passes before it filled.
        Found found = new Found();
        List<AppJob> jobs = found.jobs();
        List<FailedApp> failed = found.failed();
        Set<Path> scheduled = found.scheduled();
        Set<Path> bundled = found.bundled();
        FerryConfig config = FerryConfigReader.read(root, repoDiagnostics);
        List<Submission> submissions = Submissions.find(root, files.properties(), config, repoDiagnostics);
        Set<Path> submitted = submissions.stream().map(Submission::app).collect(Collectors.toSet());
        List<Path> coordinatorFiles = xmlFiles.stream()
                .filter(file -> kinds.get(file) == OozieDocumentKind.COORDINATOR)
                .toList();
        readEach(
                submissions,
                (s, each) -> {
                    Diagnostics d = new Diagnostics();
                    String origin = origin(s.propertiesFile(), ".properties");
                    switch (s.kind()) {
                        case BUNDLE ->
                            bundleJobs(
                                    root,
                                    s.app(),
                                    s.properties(),
                                    s.propertiesFile(),
                                    origin,
                                    coordinatorFiles,
                                    each,
                                    d);
                        case COORDINATOR ->
                            coordinatorJob(
                                            root,
                                            s.app(),
                                            s.properties(),
                                            s.propertiesFile(),
                                            origin,
                                            each.scheduled(),
                                            d)
                                    .ifPresentOrElse(
                                            each.jobs()::add, () -> fail(each.failed(), s.propertiesFile(), d));
                        case WORKFLOW ->
                            workflowJob(root, s.app(), s.properties(), s.propertiesFile(), origin, d)
                                    .ifPresentOrElse(
                                            each.jobs()::add, () -> fail(each.failed(), s.propertiesFile(), d));
                    }
                },
                found);
        List<Path> bundles = xmlFiles.stream()
                .filter(file -> !submitted.contains(file) && kinds.get(file) == OozieDocumentKind.BUNDLE)
                .toList();
        readEach(
                bundles,
                (file, each) -> {
                    Diagnostics d = new Diagnostics();
                    Optional<Path> properties = beside(root, file, d);
                    bundleJobs(
                            root,
                            file,
                            properties(root, file.getParent(), d),
                            properties.map(p -> display(root, p)).orElse(null),
                            origin(display(root, file), ".xml"),
                            coordinatorFiles,
                            each,
                            d);
                },
                found);
        List<Path> coordinators = xmlFiles.stream()
                .filter(file -> !submitted.contains(file)
                        && !bundled.contains(file)
                        && isA(kinds, file, OozieDocumentKind.COORDINATOR, "coordinator.xml"))
                .toList();
        readEach(
                coordinators,
                (file, each) -> {
                    Diagnostics d = new Diagnostics();
                    // The coordinator's job.properties is what Oozie was given, wherever the workflow lives.
                    Optional<Path> properties = beside(root, file, d);
                    SortedMap<String, String> known = properties(root, file.getParent(), d);
                    coordinatorJob(
                                    root,
                                    file,
                                    known,
                                    properties.map(p -> display(root, p)).orElse(null),
                                    origin(display(root, file), ".xml"),
                                    each.scheduled(),
                                    d)
                            .map(job -> withWorkflowDirProperties(root, job))
                            .filter(job -> schedulable(job) || !submitsAnother(root, properties, submissions, file, d))
                            .ifPresentOrElse(each.jobs()::add, () -> fail(each.failed(), display(root, file), d));
                },
                found);
        // A workflow.xml that is not well-formed is still read, so its syntax error is reported.
        List<Path> workflows = xmlFiles.stream()
                .filter(file -> !submitted.contains(file)
                        && !scheduled.contains(file)
                        && isA(kinds, file, OozieDocumentKind.WORKFLOW, "workflow.xml"))
                .toList();
        readEach(
                workflows,
                (file, each) -> {
                    Diagnostics d = new Diagnostics();
                    workflowJob(root, file, new TreeMap<>(), null, origin(display(root, file), ".xml"), d)
                            .map(job -> withWorkflowDirProperties(root, job))
                            .ifPresentOrElse(each.jobs()::add, () -> fail(each.failed(), display(root, file), d));
                },
                found);
        List<WorkflowPlan> plans = new ArrayList<>();
        Diagnostics all = new Diagnostics();
        all.addAll(repoDiagnostics);
        failed.forEach(f -> f.diagnostics().forEach(all::add));
        found.reported().forEach(all::add);
        Map<AppJob, String> ids = DagIds.disambiguate(jobs, AppJob::baseId, AppJob::origin);
        for (AppJob job : jobs) {
            String dagId = ids.get(job);
            if (!dagId.equals(job.baseId())) {
                job.diagnostics()
                        .report(
                                DiagnosticCode.OOZ_W030,
                                SourceSpan.file(job.app()),
                                "DAG id '" + job.baseId()
                                        + "' is shared with another application of the repository; this one becomes '"
                                        + dagId + "'",
                                "rename the application if another DAG id reads better");
            }
        }
        // Each application translates on its own (its own diagnostics, nothing shared), so on every core at once;
        // results are taken in the jobs' order.
        int[] done = {0};
        InOrder.forEach(
                jobs, job -> new Translated(job, translateJob(root, job, ids.get(job), hiveTables)), translated -> {
                    AppJob job = translated.job();
                    translated.plan().ifPresent(plans::add);
                    if (translated.plan().isEmpty() || job.diagnostics().hasErrors()) {
                        fail(
                                failed,
                                job.propertiesFile() != null ? job.propertiesFile() : job.app(),
                                job.diagnostics());
                    }
                    job.diagnostics().sorted().forEach(all::add);
                    progress.advanced(++done[0], jobs.size());
                });
        Set<Path> read = jobs.stream().map(AppJob::workflowFile).collect(Collectors.toSet());
        List<StandaloneScript> standalone = StandaloneScripts.translate(
                root,
                files.pig(),
                plans.stream()
                        .flatMap(p -> p.tasks().stream())
                        .filter(t -> t instanceof TaskNode.FlinkJob)
                        .map(t -> ((TaskNode.FlinkJob) t).job().sourceFile())
                        .collect(Collectors.toSet()),
                jobs.stream().map(AppJob::workflow).toList(),
                xmlFiles.stream() // workflows that did not convert: no coordinator or bundle names a script
                        .filter(f -> !read.contains(f))
                        .filter(f ->
                                kinds.get(f) == OozieDocumentKind.WORKFLOW || kinds.get(f) == OozieDocumentKind.UNKNOWN)
                        .toList(),
                hiveTables,
                all);
        List<WorkflowPlan> sized = new ArrayList<>(JobSizing.apply(plans, config.sizing(), all));
        sized.sort(Comparator.comparing(WorkflowPlan::dagId));
        failed.sort(Comparator.comparing(FailedApp::app));
        List<Diagnostic> distinct = new ArrayList<>(new LinkedHashSet<>(all.sorted()));
        return new Conversion(
                root.getFileName().toString(),
                UsedParams.apply(PropagatedSecrets.apply(sized)),
                distinct,
                dedupe(failed),
                standalone);
    }

    /** The coordinator's start and end resolve to times with the properties it is converted with. */
    private static boolean schedulable(AppJob job) {
        return Stream.of(job.coordinator().start(), job.coordinator().end())
                .allMatch(time -> CoordinatorSchedule.resolve(time, job.properties())
                        .flatMap(CoordinatorSchedule::oozieTime)
                        .isPresent());
    }

    /**
     * Whether the properties file beside an unsubmitted coordinator submits another application (Oozie runs one per
     * file, E0302): then a coordinator those properties cannot schedule is not what the file was made for, and is
     * reported as not submitted rather than as an error of the repository.
     */
    private static boolean submitsAnother(
            Path root, Optional<Path> properties, List<Submission> submissions, Path file, Diagnostics diagnostics) {
        Optional<Submission> other = properties.flatMap(p -> submissions.stream()
                .filter(s -> s.propertiesFile().equals(display(root, p)))
                .findFirst());
        other.ifPresent(o -> diagnostics.report(
                DiagnosticCode.OOZ_W001,
                SourceSpan.file(display(root, file)),
                "no properties file submits this coordinator, and its start or end needs properties that "
                        + o.propertiesFile() + " beside it, which submits " + display(root, o.app())
                        + ", does not give; not converted",
                "submit it with a properties file naming oozie.coord.application.path"));
        return other.isPresent();
    }

    private static List<FailedApp> dedupe(List<FailedApp> failed) {
        Map<String, FailedApp> byApp = new LinkedHashMap<>();
        failed.forEach(f -> byApp.putIfAbsent(f.app(), f));
        return List.copyOf(byApp.values());
    }

    private static void fail(List<FailedApp> failed, String app, Diagnostics diagnostics) {
        failed.add(new FailedApp(app, diagnostics.sorted()));
    }

    /** The path that tells an app apart from others of the same name: its file, or its directory for a conventional name. */
    private static String origin(String display, String extension) {
        String path =
                display.endsWith(extension) ? display.substring(0, display.length() - extension.length()) : display;
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return CONVENTIONAL_NAMES.contains(path) ? "" : path; // the repository's own job.properties: its root
        }
        return slash > 0 && CONVENTIONAL_NAMES.contains(path.substring(slash + 1)) ? path.substring(0, slash) : path;
    }

    /** Each coordinator entry of a bundle becomes its own DAG, with the bundle's properties, tag and pause state. */
    /** Reads each item into its own Found on every core, adding each to {@code into} in the items' order. */
    private static <T> void readEach(List<T> items, BiConsumer<T, Found> read, Found into) {
        InOrder.forEach(
                items,
                item -> {
                    Found each = new Found();
                    read.accept(item, each);
                    return each;
                },
                into::add);
    }

    /** The file is of this kind, or of none Ferry recognised and named as Oozie names that kind. */
    private static boolean isA(Map<Path, OozieDocumentKind> kinds, Path file, OozieDocumentKind kind, String name) {
        OozieDocumentKind found = kinds.get(file);
        return found == kind
                || found == OozieDocumentKind.UNKNOWN
                        && file.getFileName().toString().equals(name);
    }

    /**
     * What reading applications adds to the repository's lists: the jobs found, the apps that failed, the workflows
     * a coordinator schedules, the coordinators a bundle names, and what a bundle reports of entries that are no job.
     */
    private record Found(
            List<AppJob> jobs,
            List<FailedApp> failed,
            Set<Path> scheduled,
            Set<Path> bundled,
            List<Diagnostic> reported) {
        Found() {
            this(new ArrayList<>(), new ArrayList<>(), new HashSet<>(), new HashSet<>(), new ArrayList<>());
        }

        void add(Found other) {
            jobs.addAll(other.jobs);
            failed.addAll(other.failed);
            reported.addAll(other.reported);
            scheduled.addAll(other.scheduled);
            bundled.addAll(other.bundled);
        }
    }

    private static void bundleJobs(
            Path root,
            Path file,
            SortedMap<String, String> properties,
            String propertiesFile,
            String origin,
            List<Path> coordinatorFiles,
            Found found,
            Diagnostics diagnostics) {
        Set<Path> scheduled = found.scheduled();
        Set<Path> bundled = found.bundled();
        List<AppJob> jobs = found.jobs();
        List<FailedApp> failed = found.failed();
        String app = propertiesFile != null ? propertiesFile : display(root, file);
        Optional<BundleApp> read = OozieReader.readBundle(file, display(root, file), diagnostics);
        if (read.isEmpty()) {
            fail(failed, app, diagnostics);
            return;
        }
        BundleApp bundle = BundleSchedule.resolveName(read.get(), properties);
        for (BundleCoordinator entry : bundle.coordinators()) {
            Diagnostics d = new Diagnostics();
            d.addAll(diagnostics);
            Map<String, String> known = BundleSchedule.properties(bundle, entry, properties);
            Optional<Path> coordinatorFile = AppPaths.resolve(
                            entry.appPath(), known, root, file.getParent(), "coordinator.xml", entry.span(), d)
                    .or(() -> coordinatorNamed(root, entry, known, coordinatorFiles, d));
            if (coordinatorFile.isEmpty()) {
                d.report(
                        DiagnosticCode.OOZ_W001,
                        entry.span(),
                        "bundle coordinator '" + entry.name() + "': app-path '" + entry.appPath()
                                + "' is not found in the repository; it is not converted");
                diagnostics.addAll(d);
                continue;
            }
            bundled.add(coordinatorFile.get());
            coordinatorJob(
                            root,
                            coordinatorFile.get(),
                            new TreeMap<>(known),
                            propertiesFile,
                            origin + "/" + entry.name(),
                            scheduled,
                            d)
                    .map(job -> new AppJob(
                            DagNames.dagId(bundle.name() + "." + entry.name()),
                            job.origin(),
                            app,
                            job.workflowFile(),
                            job.workflow(),
                            BundleSchedule.named(job.coordinator(), bundle, entry),
                            bundle,
                            entry,
                            job.properties(),
                            job.propertiesFile(),
                            job.diagnostics()))
                    .ifPresentOrElse(jobs::add, () -> fail(failed, app + ": " + entry.name(), d));
        }
        // what the bundle itself reports (an entry whose app-path is not found) even when no entry converts
        found.reported().addAll(diagnostics.sorted());
    }

    /** A coordinator with the properties it is submitted with; its name resolved as Oozie resolves it at submission. */
    private static Optional<AppJob> coordinatorJob(
            Path root,
            Path file,
            SortedMap<String, String> properties,
            String propertiesFile,
            String origin,
            Set<Path> scheduled,
            Diagnostics diagnostics) {
        Optional<CoordinatorApp> read = OozieReader.readCoordinator(file, display(root, file), diagnostics);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        CoordinatorApp c = read.get();
        SortedMap<String, String> known = withDefaults(c.parameters(), properties);
        Optional<Path> workflow = workflowOf(root, file, c, known, diagnostics);
        if (workflow.isEmpty()) {
            return Optional.empty();
        }
        scheduled.add(workflow.get());
        Optional<WorkflowApp> app =
                OozieReader.readWorkflow(workflow.get(), display(root, workflow.get()), diagnostics);
        if (app.isEmpty()) {
            return Optional.empty();
        }
        String name = CoordinatorSchedule.resolve(c.name(), known).orElse(c.name());
        CoordinatorApp named = c.withName(name);
        return Optional.of(new AppJob(
                DagNames.dagId(name),
                origin,
                propertiesFile != null ? propertiesFile : display(root, file),
                workflow.get(),
                app.get(),
                named,
                null,
                null,
                properties,
                propertiesFile,
                diagnostics));
    }

    private static Optional<AppJob> workflowJob(
            Path root,
            Path file,
            SortedMap<String, String> properties,
            String propertiesFile,
            String origin,
            Diagnostics diagnostics) {
        Optional<WorkflowApp> read = OozieReader.readWorkflow(file, display(root, file), diagnostics);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        WorkflowApp w = read.get();
        SortedMap<String, String> known = withDefaults(w.parameters(), properties);
        String name = CoordinatorSchedule.resolve(w.name(), known).orElse(w.name());
        WorkflowApp named = new WorkflowApp(
                name,
                w.namespace(),
                w.span(),
                w.startTo(),
                w.nodes(),
                w.global(),
                w.parameters(),
                w.credentials(),
                w.file(),
                w.startSpan(),
                w.otherElements());
        return Optional.of(new AppJob(
                DagNames.dagId(named),
                origin,
                propertiesFile != null ? propertiesFile : display(root, file),
                file,
                named,
                null,
                null,
                null,
                properties,
                propertiesFile,
                diagnostics));
    }

    /** Without a submission naming it, an app also sees the job.properties of its workflow's directory (under its own). */
    private static AppJob withWorkflowDirProperties(Path root, AppJob job) {
        Optional<Path> besideWorkflow = beside(root, job.workflowFile(), job.diagnostics());
        if (besideWorkflow.isEmpty()) {
            return job;
        }
        SortedMap<String, String> merged = new TreeMap<>(
                JobProperties.load(besideWorkflow.get(), display(root, besideWorkflow.get()), job.diagnostics()));
        merged.putAll(job.properties());
        String file = job.propertiesFile() != null ? job.propertiesFile() : display(root, besideWorkflow.get());
        return new AppJob(
                job.baseId(),
                job.origin(),
                job.app(),
                job.workflowFile(),
                job.workflow(),
                job.coordinator(),
                job.bundle(),
                job.entry(),
                merged,
                file,
                job.diagnostics());
    }

    private static SortedMap<String, String> withDefaults(List<Parameter> parameters, Map<String, String> properties) {
        SortedMap<String, String> known = new TreeMap<>();
        parameters.stream().filter(p -> p.value() != null).forEach(p -> known.put(p.name(), p.value()));
        known.putAll(properties);
        return known;
    }

    /**
     * The coordinator a bundle's app-path means when no tail of the path is in the repository (the bundle names where
     * the app is deployed, {@code ${nameNode}/apps/coordinator/coordinator_x.xml}, the repository keeps it at
     * {@code oozie/x/coordinator_x.xml}): the one coordinator of the repository whose file name is the path's last
     * segment, or, for a directory, the one {@code coordinator.xml} in a directory of that name. OOZ-W033 says which
     * file was taken; none when no coordinator or several have that name (the caller reports it, naming them).
     */
    private static Optional<Path> coordinatorNamed(
            Path root,
            BundleCoordinator entry,
            Map<String, String> known,
            List<Path> coordinatorFiles,
            Diagnostics diagnostics) {
        Optional<String> name = AppPaths.lastSegment(entry.appPath(), known);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<Path> named = coordinatorFiles.stream()
                .filter(f -> f.getFileName().toString().equals(name.get())
                        || (f.getFileName().toString().equals("coordinator.xml")
                                && f.getParent() != null
                                && f.getParent().getFileName() != null
                                && f.getParent().getFileName().toString().equals(name.get())))
                .toList();
        if (named.size() != 1) {
            if (named.size() > 1) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        entry.span(),
                        "bundle coordinator '" + entry.name() + "': " + named.size() + " coordinators of the"
                                + " repository are named '" + name.get() + "' ("
                                + named.stream().map(f -> display(root, f)).collect(Collectors.joining(", "))
                                + "), none is taken",
                        "make the app-path name the coordinator's path in the repository");
            }
            return Optional.empty();
        }
        diagnostics.report(
                DiagnosticCode.OOZ_W033,
                entry.span(),
                "bundle coordinator '" + entry.name() + "': app-path '" + entry.appPath()
                        + "' names no path of the repository; " + display(root, named.get(0))
                        + ", the one coordinator named '" + name.get() + "', is taken",
                "check that it is the coordinator the bundle deploys");
        return Optional.of(named.get(0));
    }

    /**
     * The workflow a coordinator runs: its app-path in the repository (expanded with the submission's properties),
     * else the workflow.xml beside it (the usual layout).
     */
    private static Optional<Path> workflowOf(
            Path root,
            Path coordinatorFile,
            CoordinatorApp coordinator,
            Map<String, String> properties,
            Diagnostics diagnostics) {
        Path sibling = coordinatorFile.resolveSibling("workflow.xml");
        Optional<Path> appPath = coordinator.workflowAppPath() == null
                ? Optional.empty()
                : AppPaths.resolveExpanded(
                        coordinator.workflowAppPath(), properties, root, coordinatorFile.getParent(), "workflow.xml");
        if (appPath.isPresent()) {
            return appPath;
        }
        if (Files.isRegularFile(sibling)) {
            return Optional.of(sibling);
        }
        appPath = coordinator.workflowAppPath() == null
                ? Optional.empty()
                : AppPaths.resolve(
                        coordinator.workflowAppPath(),
                        properties,
                        root,
                        coordinatorFile.getParent(),
                        "workflow.xml",
                        coordinator.span(),
                        diagnostics);
        if (appPath.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    coordinator.span(),
                    "no workflow.xml beside the coordinator and" + " its app-path '" + coordinator.workflowAppPath()
                            + "' is not found in the repository; not converted");
        }
        return appPath;
    }

    /**
     * A failure inside Ferry (any exception or {@link Error}, a stack overflow included) becomes one FERRY-E001
     * naming the app, and the other apps still convert.
     */
    private static Optional<WorkflowPlan> translateJob(Path root, AppJob job, String dagId, HiveTables hiveTables) {
        try {
            return translateJobUnguarded(root, job, dagId, hiveTables);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            job.diagnostics()
                    .report(
                            DiagnosticCode.FERRY_E001,
                            SourceSpan.file(job.app()),
                            "internal error while converting this app ("
                                    + e.getClass().getSimpleName() + "): this is a Ferry bug,"
                                    + " not a problem of the input",
                            "please report it with this input; the other apps were converted");
            return Optional.empty();
        }
    }

    private static Optional<WorkflowPlan> translateJobUnguarded(
            Path root, AppJob job, String dagId, HiveTables hiveTables) {
        Path dir = job.workflowFile().getParent();
        SortedMap<String, String> properties = new TreeMap<>(job.properties());
        SortedMap<String, String> configDefault = configurationFile(root, dir, "config-default.xml", job.diagnostics())
                .map(file -> ConfigProperty.toMap(ConfigDefault.load(file, display(root, file), job.diagnostics())))
                .orElseGet(TreeMap::new);
        WorkflowSources sources = new WorkflowSources(
                root,
                dir,
                job.workflow(),
                job.coordinator(),
                properties,
                configDefault,
                job.propertiesFile() != null ? job.propertiesFile() : display(root, job.workflowFile()),
                dagId,
                hiveTables);
        Optional<WorkflowPlan> plan = WorkflowTranslator.translate(sources, job.diagnostics());
        if (job.bundle() != null) {
            plan = plan.map(p -> BundleSchedule.apply(p, job.bundle(), job.entry(), properties, job.diagnostics()));
        }
        return plan;
    }

    /** The job.properties beside {@code file}, when it is there and (links followed) in the repository. */
    private static Optional<Path> beside(Path root, Path file, Diagnostics diagnostics) {
        return configurationFile(root, file.getParent(), "job.properties", diagnostics);
    }

    private static SortedMap<String, String> properties(Path root, Path dir, Diagnostics diagnostics) {
        Optional<Path> file = configurationFile(root, dir, "job.properties", diagnostics);
        return file.isPresent()
                ? new TreeMap<>(JobProperties.load(file.get(), display(root, file.get()), diagnostics))
                : new TreeMap<>();
    }

    /** job.properties or config-default.xml of an app directory, when it is there and (links followed) in the repository. */
    private static Optional<Path> configurationFile(Path root, Path dir, String name, Diagnostics diagnostics) {
        Path file = dir.resolve(name);
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                ? new RepoRoot(root).file(file, SourceSpan.file(display(root, file)), diagnostics)
                : Optional.empty();
    }

    /**
     * The repository's Oozie XML files and Pig scripts, sorted, and its properties files as walked (sorted, links not
     * yet checked: {@link Submissions} reports those), from one walk.
     */
    private record RepoFiles(List<Path> xml, List<Path> pig, List<RepoRoot.Walked> properties) {}

    private static RepoFiles repoFiles(Path root, Diagnostics diagnostics) {
        RepoRoot repoRoot = new RepoRoot(root);
        List<RepoRoot.Walked> walked;
        try {
            walked = repoRoot.walk(name -> name.endsWith(".xml") && !name.equals("config-default.xml")
                    || name.endsWith(".pig")
                    || name.endsWith(".properties"));
        } catch (IOException e) {
            diagnostics.report(
                    DiagnosticCode.IO_E001,
                    SourceSpan.file(root.toString()),
                    "cannot read the repository: " + e.getMessage());
            return new RepoFiles(List.of(), List.of(), List.of());
        }
        // A symbolic link that leads out of the repository is reported and not read (an XML file) or not
        // translated (a script: a pig action that names it reports it).
        return new RepoFiles(
                walked.stream()
                        .filter(w -> w.path().getFileName().toString().endsWith(".xml"))
                        .flatMap(w ->
                                repoRoot.walkedFile(w, SourceSpan.file(display(root, w.path())), diagnostics).stream())
                        .toList(),
                walked.stream()
                        .filter(w -> w.path().getFileName().toString().endsWith(".pig"))
                        .filter(repoRoot::walkedFileInside)
                        .map(RepoRoot.Walked::path)
                        .toList(),
                walked.stream()
                        .filter(w -> w.path().getFileName().toString().endsWith(".properties"))
                        .toList());
    }

    static String display(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
