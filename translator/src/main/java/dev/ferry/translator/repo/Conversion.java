package dev.ferry.translator.repo;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.List;

/**
 * The result of converting one repository: the plans of the apps that converted, every diagnostic sorted by
 * position, and the apps that did not convert.
 */
public record Conversion(String repoName, List<WorkflowPlan> plans, List<Diagnostic> diagnostics, List<FailedApp> failed) {

    public Conversion {
        plans = List.copyOf(plans);
        diagnostics = List.copyOf(diagnostics);
        failed = List.copyOf(failed);
    }

    public Conversion(String repoName, List<WorkflowPlan> plans, List<Diagnostic> diagnostics) {
        this(repoName, plans, diagnostics, List.of());
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
