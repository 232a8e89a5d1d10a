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
public final class NotTranslatedScript {

    private NotTranslatedScript() {}

    static Optional<TaskNode> placeholder(
            ActionNode node, TriggerRule rule, String scriptFile, Diagnostics script, Diagnostics diagnostics) {
        Optional<List<Diagnostic>> todos = asTodos(
                script,
                "action '" + node.name() + "' becomes a task that fails with this TODO and takes its error transition");
        if (todos.isEmpty()) {
            diagnostics.addAll(script);
            return Optional.empty();
        }
        todos.get().forEach(diagnostics::add);
        List<Diagnostic> errors =
                script.sorted().stream().filter(Diagnostic::isError).toList();
        String todo = "Pig script " + scriptFile + " is not translated to Flink SQL yet: " + reason(errors);
        return Optional.of(
                new TaskNode.Placeholder(node.name(), node.span(), rule, "pig", todo, node.okTo(), node.errorTo()));
    }

    /**
     * When a script's only errors are PIG-E020 (constructs not translated yet), its diagnostics with each of them
     * as a PIG-W020 warning carrying {@code hint}; empty when it has another error (bad input stays an error) or
     * none.
     */
    public static Optional<List<Diagnostic>> asTodos(Diagnostics script, String hint) {
        List<Diagnostic> all = script.sorted();
        List<Diagnostic> errors = all.stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty() || !errors.stream().allMatch(d -> d.code() == DiagnosticCode.PIG_E020)) {
            return Optional.empty();
        }
        return Optional.of(all.stream()
                .map(d -> d.code() == DiagnosticCode.PIG_E020
                        ? new Diagnostic(DiagnosticCode.PIG_W020, d.span(), d.message(), hint)
                        : d)
                .toList());
    }

    /** The first of {@code errors} as {@code file:line:col: message}, with how many more there are. */
    public static String reason(List<Diagnostic> errors) {
        Diagnostic first = errors.get(0);
        return first.span() + ": " + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more, see the report)" : "");
    }
}
