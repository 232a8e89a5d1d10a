package dev.ferry.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the commands built in code share. {@code ferry} and {@code convert}, the commands of a short run, build
 * their picocli model in code ({@link CommandSpec}) instead of having picocli read it from annotations: reading it
 * generated a proxy class per annotation type and reflected over every field, ~0.1 s of a one-app cold run. Their
 * options, help text and exit codes are those the annotations gave ({@code CodedCommandsTest}).
 */
final class CodedCommands {

    /** The factory every command is built with ({@link Factory}). */
    static final CommandLine.IFactory FACTORY = new Factory();

    private CodedCommands() {}

    /** A command's model with {@code command} as its user object, built with {@link #FACTORY}. */
    static CommandSpec wrap(Object command) {
        return CommandSpec.wrapWithoutInspection(command, FACTORY);
    }

    /**
     * picocli's default factory without its first step: loading it looks up {@code groovy.lang.Closure}, a class
     * on no jar of Ferry's, so the JVM opened every jar of the class path to miss it (~30 ms of a cold run). A class
     * is built by its no-argument constructor, as picocli's factory builds one that is no Groovy closure; an
     * interface or abstract class (a collection type) goes to picocli's factory.
     */
    private static final class Factory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                return CommandLine.defaultFactory().create(type);
            }
            Constructor<K> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        }
    }

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
