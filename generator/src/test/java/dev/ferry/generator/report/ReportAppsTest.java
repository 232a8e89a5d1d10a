package dev.ferry.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each diagnostic is listed under the deepest application directory holding its file. */
class ReportAppsTest {

    private static WorkflowPlan plan(String id, String workflow) {
        return new WorkflowPlan(
                id,
                "Oozie workflow " + id,
                List.of(workflow),
                null,
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(),
                List.of(),
                List.of());
    }

    /** file of a diagnostic → the app it is listed under, for apps at the given workflow files. */
    private static Map<String, String> appsOf(List<String> workflows, List<String> files) {
        List<WorkflowPlan> plans =
                workflows.stream().map(w -> plan("d" + workflows.indexOf(w), w)).toList();
        List<Diagnostic> diagnostics = files.stream()
                .map(f -> Diagnostic.of(DiagnosticCode.OOZ_W001, SourceSpan.of(f, 1, 1), "m"))
                .toList();
        Report report = Report.of(new Conversion("repo", plans, diagnostics));
        return report.apps().stream()
                .flatMap(app -> app.diagnostics().stream().map(d -> Map.entry(d.file(), app.path())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a + "," + b, TreeMap::new));
    }

    @Test
    void aFileGoesToTheDeepestAppHoldingIt() {
        List<String> workflows =
                List.of("workflow.xml", "apps/a/workflow.xml", "apps/a/b/workflow.xml", "x/workflow.xml");
        Map<String, String> expected = new TreeMap<>(Map.of(
                "apps/a/b/c/s.pig", "apps/a/b",
                "apps/a/b/s.pig", "apps/a/b",
                "apps/a/s.pig", "apps/a",
                "apps/ab/s.pig", ".", // a name prefix is not a directory: the repository's root app holds it
                "apps/s.pig", ".",
                "x/s.pig", "x",
                "s.pig", "."));
        assertEquals(expected, appsOf(workflows, List.copyOf(expected.keySet())));
    }

    @Test
    void withoutARootAppAFileOutsideEveryAppIsListedUnderItsOwnDirectory() {
        assertEquals(
                Map.of("apps/ab/s.pig", "apps/ab", "apps/a/s.pig", "apps/a", "s.pig", "."),
                appsOf(List.of("apps/a/workflow.xml"), List.of("apps/ab/s.pig", "apps/a/s.pig", "s.pig")));
    }
}
