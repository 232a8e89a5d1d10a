package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.ElementText;
import dev.ferry.parser.oozie.ShellAction;
import dev.ferry.translator.el.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <shell>} action (uri:oozie:shell-action 0.1-1.0) → a command run on the worker: exec
 * and arguments as argv (never through a shell), env-vars, files and archives in its working
 * directory, capture-output parsed as Java properties for {@code wf:actionData}.
 */
final class ShellActionTranslator {

    private ShellActionTranslator() {}

    static TaskNode translate(
            ActionNode node, ShellAction shell, TriggerRule rule, OozieEl el, Diagnostics diagnostics) {
        ElementText exec = shell.exec();
        if (exec == null || exec.text().isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E004, shell.span(), "shell action '" + node.name() + "' has no <exec>");
        }
        Template command = exec == null ? Template.text("") : el.template(exec.text(), exec.textSpan());
        List<Template> env = new ArrayList<>();
        for (ElementText var : shell.envVars()) {
            // Oozie's ShellMain splits each env-var at its first '='; one without '=' fails the action there.
            if (!var.text().contains("=")) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E011,
                        var.textSpan(),
                        "env-var '" + var.text() + "' of '" + node.name() + "' is not NAME=VALUE");
            }
            env.add(el.template(var.text(), var.textSpan()));
        }
        // Elements that only configure the Hadoop launcher; a process on the worker has no use for them.
        for (ElementText child : shell.parts().cluster()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    child.span(),
                    "<" + child.name() + "> of shell action '" + node.name()
                            + "' is not carried over: the command runs "
                            + "on the Airflow worker, not in a YARN launcher",
                    "set what the command needs through <env-var> or the worker's environment");
        }
        List<ElementText> fetched = new ArrayList<>(shell.files());
        fetched.addAll(shell.archives());
        for (ElementText file : fetched) {
            String path = file.text().split("#", 2)[0];
            if (!path.contains("://") && !path.startsWith("/") && !path.startsWith("${")) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        file.textSpan(),
                        "<" + file.name() + "> '" + file.text() + "' of '" + node.name()
                                + "' is relative: it is fetched at run "
                                + "time from the directory of the param oozie.wf.application.path, as Oozie resolves it",
                        "set oozie.wf.application.path in job.properties (e.g. hdfs://nn/apps/" + node.name() + "), "
                                + "or give the file an absolute URI");
            }
        }
        return new TaskNode.Shell(
                node.name(),
                node.span(),
                rule,
                command,
                el.arguments(shell.arguments()),
                env,
                el.arguments(shell.files()),
                el.arguments(shell.archives()),
                shell.captureOutput(),
                PrepareSteps.of(shell.parts().prepare(), el),
                node.okTo(),
                node.errorTo(),
                RetryPolicies.of(node, diagnostics));
    }
}
