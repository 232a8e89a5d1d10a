package dev.ferry.generator;

import dev.ferry.generator.dag.DagRenderer;
import dev.ferry.generator.k8s.ClusterFiles;
import dev.ferry.generator.k8s.FlinkDeploymentRenderer;
import dev.ferry.generator.report.HtmlReportRenderer;
import dev.ferry.generator.report.Json;
import dev.ferry.generator.report.JsonReportRenderer;
import dev.ferry.generator.report.Report;
import dev.ferry.generator.report.ReportRenderer;
import dev.ferry.generator.sql.SqlScriptRenderer;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.repo.StandaloneScript;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.workflow.PodContainer;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import dev.ferry.work.InOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Every file of a migrated repository, by relative path: dags/, flink/, k8s/ and the report (md, json, html). */
public final class RepoGenerator {

    private RepoGenerator() {}

    /**
     * What a conversion may leave out or must be told: whether to write the janitor DAG, and the service account
     * the Airflow workers run as (the subject of their RoleBinding in k8s/rbac.yaml; null: no binding written).
     */
    public record Options(boolean janitor, ClusterFiles.ServiceAccount airflowWorker) {
        public static final Options DEFAULT = new Options(true, null);
    }

    /**
     * Receives the generated files one at a time, each path once: every DAG's files, the repository-wide files, then
     * the reports ({@link #REPORTS}, in that order) — so a writer can put each file on disk as it comes and hold none.
     */
    public interface Sink {

        void accept(String path, String text) throws IOException;

        /** As {@link #accept(String, String)}, given the text's SHA-256 (hex), computed once for report.json. */
        default void accept(String path, String text, String sha256) throws IOException {
            accept(path, text);
        }

        /**
         * As {@link #accept(String, String, String)}, given the text's UTF-8 bytes too (computed once for the hash):
         * a writer puts these on disk rather than encoding the text again.
         */
        default void accept(String path, String text, byte[] utf8, String sha256) throws IOException {
            accept(path, text, sha256);
        }

        /**
         * A file copied byte for byte from the repository (a REGISTERed jar), given the bytes' SHA-256 (hex). By
         * default the bytes read as UTF-8 text, which is how a comparison with a committed copy reads that copy.
         */
        default void acceptCopy(String path, byte[] bytes, String sha256) throws IOException {
            accept(path, new String(bytes, StandardCharsets.UTF_8), sha256);
        }

        /**
         * Asked once, after every file but the reports ({@code remaining}): text to append to report.md (a writer
         * says there what it removed from or kept in the output directory); empty by default.
         */
        default String reportAddendum(List<String> remaining) throws IOException {
            return "";
        }
    }

    /** The files written last, in this order: report.json lists the others' hashes. */
    public static final List<String> REPORTS = List.of("report.md", "report.html", "report.json");

    /** Every file, collected (for the commands that compare or show them rather than write them). */
    public static SortedMap<String, String> files(Conversion conversion) {
        return files(conversion, Options.DEFAULT);
    }

    public static SortedMap<String, String> files(Conversion conversion, Options options) {
        SortedMap<String, String> files = new TreeMap<>();
        try {
            generate(conversion, options, files::put);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a map does not fail
        }
        return files;
    }

    /** Generates every file into {@code sink}, one at a time, none of them kept here (only their hashes, for report.json). */
    public static void generate(Conversion conversion, Options options, Sink sink) throws IOException {
        SortedMap<String, String> hashes = new TreeMap<>();
        Handed hashing = file -> { // a path generated twice (a file several tasks carry) is written once
            String before = hashes.putIfAbsent(file.path(), file.sha256());
            if (before == null && file.text() == null) {
                sink.acceptCopy(file.path(), file.bytes(), file.sha256());
            } else if (before == null) {
                sink.accept(file.path(), file.text(), file.bytes(), file.sha256());
            } else if (!before.equals(file.sha256())) {
                throw new IllegalStateException("two different files generated at " + file.path());
            }
        };
        // Each DAG's files are rendered (and hashed) on every core at once, and handed to the sink in the plans' order.
        InOrder.forEach(conversion.plans(), RepoGenerator::planFiles, files -> {
            for (Rendered file : files) {
                hashing.accept(file);
            }
        });
        // The Pig scripts no workflow runs, translated on their own, each with the jars it REGISTERs beside it.
        for (StandaloneScript script : conversion.translatedScripts()) {
            SqlJob job = script.job().orElseThrow();
            hashing.accept(Rendered.of(script.outputPath(), SqlScriptRenderer.render(job)));
            for (SqlJob.Jar jar : job.javaUdfs().jars()) {
                hashing.accept(Rendered.copy(jar.besideScript(script.outputPath()), jar.file()));
            }
        }
        // Once per repository with DAGs: the RBAC their jobs need, and the janitor DAG unless opted out.
        if (!conversion.plans().isEmpty()) {
            hashing.accept(Rendered.of(ClusterFiles.RBAC_PATH, ClusterFiles.rbac(options.airflowWorker())));
        }
        if (options.janitor() && !conversion.plans().isEmpty()) {
            String janitor = ClusterFiles.janitorDagId(
                    conversion.plans().stream().map(WorkflowPlan::dagId).toList());
            hashing.accept(Rendered.of(ClusterFiles.janitorPath(janitor), ClusterFiles.janitorDag(janitor)));
        }
        if (conversion.plans().stream()
                .flatMap(p -> p.tasks().stream())
                .anyMatch(t -> t instanceof TaskNode.SubWorkflow sub && sub.childDagId() == null)) {
            hashing.accept(Rendered.of(APPS_FILE, apps(conversion)));
        }
        String addendum = sink.reportAddendum(REPORTS);
        // report.md and report.html render on two cores at once; report.json, which lists their hashes, after them.
        InOrder.forEach(
                List.<Supplier<Rendered>>of(
                        () -> Rendered.of(REPORTS.get(0), ReportRenderer.markdown(conversion) + addendum),
                        () -> Rendered.of(REPORTS.get(1), HtmlReportRenderer.html(conversion))),
                Supplier::get,
                hashing::accept);
        hashing.accept(Rendered.of(REPORTS.get(2), JsonReportRenderer.json(conversion, hashes)));
    }

    /**
     * A generated file: its text, the text's UTF-8 bytes and their SHA-256 (hex); or a copied one ({@code bytes}, text
     * null).
     */
    private record Rendered(String path, String text, byte[] bytes, String sha256) {
        static Rendered of(String path, String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            return new Rendered(path, text, utf8, Report.GeneratedFile.sha256(utf8));
        }

        /** A byte copy of a repository file the parser checked to lie inside the repository. */
        static Rendered copy(String path, Path file) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                return new Rendered(path, null, bytes, Report.GeneratedFile.sha256(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FunctionalInterface
    private interface Handed {
        void accept(Rendered file) throws IOException;
    }

    /**
     * One DAG's files: its DAG, then per task its SQL, the jars it REGISTERs (when it calls a Java UDF: byte copies,
     * beside the script) and its FlinkDeployment, or the files its pod carries.
     */
    private static List<Rendered> planFiles(WorkflowPlan plan) {
        List<Rendered> files = new ArrayList<>();
        files.add(Rendered.of("dags/" + plan.dagId() + ".py", DagRenderer.render(plan)));
        for (TaskNode task : plan.tasks()) {
            if (task instanceof TaskNode.FlinkJob job) {
                files.add(Rendered.of(job.scriptPath(), SqlScriptRenderer.render(job.job())));
                for (SqlJob.Jar jar : job.job().javaUdfs().jars()) {
                    files.add(Rendered.copy(job.jarPath(jar), jar.file()));
                }
                files.add(Rendered.of(job.deploymentPath(), FlinkDeploymentRenderer.render(plan.dagId(), job)));
            } else if (task instanceof TaskNode.PodJob pod) {
                for (PodContainer.CarriedFile file : pod.container().carried()) {
                    files.add(Rendered.of(file.outputPath(), file.content()));
                }
            }
        }
        return files;
    }

    /** Where the runtime looks up a sub-workflow app-path known only at run time (actions/subworkflow.py). */
    static final String APPS_FILE = "dags/ferry_apps.json";

    /**
     * {@code {"apps": {"<workflow dir>": "<dag id>", "<workflow file>": "<dag id>"}}} for every unscheduled workflow
     * DAG (what a sub-workflow runs), paths relative to the legacy repository; the first DAG of a path wins.
     */
    static String apps(Conversion conversion) {
        SortedMap<String, String> apps = new TreeMap<>();
        for (WorkflowPlan plan : conversion.plans()) {
            if (plan.schedule() != null || plan.sourceFiles().isEmpty()) {
                continue;
            }
            String workflow = plan.sourceFiles().get(plan.sourceFiles().size() - 1);
            apps.putIfAbsent(workflow, plan.dagId());
            int slash = workflow.lastIndexOf('/');
            apps.putIfAbsent(slash < 0 ? "" : workflow.substring(0, slash), plan.dagId());
        }
        return Json.indented(Map.of("apps", apps)) + "\n";
    }
}
