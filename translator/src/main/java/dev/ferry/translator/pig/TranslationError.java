package dev.ferry.translator.pig;

import dev.ferry.diagnostics.Diagnostic;

/** Stops translating one statement; the diagnostic is recorded and the next statement goes on. */
final class TranslationError extends RuntimeException {

    private final transient Diagnostic diagnostic;

    TranslationError(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }
}
