package dev.ferry.cli;

import dev.ferry.translator.repo.Conversion;
import dev.ferry.work.InOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code ferry <subcommand>}. One class per subcommand; registering one is one line in
 * {@code subcommands}. Exit codes are the constants of {@link ExitCode}.
 */
@Command(
        name = "ferry",
        mixinStandardHelpOptions = true,
        versionProvider = FerryVersion.class,
        description = "Moves Oozie workflows and Pig scripts onto Airflow + Flink on Kubernetes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:converted cleanly (warnings allowed)",
            "1:the input has errors (nothing written); check: findings at --fail-on or drift; run: the run failed",
            "2:usage or I/O problem, or an output directory Ferry refuses; nothing touched",
            "3:internal error: a Ferry bug (the message names the input); not a problem of the input"
        },
        subcommands = {
            ConvertCommand.class,
            CheckCommand.class,
            PreviewCommand.class,
            RunCommand.class,
            VerifyCommand.class,
        })
public final class Ferry {

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        int[] code = {ExitCode.INTERNAL_ERROR};
        Thread worker = new Thread(null, () -> code[0] = executeHere(args, out, err), "ferry", InOrder.STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return internalError(e, args, err);
        }
        return code[0];
    }

    private static int executeHere(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Ferry());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IOException || e instanceof UncheckedIOException) {
                err.println("ferry: error: " + e.getMessage());
                return ExitCode.FAILURE;
            }
            return internalError(e, args, err);
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            code = internalError(e, args, err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** One line, no stack trace: what failed is Ferry, on which input. */
    private static int internalError(Throwable e, String[] args, PrintWriter err) {
        String input = args.length > 1 ? args[1] : "the input";
        err.println("ferry: internal error (" + e.getClass().getSimpleName() + ") while converting " + input
                + ": this is a Ferry bug, not a problem of the input; please report it with the input");
        return ExitCode.INTERNAL_ERROR;
    }

    /** The exit code of a conversion that was not refused: 3 when Ferry failed on an app, 1 on input errors. */
    static int exitCode(Conversion conversion) {
        return conversion.hasInternalErrors()
                ? ExitCode.INTERNAL_ERROR
                : conversion.hasErrors() ? ExitCode.INPUT_ERRORS : ExitCode.OK;
    }
}
