package dev.ferry.translator.repo;

import dev.ferry.diagnostics.Diagnostic;
import java.util.List;

/**
 * An application (a submission's properties file, else the app file) that did not convert, with its diagnostics;
 * the repository's other applications convert regardless.
 */
public record FailedApp(String app, List<Diagnostic> diagnostics) {

    public FailedApp {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The first error, the one a listing of failed apps shows. */
    public String firstError() {
        return diagnostics.stream()
                .filter(Diagnostic::isError)
                .findFirst()
                .map(Diagnostic::format)
                .orElse("(no error reported; see the warnings)");
    }
}
