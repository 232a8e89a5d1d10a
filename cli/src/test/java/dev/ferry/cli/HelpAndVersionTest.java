package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every subcommand answers --help and --version (even when its required arguments are missing). */
class HelpAndVersionTest {

    static Stream<String> subcommands() {
        return Ferry.commandLine().getSubcommands().keySet().stream();
    }

    @Test
    void everyDocumentedSubcommandIsRegistered() {
        assertTrue(
                subcommands().toList().containsAll(List.of("convert", "check", "run")),
                subcommands().toList().toString());
    }

    @ParameterizedTest(name = "ferry {0} --help")
    @MethodSource("subcommands")
    void helpPrintsUsageNotAMissingParameter(String subcommand) {
        FerryRun run = FerryRun.of(subcommand, "--help");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: ferry " + subcommand + " "), run.out());
        assertEquals("", run.err());
    }

    @ParameterizedTest(name = "ferry {0} --version")
    @MethodSource("subcommands")
    void versionPrintsTheBuildVersion(String subcommand) {
        FerryRun run = FerryRun.of(subcommand, "--version");
        assertEquals(ExitCode.OK, run.exitCode());
        assertEquals("ferry " + System.getProperty("ferry.version") + "\n", run.out(), "the POM's version");
    }

    /**
     * A command line naming a subcommand builds that subcommand alone (the rest of its start-up is spared): its
     * usage, the one its errors print, is the same as among all of them.
     */
    @ParameterizedTest(name = "ferry {0}")
    @MethodSource("subcommands")
    void aNamedSubcommandIsBuiltAloneWithTheSameUsage(String subcommand) {
        CommandLine alone = Ferry.commandLine(subcommand, "--help");
        assertEquals(List.of(subcommand), List.copyOf(alone.getSubcommands().keySet()));
        assertEquals(
                Ferry.commandLine().getSubcommands().get(subcommand).getUsageMessage(),
                alone.getSubcommands().get(subcommand).getUsageMessage());
    }

    @Test
    void topLevelHelpListsTheSubcommands() {
        FerryRun run = FerryRun.of("--help");
        assertEquals(ExitCode.OK, run.exitCode());
        subcommands().forEach(name -> assertTrue(run.out().contains("  " + name + " "), name + " in\n" + run.out()));
    }

    @Test
    void missingParameterIsAUsageError() {
        FerryRun run = FerryRun.of("convert");
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(run.err().startsWith("Missing required"), run.err());
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        FerryRun run = FerryRun.of("frobnicate");
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(run.err().contains("Unmatched argument"), run.err());
    }
}
