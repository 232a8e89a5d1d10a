package dev.ferry.cli;

import dev.ferry.generator.RepoGenerator;
import dev.ferry.generator.preview.PreviewRenderer;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry preview REPO [APP] -o preview.html}: what a workflow becomes, as one self-contained HTML page: each
 * DAG's task graph, and per task the Oozie element beside the generated Python (a Pig action: the Pig script lined
 * up with the Flink SQL), every diagnostic at its line. Writes nothing else.
 */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        versionProvider = FerryVersion.class,
        description = "Write one self-contained HTML page showing what each workflow becomes: the DAG as a graph; "
                + "click a task to see its Oozie source beside the generated Python, Pig beside Flink SQL.",
        footer = {
            "",
            "Exit codes: 0 page written, the input converts cleanly; 1 page written, the input has errors "
                    + "(shown in the page); 2 usage or I/O; 3 internal error."
        })
final class PreviewCommand implements Callable<Integer> {

    /** Source files larger than this are not copied into the page (their panels say so). */
    static final long MAX_SOURCE_BYTES = 4L << 20;

    @Mixin
    LegacyRepository legacy;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "APP",
            description = "only the DAGs of this application directory (relative to REPO) or with this DAG id")
    String app;

    @Mixin
    OutputFile outputFile;

    @Option(
            names = "--serve",
            description = "serve the page on http://127.0.0.1:PORT/ (loopback only) instead of"
                    + " writing it, converting again on every reload; until interrupted")
    boolean serve;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8000",
            description = "the port of --serve (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Mixin
    Streams streams;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = streams.err();
        if (!legacy.isUsable(err)) {
            return ExitCode.FAILURE;
        }
        if (serve && outputFile.isSet()) {
            err.println("ferry: error: --serve and -o are exclusive");
            return ExitCode.FAILURE;
        }
        Path repo = legacy.path;
        RepoRoot root = RepoRoot.of(repo);
        Conversion conversion = Conversions.translate(repo, legacy.hiveTables(), err);
        Predicate<WorkflowPlan> shown = app == null ? plan -> true : plan -> belongsTo(plan, app);
        if (app != null && conversion.plans().stream().noneMatch(shown)) {
            err.println("ferry: error: no DAG of " + repo + " comes from " + app + " or has that id");
            return ExitCode.FAILURE;
        }
        if (serve) {
            PreviewServer server = PreviewServer.start(
                    port, () -> page(root, Conversions.translateQuietly(repo, legacy.hiveTables()), shown));
            streams.out()
                    .println("ferry: serving the preview of " + repo + " on " + server.url() + " (interrupt to stop)");
            streams.out().flush();
            new CountDownLatch(1).await(); // until the process is interrupted
        }
        outputFile.write(page(root, conversion, shown), streams.out());
        if (outputFile.isSet()) {
            err.println("ferry: wrote " + outputFile.file);
        }
        return Ferry.exitCode(conversion);
    }

    private static String page(RepoRoot root, Conversion conversion, Predicate<WorkflowPlan> shown) {
        return PreviewRenderer.html(conversion, RepoGenerator.files(conversion), file -> read(root, file), shown);
    }

    private static boolean belongsTo(WorkflowPlan plan, String app) {
        String dir = app.replace('\\', '/').replaceAll("/+$", "");
        return plan.dagId().equals(app) || plan.sourceFiles().stream().anyMatch(f -> f.startsWith(dir + "/"));
    }

    /** A file of the repository by its repository-relative name; never one outside it (links followed). */
    private static Optional<String> read(RepoRoot root, String file) {
        RepoRoot.Located located = root.locate(root.path().resolve(file));
        try {
            if (!located.inside()
                    || !Files.isRegularFile(located.path())
                    || Files.size(located.path()) > MAX_SOURCE_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(located.path()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
