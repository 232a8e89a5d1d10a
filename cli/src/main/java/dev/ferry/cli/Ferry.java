package dev.ferry.cli;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.generator.OutputWriter;
import dev.ferry.generator.RepoGenerator;
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

/** Entry point: {@code ferry convert|check}. Exit 0 = clean, 1 = the input has errors, 2 = usage or I/O problem. */
@Command(name = "ferry", mixinStandardHelpOptions = true, version = "ferry 0.1.0",
        description = "Moves Oozie workflows and Pig scripts onto Airflow + Flink on Kubernetes.",
        subcommands = {Ferry.Convert.class, Ferry.Check.class})
public final class Ferry {

    static final int INPUT_ERRORS = 1;
    static final int FAILURE = 2;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Ferry());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("ferry: error: " + e.getMessage());
            return FAILURE;
        });
        return cli.execute(args);
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

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the migrated repository to write")
        Path output;

        @Option(names = "--strict", description = "write nothing when any application fails (default: write every app"
                + " that converts, list the ones that failed, exit 1)")
        boolean strict;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(repo)) {
                err.println("ferry: error: " + repo + " is not a directory");
                return FAILURE;
            }
            Conversion conversion = convert(repo, err);
            if (conversion.hasErrors() && (strict || conversion.plans().isEmpty())) {
                err.println("ferry: " + errorSummary(conversion) + "; nothing written to " + output);
                return INPUT_ERRORS;
            }
            SortedMap<String, String> files = RepoGenerator.files(conversion);
            OutputWriter.write(output, files);
            spec.commandLine().getOut().println("ferry: wrote " + files.size() + " files for " + conversion.plans().size()
                    + " DAG(s) to " + output + " (see " + output.resolve("report.md") + ")");
            if (conversion.hasErrors()) {
                printFailed(conversion, err);
                return INPUT_ERRORS;
            }
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
                return INPUT_ERRORS;
            }
            spec.commandLine().getOut().println("ferry: " + conversion.plans().size() + " DAG(s) convert cleanly");
            return 0;
        }
    }

    /** One line per application that did not convert, with its first error (all of them were printed above). */
    private static void printFailed(Conversion conversion, PrintWriter err) {
        err.println("ferry: " + errorSummary(conversion) + "; " + conversion.failed().size()
                + " application(s) not converted (the others were written):");
        conversion.failed().forEach(f -> err.println("  " + f.app() + ": " + f.firstError().lines().findFirst().orElse("")));
    }

    private static String errorSummary(Conversion conversion) {
        long errors = conversion.diagnostics().stream().filter(Diagnostic::isError).count();
        return errors + " error(s)";
    }
}
