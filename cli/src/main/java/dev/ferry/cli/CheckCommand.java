package dev.ferry.cli;

import dev.ferry.generator.RepoGenerator;
import dev.ferry.generator.report.FailOn;
import dev.ferry.generator.report.JunitRenderer;
import dev.ferry.generator.report.Report;
import dev.ferry.generator.report.SarifRenderer;
import dev.ferry.translator.repo.Conversion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferry check REPO}: converts without writing; the CI gate. Fails (exit 1) at the {@code --fail-on} level,
 * and with {@code --against DIR} when the committed migrated repository differs from what Ferry generates now.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = FerryVersion.class,
        description = "Convert without writing anything; exit 1 when the repository does not convert cleanly "
                + "(at the --fail-on level) or the committed output (--against) drifted.",
        footer = {"", "Exit codes: 0 clean, 1 findings at the --fail-on level or drift, 2 usage, 3 internal error."})
final class CheckCommand implements Callable<Integer> {

    /** Output formats of the findings. */
    enum Format {
        TEXT,
        JSON,
        SARIF,
        JUNIT
    }

    @Mixin
    LegacyRepository legacy;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description =
                    "${COMPLETION-CANDIDATES}: text (compiler-style lines), json (report.json), sarif (SARIF 2.1.0 for code scanning), "
                            + "junit (JUnit XML, one test case per app). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            defaultValue = "error",
            description = "error, todo (also an action left as a failing TODO task) or warning (also any warning). "
                    + "Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(
            names = "--against",
            paramLabel = "DIR",
            description = "the committed migrated repository: fail with a unified diff when it differs from what "
                    + "Ferry generates now (an edited, missing or extra generated file)")
    Path against;

    @Mixin
    OutputFile outputFile;

    @Mixin
    Streams streams;

    @Mixin
    GenerationOptions generation;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = streams.out();
        PrintWriter err = streams.err();
        if (!legacy.isUsable(err)) {
            return ExitCode.FAILURE;
        }
        Path repo = legacy.path;
        if (against != null && !Files.isDirectory(against)) {
            err.println("ferry: error: --against " + against + " is not a directory");
            return ExitCode.FAILURE;
        }
        Conversion conversion = Conversions.translateQuietly(repo, legacy.hiveTables());
        Report report = Report.of(conversion);
        boolean failed = failOn.fails(report);
        String findings = switch (format) {
            case TEXT -> Conversions.text(conversion);
            case JSON -> dev.ferry.generator.report.Json.write(report);
            case SARIF -> SarifRenderer.sarif(conversion.diagnostics(), uriPrefix(), FerryVersion.version());
            case JUNIT -> JunitRenderer.junit(report, failOn);
        };
        // Text findings are diagnostics: on standard error, unless written to a file.
        outputFile.write(findings, format == Format.TEXT ? err : out);
        PrintWriter human = format == Format.TEXT || outputFile.isSet() ? out : err;
        boolean drifted = false;
        if (against != null && !conversion.hasErrors()) {
            Drift drift = Drift.between(RepoGenerator.files(conversion, generation.options()), against);
            drifted = !drift.isEmpty();
            if (drifted) {
                err.print(drift.render());
            }
            human.println("ferry: " + (drifted ? drift.summary() + " in " + against : against + " is up to date"));
        }
        String verdict = failed ? "fails at --fail-on " + failOn.name().toLowerCase(Locale.ROOT) : "passes";
        human.println("ferry: " + report.summary().dags() + " DAG(s), "
                + report.summary().errors() + " error(s), "
                + report.summary().warnings() + " warning(s), "
                + report.summary().todoTasks() + " TODO task(s): "
                + verdict);
        if (conversion.hasInternalErrors()) {
            return ExitCode.INTERNAL_ERROR;
        }
        return failed || drifted ? ExitCode.INPUT_ERRORS : ExitCode.OK;
    }

    /** The repository's path relative to the working directory (the CI checkout), for SARIF artifact URIs. */
    private String uriPrefix() {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path target = legacy.path.toAbsolutePath().normalize();
        if (!target.startsWith(cwd) || target.equals(cwd)) {
            return "";
        }
        return cwd.relativize(target).toString().replace('\\', '/') + "/";
    }
}
