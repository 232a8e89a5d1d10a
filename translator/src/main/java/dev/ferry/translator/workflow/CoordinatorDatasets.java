package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElExpr;
import dev.ferry.parser.el.ElExpr.FunctionCall;
import dev.ferry.parser.el.ElExpr.Identifier;
import dev.ferry.parser.el.ElExpr.Literal;
import dev.ferry.parser.el.ElExpr.Unary;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElPart;
import dev.ferry.parser.el.ElPart.ElExpression;
import dev.ferry.parser.el.ElPart.ElText;
import dev.ferry.parser.el.ElTemplate;
import dev.ferry.parser.oozie.CoordinatorApp;
import dev.ferry.parser.oozie.DataEvent;
import dev.ferry.parser.oozie.Dataset;
import dev.ferry.translator.el.ElConstantFolder;
import dev.ferry.translator.el.ElLowering;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.workflow.CoordinatorData.CalendarCount;
import dev.ferry.translator.workflow.CoordinatorData.CalendarTerm;
import dev.ferry.translator.workflow.CoordinatorData.DataInput;
import dev.ferry.translator.workflow.CoordinatorData.DataOutput;
import dev.ferry.translator.workflow.CoordinatorData.DatasetSpec;
import dev.ferry.translator.workflow.CoordinatorData.Instance;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Datasets, {@code <input-events>} and {@code <output-events>} → {@link CoordinatorData}: what the runtime needs
 * to compute each instance's URI from a run's nominal time (ferry_runtime.el.datasets) and to wait for its
 * done-flag. Nothing is resolved here that depends on the run.
 */
final class CoordinatorDatasets {

    /** Oozie's uri-template variables, bound per dataset instance (left in the template for the runtime). */
    static final Set<String> TIME_VARIABLES = Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE");

    /** What Oozie waits for when a dataset has no {@code <done-flag>}. */
    static final String DEFAULT_DONE_FLAG = "_SUCCESS";

    private static final Set<String> INSTANCE_FUNCTIONS =
            Set.of("coord:current", "coord:offset", "coord:latest", "coord:future");

    private final CoordinatorApp coordinator;
    private final Map<String, String> known;
    private final Diagnostics diagnostics;

    private CoordinatorDatasets(CoordinatorApp coordinator, Map<String, String> known, Diagnostics diagnostics) {
        this.coordinator = coordinator;
        this.known = known;
        this.diagnostics = diagnostics;
    }

    static CoordinatorData translate(
            CoordinatorApp coordinator,
            List<Dataset> included,
            Map<String, String> known,
            String startNode,
            Integer timeoutMinutes,
            Diagnostics diagnostics) {
        return new CoordinatorDatasets(coordinator, known, diagnostics).run(included, startNode, timeoutMinutes);
    }

    private CoordinatorData run(List<Dataset> included, String startNode, Integer timeoutMinutes) {
        // A dataset defined in the coordinator overrides an included one of the same name (Oozie's rule).
        Map<String, Dataset> byName = new LinkedHashMap<>();
        included.forEach(d -> byName.put(resolvedName(d), d));
        coordinator.datasets().forEach(d -> byName.put(resolvedName(d), d));
        Map<String, DatasetSpec> used = new LinkedHashMap<>();
        List<DataInput> inputs = new ArrayList<>();
        for (DataEvent event : coordinator.inputEvents()) {
            Optional<DatasetSpec> dataset = dataset(byName, event, used);
            if (dataset.isEmpty()) {
                continue;
            }
            List<Instance> instances = new ArrayList<>();
            event.instances().forEach(text -> instance(text, event.span()).ifPresent(instances::add));
            Instance start = event.startInstance() == null
                    ? null
                    : instance(event.startInstance(), event.span()).orElse(null);
            Instance end = event.endInstance() == null
                    ? null
                    : instance(event.endInstance(), event.span()).orElse(null);
            if (event.startInstance() != null && (start == null || end == null || start.function() != end.function())) {
                if (start != null && end != null) {
                    diagnostics.report(
                            DiagnosticCode.OOZ_E011,
                            event.span(),
                            "<data-in> '" + event.name()
                                    + "': start-instance and end-instance must use the same function (Oozie E1010)");
                }
                continue;
            }
            if (instances.size() < event.instances().size()) {
                continue;
            }
            inputs.add(new DataInput(event.name(), dataset.get().name(), instances, start, end));
        }
        List<DataOutput> outputs = new ArrayList<>();
        for (DataEvent event : coordinator.outputEvents()) {
            Optional<DatasetSpec> dataset = dataset(byName, event, used);
            if (dataset.isEmpty() || event.instances().size() != 1) {
                if (dataset.isPresent()) {
                    diagnostics.report(
                            DiagnosticCode.OOZ_E011,
                            event.span(),
                            "<data-out> '" + event.name() + "' must have exactly one <instance>");
                }
                continue;
            }
            Optional<Instance> instance = instance(event.instances().get(0), event.span());
            if (instance.isEmpty()) {
                continue;
            }
            if (instance.get().function() != CoordinatorData.Function.CURRENT
                    && instance.get().function() != CoordinatorData.Function.OFFSET) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E011,
                        event.span(),
                        "<data-out> '" + event.name()
                                + "' instance must be coord:current or coord:offset, as Oozie requires");
                continue;
            }
            boolean nocleanup = "true".equalsIgnoreCase(event.nocleanup());
            if (!nocleanup) {
                // Oozie's coordinator rerun deletes the action's data-out first unless nocleanup="true" (OOZIE-2183)
                // or -nocleanup; clearing an Airflow run deletes nothing.
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        event.span(),
                        "<data-out> '" + event.name()
                                + "': a coordinator rerun in Oozie deletes this output first; clearing the Airflow run does not",
                        "TODO: delete the output before re-running by hand, or set nocleanup=\"true\" if it must stay");
            }
            outputs.add(new DataOutput(event.name(), dataset.get().name(), instance.get(), nocleanup));
        }
        Map<String, DataInput> byInput = new LinkedHashMap<>();
        inputs.forEach(i -> byInput.put(i.name(), i));
        Set<String> declared = new java.util.HashSet<>();
        coordinator.inputEvents().forEach(e -> declared.add(e.name()));
        List<CoordinatorData.LogicNode> logic =
                CoordinatorInputLogic.translate(coordinator.inputLogic(), byInput, declared, known, diagnostics);
        return new CoordinatorData(startNode, List.copyOf(used.values()), inputs, logic, outputs, timeoutMinutes);
    }

    /** The dataset an event names; the name is EL resolved at submission ({@code dataset="${raw_dataset}"}). */
    private Optional<DatasetSpec> dataset(Map<String, Dataset> byName, DataEvent event, Map<String, DatasetSpec> used) {
        String name = CoordinatorSchedule.resolve(event.dataset(), known).orElse(event.dataset());
        DatasetSpec spec = used.get(name);
        if (spec != null) {
            return Optional.of(spec);
        }
        Dataset dataset = byName.get(name);
        if (dataset == null) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E012,
                    event.span(),
                    "'" + event.name() + "' uses dataset '"
                            + (name.equals(event.dataset()) ? name : event.dataset() + "' (= '" + name + "')")
                            + ", which is not defined (nor in an included dataset file)");
            return Optional.empty();
        }
        Optional<DatasetSpec> made = spec(dataset);
        made.ifPresent(s -> used.put(s.name(), s));
        return made;
    }

    /** A dataset's name as Oozie has it after submission ({@code name="${table}_raw"}). */
    private String resolvedName(Dataset dataset) {
        return CoordinatorSchedule.resolve(dataset.name(), known).orElse(dataset.name());
    }

    private Optional<DatasetSpec> spec(Dataset dataset) {
        Optional<OozieFrequency> frequency = OozieFrequency.parse(dataset.frequency(), known);
        if (frequency.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E010,
                    dataset.span(),
                    "dataset '" + dataset.name() + "' frequency '" + dataset.frequency()
                            + "' is not coord:minutes/hours/days/months/endOfDays/endOfMonths(n) or minutes");
            return Optional.empty();
        }
        Optional<String> initial = CoordinatorSchedule.resolve(dataset.initialInstance(), known)
                .filter(t -> CoordinatorSchedule.oozieTime(t).isPresent());
        if (initial.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E010,
                    dataset.span(),
                    "dataset '" + dataset.name() + "' initial-instance '" + dataset.initialInstance()
                            + "' is not an Oozie UTC time like 2026-01-15T02:00Z");
            return Optional.empty();
        }
        String timezone = CoordinatorSchedule.resolve(dataset.timezone(), known)
                .orElse(dataset.timezone())
                .trim();
        Optional<ZoneId> zone = CoordinatorSchedule.zone(timezone);
        if (zone.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E010,
                    dataset.span(),
                    "dataset '" + dataset.name() + "' has an unknown timezone '" + dataset.timezone() + "'");
            return Optional.empty();
        }
        if (!CoordinatorSchedule.namedForPython(zone.get())) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E010,
                    dataset.span(),
                    "dataset '" + dataset.name() + "' timezone '" + timezone
                            + "' is a fixed offset of no whole hours, which no IANA time zone has: the runtime's"
                            + " zoneinfo cannot compute its instances",
                    "name the region whose time it is (Asia/Kolkata for GMT+05:30)");
            return Optional.empty();
        }
        Template uri = uriTemplate(dataset.uriTemplate(), dataset.span());
        String doneFlag = dataset.doneFlag() == null
                ? DEFAULT_DONE_FLAG
                : dataset.doneFlag().trim();
        OozieFrequency f = frequency.get();
        String unit = f.unit().equals("week") ? "day" : f.unit();
        int amount = f.unit().equals("week") ? f.amount() * 7 : f.amount();
        return Optional.of(new DatasetSpec(
                resolvedName(dataset),
                amount,
                unit,
                f.endOf(),
                initial.get().trim(),
                zone.get().getId(),
                uri,
                doneFlag));
    }

    /**
     * The uri-template, with Oozie's template variables left for the runtime. Oozie evaluates a
     * uri-template twice: at submission with the job's properties, where {@code ${"$"}} is a literal dollar, so
     * {@code ${"$"}{MONTH + 0}} becomes the text {@code ${MONTH + 0}}; then per instance with YEAR (a number) and
     * MONTH, DAY, HOUR, MINUTE (two-digit texts) as its only variables (CoordELEvaluator.createURIELEvaluator).
     * Both {@code ${YEAR}} and such texts stay in the template for ferry_runtime.el.uri_template; one the runtime
     * cannot evaluate is an error here (OOZ-E030), never a sensor waiting for a path that cannot exist.
     */
    private Template uriTemplate(String text, SourceSpan span) {
        Optional<ElTemplate> parsed = ElParser.parse(text.trim(), span, diagnostics);
        if (parsed.isEmpty()) {
            return Template.text(text.trim());
        }
        List<ElPart> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (ElPart part : parsed.get().parts()) {
            String fixed = null;
            if (part instanceof ElText t) {
                fixed = t.text();
            } else if (part instanceof ElExpression e
                    && e.expr() instanceof Identifier id
                    && TIME_VARIABLES.contains(id.name())) {
                fixed = "${" + id.name() + "}";
            } else if (part instanceof ElExpression e
                    && e.expr() instanceof Literal l
                    && l.kind() == Literal.Kind.STRING) {
                fixed = l.value(); // ${"$"}: a constant, evaluated at submission
            }
            if (fixed != null) {
                literal.append(fixed);
                continue;
            }
            if (literal.length() > 0) {
                parts.add(new ElText(literal.toString()));
                literal.setLength(0);
            }
            parts.add(part);
        }
        if (literal.length() > 0) {
            parts.add(new ElText(literal.toString()));
        }
        for (ElPart part : parts) {
            if (part instanceof ElText t) {
                checkInstanceVariables(t.text(), span);
            }
        }
        return ElLowering.template(new ElTemplate(parts), diagnostics);
    }

    /** Each {@code ${...}} left for instance time must be arithmetic over YEAR..MINUTE, as the runtime evaluates it. */
    private void checkInstanceVariables(String text, SourceSpan span) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\$\\{([^}]*)}").matcher(text);
        while (m.find()) {
            Diagnostics ignored = new Diagnostics();
            Optional<ElTemplate> parsed = ElParser.parse(m.group(), span, ignored);
            boolean ok = parsed.isPresent()
                    && parsed.get().parts().size() == 1
                    && parsed.get().parts().get(0) instanceof ElExpression e
                    && instanceArithmetic(e.expr());
            if (!ok) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E030,
                        span,
                        "uri-template part '" + m.group()
                                + "' is evaluated per instance, where Oozie knows only YEAR, MONTH, DAY, HOUR and MINUTE;"
                                + " no instance could ever match it",
                        "write the part with those variables and + - * / % only, e.g. ${\"$\"}{MONTH + 0}");
            }
        }
    }

    private static boolean instanceArithmetic(ElExpr expr) {
        if (expr instanceof Identifier id) {
            return TIME_VARIABLES.contains(id.name());
        }
        if (expr instanceof Literal l) {
            return l.kind() == Literal.Kind.INTEGER || l.kind() == Literal.Kind.DECIMAL;
        }
        if (expr instanceof Unary u) {
            return u.op() == ElExpr.UnaryOperator.NEGATE && instanceArithmetic(u.operand());
        }
        if (expr instanceof ElExpr.Binary b) {
            return switch (b.op()) {
                case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO ->
                    instanceArithmetic(b.left()) && instanceArithmetic(b.right());
                default -> false;
            };
        }
        return false;
    }

    /** {@code ${coord:current(-2)}} and friends → an {@link Instance}; empty (with a diagnostic) otherwise. */
    private Optional<Instance> instance(String text, SourceSpan span) {
        Optional<ElTemplate> parsed = ElParser.parse(text.trim(), span, diagnostics);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        List<ElPart> parts = parsed.get().parts();
        if (parts.size() == 1
                && parts.get(0) instanceof ElExpression e
                && e.expr() instanceof FunctionCall call
                && INSTANCE_FUNCTIONS.contains(call.qualifiedName())) {
            CoordinatorData.Function function =
                    CoordinatorData.Function.valueOf(call.name().toUpperCase(Locale.ROOT));
            List<ElExpr> args = call.arguments();
            Optional<InstanceCount> n = args.isEmpty() ? Optional.empty() : count(args.get(0));
            int arity =
                    function == CoordinatorData.Function.OFFSET || function == CoordinatorData.Function.FUTURE ? 2 : 1;
            if (n.isPresent() && args.size() == arity) {
                int constant = n.get().constant();
                List<CalendarTerm> terms = n.get().terms();
                switch (function) {
                    case OFFSET -> {
                        Optional<CoordinatorData.OffsetUnit> unit = string(args.get(1))
                                .map(u -> u.toUpperCase(Locale.ROOT))
                                .flatMap(u -> java.util.Arrays.stream(CoordinatorData.OffsetUnit.values())
                                        .filter(x -> x.name().equals(u))
                                        .findFirst());
                        if (unit.isPresent()) {
                            return Optional.of(new Instance(function, constant, unit.get(), null, terms));
                        }
                    }
                    case FUTURE -> {
                        Optional<Integer> limit = integer(args.get(1));
                        if (limit.isPresent()) {
                            return Optional.of(new Instance(function, constant, null, limit.get(), terms));
                        }
                    }
                    default -> {
                        return Optional.of(new Instance(function, constant, null, null, terms));
                    }
                }
            }
        }
        diagnostics.report(
                DiagnosticCode.OOZ_W001,
                span,
                "dataset instance '" + text.trim()
                        + "' is not translated: only coord:current(n), coord:offset(n, unit), coord:latest(n) and"
                        + " coord:future(n, limit) are, with n a constant or a sum of constant multiples of"
                        + " coord:daysInMonth(k) and coord:hoursInDay(k)",
                "the data event is left out; its sensor and coord:dataIn must be written by hand");
        return Optional.empty();
    }

    /** An instance's n: a constant plus constant multiples of per-run calendar counts (terms by count and k). */
    private record InstanceCount(int constant, List<CalendarTerm> terms) {

        static InstanceCount of(int constant) {
            return new InstanceCount(constant, List.of());
        }

        InstanceCount plus(InstanceCount other, int sign) {
            Map<List<Object>, CalendarTerm> merged = new LinkedHashMap<>();
            terms.forEach(t -> merged.put(List.of(t.count(), t.k()), t));
            for (CalendarTerm t : other.terms) {
                merged.merge(
                        List.of(t.count(), t.k()),
                        new CalendarTerm(t.count(), t.k(), sign * t.factor()),
                        (a, b) -> new CalendarTerm(a.count(), a.k(), a.factor() + b.factor()));
            }
            return new InstanceCount(
                    Math.addExact(constant, Math.multiplyExact(sign, other.constant)),
                    merged.values().stream().filter(t -> t.factor() != 0).toList());
        }

        InstanceCount times(int factor) {
            return new InstanceCount(
                    Math.multiplyExact(constant, factor),
                    factor == 0
                            ? List.of()
                            : terms.stream()
                                    .map(t ->
                                            new CalendarTerm(t.count(), t.k(), Math.multiplyExact(t.factor(), factor)))
                                    .toList());
        }
    }

    private static final Map<String, CalendarCount> CALENDAR_COUNTS =
            Map.of("coord:daysInMonth", CalendarCount.DAYS_IN_MONTH, "coord:hoursInDay", CalendarCount.HOURS_IN_DAY);

    /**
     * An instance's n: folded at submission with the coordinator's properties ({@code 24 * period_days - 1}), else
     * linear over coord:daysInMonth(k) / coord:hoursInDay(k), which Oozie computes per action
     * ({@code coord:daysInMonth(0) * 24 - 1}); empty for anything else.
     */
    private Optional<InstanceCount> count(ElExpr expr) {
        Optional<Integer> constant = integer(expr);
        if (constant.isPresent()) {
            return constant.map(InstanceCount::of);
        }
        try {
            if (expr instanceof FunctionCall call
                    && CALENDAR_COUNTS.containsKey(call.qualifiedName())
                    && call.arguments().size() == 1) {
                return integer(call.arguments().get(0))
                        .map(k -> new InstanceCount(
                                0, List.of(new CalendarTerm(CALENDAR_COUNTS.get(call.qualifiedName()), k, 1))));
            }
            if (expr instanceof Unary u && u.op() == ElExpr.UnaryOperator.NEGATE) {
                return count(u.operand()).map(c -> c.times(-1));
            }
            if (expr instanceof ElExpr.Binary b) {
                Optional<InstanceCount> left = count(b.left());
                Optional<InstanceCount> right = count(b.right());
                if (left.isEmpty() || right.isEmpty()) {
                    return Optional.empty();
                }
                InstanceCount l = left.get();
                InstanceCount r = right.get();
                return switch (b.op()) {
                    case ADD -> Optional.of(l.plus(r, 1));
                    case SUBTRACT -> Optional.of(l.plus(r, -1));
                    case MULTIPLY ->
                        l.terms().isEmpty()
                                ? Optional.of(r.times(l.constant()))
                                : r.terms().isEmpty() ? Optional.of(l.times(r.constant())) : Optional.empty();
                    default -> Optional.empty();
                };
            }
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** An instance argument folded at submission with the coordinator's properties ({@code 24 * period_days - 1}). */
    private Optional<Integer> integer(ElExpr expr) {
        return ElConstantFolder.resolve(new ElTemplate(List.of(new ElExpression(expr, expr.span(), ""))), known)
                .map(String::trim)
                .filter(v -> v.matches("-?\\d{1,9}"))
                .map(Integer::parseInt);
    }

    private Optional<String> string(ElExpr expr) {
        if (expr instanceof Literal l && l.kind() == Literal.Kind.STRING) {
            return Optional.of(l.value());
        }
        if (expr instanceof Identifier id) {
            return ElConstantFolder.resolve(
                    new ElTemplate(List.of(new ElExpression(id, id.span(), "${" + id.name() + "}"))), known);
        }
        return Optional.empty();
    }
}
