package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.ElementText;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.parser.oozie.SubWorkflowAction;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.translator.el.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code <sub-workflow>} action → the parent triggers the child workflow's DAG and waits for it;
 * the child's failure is the action's error. The child is found in the repository from
 * {@code <app-path>} (every workflow.xml of the repository already becomes an unscheduled DAG); an app-path
 * known only at run time (a loop calling itself through {@code ${wf:appPath()}}, {@code ${loop_action}}) is
 * resolved by the task among the repository's DAGs (ferry_runtime.actions.subworkflow), bounded in depth.
 */
final class SubWorkflowTranslator {

    private SubWorkflowTranslator() {}

    static Optional<TaskNode> translate(
            ActionNode node,
            SubWorkflowAction action,
            TriggerRule rule,
            WorkflowSources sources,
            Map<String, String> knownValues,
            OozieEl el,
            Diagnostics diagnostics) {
        ElementText appPath = action.appPath();
        if (appPath == null || appPath.text().isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E004, action.span(), "sub-workflow '" + node.name() + "' has no <app-path>");
            return Optional.empty();
        }
        SortedMap<String, Template> configuration = new TreeMap<>();
        action.configuration().forEach(p -> configuration.put(p.name(), el.template(p.value(), p.span())));
        Optional<String> resolved = el.resolve(appPath.text(), appPath.textSpan(), knownValues);
        if (resolved.isEmpty() && childWorkflow(sources, appPath.text()).isEmpty()) {
            // Known only at run time (${wf:appPath()}, a property the parent passes): the task finds the child
            // among the repository's converted DAGs then, as Oozie reads the app-path when the action starts.
            return Optional.of(new TaskNode.SubWorkflow(
                    node.name(),
                    node.span(),
                    rule,
                    null,
                    configuration,
                    action.propagateConfiguration(),
                    node.okTo(),
                    node.errorTo(),
                    RetryPolicies.of(node, diagnostics),
                    el.template(appPath.text(), appPath.textSpan())));
        }
        String path = resolved.orElse(appPath.text());
        Optional<Path> child = childWorkflow(sources, path);
        if (child.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E009,
                    appPath.textSpan(),
                    "sub-workflow app-path '" + appPath.text() + "' of '" + node.name()
                            + "' names no workflow in the repository",
                    "Ferry looks for the app-path's last directories (after any ${...} part) under the repository and the "
                            + "workflow's directory; keep the child workflow in the repository");
            return Optional.empty();
        }
        Path file = child.get();
        Diagnostics ignored = new Diagnostics(); // the child reports its own diagnostics when it is translated
        Optional<WorkflowApp> workflow = OozieReader.readWorkflow(file, sources.display(file), ignored);
        if (workflow.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E009,
                    appPath.textSpan(),
                    "sub-workflow '" + node.name() + "': " + sources.display(file) + " cannot be read as a workflow");
            return Optional.empty();
        }
        if (Files.isRegularFile(file.resolveSibling("coordinator.xml"))) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    appPath.textSpan(),
                    "the child workflow " + sources.display(file) + " of '" + node.name()
                            + "' is also scheduled by its coordinator, whose DAG carries the coordinator's name",
                    "keep a copy of the child workflow without coordinator for the sub-workflow");
        }
        return Optional.of(new TaskNode.SubWorkflow(
                node.name(),
                node.span(),
                rule,
                WorkflowTranslator.DagNames.dagId(workflow.get()),
                configuration,
                action.propagateConfiguration(),
                node.okTo(),
                node.errorTo(),
                RetryPolicies.of(node, diagnostics)));
    }

    /**
     * The child's workflow.xml: the app-path's trailing directories (after the scheme and authority,
     * and after the last {@code ${...}}), longest first, under the repository root, the workflow's
     * directory and its parent; an app-path may name the directory or the XML file itself.
     */
    static Optional<Path> childWorkflow(WorkflowSources sources, String appPath) {
        String path = appPath;
        int el = path.lastIndexOf('}');
        if (el >= 0) {
            path = path.substring(el + 1);
        } else if (path.contains("://")) {
            int slash = path.indexOf('/', path.indexOf("://") + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        List<String> parts = java.util.Arrays.stream(path.split("/+"))
                .filter(s -> !s.isEmpty())
                .toList();
        Path self = sources.repoRoot().resolve(sources.workflow().file()).normalize();
        List<Path> bases = new ArrayList<>(List.of(sources.repoRoot(), sources.workflowDir()));
        if (sources.workflowDir().getParent() != null) {
            bases.add(sources.workflowDir().getParent());
        }
        for (int start = 0; start < parts.size(); start++) {
            String suffix = String.join("/", parts.subList(start, parts.size()));
            for (Path base : bases) {
                Path candidate = base.resolve(suffix).normalize();
                Path file = Files.isDirectory(candidate) ? candidate.resolve("workflow.xml") : candidate;
                // Only a file under the repository, symbolic links followed, is read.
                if (sources.root().contains(file)
                        && file.getFileName().toString().endsWith(".xml")
                        && !file.normalize().equals(self)) {
                    return Optional.of(sources.root().locate(file).path());
                }
            }
        }
        return Optional.empty();
    }
}
