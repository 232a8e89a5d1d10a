package dev.ferry.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Mixin: the output and error streams of the subcommand it is mixed into (captured ones in tests). */
@Command // picocli takes a class as a mixin only when it is annotated
final class Streams {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }
}
