package dev.ferry.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** Mixin: the REPO argument of the subcommands that read a legacy repository (convert, check, preview). */
final class LegacyRepository {

    @Parameters(index = "0", paramLabel = "REPO", description = "the legacy repository (Oozie apps, Pig scripts)")
    Path path;

    /** Whether REPO is a directory; if not, the usage error is printed (the caller exits with {@link ExitCode#FAILURE}). */
    boolean isUsable(PrintWriter err) {
        if (Files.isDirectory(path)) {
            return true;
        }
        err.println("ferry: error: " + path + " is not a directory");
        return false;
    }
}
