package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.translator.el.Template;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Pig script's parallelism as its Flink job's: the largest of its {@code PARALLEL n} clauses (on any operator,
 * a STORE's included) and
 * {@code SET default_parallel n} (Pig sets each reduce phase's reducers from them; one Flink job has one default
 * parallelism). A parameter there resolves through the action's constant {@code <param>}s and the script's
 * {@code %default}s; one known only at run time, or not a whole number from 1 to {@value #MAX}, is PIG-W030 and
 * does not count.
 */
final class PigParallelism {

    /** Flink's largest parallelism. */
    static final int MAX = 32768;

    private PigParallelism() {}

    static OptionalInt of(PigScript script, Map<String, Template> values, Diagnostics diagnostics) {
        OptionalInt largest = OptionalInt.empty();
        for (PigStatement statement : script.statements()) {
            Optional<PigStatement.Parallel> hint = hint(statement);
            if (hint.isEmpty()) {
                continue;
            }
            OptionalInt value = value(hint.get().value(), hint.get().span(), values, diagnostics);
            if (value.isPresent() && (largest.isEmpty() || value.getAsInt() > largest.getAsInt())) {
                largest = value;
            }
        }
        return largest;
    }

    /** A statement's PARALLEL clause, or a {@code SET default_parallel} command's value. */
    private static Optional<PigStatement.Parallel> hint(PigStatement statement) {
        if (statement instanceof PigStatement.Assign assign) {
            return Optional.ofNullable(assign.parallel());
        }
        if (statement instanceof PigStatement.Store store) {
            return Optional.ofNullable(store.parallel());
        }
        if (statement instanceof PigStatement.Command command
                && command.keyword().equals("SET")) {
            String[] words = command.argument().split("\\s+", 2);
            if (words.length == 2 && words[0].equals("default_parallel")) {
                return Optional.of(new PigStatement.Parallel(unquote(words[1].strip()), command.span()));
            }
        }
        return Optional.empty();
    }

    private static OptionalInt value(
            String written, SourceSpan span, Map<String, Template> values, Diagnostics diagnostics) {
        String text = written;
        if (written.startsWith("$")) {
            String name = written.startsWith("${") ? written.substring(2, written.length() - 1) : written.substring(1);
            Template value = values.get(name);
            if (value == null || !value.isConstant()) {
                diagnostics.report(
                        DiagnosticCode.PIG_W030,
                        span,
                        "parallelism " + written + " is known only when the"
                                + " job runs; the job keeps its default parallelism",
                        "give the action a constant <param>" + name + "=N</param>, or size the job in ferry.yaml");
                return OptionalInt.empty();
            }
            text = value.parts().stream()
                    .map(p -> ((Template.Text) p).text())
                    .reduce("", String::concat)
                    .strip();
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        diagnostics.report(
                DiagnosticCode.PIG_W030,
                span,
                "parallelism " + written + " is '" + text + "', not a whole number from 1 to " + MAX
                        + "; the job keeps its default parallelism");
        return OptionalInt.empty();
    }

    private static String unquote(String value) {
        return value.length() >= 2
                        && (value.startsWith("'") && value.endsWith("'")
                                || value.startsWith("\"") && value.endsWith("\""))
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
