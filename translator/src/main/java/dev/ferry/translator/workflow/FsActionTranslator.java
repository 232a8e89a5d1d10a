package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.FsAction;
import dev.ferry.parser.oozie.FsOperation;
import dev.ferry.translator.el.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An {@code <fs>} action → its operations run in document order by the runtime (ferry_runtime
 * .actions.fs_ops, with FsActionExecutor's rules); the first one that fails is the action's error.
 */
final class FsActionTranslator {

    private FsActionTranslator() {}

    static TaskNode translate(
            ActionNode node,
            FsAction fs,
            TriggerRule rule,
            WorkflowSources sources,
            OozieEl el,
            Diagnostics diagnostics) {
        List<TaskNode.FsStep> steps = new ArrayList<>();
        for (FsOperation operation : fs.operations()) {
            SortedMap<String, Template> arguments = new TreeMap<>();
            operation.attributes().forEach((name, value) -> arguments.put(name, el.template(value, operation.span())));
            if (operation.recursive()) {
                arguments.put("recursive", Template.text("true"));
            }
            steps.add(new TaskNode.FsStep(operation.kind().name().toLowerCase(Locale.ROOT), arguments));
        }
        if (!fs.configuration().isEmpty() || !fs.jobXml().isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    fs.span(),
                    "Hadoop configuration/job-xml of fs action '" + node.name() + "' is not carried over",
                    "configure the file system client (fsspec/pyarrow, core-site.xml) on the worker instead");
        }
        // <global>'s name-node applies to fs actions too (LiteWorkflowAppParser.handleGlobal adds it to every action).
        String ownOrGlobal = sources.workflow().settings(node).nameNode();
        Template nameNode = ownOrGlobal == null ? null : el.template(ownOrGlobal, fs.span());
        return new TaskNode.Fs(
                node.name(),
                node.span(),
                rule,
                nameNode,
                steps,
                node.okTo(),
                node.errorTo(),
                RetryPolicies.of(node, diagnostics));
    }
}
