package dev.ferry.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects diagnostics across a run; parsing and translation keep going after the first problem. */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void report(DiagnosticCode code, SourceSpan span, String message) {
        add(Diagnostic.of(code, span, message));
    }

    public void report(DiagnosticCode code, SourceSpan span, String message, String hint) {
        add(new Diagnostic(code, span, message, hint));
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    /** All diagnostics ordered by file, line, column and code (deterministic output). */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Diagnostic.BY_POSITION);
        return Collections.unmodifiableList(copy);
    }

    public int size() {
        return items.size();
    }
}
