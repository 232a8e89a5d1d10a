package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferry} and {@code convert}, built in code ({@link CodedCommands}), are the commands picocli reads from the
 * annotations they had: the same usage text, and on a table of command lines the same exit code, output, errors and
 * parsed values.
 */
class CodedCommandsTest {

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
    static final class AnnotatedFerry {}

    /** The annotations convert had. */
    @Command(
            name = "convert",
            mixinStandardHelpOptions = true,
            versionProvider = FerryVersion.class,
            description = "Convert a legacy repository into dags/, flink/, k8s/ and report.md.")
    static final class AnnotatedConvert implements Callable<Integer> {
        @Mixin
        LegacyRepository legacy;

        @Option(
                names = {"-o", "--output"},
                required = true,
                paramLabel = "DIR",
                description = "the migrated repository to write: a new directory, or one Ferry wrote before (only the"
                        + " files listed in its .ferry/manifest.json are replaced or removed; everything else is kept);"
                        + " never the repository, a directory holding it, or a file")
        Path output;

        @Option(
                names = "--force",
                description = "overwrite generated files edited by hand, and files Ferry did not write"
                        + " where a generated file goes")
        boolean force;

        @Option(
                names = "--strict",
                description = "write nothing when any application fails (default: write every"
                        + " application that converts, list the ones that failed, exit 1)")
        boolean strict;

        @Mixin
        GenerationOptions generation;

        @Override
        public Integer call() {
            return 0;
        }

        List<Object> values() {
            return List.of(
                    legacy.path,
                    String.valueOf(legacy.metastore),
                    output,
                    force,
                    strict,
                    generation.noJanitor,
                    String.valueOf(generation.airflowWorker));
        }
    }

    private static CommandLine annotated() {
        return new CommandLine(new AnnotatedFerry()).addSubcommand(new AnnotatedConvert());
    }

    private static CommandLine coded() {
        return Ferry.commandLine("convert");
    }

    @Test
    void usageTextsAreTheAnnotations() {
        CommandLine annotated = annotated();
        CommandLine coded = coded();
        assertEquals(annotated.getUsageMessage(), coded.getUsageMessage());
        assertEquals(
                annotated.getSubcommands().get("convert").getUsageMessage(),
                coded.getSubcommands().get("convert").getUsageMessage());
    }

    static Stream<List<String>> commandLines() {
        return Stream.of(
                List.of(),
                List.of("--help"),
                List.of("-V"),
                List.of("convert"),
                List.of("convert", "-h"),
                List.of("convert", "--version"),
                List.of("convert", "repo"),
                List.of("convert", "-o", "out"),
                List.of("convert", "repo", "-o", "out"),
                List.of("convert", "repo", "--output=out", "--force", "--strict", "--no-janitor"),
                List.of("convert", "repo", "-o", "out", "--airflow-worker", "airflow/worker"),
                List.of("convert", "repo", "-o", "out", "--airflow-worker=bad"),
                List.of("convert", "repo", "-o", "out", "--metastore", "thrift://h:9083"),
                List.of("convert", "repo", "-o", "out", "--metastore"),
                List.of("convert", "repo", "other", "-o", "out"),
                List.of("convert", "repo", "-o", "a", "-o", "b"),
                List.of("convert", "repo", "-o", "out", "--frobnicate"),
                List.of("convert", "--force=yes", "repo", "-o", "out"),
                List.of("convert", "repo", "-o", "\u0000bad"),
                List.of("frobnicate"));
    }

    @ParameterizedTest(name = "ferry {0}")
    @MethodSource("commandLines")
    void commandLinesParseAsTheAnnotationsParsedThem(List<String> args) {
        CommandLine annotated = annotated();
        assertEquals(run(annotated, args), run(coded(), args));
    }

    /** Exit code, output, errors, and the values convert parsed. */
    private static List<Object> run(CommandLine cli, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Object[] parsed = {"not run"};
        cli.setExecutionStrategy(result -> {
            Integer help = CommandLine.executeHelpRequest(result);
            if (help != null || !result.hasSubcommand()) {
                return help != null ? help : new CommandLine.RunLast().execute(result);
            }
            Object command = result.subcommand().commandSpec().userObject();
            parsed[0] = command instanceof AnnotatedConvert a ? a.values() : values(result.subcommand());
            return 0;
        });
        int code = cli.execute(args.toArray(String[]::new));
        return List.of(code, out.toString(), err.toString(), parsed[0]);
    }

    /** What the coded convert parsed, read as its call() reads it. */
    private static List<Object> values(CommandLine.ParseResult result) {
        var spec = result.commandSpec();
        LegacyRepository legacy = LegacyRepository.of(spec);
        GenerationOptions generation = GenerationOptions.of(spec);
        return List.of(
                legacy.path,
                String.valueOf(legacy.metastore),
                spec.findOption("--output").getValue(),
                CodedCommands.flag(spec, "--force"),
                CodedCommands.flag(spec, "--strict"),
                generation.noJanitor,
                String.valueOf(generation.airflowWorker));
    }
}
