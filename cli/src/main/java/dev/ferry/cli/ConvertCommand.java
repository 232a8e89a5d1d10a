package dev.ferry.cli;

import dev.ferry.generator.OutputWriter;
import dev.ferry.generator.RepoGenerator;
import dev.ferry.generator.report.ReportRenderer;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.repo.StandaloneScript;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ferry convert REPO -o DIR}: writes the migrated repository. Its model is built in code ({@link #spec()}, see
 * {@link CodedCommands}): options in the order the annotated mixins gave them.
 */
final class ConvertCommand implements Callable<Integer> {

    private CommandSpec spec;

    private ConvertCommand() {}

    /** The command's model, with a new command as its user object. */
    static CommandSpec spec() {
        ConvertCommand command = new ConvertCommand();
        CommandSpec spec = CodedCommands.wrap(command);
        command.spec = spec;
        spec.name("convert");
        CodedCommands.standardHelp(spec);
        spec.usageMessage().description("Convert a legacy repository into dags/, flink/, k8s/ and report.md.");
        LegacyRepository.addTo(spec);
        spec.addOption(OptionSpec.builder("-o", "--output")
                .required(true)
                .paramLabel("DIR")
                .type(Path.class)
                .description("the migrated repository to write: a new directory, or one Ferry wrote before (only the"
                        + " files listed in its .ferry/manifest.json are replaced or removed; everything else is kept);"
                        + " never the repository, a directory holding it, or a file")
                .build());
        spec.addOption(OptionSpec.builder("--force")
                .description("overwrite generated files edited by hand, and files Ferry did not write"
                        + " where a generated file goes")
                .build());
        spec.addOption(OptionSpec.builder("--strict")
                .description("write nothing when any application fails (default: write every"
                        + " application that converts, list the ones that failed, exit 1)")
                .build());
        GenerationOptions.addTo(spec);
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        LegacyRepository legacy = LegacyRepository.of(spec);
        Path output = spec.findOption("--output").getValue();
        boolean force = CodedCommands.flag(spec, "--force");
        boolean strict = CodedCommands.flag(spec, "--strict");
        GenerationOptions generation = GenerationOptions.of(spec);
        PrintWriter err = spec.commandLine().getErr();
        if (!legacy.isUsable(err)) {
            return ExitCode.FAILURE;
        }
        Path repo = legacy.path;
        try {
            OutputWriter.checkApart(output, repo);
        } catch (OutputWriter.Refused refused) {
            err.println("ferry: error: " + refused.getMessage());
            return ExitCode.FAILURE;
        }
        Conversion conversion = Conversions.translate(repo, legacy.hiveTables(), err);
        if (conversion.hasErrors() && (strict || conversion.producesNothing())) {
            err.println("ferry: " + Conversions.errorSummary(conversion) + "; nothing written to " + output);
            return Ferry.exitCode(conversion);
        }
        OutputWriter.Changes changes;
        int generated;
        // Each file goes to disk as it is generated (staged, then moved into place whole): memory stays flat in the
        // apps.
        try (OutputWriter.Session session = OutputWriter.open(
                output, repo, force, c -> ReportRenderer.outputChanges(c.removedStale(), c.keptEdited()))) {
            RepoGenerator.generate(conversion, generation.options(), session);
            changes = session.commit();
            generated = session.generated();
        } catch (OutputWriter.Refused refused) {
            err.println("ferry: error: " + refused.getMessage());
            return ExitCode.FAILURE;
        }
        PrintWriter out = spec.commandLine().getOut();
        changes.removedStale()
                .forEach(f -> out.println("ferry: removed " + f + " (written by an earlier run, no longer generated)"));
        changes.keptEdited()
                .forEach(f ->
                        out.println("ferry: kept " + f + " (no longer generated, but edited since Ferry wrote it)"));
        long standalone = conversion.translatedScripts().size();
        out.println("ferry: wrote " + generated + " files for "
                + conversion.plans().size() + " DAG(s)"
                + (standalone > 0 ? " and " + standalone + " standalone Pig script(s)" : "")
                + " to " + output + " (see " + output.resolve("report.md") + ")");
        if (conversion.hasErrors()) {
            printFailed(conversion, err);
            return Ferry.exitCode(conversion);
        }
        return ExitCode.OK;
    }

    /** One line per application that did not convert, with its first error (all of them were printed above). */
    private static void printFailed(Conversion conversion, PrintWriter err) {
        err.println("ferry: " + Conversions.errorSummary(conversion) + "; "
                + conversion.failed().size() + " application(s) not converted (the others were written):");
        conversion
                .failed()
                .forEach(f -> err.println("  " + f.app() + ": "
                        + f.firstError().lines().findFirst().orElse("")));
        conversion.scripts().stream()
                .filter(s -> s.status() == StandaloneScript.Status.ERROR)
                .forEach(s -> err.println("  " + s.source() + " (no workflow runs it): " + s.reason()));
    }
}
