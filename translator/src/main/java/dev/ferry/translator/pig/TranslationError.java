package dev.ferry.translator.pig;

import dev.ferry.diagnostics.Diagnostic;

/**
 * Stops translating one statement; the diagnostic is recorded and the next statement goes on. A
 * follow-on error (the statement reads an alias that already failed) carries no diagnostic: the
 * first error is the one to fix.
 */
final class TranslationError extends RuntimeException {

    private final transient Diagnostic diagnostic;

    TranslationError(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    private TranslationError(String alias) {
        super("reads the failed alias " + alias, null, false, false);
        this.diagnostic = null;
    }

    static TranslationError followOn(String failedAlias) {
        return new TranslationError(failedAlias);
    }

    /** Empty for a follow-on error. */
    java.util.Optional<Diagnostic> diagnostic() {
        return java.util.Optional.ofNullable(diagnostic);
    }
}
