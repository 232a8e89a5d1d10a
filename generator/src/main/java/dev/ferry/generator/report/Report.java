package dev.ferry.generator.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Severity;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.repo.StandaloneScript;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a conversion produced, as data: the model of report.json (schema {@code report.schema.json}, version
 * {@link #SCHEMA_VERSION}), report.html, and the CI formats of {@code ferry check}. Field order is output order.
 *
 * @param apps  the conversion grouped by application directory (the directory of a DAG's first source file):
 *              one JUnit test case per app
 * @param scripts the repository's Pig scripts that no workflow runs, translated on their own
 * @param files every file written beside report.json with its SHA-256, so {@code ferry check --against} can tell
 *              a hand edit (the file no longer has the hash Ferry wrote) from drift (Ferry now writes another)
 */
public record Report(
        int schemaVersion,
        String repository,
        Summary summary,
        List<Dag> dags,
        List<App> apps,
        List<Script> scripts,
        List<Finding> diagnostics,
        List<GeneratedFile> files)
        implements Json.Fields {

    /** Bumped only when a field is removed or changes meaning; new fields keep the version. */
    public static final int SCHEMA_VERSION = 1;

    public record Summary(int dags, int tasks, int todoTasks, int errors, int warnings, int notes)
            implements Json.Fields {}

    /** One generated DAG; {@code schedule} is null for a DAG triggered by hand. */
    public record Dag(
            String id,
            String file,
            List<String> sources,
            String schedule,
            List<Task> tasks,
            List<Transition> transitions)
            implements Json.Fields {}

    /**
     * One task: {@code kind} is the task node's kind in snake case ({@code flink_job}, {@code pod_job},
     * {@code placeholder}...); {@code todo} is true for an action that is not translated and fails with a TODO, or a node whose EL
     * does not parse (it fails the run, as Oozie fails the job).
     */
    public record Task(String id, String kind, String source, boolean todo, List<String> outputs)
            implements Json.Fields {}

    /** An Oozie transition: {@code port} is next, ok, error or case. */
    public record Transition(String from, String port, String to) implements Json.Fields {}

    /** One diagnostic; {@code severity} is error, warning or info; {@code hint} is empty when there is none. */
    public record Finding(String code, String severity, String file, int line, int column, String message, String hint)
            implements Json.Fields {

        static Finding of(Diagnostic d) {
            return new Finding(
                    d.code().id(),
                    d.severity().label(),
                    d.span().file(),
                    d.span().line(),
                    d.span().column(),
                    d.message(),
                    d.hint());
        }

        @JsonIgnore
        public boolean isError() {
            return severity.equals(Severity.ERROR.label());
        }
    }

    /** A generated file (path relative to the migrated repository) and the SHA-256 of its UTF-8 bytes. */
    public record GeneratedFile(String path, String sha256) implements Json.Fields {

        public static String sha256(String content) {
            return sha256(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public static String sha256(byte[] content) {
            try {
                return java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(content));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    /**
     * The same report listing the generated files, given as path → SHA-256 (hex); report.json itself is left out (it
     * cannot hash itself).
     */
    public Report withHashes(Map<String, String> hashes) {
        List<GeneratedFile> list = new ArrayList<>();
        new TreeMap<>(hashes).forEach((path, sha256) -> {
            if (!path.equals("report.json")) {
                list.add(new GeneratedFile(path, sha256));
            }
        });
        return new Report(schemaVersion, repository, summary, dags, apps, scripts, diagnostics, List.copyOf(list));
    }

    /**
     * A Pig script no workflow runs: {@code status} is translated, todo, error or nothing_stored; {@code output} is
     * its SQL file (empty unless translated); {@code parameters} are the Pig parameters the job needs when it runs;
     * {@code reason} is the first TODO or error ({@code file:line:col: message}), empty otherwise.
     */
    public record Script(String source, String status, String output, List<String> parameters, String reason)
            implements Json.Fields {

        static Script of(StandaloneScript s) {
            return new Script(s.source(), s.status().label(), s.outputPath(), s.parameters(), s.reason());
        }
    }

    /** An application directory, the DAGs generated from it, their TODO tasks and the diagnostics about its files. */
    public record App(String path, List<String> dags, int todoTasks, List<Finding> diagnostics)
            implements Json.Fields {}

    public static Report of(Conversion conversion) {
        List<Dag> dags = new ArrayList<>();
        Map<String, List<String>> dagsByApp = new TreeMap<>();
        Map<String, Integer> todosByApp = new TreeMap<>();
        int tasks = 0;
        int todoTasks = 0;
        for (WorkflowPlan plan : conversion.plans()) {
            List<Task> planTasks = new ArrayList<>();
            for (TaskNode task : plan.tasks()) {
                boolean todo = todo(task);
                planTasks.add(new Task(task.id(), kind(task), task.span().toString(), todo, outputs(task)));
                todoTasks += todo ? 1 : 0;
            }
            tasks += planTasks.size();
            List<Transition> transitions = plan.edges().stream()
                    .map(e -> new Transition(e.from(), e.port().name().toLowerCase(java.util.Locale.ROOT), e.to()))
                    .toList();
            dags.add(new Dag(
                    plan.dagId(),
                    "dags/" + plan.dagId() + ".py",
                    plan.sourceFiles(),
                    plan.schedule() == null ? null : plan.schedule().describe(),
                    planTasks,
                    transitions));
            dagsByApp.computeIfAbsent(appOf(plan), k -> new ArrayList<>()).add(plan.dagId());
            todosByApp.merge(
                    appOf(plan), (int) planTasks.stream().filter(Task::todo).count(), Integer::sum);
        }
        List<Finding> findings =
                conversion.diagnostics().stream().map(Finding::of).toList();
        Map<String, List<Finding>> findingsByApp = new TreeMap<>();
        for (Finding f : findings) {
            findingsByApp
                    .computeIfAbsent(appOfFile(f.file(), dagsByApp.keySet()), k -> new ArrayList<>())
                    .add(f);
        }
        TreeMap<String, App> apps = new TreeMap<>();
        dagsByApp.forEach((app, ids) ->
                apps.put(app, new App(app, ids, todosByApp.get(app), findingsByApp.getOrDefault(app, List.of()))));
        findingsByApp.forEach((app, list) -> apps.putIfAbsent(app, new App(app, List.of(), 0, list)));
        Summary summary = new Summary(
                dags.size(),
                tasks,
                todoTasks,
                count(conversion, Severity.ERROR),
                count(conversion, Severity.WARNING),
                count(conversion, Severity.INFO));
        return new Report(
                SCHEMA_VERSION,
                conversion.repoName(),
                summary,
                dags,
                List.copyOf(apps.values()),
                conversion.scripts().stream().map(Script::of).toList(),
                findings,
                List.of());
    }

    private static int count(Conversion conversion, Severity severity) {
        return (int) conversion.diagnostics().stream()
                .filter(d -> d.severity() == severity)
                .count();
    }

    /** The directory of the plan's first source file ("." for the repository's root). */
    private static String appOf(WorkflowPlan plan) {
        return plan.sourceFiles().isEmpty() ? "." : parent(plan.sourceFiles().get(0));
    }

    /**
     * The deepest application directory holding the file, else the file's own directory: the file's ancestors looked up
     * deepest first, so the cost is the file's depth, not the number of apps (it was a scan of every app per finding).
     */
    private static String appOfFile(String file, java.util.Set<String> appDirs) {
        for (int slash = file.lastIndexOf('/'); slash >= 0; slash = file.lastIndexOf('/', slash - 1)) {
            String dir = file.substring(0, slash);
            if (appDirs.contains(dir)) {
                return dir;
            }
        }
        return appDirs.contains(".") ? "." : parent(file);
    }

    private static String parent(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "." : file.substring(0, slash);
    }

    /** FlinkJob → flink_job: the sealed interface's record names are the kinds. */
    /**
     * Whether a person must act before the task can do its work: an action not translated yet, or a node whose EL
     * does not parse (it fails every run that reaches it, as in Oozie).
     */
    public static boolean todo(TaskNode task) {
        return task instanceof TaskNode.Placeholder || task instanceof TaskNode.FailsAtStart;
    }

    public static String kind(TaskNode task) {
        return task.getClass()
                .getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1_$2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> outputs(TaskNode task) {
        if (task instanceof TaskNode.FlinkJob job) {
            return List.of(job.scriptPath(), job.deploymentPath());
        }
        if (task instanceof TaskNode.PodJob pod) {
            return pod.container().carried().stream().map(c -> c.outputPath()).toList();
        }
        return List.of();
    }
}
