package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.GenericAction;
import dev.ferry.parser.oozie.XmlElement;

/**
 * A {@code <git>} action (uri:oozie:git-action:1.0) is not translated yet: it stays a task that
 * fails when reached, and the diagnostic says exactly what the action did, so it can be ported.
 */
final class GitActionPlaceholder {

    private GitActionPlaceholder() {}

    static TaskNode translate(ActionNode node, GenericAction git, String rule, Diagnostics diagnostics) {
        XmlElement xml = git.element();
        String what = "clone of " + xml.childText("git-uri")
                + (xml.childText("branch") == null ? "" : " (branch " + xml.childText("branch") + ")")
                + " into " + xml.childText("destination-uri")
                + (xml.childText("key-path") == null ? "" : ", with the SSH key at " + xml.childText("key-path"));
        diagnostics.report(DiagnosticCode.OOZ_W005, git.span(),
                "<git> action '" + node.name() + "' is not translated yet (" + what + "); it becomes a task that fails "
                        + "with a TODO",
                "port it as a shell action running `git clone --depth 1 --branch <branch>` with the key from an Airflow "
                        + "connection or Kubernetes Secret, then copy to the destination");
        return new TaskNode.Placeholder(node.name(), node.span(), rule, "git",
                "Oozie <git> action at " + git.span() + " (" + what + ") is not translated yet", node.okTo(), node.errorTo());
    }
}
