package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import java.util.List;
import java.util.Optional;

/**
 * A valid Pig script that uses constructs the Flink SQL translation does not cover yet (PIG-E020) is not bad
 * input: within a workflow its action becomes a task that fails with the TODO, each construct is a PIG-W020
 * warning at its own position, and the rest of the repository still converts. Any other error in the script
 * (syntax, unknown alias, type error) stays an error.
 */
final class NotTranslatedScript {

    private NotTranslatedScript() {}

    static Optional<TaskNode> placeholder(
            ActionNode node, TriggerRule rule, String scriptFile, Diagnostics script, Diagnostics diagnostics) {
        List<Diagnostic> errors =
                script.sorted().stream().filter(Diagnostic::isError).toList();
        boolean onlyNotTranslated =
                !errors.isEmpty() && errors.stream().allMatch(d -> d.code() == DiagnosticCode.PIG_E020);
        if (!onlyNotTranslated) {
            diagnostics.addAll(script);
            return Optional.empty();
        }
        for (Diagnostic d : script.sorted()) {
            diagnostics.add(
                    d.code() == DiagnosticCode.PIG_E020
                            ? new Diagnostic(
                                    DiagnosticCode.PIG_W020,
                                    d.span(),
                                    d.message(),
                                    "action '" + node.name()
                                            + "' becomes a task that fails with this TODO and takes its error transition")
                            : d);
        }
        Diagnostic first = errors.get(0);
        String todo = "Pig script " + scriptFile + " is not translated to Flink SQL yet: " + first.span() + ": "
                + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more, see the report)" : "");
        return Optional.of(
                new TaskNode.Placeholder(node.name(), node.span(), rule, "pig", todo, node.okTo(), node.errorTo()));
    }
}
