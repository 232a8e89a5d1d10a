package dev.ferry.translator.repo;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.List;

/**
 * The result of converting one repository: the plans of the apps that converted, every diagnostic sorted by
 * position, and the apps that did not convert.
 */
public record Conversion(
        String repoName, List<WorkflowPlan> plans, List<Diagnostic> diagnostics, List<FailedApp> failed) {

    public Conversion {
        plans = List.copyOf(plans);
        diagnostics = List.copyOf(diagnostics);
        failed = List.copyOf(failed);
    }

    public Conversion(String repoName, List<WorkflowPlan> plans, List<Diagnostic> diagnostics) {
        this(repoName, plans, diagnostics, List.of());
    }

    /** Whether Ferry itself failed on some app (FERRY-E001): a bug, told apart from errors of the input. */
    public boolean hasInternalErrors() {
        return diagnostics.stream().anyMatch(d -> d.code() == DiagnosticCode.FERRY_E001);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
