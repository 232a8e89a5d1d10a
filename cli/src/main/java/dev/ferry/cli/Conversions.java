package dev.ferry.cli;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.parser.hive.HiveTables;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.repo.RepoTranslator;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** The translation step the subcommands share: translate a repository and print its diagnostics. */
final class Conversions {

    private Conversions() {}

    /** Translates, prints every diagnostic in compiler format, and returns the conversion. */
    static Conversion translate(Path repo, PrintWriter err) {
        return translate(repo, HiveTables.NONE, err);
    }

    /** As above, the tables HCatLoader and HCatStorer name read from {@code hiveTables}. */
    static Conversion translate(Path repo, HiveTables hiveTables, PrintWriter err) {
        Conversion conversion = translateQuietly(repo, hiveTables);
        err.print(text(conversion));
        err.flush();
        return conversion;
    }

    /** Translates without printing diagnostics (a progress bar only on a watched terminal: {@link ProgressDisplay}). */
    static Conversion translateQuietly(Path repo) {
        return translateQuietly(repo, HiveTables.NONE);
    }

    /** As above, the tables HCatLoader and HCatStorer name read from {@code hiveTables}. */
    static Conversion translateQuietly(Path repo, HiveTables hiveTables) {
        try (ProgressDisplay progress = ProgressDisplay.forThisProcess()) {
            return RepoTranslator.translate(repo, progress, hiveTables);
        }
    }

    /** Every diagnostic in compiler format, one per line (a hint on its own indented line). */
    static String text(Conversion conversion) {
        return text(conversion, CommandLine.Help.Ansi.AUTO);
    }

    /**
     * As {@link #text(Conversion)}, the severity coloured when {@code ansi} is enabled (AUTO: only on a terminal;
     * picocli's {@code -Dpicocli.ansi=true|false} forces it). Only the fixed label goes through ANSI markup.
     */
    static String text(Conversion conversion, CommandLine.Help.Ansi ansi) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic d : conversion.diagnostics()) {
            String line = d.format();
            if (ansi.enabled()) {
                String label = d.severity().label();
                String style = switch (d.severity()) {
                    case ERROR -> "bold,red";
                    case WARNING -> "bold,yellow";
                    case INFO -> "bold,cyan";
                };
                int at = line.indexOf(": " + label + " ");
                line = line.substring(0, at + 2)
                        + ansi.string("@|" + style + " " + label + "|@")
                        + line.substring(at + 2 + label.length());
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }

    static String errorSummary(Conversion conversion) {
        long errors =
                conversion.diagnostics().stream().filter(Diagnostic::isError).count();
        return errors + " error(s)";
    }
}
