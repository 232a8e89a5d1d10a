package dev.ferry.cli;

import dev.ferry.translator.repo.Conversion;
import dev.ferry.work.InOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code ferry <subcommand>}. One class per subcommand; registering one is one line in
 * {@code SUBCOMMANDS}. Exit codes are the constants of {@link ExitCode}.
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
        })
public final class Ferry {

    /** The subcommands, in the order {@code ferry --help} lists them; registering one is one line here. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands(
            Map.entry("convert", ConvertCommand::new),
            Map.entry("check", CheckCommand::new),
            Map.entry("preview", PreviewCommand::new),
            Map.entry("run", RunCommand::new),
            Map.entry("verify", VerifyCommand::new));

    @SafeVarargs
    private static Map<String, Supplier<Object>> subcommands(Map.Entry<String, Supplier<Object>>... entries) {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Object>> entry : entries) {
            all.put(entry.getKey(), entry.getValue());
        }
        return all;
    }

    /**
     * The command line for these arguments. Arguments that start with a subcommand's name get only that subcommand
     * (picocli builds each command's model by reflection, a good part of a short run's start-up); any others, such
     * as {@code --help} or an unknown name, get them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Ferry());
        Supplier<Object> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named.get());
        } else {
            SUBCOMMANDS.values().forEach(subcommand -> cli.addSubcommand(subcommand.get()));
        }
        return cli;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given streams and returns the exit code (for tests); control characters from
     * the input are shown, never sent ({@link VisibleControls}).
     */
    public static int execute(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        PrintWriter out = new PrintWriter(new VisibleControls(rawOut), true);
        PrintWriter err = new PrintWriter(new VisibleControls(rawErr), true);
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
        CommandLine cli = commandLine(args);
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
