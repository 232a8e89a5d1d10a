package dev.ferry.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code ferry <subcommand>}. One class per subcommand; registering one is one line in
 * {@code subcommands}. Exit codes are the constants of {@link ExitCode}.
 */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = FerryVersion.class,
        description = "Moves Oozie workflows and Pig scripts onto Airflow + Flink on Kubernetes.",
        subcommands = {
            ConvertCommand.class,
            CheckCommand.class,
            RunCommand.class,
        })
public final class Ferry {

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Ferry());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                err.println("ferry: error: " + e.getMessage());
                return ExitCode.FAILURE;
            }
            err.println("ferry: internal error (a bug in Ferry, please report it with the input that caused it): " + e);
            return ExitCode.INTERNAL_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
