package dev.ferry.cli;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.generator.OutputWriter;
import dev.ferry.generator.RepoGenerator;
import dev.ferry.generator.report.ReportRenderer;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.repo.RepoTranslator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Entry point: {@code ferry convert|check}. Exit 0 = clean, 1 = the input has errors (nothing written), 2 = usage,
 * I/O or an output directory Ferry refuses (nothing touched), 3 = an internal error: a Ferry bug.
 */
@Command(name = "ferry", mixinStandardHelpOptions = true, version = "ferry 0.1.0",
        description = "Moves Oozie workflows and Pig scripts onto Airflow + Flink on Kubernetes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:converted cleanly (warnings allowed)", "1:the input has errors; nothing written",
            "2:usage or I/O problem, or an output directory Ferry refuses; nothing touched",
            "3:internal error: a Ferry bug (the message names the input); not a problem of the input"},
        subcommands = {Ferry.Convert.class, Ferry.Check.class})
public final class Ferry {

    static final int INPUT_ERRORS = 1;
    static final int FAILURE = 2;
    static final int INTERNAL_ERROR = 3;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Ferry());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IOException) {
                err.println("ferry: error: " + e.getMessage());
                return FAILURE;
            }
            return internalError(e, args, err);
        });
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return internalError(e, args, err);
        }
    }

    /** One line, no stack trace: what failed is Ferry, on which input. */
    private static int internalError(Throwable e, String[] args, PrintWriter err) {
        String input = args.length > 1 ? args[1] : "the input";
        err.println("ferry: internal error (" + e.getClass().getSimpleName() + ") while converting " + input
                + ": this is a Ferry bug, not a problem of the input; please report it with the input");
        return INTERNAL_ERROR;
    }

    /** The exit code of a conversion that was not refused: 3 when Ferry failed on an app, 1 on input errors. */
    static int exitCode(Conversion conversion) {
        return conversion.hasInternalErrors() ? INTERNAL_ERROR : conversion.hasErrors() ? INPUT_ERRORS : 0;
    }

    /** Converts, prints diagnostics, and returns the conversion (exit code decided by the caller). */
    static Conversion convert(Path repo, PrintWriter err) {
        Conversion conversion = RepoTranslator.translate(repo);
        for (Diagnostic d : conversion.diagnostics()) {
            err.println(d.format());
        }
        return conversion;
    }

    @Command(name = "convert", description = "Convert a legacy repository into dags/, flink/, k8s/ and report.md.")
    static final class Convert implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "REPO", description = "the legacy repository (Oozie apps, Pig scripts)")
        Path repo;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
                description = "the migrated repository to write: a new directory, or one Ferry wrote before (only the files"
                        + " listed in its .ferry/manifest.json are replaced or removed; everything else is kept); never the"
                        + " repository, a directory holding it, or a file")
        Path output;

        @Option(names = "--force", description = "overwrite generated files edited by hand, and files Ferry did not write"
                + " where a generated file goes")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(repo)) {
                err.println("ferry: error: " + repo + " is not a directory");
                return FAILURE;
            }
            try {
                OutputWriter.checkApart(output, repo);
            } catch (OutputWriter.Refused refused) {
                err.println("ferry: error: " + refused.getMessage());
                return FAILURE;
            }
            Conversion conversion = convert(repo, err);
            if (conversion.hasErrors()) {
                err.println("ferry: " + errorSummary(conversion) + "; nothing written to " + output);
                return exitCode(conversion);
            }
            SortedMap<String, String> files = RepoGenerator.files(conversion);
            OutputWriter.Changes changes;
            try {
                changes = OutputWriter.plan(output, repo, files, force);
                if (!changes.removedStale().isEmpty() || !changes.keptEdited().isEmpty()) {
                    files.put("report.md", files.get("report.md") + ReportRenderer.outputChanges(changes));
                    changes = OutputWriter.plan(output, repo, files, force);
                }
            } catch (OutputWriter.Refused refused) {
                err.println("ferry: error: " + refused.getMessage());
                return FAILURE;
            }
            OutputWriter.write(output, files, changes);
            PrintWriter out = spec.commandLine().getOut();
            changes.removedStale().forEach(f -> out.println("ferry: removed " + f + " (written by an earlier run, no longer generated)"));
            changes.keptEdited().forEach(f -> out.println("ferry: kept " + f
                    + " (no longer generated, but edited since Ferry wrote it)"));
            out.println("ferry: wrote " + files.size() + " files for " + conversion.plans().size()
                    + " DAG(s) to " + output + " (see " + output.resolve("report.md") + ")");
            return 0;
        }
    }

    @Command(name = "check", description = "Convert without writing anything; exit 1 when the repository has errors.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "REPO")
        Path repo;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Conversion conversion = convert(repo, spec.commandLine().getErr());
            if (conversion.hasErrors()) {
                spec.commandLine().getErr().println("ferry: " + errorSummary(conversion));
                return exitCode(conversion);
            }
            spec.commandLine().getOut().println("ferry: " + conversion.plans().size() + " DAG(s) convert cleanly");
            return 0;
        }
    }

    private static String errorSummary(Conversion conversion) {
        long errors = conversion.diagnostics().stream().filter(Diagnostic::isError).count();
        return errors + " error(s)";
    }
}
