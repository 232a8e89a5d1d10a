package dev.ferry.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects diagnostics across a run; parsing and translation keep going after the first problem. */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();
    /** Kept as diagnostics arrive, so asking "any new error?" costs nothing however many there are. */
    private int errors;

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
        if (diagnostic.isError()) {
            errors++;
        }
    }

    public void report(DiagnosticCode code, SourceSpan span, String message) {
        add(Diagnostic.of(code, span, message));
    }

    public void report(DiagnosticCode code, SourceSpan span, String message, String hint) {
        add(new Diagnostic(code, span, message, hint));
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
        errors += other.errors;
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** How many of the diagnostics are errors (callers compare it before and after a step). */
    public int errorCount() {
        return errors;
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
