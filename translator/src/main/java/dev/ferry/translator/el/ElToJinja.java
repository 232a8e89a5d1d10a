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
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Oozie EL to Jinja for Airflow templated fields. Variables read the workflow configuration ({@code ${nameNode}} →
 * {@code {{ wf.conf('nameNode') }}}: DAG params, run conf and coordinator properties, with property
 * references resolved), functions go
 * through {@link ElFunctionTable} to the runtime's {@code wf}/{@code coord}/{@code fn} helpers, operators
 * become Jinja's. An expression with a function that has no row is kept, never dropped: it renders as a
 * Jinja string with a TODO marker and gets an OOZ-W004 warning.
 *
 * <p>EL coerces operand types, Python does not. Comparisons against a boolean or numeric literal coerce the
 * other side as EL would (see comparison()); arithmetic on string-valued params ({@code ${a + 1}} with
 * a = "5") is not coerced yet.
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

    private ElToJinja() {}

    /** The whole template as Jinja text: literal parts escaped, each expression as {@code {{ ... }}}. */
    public static String render(ElTemplate template, Diagnostics diagnostics) {
        StringBuilder out = new StringBuilder();
        for (ElPart part : template.parts()) {
            if (part instanceof ElText text) {
                out.append(escapeText(text.text()));
            } else {
                out.append("{{ ").append(expressionOrTodo((ElExpression) part, diagnostics)).append(" }}");
            }
        }
        return out.toString();
    }

    /**
     * A decision case as one Jinja expression that renders {@code True} or {@code False}. A single boolean
     * expression is rendered as is; anything else is compared the way EL coerces a string to a boolean.
     */
    public static String predicate(ElTemplate template, Diagnostics diagnostics) {
        List<ElPart> parts = template.parts().stream()
                .filter(p -> !(p instanceof ElText t && t.text().isBlank()))
                .toList();
        if (parts.size() == 1 && parts.get(0) instanceof ElExpression e && isBoolean(e.expr())) {
            return "{{ " + expressionOrTodo(e, diagnostics) + " }}";
        }
        List<String> pieces = new ArrayList<>();
        for (ElPart part : parts) {
            pieces.add(part instanceof ElText t ? quote(t.text().trim())
                    : wrapTodo((ElExpression) part, diagnostics, ADD + 1));
        }
        String value = pieces.isEmpty() ? "''" : String.join(" ~ ", pieces);
        String operand = pieces.size() == 1 ? value : "(" + value + ")";
        return "{{ (" + operand + " | string | lower) == 'true' }}";
    }

    /** The Python/Jinja expression for one EL expression, or empty when a function has no translation. */
    public static Optional<String> expression(ElExpr expr) {
        try {
            return Optional.of(render(expr).text);
        } catch (Untranslatable e) {
            return Optional.empty();
        }
    }

    private static String expressionOrTodo(ElExpression expression, Diagnostics diagnostics) {
        return wrapTodo(expression, diagnostics, CONDITIONAL);
    }

    private static String wrapTodo(ElExpression expression, Diagnostics diagnostics, int level) {
        try {
            return wrap(render(expression.expr()), level);
        } catch (Untranslatable e) {
            diagnostics.report(DiagnosticCode.OOZ_W004, e.span, e.getMessage(),
                    "the expression is kept as a '" + TODO_MARKER.trim() + "' string; add a row to ElFunctionTable "
                            + "and a runtime helper to translate it");
            return quote(TODO_MARKER + expression.source());
        }
    }

    private static boolean isBoolean(ElExpr expr) {
        if (expr instanceof Binary b) {
            return switch (b.op()) {
                case LT, GT, LE, GE, EQ, NE, AND, OR -> true;
                default -> false;
            };
        }
        if (expr instanceof Unary u) {
            return u.op() != ElExpr.UnaryOperator.NEGATE;
        }
        return expr instanceof Literal l && l.kind() == Literal.Kind.BOOLEAN;
    }

    /** Rendered text and how tightly it binds. */
    private record Jinja(String text, int level) {}

    private static String wrap(Jinja j, int minimumLevel) {
        return j.level >= minimumLevel ? j.text : "(" + j.text + ")";
    }

    private static Jinja render(ElExpr expr) {
        if (expr instanceof Literal l) {
            return new Jinja(literal(l), PRIMARY);
        }
        if (expr instanceof Identifier id) {
            return new Jinja(ElFunctionTable.constant(id.name()).orElseGet(() -> param(id.name())), PRIMARY);
        }
        if (expr instanceof FunctionCall call) {
            return new Jinja(call(call), PRIMARY);
        }
        if (expr instanceof Index index) {
            return new Jinja(wrap(render(index.target()), PRIMARY) + "[" + render(index.index()).text + "]", PRIMARY);
        }
        if (expr instanceof Ternary t) {
            return new Jinja("(" + wrap(render(t.whenTrue()), OR) + " if " + wrap(render(t.condition()), OR)
                    + " else " + render(t.whenFalse()).text + ")", PRIMARY);
        }
        if (expr instanceof Unary u) {
            return switch (u.op()) {
                case NOT -> new Jinja("not " + wrap(render(u.operand()), NOT), NOT);
                case NEGATE -> {
                    String operand = wrap(render(u.operand()), NEGATE);
                    yield new Jinja("-" + (operand.startsWith("-") ? "(" + operand + ")" : operand), NEGATE);
                }
                case EMPTY -> new Jinja(ElFunctionTable.EMPTY_OPERATOR + "(" + render(u.operand()).text + ")", PRIMARY);
            };
        }
        Binary b = (Binary) expr;
        int level = switch (b.op()) {
            case OR -> OR;
            case AND -> AND;
            case LT, GT, LE, GE, EQ, NE -> COMPARE;
            case ADD, SUBTRACT -> ADD;
            default -> MULTIPLY;
        };
        String symbol = switch (b.op()) {
            case OR -> "or";
            case AND -> "and";
            default -> b.op().symbol();
        };
        if (level == COMPARE) {
            return comparison(b, symbol);
        }
        return new Jinja(wrap(render(b.left()), level) + " " + symbol + " " + wrap(render(b.right()), level + 1), level);
    }

    /**
     * EL coerces the operands of a comparison, Python does not: against a boolean literal (or 'true'/'false')
     * the other side is compared as a lower-cased string, so {@code fs:exists(p) == "true"} holds for a
     * Python {@code True}; against a number the other side goes through {@code | float}, so a captured
     * {@code '5'} compares as 5. Both sides bind tighter than the operator: Jinja chains a < b < c, EL nests.
     */
    private static Jinja comparison(Binary b, String symbol) {
        ElExpr left = b.left();
        ElExpr right = b.right();
        boolean equality = b.op() == ElExpr.BinaryOperator.EQ || b.op() == ElExpr.BinaryOperator.NE;
        String leftText;
        String rightText;
        if (equality && isBooleanLiteral(right) != isBooleanLiteral(left)) {
            leftText = isBooleanLiteral(left) ? booleanText(left) : asLowerString(left);
            rightText = isBooleanLiteral(right) ? booleanText(right) : asLowerString(right);
        } else if (isNumeric(left) != isNumeric(right)) {
            leftText = isNumeric(left) ? wrap(render(left), COMPARE + 1) : asFloat(left);
            rightText = isNumeric(right) ? wrap(render(right), COMPARE + 1) : asFloat(right);
        } else {
            leftText = wrap(render(left), COMPARE + 1);
            rightText = wrap(render(right), COMPARE + 1);
        }
        return new Jinja(leftText + " " + symbol + " " + rightText, COMPARE);
    }

    private static boolean isBooleanLiteral(ElExpr expr) {
        return expr instanceof Literal l && (l.kind() == Literal.Kind.BOOLEAN
                || (l.kind() == Literal.Kind.STRING && (l.value().equals("true") || l.value().equals("false"))));
    }

    private static String booleanText(ElExpr literal) {
        return quote(((Literal) literal).value());
    }

    private static String asLowerString(ElExpr expr) {
        return "(" + wrap(render(expr), PRIMARY) + " | string | lower)";
    }

    private static String asFloat(ElExpr expr) {
        return "(" + wrap(render(expr), PRIMARY) + " | float)";
    }

    /** Numbers for sure: numeric literals, byte-size constants, arithmetic and negation. */
    private static boolean isNumeric(ElExpr expr) {
        if (expr instanceof Literal l) {
            return l.kind() == Literal.Kind.INTEGER || l.kind() == Literal.Kind.DECIMAL;
        }
        if (expr instanceof Identifier id) {
            return ElFunctionTable.constant(id.name()).isPresent();
        }
        if (expr instanceof Unary u) {
            return u.op() == ElExpr.UnaryOperator.NEGATE;
        }
        return expr instanceof Binary b && switch (b.op()) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> true;
            default -> false;
        };
    }

    private static String call(FunctionCall call) {
        String name = call.qualifiedName();
        ElFunctionTable.ElFunction function = ElFunctionTable.function(name)
                .orElseThrow(() -> new Untranslatable(call.span(),
                        "EL function '" + name + "' has no Airflow equivalent yet"));
        if (function.arity() != call.arguments().size()) {
            throw new Untranslatable(call.span(), "EL function '" + name + "' takes " + function.arity()
                    + " argument(s), found " + call.arguments().size());
        }
        return function.python() + "(" + call.arguments().stream().map(a -> render(a).text)
                .collect(Collectors.joining(", ")) + ")";
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
    static String escapeText(String text) {
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
