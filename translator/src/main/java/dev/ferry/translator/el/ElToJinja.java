package dev.ferry.translator.el;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElExpr;
import dev.ferry.parser.el.ElExpr.Binary;
import dev.ferry.parser.el.ElExpr.FunctionCall;
import dev.ferry.parser.el.ElExpr.Identifier;
import dev.ferry.parser.el.ElExpr.Index;
import dev.ferry.parser.el.ElExpr.Literal;
import dev.ferry.parser.el.ElExpr.Ternary;
import dev.ferry.parser.el.ElExpr.Unary;
import dev.ferry.parser.el.ElPart;
import dev.ferry.parser.el.ElPart.ElExpression;
import dev.ferry.parser.el.ElPart.ElText;
import dev.ferry.parser.el.ElTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Oozie EL to Jinja for Airflow templated fields. Variables read the workflow configuration ({@code ${nameNode}} →
 * {@code {{ wf.conf('nameNode') }}}: DAG params, run conf and coordinator properties, with property
 * references resolved), functions go through {@link ElFunctionTable} to the runtime's helpers, operators become
 * Jinja's. An expression with a function that has no row is kept, never dropped: it renders as a Jinja string
 * with a TODO marker and gets an OOZ-W004 warning; a function translated with a caveat gets an OOZ-W008 one.
 *
 * <p>EL coerces operand types (JSP 2.0 EL, section JSP.2.3, as Apache commons-el 1.0 implements it), Python does
 * not: {@code '5' + 1} fails, {@code 'false'} is truthy, {@code -7 % 3} is 2. Each expression gets an
 * {@link ElType}; where both operands' types make Python's operator mean what EL's does ({@code 1 + 2},
 * {@code 'a' == 'b'}, {@code fs.exists(p) and x == 'y'}) it is used, otherwise the runtime's {@code el.*} helper
 * applies EL's rules ({@code el.add}, {@code el.eq}, {@code el.bool}...). {@code ${...}} prints through
 * {@code el.text} unless the value is a String or a Long, so null prints as '', booleans as true/false and
 * doubles as Java does.
 */
public final class ElToJinja {

    /** The marker put in front of an expression that could not be translated. */
    public static final String TODO_MARKER = "TODO(OOZ-W004): ";

    // Jinja precedence levels, loosest first.
    private static final int CONDITIONAL = 0;
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int COMPARE = 4;
    private static final int ADD = 5;
    private static final int MULTIPLY = 6;
    private static final int NEGATE = 7;
    private static final int PRIMARY = 8;

    private static final String EL = ElFunctionTable.OPERATORS + ".";

    /** OOZ-W008 warnings of the expression being rendered, reported once it translates. */
    private final List<ElFunctionTable.ElFunction> caveats = new ArrayList<>();
    private final List<SourceSpan> caveatSpans = new ArrayList<>();

    private ElToJinja() {}

    /** The whole template as Jinja text: literal parts escaped, each expression as {@code {{ ... }}}. */
    public static String render(ElTemplate template, Diagnostics diagnostics) {
        StringBuilder out = new StringBuilder();
        for (ElPart part : template.parts()) {
            if (part instanceof ElText text) {
                out.append(escapeText(text.text()));
            } else {
                out.append("{{ ").append(printed((ElExpression) part, diagnostics)).append(" }}");
            }
        }
        return out.toString();
    }

    /**
     * A decision case as one Jinja expression that renders {@code True} or {@code False}. A single boolean
     * expression is rendered as is; anything else is compared the way EL coerces a string to a boolean
     * (Boolean.valueOf: 'true' in any case).
     */
    public static String predicate(ElTemplate template, Diagnostics diagnostics) {
        List<ElPart> parts = template.parts().stream()
                .filter(p -> !(p instanceof ElText t && t.text().isBlank()))
                .toList();
        if (parts.size() == 1 && parts.get(0) instanceof ElExpression e) {
            Optional<Jinja> j = translate(e, diagnostics);
            if (j.isEmpty()) {
                return "{{ " + todo(e) + " }}";
            }
            if (j.get().type == ElType.BOOLEAN) {
                return "{{ " + j.get().text + " }}";
            }
            return "{{ (" + piece(j.get()) + " | string | lower) == 'true' }}";
        }
        List<String> pieces = new ArrayList<>();
        for (ElPart part : parts) {
            pieces.add(part instanceof ElText t ? quote(t.text().trim())
                    : translate((ElExpression) part, diagnostics).map(ElToJinja::piece)
                            .orElseGet(() -> todo((ElExpression) part)));
        }
        String value = pieces.isEmpty() ? "''" : String.join(" ~ ", pieces);
        String operand = pieces.size() == 1 ? value : "(" + value + ")";
        return "{{ (" + operand + " | string | lower) == 'true' }}";
    }

    /** The Python/Jinja expression for one EL expression, or empty when a function has no translation. */
    public static Optional<String> expression(ElExpr expr) {
        try {
            return Optional.of(new ElToJinja().render(expr).text);
        } catch (Untranslatable e) {
            return Optional.empty();
        }
    }

    /** What {@code ${...}} prints: the value itself when Python prints it as EL does, else {@code el.text(...)}. */
    private static String printed(ElExpression expression, Diagnostics diagnostics) {
        return translate(expression, diagnostics).map(j -> j.type.printsAsIs() ? j.text : EL + "text(" + j.text + ")")
                .orElseGet(() -> todo(expression));
    }

    /** One operand of {@code ~} in a decision: what {@code ${...}} would print. */
    private static String piece(Jinja j) {
        return j.type.printsAsIs() ? wrap(j, ADD + 1) : EL + "text(" + j.text + ")";
    }

    /** The expression translated, its caveats reported; empty (and an OOZ-W004) when it cannot be. */
    private static Optional<Jinja> translate(ElExpression expression, Diagnostics diagnostics) {
        ElToJinja renderer = new ElToJinja();
        try {
            Jinja j = renderer.render(expression.expr());
            for (int i = 0; i < renderer.caveats.size(); i++) {
                ElFunctionTable.ElFunction f = renderer.caveats.get(i);
                diagnostics.report(DiagnosticCode.OOZ_W008, renderer.caveatSpans.get(i),
                        "EL function '" + f.elName() + "' is translated, but " + f.caveat(),
                        "check what the workflow does with its value");
            }
            return Optional.of(j);
        } catch (Untranslatable e) {
            diagnostics.report(DiagnosticCode.OOZ_W004, e.span, e.getMessage(),
                    "the expression is kept as a '" + TODO_MARKER.trim() + "' string; add a row to ElFunctionTable "
                            + "and a runtime helper to translate it");
            return Optional.empty();
        }
    }

    private static String todo(ElExpression expression) {
        return quote(TODO_MARKER + expression.source());
    }

    /** Rendered text, how tightly it binds, and what it evaluates to. */
    private record Jinja(String text, int level, ElType type) {}

    private static String wrap(Jinja j, int minimumLevel) {
        return j.level >= minimumLevel ? j.text : "(" + j.text + ")";
    }

    private static Jinja helper(String name, ElType type, Jinja... operands) {
        StringBuilder out = new StringBuilder(EL).append(name).append('(');
        for (int i = 0; i < operands.length; i++) {
            out.append(i == 0 ? "" : ", ").append(operands[i].text);
        }
        return new Jinja(out.append(')').toString(), PRIMARY, type);
    }

    private Jinja render(ElExpr expr) {
        if (expr instanceof Literal l) {
            return new Jinja(literal(l), PRIMARY, literalType(l));
        }
        if (expr instanceof Identifier id) {
            return ElFunctionTable.typedConstant(id.name())
                    .map(c -> new Jinja(c.python(), PRIMARY, c.type()))
                    .orElseGet(() -> new Jinja(param(id.name()), PRIMARY, ElType.STRING));
        }
        if (expr instanceof FunctionCall call) {
            return call(call);
        }
        if (expr instanceof Index index) {
            Jinja target = render(index.target());
            return new Jinja(wrap(target, PRIMARY) + "[" + render(index.index()).text + "]", PRIMARY,
                    target.type.indexed());
        }
        if (expr instanceof Ternary t) {
            Jinja whenTrue = render(t.whenTrue());
            Jinja whenFalse = render(t.whenFalse());
            ElType type = whenTrue.type == whenFalse.type ? whenTrue.type : ElType.ANY;
            return new Jinja("(" + wrap(whenTrue, OR) + " if " + condition(render(t.condition()), OR)
                    + " else " + whenFalse.text + ")", PRIMARY, type);
        }
        if (expr instanceof Unary u) {
            Jinja operand = render(u.operand());
            return switch (u.op()) {
                case NOT -> new Jinja("not " + condition(operand, NOT), NOT, ElType.BOOLEAN);
                case NEGATE -> negate(operand);
                case EMPTY -> new Jinja(ElFunctionTable.EMPTY_OPERATOR + "(" + operand.text + ")", PRIMARY,
                        ElType.BOOLEAN);
            };
        }
        Binary b = (Binary) expr;
        Jinja left = render(b.left());
        Jinja right = render(b.right());
        return switch (b.op()) {
            case OR -> new Jinja(condition(left, OR) + " or " + condition(right, OR + 1), OR, ElType.BOOLEAN);
            case AND -> new Jinja(condition(left, AND) + " and " + condition(right, AND + 1), AND, ElType.BOOLEAN);
            case LT, GT, LE, GE, EQ, NE -> comparison(b.op(), left, right, b.left(), b.right());
            case ADD, SUBTRACT, MULTIPLY -> arithmetic(b.op(), left, right, b.left(), b.right());
            case DIVIDE -> division(left, right, b.right());
            case MODULO -> modulo(left, right, b.left(), b.right());
        };
    }

    /** An operand of and/or/not/?: — EL coerces it to Boolean ('true' in any case; null, '' false). */
    private static String condition(Jinja j, int level) {
        return j.type == ElType.BOOLEAN ? wrap(j, level) : EL + "bool(" + j.text + ")";
    }

    private static Jinja negate(Jinja operand) {
        if (!operand.type.numeric()) {
            return helper("neg", ElType.NUMBER, operand);
        }
        String text = wrap(operand, NEGATE);
        return new Jinja("-" + (text.startsWith("-") ? "(" + text + ")" : text), NEGATE, operand.type);
    }

    /**
     * Comparisons: Python's when both sides are numbers, both booleans or (for eq/ne) both Strings (EL compares
     * them the same way); else {@code el.lt(a, b)}..., which coerce as EL does ('5' lt 10 compares numbers, null
     * is never less than anything, null eq '' is false). Both sides bind tighter than the operator: Jinja chains a < b < c, EL nests.
     */
    private static Jinja comparison(ElExpr.BinaryOperator op, Jinja left, Jinja right, ElExpr l, ElExpr r) {
        boolean equality = op == ElExpr.BinaryOperator.EQ || op == ElExpr.BinaryOperator.NE;
        boolean strings = left.type == ElType.STRING && right.type == ElType.STRING
                // a String from a function may be null (NULL, which Python takes for ''): null eq '' is false, and
                // null is never < or > anything, so only two literals compare by Python's rules there
                && (equality ? !emptyString(l) && !emptyString(r) : l instanceof Literal && r instanceof Literal);
        boolean plain = (left.type.numeric() && right.type.numeric()) || strings
                || (left.type == ElType.BOOLEAN && right.type == ElType.BOOLEAN);
        if (!plain) {
            return helper(op.name().toLowerCase(java.util.Locale.ROOT), ElType.BOOLEAN, left, right);
        }
        return new Jinja(wrap(left, COMPARE + 1) + " " + op.symbol() + " " + wrap(right, COMPARE + 1), COMPARE,
                ElType.BOOLEAN);
    }

    /**
     * + - *: Python's on numbers (Long stays Long, a Double makes a Double), else el.add/sub/mul; also for two
     * Long literals whose result overflows a long, which Java wraps and Python does not.
     */
    private static Jinja arithmetic(ElExpr.BinaryOperator op, Jinja left, Jinja right, ElExpr l, ElExpr r) {
        if (!left.type.numeric() || !right.type.numeric() || overflows(op, l, r)) {
            String name = switch (op) {
                case ADD -> "add";
                case SUBTRACT -> "sub";
                default -> "mul";
            };
            return helper(name, ElType.NUMBER, left, right);
        }
        int level = op == ElExpr.BinaryOperator.MULTIPLY ? MULTIPLY : ADD;
        ElType type = left.type == ElType.LONG && right.type == ElType.LONG ? ElType.LONG
                : left.type == ElType.DOUBLE || right.type == ElType.DOUBLE ? ElType.DOUBLE : ElType.NUMBER;
        return new Jinja(wrap(left, level) + " " + op.symbol() + " " + wrap(right, level + 1), level, type);
    }

    /** / and div: always a Double in EL; Python's / when the divisor is a non-zero number literal. */
    private static Jinja division(Jinja left, Jinja right, ElExpr divisor) {
        if (left.type.numeric() && nonZeroNumber(divisor)) {
            return new Jinja(wrap(left, MULTIPLY) + " / " + wrap(right, MULTIPLY + 1), MULTIPLY, ElType.DOUBLE);
        }
        return helper("div", ElType.NUMBER, left, right);
    }

    /** % and mod: Java's remainder takes the dividend's sign, Python's the divisor's: Python's % only on literals. */
    private static Jinja modulo(Jinja left, Jinja right, ElExpr dividend, ElExpr divisor) {
        if (left.type == ElType.LONG && right.type == ElType.LONG && nonNegativeNumber(dividend)
                && nonZeroNumber(divisor) && nonNegativeNumber(divisor)) {
            return new Jinja(wrap(left, MULTIPLY) + " % " + wrap(right, MULTIPLY + 1), MULTIPLY, ElType.LONG);
        }
        return helper("mod", ElType.NUMBER, left, right);
    }

    private static Optional<BigDecimal> numberLiteral(ElExpr expr) {
        if (expr instanceof Literal l && (l.kind() == Literal.Kind.INTEGER || l.kind() == Literal.Kind.DECIMAL)) {
            return Optional.of(new BigDecimal(l.value()));
        }
        if (expr instanceof Identifier id) {
            return ElFunctionTable.typedConstant(id.name()).filter(c -> c.type() == ElType.LONG)
                    .map(c -> new BigDecimal(c.python()));
        }
        return Optional.empty();
    }

    private static boolean emptyString(ElExpr expr) {
        return expr instanceof Literal l && l.kind() == Literal.Kind.STRING && l.value().isEmpty();
    }

    private static boolean overflows(ElExpr.BinaryOperator op, ElExpr left, ElExpr right) {
        Optional<BigDecimal> a = numberLiteral(left).filter(n -> n.scale() <= 0);
        Optional<BigDecimal> b = numberLiteral(right).filter(n -> n.scale() <= 0);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        BigInteger result = switch (op) {
            case ADD -> a.get().toBigInteger().add(b.get().toBigInteger());
            case SUBTRACT -> a.get().toBigInteger().subtract(b.get().toBigInteger());
            default -> a.get().toBigInteger().multiply(b.get().toBigInteger());
        };
        return result.bitLength() > 63;
    }

    private static boolean nonZeroNumber(ElExpr expr) {
        return numberLiteral(expr).filter(n -> n.signum() != 0).isPresent();
    }

    private static boolean nonNegativeNumber(ElExpr expr) {
        return numberLiteral(expr).filter(n -> n.signum() >= 0).isPresent();
    }

    private static ElType literalType(Literal l) {
        return switch (l.kind()) {
            case STRING -> ElType.STRING;
            case INTEGER -> ElType.LONG;
            case DECIMAL -> ElType.DOUBLE;
            case BOOLEAN -> ElType.BOOLEAN;
            case NULL -> ElType.NULL;
        };
    }

    private Jinja call(FunctionCall call) {
        String name = call.qualifiedName();
        Optional<ElFunctionTable.ElFunction> row = ElFunctionTable.function(name);
        if (row.isEmpty()) {
            throw new Untranslatable(call.span(), "EL function '" + name + "' "
                    + ElFunctionTable.unsupported(name).map(why -> "is not translated: " + why)
                            .orElse("has no Airflow equivalent yet"));
        }
        ElFunctionTable.ElFunction function = row.get();
        if (function.arity() != call.arguments().size()) {
            throw new Untranslatable(call.span(), "EL function '" + name + "' takes " + function.arity()
                    + " argument(s), found " + call.arguments().size());
        }
        String arguments = call.arguments().stream().map(a -> render(a).text).collect(Collectors.joining(", "));
        if (function.caveat() != null) {
            caveats.add(function);
            caveatSpans.add(call.span());
        }
        return new Jinja(function.python() + "(" + arguments + ")", PRIMARY, function.type());
    }

    /** {@code params.name}, or {@code params['user.name']} when the name is not a plain Python name. */
    static String param(String name) {
        // Not params.name: the value may come from the coordinator (per run) or refer to other
        // properties (${nameNode}/data), which wf.conf resolves as Hadoop's Configuration does.
        return "wf.conf(" + quote(name) + ")";
    }

    private static String literal(Literal l) {
        return switch (l.kind()) {
            case STRING -> quote(l.value());
            case INTEGER -> new BigInteger(l.value()).toString();
            case DECIMAL -> {
                String plain = new BigDecimal(l.value()).toPlainString();
                yield plain.contains(".") ? plain : plain + ".0";
            }
            case BOOLEAN -> l.value();
            case NULL -> "none";
        };
    }

    /** A single-quoted Jinja/Python string literal for any text. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /** Literal template text with Jinja's openers ({{, {%, {#) neutralised. */
    public static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '{' && (next == '{' || next == '%' || next == '#')) {
                out.append("{{ '{' }}");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A function without a translation: unwinds to the enclosing ${...}, which becomes a TODO string. */
    private static final class Untranslatable extends RuntimeException {
        final transient SourceSpan span;

        Untranslatable(SourceSpan span, String message) {
            super(message, null, false, false);
            this.span = span;
        }
    }
}
