package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.InputLogic;
import dev.ferry.translator.workflow.CoordinatorData.DataInput;
import dev.ferry.translator.workflow.CoordinatorData.Instance;
import dev.ferry.translator.workflow.CoordinatorData.LogicDataIn;
import dev.ferry.translator.workflow.CoordinatorData.LogicNode;
import dev.ferry.translator.workflow.CoordinatorData.LogicOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Coordinator 0.5 {@code <input-logic>} → its tree as data ({@link LogicNode}), which one input sensor evaluates
 * on every poke the way Oozie does (ferry_runtime.el.input_logic documents the semantics: and/or short-circuit,
 * combine, min, wait). Here only what Oozie checks before the action runs: every {@code <data-in dataset="X">}
 * names a data-in (CoordInputLogicEvaluatorPhaseValidate), min is an integer and wait a number of minutes
 * (CoordInputLogicBuilder.getTime), a combine joins two or more data-ins of the same range without
 * latest/future, and what the runtime evaluates differently is reported.
 */
final class CoordinatorInputLogic {

    private static final Set<String> OPERATORS = Set.of("and", "or", "combine");

    private final Map<String, DataInput> inputs;
    private final Set<String> declared;
    private final Map<String, String> known;
    private final Diagnostics diagnostics;

    private CoordinatorInputLogic(
            Map<String, DataInput> inputs, Set<String> declared, Map<String, String> known, Diagnostics diagnostics) {
        this.inputs = inputs;
        this.declared = declared;
        this.known = known;
        this.diagnostics = diagnostics;
    }

    /**
     * @param inputs   the data-ins that translated, by name
     * @param declared every data-in name of {@code <input-events>} (also the ones with errors)
     */
    static List<LogicNode> translate(
            InputLogic logic,
            Map<String, DataInput> inputs,
            Set<String> declared,
            Map<String, String> known,
            Diagnostics diagnostics) {
        if (logic == null) {
            return List.of();
        }
        CoordinatorInputLogic translator = new CoordinatorInputLogic(inputs, declared, known, diagnostics);
        List<LogicNode> top = new ArrayList<>();
        for (InputLogic.Element element : logic.elements()) {
            translator.node(element, false).ifPresent(top::add);
        }
        if (top.size() > 1) {
            // InputLogicParser.parse writes the top-level elements one after another with no operator; JEXL's
            // createExpression keeps only the first expression of such a script.
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    logic.span(),
                    "<input-logic> has " + top.size()
                            + " top-level elements: Oozie evaluates only the first ('" + label(top.get(0))
                            + "'); the others only name elements for coord:dataIn",
                    "join them in one <and> or <or> if the run must wait for all of them");
        }
        return top;
    }

    private Optional<LogicNode> node(InputLogic.Element element, boolean minAbove) {
        String name = resolved(element, "name", element.name());
        Optional<Integer> min = min(element);
        Optional<Integer> wait = wait(element);
        if (min == null || wait == null) {
            return Optional.empty();
        }
        boolean minHere = minAbove || min.isPresent();
        if (element.element().equals("data-in")) {
            String ref = resolved(element, "dataset", element.dataset());
            if (ref == null || !declared.contains(ref)) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E011,
                        element.span(),
                        "input-logic <data-in dataset=\"" + ref
                                + "\">: no <data-in> of <input-events> is named so (Oozie: Data set not found)");
                return Optional.empty();
            }
            DataInput input = inputs.get(ref);
            if (minHere && input != null && usesLatestOrFuture(input)) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        element.span(),
                        "input-logic min on data-in '" + ref
                                + "', which uses latest/future: Ferry waits until every instance resolves, Oozie also"
                                + " accepts min of a partly resolved latest/future range",
                        "use coord:current instances with min, or drop min for this data-in");
            }
            return input == null
                    ? Optional.empty()
                    : Optional.of(new LogicDataIn(ref, name, min.orElse(null), wait.orElse(null)));
        }
        if (!OPERATORS.contains(element.element())) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E011,
                    element.span(),
                    "<" + element.element() + "> is not an input-logic element (and, or, combine, data-in)");
            return Optional.empty();
        }
        List<LogicNode> children = new ArrayList<>();
        boolean complete = true;
        for (InputLogic.Element child : element.children()) {
            if (element.element().equals("combine") && !child.element().equals("data-in")) {
                diagnostics.report(DiagnosticCode.OOZ_E011, child.span(), "<combine> joins <data-in> elements only");
                complete = false;
                continue;
            }
            Optional<LogicNode> translated = node(child, minHere);
            translated.ifPresent(children::add);
            complete &= translated.isPresent();
        }
        if (!complete) {
            return Optional.empty();
        }
        if (children.isEmpty() || element.element().equals("combine") && children.size() < 2) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E011,
                    element.span(),
                    "<" + element.element() + ">"
                            + (element.element().equals("combine")
                                    ? " needs at least two <data-in> (Oozie E1028)"
                                    : " has no element inside: Oozie cannot evaluate an empty operator"));
            return Optional.empty();
        }
        if (element.element().equals("combine") && !combinable(element, children)) {
            return Optional.empty();
        }
        return Optional.of(new LogicOperator(
                CoordinatorData.LogicKind.valueOf(element.element().toUpperCase(Locale.ROOT)),
                name,
                min.orElse(null),
                wait.orElse(null),
                children));
    }

    /** CoordInputLogicEvaluatorPhaseValidate.evalCombineInput: same range, no latest/future. */
    private boolean combinable(InputLogic.Element combine, List<LogicNode> children) {
        List<DataInput> combined = children.stream()
                .map(c -> inputs.get(((LogicDataIn) c).dataIn()))
                .toList();
        if (combined.stream().anyMatch(CoordinatorInputLogic::usesLatestOrFuture)) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E011,
                    combine.span(),
                    "<combine> does not support latest/future data-ins (Oozie E1028)");
            return false;
        }
        List<Integer> lengths = combined.stream()
                .map(CoordinatorInputLogic::length)
                .flatMap(Optional::stream)
                .toList();
        if (lengths.size() == combined.size() && lengths.stream().distinct().count() > 1) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E011,
                    combine.span(),
                    "<combine> data-ins must have the same range" + " (instances: " + lengths
                            + "; Oozie E1028 'Combine should have same range')");
            return false;
        }
        return true;
    }

    /** How many instances a coord:current data-in has (unknown for offsets, which depend on the frequency). */
    private static Optional<Integer> length(DataInput input) {
        if (input.start() != null) {
            // Per-run terms (coord:daysInMonth) make the length a run's, unless both ends carry the same ones.
            return input.start().function() == CoordinatorData.Function.CURRENT
                            && input.start().terms().equals(input.end().terms())
                    ? Optional.of(input.end().n() - input.start().n() + 1)
                    : Optional.empty();
        }
        return input.instances().stream().allMatch(i -> i.function() == CoordinatorData.Function.CURRENT)
                ? Optional.of(input.instances().size())
                : Optional.empty();
    }

    private static boolean usesLatestOrFuture(DataInput input) {
        List<Instance> all = new ArrayList<>(input.instances());
        if (input.start() != null) {
            all.add(input.start());
            all.add(input.end());
        }
        return all.stream()
                .anyMatch(i -> i.function() == CoordinatorData.Function.LATEST
                        || i.function() == CoordinatorData.Function.FUTURE);
    }

    /** min: an integer once job properties are in (the JEXL builder's .min(n)); empty when absent, null = error. */
    private Optional<Integer> min(InputLogic.Element element) {
        String text = element.min();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<String> value =
                CoordinatorSchedule.resolve(text, known).map(String::trim).filter(v -> v.matches("-?\\d+"));
        if (value.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E011,
                    element.span(),
                    "input-logic min '" + text + "' is not an integer (after resolving job.properties)");
            return null;
        }
        return Optional.of(Integer.parseInt(value.get()));
    }

    /** wait: minutes, digits only (CoordInputLogicBuilder.getTime: StringUtils.isNumeric, else "Unsupported time"). */
    private Optional<Integer> wait(InputLogic.Element element) {
        String text = element.waitTime();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<String> value =
                CoordinatorSchedule.resolve(text, known).map(String::trim).filter(v -> v.matches("\\d+"));
        if (value.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E011,
                    element.span(),
                    "input-logic wait '" + text + "' is not a number of minutes (Oozie: Unsupported time)");
            return null;
        }
        return Optional.of(Integer.parseInt(value.get()));
    }

    /** An attribute with its EL resolved from job properties (Oozie resolves the whole action XML first). */
    private String resolved(InputLogic.Element element, String attribute, String text) {
        if (text == null || !text.contains("${")) {
            return text;
        }
        Optional<String> value = CoordinatorSchedule.resolve(text, known).map(String::trim);
        if (value.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E011,
                    element.span(),
                    "input-logic " + attribute + " '" + text + "' does not resolve from job.properties");
            return text;
        }
        return value.get();
    }

    private static String label(LogicNode node) {
        if (node.name() != null) {
            return node.name();
        }
        return node instanceof LogicOperator op
                ? "<" + op.kind() + ">"
                : "<data-in " + ((LogicDataIn) node).dataIn() + ">";
    }
}
