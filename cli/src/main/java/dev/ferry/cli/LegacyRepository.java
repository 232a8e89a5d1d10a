package dev.ferry.cli;

import dev.ferry.parser.hive.HiveTables;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Mixin: the REPO argument of the subcommands that read a legacy repository (convert, check, preview). */
final class LegacyRepository {

    @Parameters(index = "0", paramLabel = "REPO", description = "the legacy repository (Oozie apps, Pig scripts)")
    Path path;

    @Option(
            names = "--metastore",
            paramLabel = "thrift://HOST:PORT",
            description =
                    "the Hive metastore the repository's jobs use (hive.metastore.uris): the tables that HCatLoader"
                            + " and HCatStorer name are read from it, as Pig reads them when a script starts (without it, such"
                            + " scripts are TODOs)")
    String metastore;

    /** The Hive tables of the metastore given, or none; a URI that is not thrift://HOST:PORT is a usage error. */
    HiveTables hiveTables() {
        return metastore == null ? HiveTables.NONE : MetastoreTables.at(metastore);
    }

    /** Whether REPO is a directory; if not, the usage error is printed (the caller exits with {@link ExitCode#FAILURE}). */
    boolean isUsable(PrintWriter err) {
        if (metastore != null) {
            try {
                MetastoreTables.at(metastore);
            } catch (IllegalArgumentException e) {
                err.println("ferry: error: --metastore " + e.getMessage());
                return false;
            }
        }
        if (Files.isDirectory(path)) {
            return true;
        }
        err.println("ferry: error: " + path + " is not a directory");
        return false;
    }
}
