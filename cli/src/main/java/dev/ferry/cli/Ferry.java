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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Entry point: {@code ferry <subcommand>}. One class per subcommand; registering one is one line in
 * {@code SUBCOMMANDS}. Exit codes are the constants of {@link ExitCode}. The model of {@code ferry} itself is built
 * in code ({@link #spec()}, see {@link CodedCommands}).
 */
public final class Ferry {

    /** The subcommands, in the order {@code ferry --help} lists them; registering one is one line here. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands(
            Map.entry("convert", ConvertCommand::spec),
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
        CommandLine cli = new CommandLine(spec(), CodedCommands.FACTORY);
        Supplier<Object> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named.get());
        } else {
            SUBCOMMANDS.values().forEach(subcommand -> cli.addSubcommand(subcommand.get()));
        }
        return cli;
    }

    /** The model of {@code ferry} without its subcommands. */
    static CommandSpec spec() {
        CommandSpec spec = CodedCommands.wrap(new Ferry());
        spec.name("ferry");
        CodedCommands.standardHelp(spec);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put("0", "converted cleanly (warnings allowed)");
        exitCodes.put(
                "1",
                "the input has errors (nothing written); check: findings at --fail-on or drift; run: the run failed");
        exitCodes.put("2", "usage or I/O problem, or an output directory Ferry refuses; nothing touched");
        exitCodes.put("3", "internal error: a Ferry bug (the message names the input); not a problem of the input");
        spec.usageMessage()
                .description("Moves Oozie workflows and Pig scripts onto Airflow + Flink on Kubernetes.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes);
        return spec;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("convert")) {
            ConversionStartUp.begin();
        }
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
        cli.setExecutionExceptionHandler(new Failures(args, err));
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

    /**
     * What a command's exception exits with: an I/O problem is a usage or I/O error (2), any other a Ferry bug (3).
     * A class, not a lambda: the start-up archive holds no lambda of picocli's interfaces (old class-file version),
     * and loading one from picocli's jar opened every jar before it on the class path.
     */
    private static final class Failures implements CommandLine.IExecutionExceptionHandler {
        private final String[] args;
        private final PrintWriter err;

        Failures(String[] args, PrintWriter err) {
            this.args = args;
            this.err = err;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
            if (e instanceof IOException || e instanceof UncheckedIOException) {
                err.println("ferry: error: " + e.getMessage());
                return ExitCode.FAILURE;
            }
            return internalError(e, args, err);
        }
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
