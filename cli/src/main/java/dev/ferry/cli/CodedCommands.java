package dev.ferry.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the commands built in code share. {@code ferry} and {@code convert}, the commands of a short run, build
 * their picocli model in code ({@link CommandSpec}) instead of having picocli read it from annotations: reading it
 * generated a proxy class per annotation type and reflected over every field, ~0.1 s of a one-app cold run. Their
 * options, help text and exit codes are those the annotations gave ({@code CodedCommandsTest}).
 */
final class CodedCommands {

    private CodedCommands() {}

    /** {@code -h/--help} and {@code -V/--version} as picocli's {@code mixinStandardHelpOptions} writes them. */
    static void standardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
        spec.addOption(OptionSpec.builder("-V", "--version")
                .versionHelp(true)
                .description("Print version information and exit.")
                .build());
        spec.versionProvider(new FerryVersion());
    }

    /** The value of a boolean option: false when not given. */
    static boolean flag(CommandSpec spec, String name) {
        return Boolean.TRUE.equals(spec.findOption(name).getValue());
    }
}
