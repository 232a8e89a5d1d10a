package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.GenericAction;
import dev.ferry.parser.oozie.XmlElement;
import dev.ferry.translator.el.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code <shell>} action (uri:oozie:shell-action 0.1-1.0) → a command run on the worker: exec
 * and arguments as argv (never through a shell), env-vars, files and archives in its working
 * directory, capture-output parsed as Java properties for {@code wf:actionData}.
 */
final class ShellActionTranslator {

    /** Elements that only configure the Hadoop launcher; a process on the worker has no use for them. */
    private static final Set<String> LAUNCHER_ONLY =
            Set.of("job-tracker", "resource-manager", "name-node", "job-xml", "configuration", "launcher");

    private ShellActionTranslator() {}

    static TaskNode translate(
            ActionNode node, GenericAction shell, TriggerRule rule, OozieEl el, Diagnostics diagnostics) {
        XmlElement xml = shell.element();
        XmlElement exec = xml.child("exec").orElse(null);
        if (exec == null || exec.text().isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E004, shell.span(), "shell action '" + node.name() + "' has no <exec>");
        }
        Template command = exec == null ? Template.text("") : el.template(exec.text(), exec.textSpan());
        List<Template> arguments = texts(xml, "argument", el);
        List<Template> env = new ArrayList<>();
        for (XmlElement var : xml.children("env-var")) {
            // Oozie's ShellMain splits each env-var at its first '='; one without '=' fails the action there.
            if (!var.text().contains("=")) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E011,
                        var.textSpan(),
                        "env-var '" + var.text() + "' of '" + node.name() + "' is not NAME=VALUE");
            }
            env.add(el.template(var.text(), var.textSpan()));
        }
        List<TaskNode.PrepareStep> prepare = PrepareSteps.of(xml, el);
        for (XmlElement child : xml.children()) {
            if (LAUNCHER_ONLY.contains(child.name())) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        child.span(),
                        "<" + child.name() + "> of shell action '" + node.name()
                                + "' is not carried over: the command runs "
                                + "on the Airflow worker, not in a YARN launcher",
                        "set what the command needs through <env-var> or the worker's environment");
            }
        }
        for (XmlElement file : concat(xml.children("file"), xml.children("archive"))) {
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
                arguments,
                env,
                texts(xml, "file", el),
                texts(xml, "archive", el),
                xml.hasChild("capture-output"),
                prepare,
                node.okTo(),
                node.errorTo(),
                RetryPolicies.of(node, diagnostics));
    }

    private static List<XmlElement> concat(List<XmlElement> a, List<XmlElement> b) {
        List<XmlElement> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Oozie reads these elements' trimmed text (getTextTrim), each an EL template. */
    static List<Template> texts(XmlElement xml, String name, OozieEl el) {
        return el.arguments(xml.children(name));
    }
}
