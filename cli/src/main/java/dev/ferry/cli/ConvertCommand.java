package dev.ferry.cli;

import dev.ferry.generator.OutputWriter;
import dev.ferry.generator.RepoGenerator;
import dev.ferry.translator.repo.Conversion;
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

/** {@code ferry convert REPO -o DIR}: writes the migrated repository. */
@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = FerryVersion.class,
        description = "Convert a legacy repository into dags/, flink/, k8s/ and report.md.")
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REPO", description = "the legacy repository (Oozie apps, Pig scripts)")
    Path repo;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the migrated repository to write")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(repo)) {
            err.println("ferry: error: " + repo + " is not a directory");
            return ExitCode.FAILURE;
        }
        Conversion conversion = Conversions.translate(repo, err);
        if (conversion.hasErrors()) {
            err.println("ferry: " + Conversions.errorSummary(conversion) + "; nothing written to " + output);
            return ExitCode.INPUT_ERRORS;
        }
        SortedMap<String, String> files = RepoGenerator.files(conversion);
        OutputWriter.write(output, files);
        spec.commandLine().getOut().println("ferry: wrote " + files.size() + " files for " + conversion.plans().size()
                + " DAG(s) to " + output + " (see " + output.resolve("report.md") + ")");
        return ExitCode.OK;
    }
}
