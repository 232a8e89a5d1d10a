package dev.ferry.cli;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.repo.RepoTranslator;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The translation step the subcommands share: translate a repository and print its diagnostics. */
final class Conversions {

    private Conversions() {}

    /** Translates, prints every diagnostic in compiler format, and returns the conversion. */
    static Conversion translate(Path repo, PrintWriter err) {
        Conversion conversion = translateQuietly(repo);
        err.print(text(conversion));
        err.flush();
        return conversion;
    }

    /** Translates without printing. */
    static Conversion translateQuietly(Path repo) {
        return RepoTranslator.translate(repo);
    }

    /** Every diagnostic in compiler format, one per line (a hint on its own indented line). */
    static String text(Conversion conversion) {
        StringBuilder text = new StringBuilder();
        conversion.diagnostics().forEach(d -> text.append(d.format()).append('\n'));
        return text.toString();
    }

    static String errorSummary(Conversion conversion) {
        long errors = conversion.diagnostics().stream().filter(Diagnostic::isError).count();
        return errors + " error(s)";
    }
}
