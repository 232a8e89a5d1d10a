package dev.ferry.cli;

import dev.ferry.parser.hive.HiveTables;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Mixin: the REPO argument of the subcommands that read a legacy repository (check, preview; convert adds the same
 * arguments in code, {@link #addTo}).
 */
final class LegacyRepository {

    private static final String REPO = "REPO";
    private static final String REPO_DESCRIPTION = "the legacy repository (Oozie apps, Pig scripts)";
    private static final String METASTORE = "--metastore";
    private static final String METASTORE_LABEL = "thrift://HOST:PORT";
    private static final String METASTORE_DESCRIPTION =
            "the Hive metastore the repository's jobs use (hive.metastore.uris): the tables that HCatLoader"
                    + " and HCatStorer name are read from it, as Pig reads them when a script starts (without it, such"
                    + " scripts are TODOs)";

    @Parameters(index = "0", paramLabel = REPO, description = REPO_DESCRIPTION)
    Path path;

    @Option(names = METASTORE, paramLabel = METASTORE_LABEL, description = METASTORE_DESCRIPTION)
    String metastore;

    /** Adds REPO and --metastore to a command built in code, as the mixin adds them. */
    static void addTo(CommandSpec spec) {
        spec.addPositional(PositionalParamSpec.builder()
                .index("0")
                .required(true)
                .paramLabel(REPO)
                .type(Path.class)
                .description(REPO_DESCRIPTION)
                .build());
        spec.addOption(OptionSpec.builder(METASTORE)
                .paramLabel(METASTORE_LABEL)
                .type(String.class)
                .description(METASTORE_DESCRIPTION)
                .build());
    }

    /** The values a command built by {@link #addTo} parsed. */
    static LegacyRepository of(CommandSpec spec) {
        LegacyRepository legacy = new LegacyRepository();
        legacy.path = spec.positionalParameters().get(0).getValue();
        legacy.metastore = spec.findOption(METASTORE).getValue();
        return legacy;
    }

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
