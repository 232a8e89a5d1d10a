package dev.ferry.translator.repo;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.List;

/** The result of converting one repository: the plans, and every diagnostic sorted by position. */
public record Conversion(String repoName, List<WorkflowPlan> plans, List<Diagnostic> diagnostics) {

    public Conversion {
        plans = List.copyOf(plans);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
