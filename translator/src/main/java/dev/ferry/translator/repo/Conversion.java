package dev.ferry.translator.repo;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.List;

/**
 * The result of converting one repository: the plans of the apps that converted, every diagnostic sorted by
 * position, the apps that did not convert, and the Pig scripts no workflow runs ({@link StandaloneScript}).
 */
public record Conversion(
        String repoName,
        List<WorkflowPlan> plans,
        List<Diagnostic> diagnostics,
        List<FailedApp> failed,
        List<StandaloneScript> scripts) {

    public Conversion {
        plans = List.copyOf(plans);
        diagnostics = List.copyOf(diagnostics);
        failed = List.copyOf(failed);
        scripts = List.copyOf(scripts);
    }

    public Conversion(String repoName, List<WorkflowPlan> plans, List<Diagnostic> diagnostics, List<FailedApp> failed) {
        this(repoName, plans, diagnostics, failed, List.of());
    }

    public Conversion(String repoName, List<WorkflowPlan> plans, List<Diagnostic> diagnostics) {
        this(repoName, plans, diagnostics, List.of());
    }

    /** Whether Ferry itself failed on some app (FERRY-E001): a bug, told apart from errors of the input. */
    public boolean hasInternalErrors() {
        return diagnostics.stream().anyMatch(d -> d.code() == DiagnosticCode.FERRY_E001);
    }

    /** The standalone scripts that were translated (each has its SQL in the output). */
    public List<StandaloneScript> translatedScripts() {
        return scripts.stream()
                .filter(s -> s.status() == StandaloneScript.Status.TRANSLATED)
                .toList();
    }

    /**
     * Whether there is nothing to write: no DAG and no standalone script. A script that is a TODO or bad input still
     * gets its row in the report, so a repository of such scripts gets a report listing them.
     */
    public boolean producesNothing() {
        return plans.isEmpty() && scripts.isEmpty();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
