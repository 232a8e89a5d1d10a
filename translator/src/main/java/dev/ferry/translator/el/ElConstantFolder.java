package dev.ferry.translator.el;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElExpr;
import dev.ferry.parser.el.ElExpr.Binary;
import dev.ferry.parser.el.ElExpr.FunctionCall;
import dev.ferry.parser.el.ElExpr.Identifier;
import dev.ferry.parser.el.ElExpr.Literal;
import dev.ferry.parser.el.ElExpr.Unary;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElPart;
import dev.ferry.parser.el.ElPart.ElExpression;
import dev.ferry.parser.el.ElPart.ElText;
import dev.ferry.parser.el.ElTemplate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an EL template to plain text at conversion time, for values that must be known then (a pig
 * {@code <script>} path, an app path). Only literals and variables found in {@code knownProperties} are
 * substituted, variables whose values hold EL themselves included (as Oozie resolves job.properties), and
 * arithmetic ({@code + - * / %}, unary minus) is done with JSP EL's coercions ({@code ${24*4}} is 96,
 * {@code ${24 * period_days - 1}} with period_days=7 is 167, {@code ${7 / 2}} is 3.5); empty as soon as a
 * function, another operator or an unknown variable remains.
 */
public final class ElConstantFolder {

    private static final int MAX_DEPTH = 32;
    /** Past this many characters a value is not folded (it stays a run-time value): expansion is bounded. */
    private static final int MAX_LENGTH = 1_000_000;

    private ElConstantFolder() {}

    public static Optional<String> resolve(ElTemplate template, Map<String, String> knownProperties) {
        return resolve(template, knownProperties, new ArrayDeque<>(), false);
    }

    /**
     * As {@link #resolve}, in Oozie's bundle-submit EL (a bundle's coordinator {@code <configuration>} values), which
     * also has {@code bundle:conf('name')} (BundleELFunctions#bundle_conf): the bundle job's property {@code name}.
     */
    public static Optional<String> resolveInBundle(ElTemplate template, Map<String, String> bundleProperties) {
        return resolve(template, bundleProperties, new ArrayDeque<>(), true);
    }

    private static Optional<String> resolve(
            ElTemplate template, Map<String, String> known, Deque<String> resolving, boolean bundle) {
        StringBuilder out = new StringBuilder();
        for (ElPart part : template.parts()) {
            if (part instanceof ElText text) {
                out.append(text.text());
                continue;
            }
            Optional<String> value = value(((ElExpression) part).expr(), known, resolving, bundle);
            if (value.isEmpty() || out.length() + value.get().length() > MAX_LENGTH) {
                return Optional.empty();
            }
            out.append(value.get());
        }
        return Optional.of(out.toString());
    }

    private static final java.util.Set<ElExpr.BinaryOperator> ARITHMETIC = java.util.EnumSet.of(
            ElExpr.BinaryOperator.ADD,
            ElExpr.BinaryOperator.SUBTRACT,
            ElExpr.BinaryOperator.MULTIPLY,
            ElExpr.BinaryOperator.DIVIDE,
            ElExpr.BinaryOperator.MODULO);

    /**
     * JSP 2.0 EL arithmetic (section 1.7): an operand that is a decimal text (with '.', 'e' or 'E') makes it a Double
     * operation, else both are coerced to Long ("" is 0); '/' is always Double. Empty when an operand is not a
     * number (the EL would fail).
     */
    static Optional<String> arithmetic(ElExpr.BinaryOperator op, String left, String right) {
        String a = left.trim();
        String b = right.trim();
        boolean decimal = op == ElExpr.BinaryOperator.DIVIDE || isDecimal(a) || isDecimal(b);
        try {
            if (decimal) {
                double x = a.isEmpty() ? 0 : Double.parseDouble(a);
                double y = b.isEmpty() ? 0 : Double.parseDouble(b);
                double r = switch (op) {
                    case ADD -> x + y;
                    case SUBTRACT -> x - y;
                    case MULTIPLY -> x * y;
                    case DIVIDE -> x / y;
                    default -> x % y;
                };
                return Optional.of(Double.toString(r));
            }
            long x = a.isEmpty() ? 0 : Long.parseLong(a);
            long y = b.isEmpty() ? 0 : Long.parseLong(b);
            if (op == ElExpr.BinaryOperator.MODULO && y == 0) {
                return Optional.empty();
            }
            long r = switch (op) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                default -> x % y;
            };
            return Optional.of(Long.toString(r));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isDecimal(String text) {
        return text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    }

    private static Optional<String> value(
            ElExpr expr, Map<String, String> known, Deque<String> resolving, boolean bundle) {
        if (bundle
                && expr instanceof FunctionCall call
                && call.qualifiedName().equals("bundle:conf")
                && call.arguments().size() == 1
                && call.arguments().get(0) instanceof Literal name
                && name.kind() == Literal.Kind.STRING) {
            expr = new Identifier(name.value(), call.span());
        }
        if (expr instanceof Binary b && ARITHMETIC.contains(b.op())) {
            Optional<String> left = value(b.left(), known, resolving, bundle);
            Optional<String> right = left.isEmpty() ? Optional.empty() : value(b.right(), known, resolving, bundle);
            return right.flatMap(r -> arithmetic(b.op(), left.get(), r));
        }
        if (expr instanceof Unary u && u.op() == ElExpr.UnaryOperator.NEGATE) {
            return value(u.operand(), known, resolving, bundle)
                    .flatMap(v -> arithmetic(ElExpr.BinaryOperator.SUBTRACT, "0", v));
        }
        if (expr instanceof Literal literal) {
            return Optional.of(
                    switch (literal.kind()) {
                        case STRING, BOOLEAN -> literal.value();
                        case INTEGER -> Long.toString(Long.parseLong(literal.value()));
                        case DECIMAL -> Double.toString(Double.parseDouble(literal.value()));
                        case NULL -> "";
                    });
        }
        if (!(expr instanceof Identifier id)
                || !known.containsKey(id.name())
                || resolving.contains(id.name())
                || resolving.size() >= MAX_DEPTH) {
            return Optional.empty();
        }
        String raw = known.get(id.name());
        if (raw == null || !raw.contains("${")) {
            return Optional.ofNullable(raw);
        }
        Optional<ElTemplate> nested = ElParser.parse(raw, SourceSpan.file(id.name()), new Diagnostics());
        if (nested.isEmpty()) {
            return Optional.empty();
        }
        resolving.push(id.name());
        try {
            return resolve(nested.get(), known, resolving, bundle);
        } finally {
            resolving.pop();
        }
    }
}
