package dev.ferry.diagnostics;

import dev.ferry.secrets.SecretText;
import java.util.Comparator;

/**
 * One finding about the input, printed like a compiler's:
 * {@code workflows/daily/agg.pig:14:9: error PIG-E012: unknown alias 'clicks' (did you mean 'click'?)}.
 * Codes are documented in {@link DiagnosticCode}.
 */
public record Diagnostic(DiagnosticCode code, SourceSpan span, String message, String hint) {

    public static final Comparator<Diagnostic> BY_POSITION = Comparator.comparing(
                    (Diagnostic d) -> d.span().file())
            .thenComparingInt(d -> d.span().line())
            .thenComparingInt(d -> d.span().column())
            .thenComparing(d -> d.code().id());

    /** Every message and hint passes the secret rule: a value quoted from the input never reaches stderr or a report. */
    public Diagnostic {
        hint = hint == null ? "" : SecretText.redact(hint);
        message = SecretText.redact(message);
    }

    public static Diagnostic of(DiagnosticCode code, SourceSpan span, String message) {
        return new Diagnostic(code, span, message, "");
    }

    public Severity severity() {
        return code.severity();
    }

    public boolean isError() {
        return severity() == Severity.ERROR;
    }

    /** The compiler-style line, with the hint on a second line when there is one. */
    public String format() {
        String head = span + ": " + severity().label() + " " + code.id() + ": " + message;
        return hint.isEmpty() ? head : head + "\n  hint: " + hint;
    }
}
