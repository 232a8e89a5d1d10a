package dev.ferry.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The error count is kept as diagnostics arrive, through every way they arrive. */
class DiagnosticsTest {

    private static final SourceSpan AT = SourceSpan.of("app/workflow.xml", 3, 5);

    @Test
    void countsErrorsNotWarningsThroughReportAddAndAddAll() {
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(0, diagnostics.errorCount());
        assertFalse(diagnostics.hasErrors());

        diagnostics.report(DiagnosticCode.OOZ_W003, AT, "a warning");
        assertEquals(0, diagnostics.errorCount());
        assertFalse(diagnostics.hasErrors());

        diagnostics.report(DiagnosticCode.OOZ_E001, AT, "an error");
        diagnostics.add(Diagnostic.of(DiagnosticCode.OOZ_E004, AT, "another"));
        diagnostics.report(DiagnosticCode.OOZ_E002, AT, "a third", "with a hint");
        assertEquals(3, diagnostics.errorCount());

        Diagnostics other = new Diagnostics();
        other.report(DiagnosticCode.IO_E001, AT, "other's error");
        other.report(DiagnosticCode.OOZ_W003, AT, "other's warning");
        diagnostics.addAll(other);
        assertEquals(4, diagnostics.errorCount());
        assertTrue(diagnostics.hasErrors());
        assertEquals(6, diagnostics.size());
        assertEquals(diagnostics.sorted().stream().filter(Diagnostic::isError).count(), diagnostics.errorCount());
        assertEquals(1, other.errorCount(), "adding copies; the source keeps its own count");
    }
}
