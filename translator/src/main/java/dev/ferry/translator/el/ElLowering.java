package dev.ferry.translator.el;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElExpr;
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
import dev.ferry.translator.el.RuntimeExpr.Binary;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers Oozie EL to {@link RuntimeExpr} trees that a generated DAG evaluates per run. Variables read the
 * workflow configuration ({@code ${nameNode}} → {@link RuntimeExpr.Property}: DAG params, run conf and coordinator
 * properties, with property references resolved), functions go through {@link ElFunctionTable} to the runtime's
 * helpers. An expression with a function that has no row is kept, never dropped: it becomes a string with a TODO
 * marker and gets an OOZ-W004 warning; a function translated with a caveat gets an OOZ-W008 one.
 *
 * <p>EL coerces operand types (JSP 2.0 EL, section JSP.2.3, as Apache commons-el 1.0 implements it), Python does
 * not: {@code '5' + 1} fails, {@code 'false'} is truthy, {@code -7 % 3} is 2. Each expression gets an
 * {@link ElType}; where both operands' types make the target's operator mean what EL's does ({@code 1 + 2},
 * {@code 'a' == 'b'}, {@code fs.exists(p) and x == 'y'}) a {@link Binary} is used, otherwise a
 * {@link RuntimeExpr.Coercion}, the runtime's helper that applies EL's rules ({@code el.add}, {@code el.eq},
 * {@code el.bool}...). {@code ${...}} prints through {@link RuntimeExpr.Coercing#TEXT} unless the value is a String
 * or a Long, so null prints as '', booleans as true/false and doubles as Java does.
 */
public final class ElLowering {

    /** The marker put in front of an expression that could not be translated. */
    public static final String TODO_MARKER = "TODO(OOZ-W004): ";

    /** OOZ-W008 warnings of the expression being lowered, reported once it translates. */
    private final List<ElFunctionTable.ElFunction> caveats = new ArrayList<>();

    private final List<SourceSpan> caveatSpans = new ArrayList<>();

    private ElLowering() {}

    /** The whole template: literal parts kept, each expression a value printed as {@code ${...}} prints it. */
    public static Template template(ElTemplate template, Diagnostics diagnostics) {
        List<Template.Part> parts = new ArrayList<>();
        for (ElPart part : template.parts()) {
            if (part instanceof ElText text) {
                parts.add(new Template.Text(text.text()));
            } else {
                parts.add(new Template.Value(printed((ElExpression) part, diagnostics)));
            }
        }
        return new Template(parts);
    }

    /**
     * A decision case as one value that is {@code True} or {@code False}. A single boolean expression is kept as
     * is; anything else is read the way EL coerces a string to a boolean (Boolean.valueOf: 'true' in any case).
     */
    public static Template predicate(ElTemplate template, Diagnostics diagnostics) {
        List<ElPart> parts = template.parts().stream()
                .filter(p -> !(p instanceof ElText t && t.text().isBlank()))
                .toList();
        if (parts.size() == 1 && parts.get(0) instanceof ElExpression e) {
            Optional<Lowered> j = translate(e, diagnostics);
            if (j.isEmpty()) {
                return Template.of(todo(e));
            }
            if (j.get().type == ElType.BOOLEAN) {
                return Template.of(j.get().expr);
            }
            return Template.of(new RuntimeExpr.ReadsTrue(piece(j.get())));
        }
        List<RuntimeExpr> pieces = new ArrayList<>();
        for (ElPart part : parts) {
            pieces.add(
                    part instanceof ElText t
                            ? new RuntimeExpr.StringLiteral(t.text().trim())
                            : translate((ElExpression) part, diagnostics)
                                    .map(ElLowering::piece)
                                    .orElseGet(() -> todo((ElExpression) part)));
        }
        RuntimeExpr value = pieces.isEmpty()
                ? new RuntimeExpr.StringLiteral("")
                : pieces.size() == 1 ? pieces.get(0) : new RuntimeExpr.Concat(pieces);
        return Template.of(new RuntimeExpr.ReadsTrue(value));
    }

    /** One EL expression lowered, or empty when a function has no translation. */
    public static Optional<RuntimeExpr> expression(ElExpr expr) {
        try {
            return Optional.of(new ElLowering().lower(expr).expr);
        } catch (Untranslatable e) {
            return Optional.empty();
        }
    }

    /** What {@code ${...}} prints: the value itself when the target prints it as EL does, else its EL text. */
    private static RuntimeExpr printed(ElExpression expression, Diagnostics diagnostics) {
        return translate(expression, diagnostics).map(ElLowering::piece).orElseGet(() -> todo(expression));
    }

    private static RuntimeExpr piece(Lowered j) {
        return j.type.printsAsIs() ? j.expr : coercion(RuntimeExpr.Coercing.TEXT, j.expr);
    }

    /** The expression lowered, its caveats reported; empty (and an OOZ-W004) when it cannot be. */
    private static Optional<Lowered> translate(ElExpression expression, Diagnostics diagnostics) {
        ElLowering lowering = new ElLowering();
        try {
            Lowered j = lowering.lower(expression.expr());
            for (int i = 0; i < lowering.caveats.size(); i++) {
                ElFunctionTable.ElFunction f = lowering.caveats.get(i);
                diagnostics.report(
                        DiagnosticCode.OOZ_W008,
                        lowering.caveatSpans.get(i),
                        "EL function '" + f.elName() + "' is translated, but " + f.caveat(),
                        "check what the workflow does with its value");
            }
            return Optional.of(j);
        } catch (Untranslatable e) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W004,
                    e.span,
                    e.getMessage(),
                    "the expression is kept as a '" + TODO_MARKER.trim() + "' string; add a row to ElFunctionTable "
                            + "and a runtime helper to translate it");
            return Optional.empty();
        }
    }

    private static RuntimeExpr todo(ElExpression expression) {
        return new RuntimeExpr.StringLiteral(TODO_MARKER + expression.source());
    }

    /** A lowered expression and what it evaluates to. */
    private record Lowered(RuntimeExpr expr, ElType type) {}

    private static RuntimeExpr coercion(RuntimeExpr.Coercing operator, RuntimeExpr... operands) {
        return new RuntimeExpr.Coercion(operator, List.of(operands));
    }

    private static Lowered helper(RuntimeExpr.Coercing operator, ElType type, Lowered... operands) {
        return new Lowered(
                new RuntimeExpr.Coercion(
                        operator,
                        java.util.Arrays.stream(operands).map(Lowered::expr).toList()),
                type);
    }

    private Lowered lower(ElExpr expr) {
        if (expr instanceof Literal l) {
            return new Lowered(literal(l), literalType(l));
        }
        if (expr instanceof Identifier id) {
            return ElFunctionTable.typedConstant(id.name())
                    .map(c -> new Lowered(c.value(), c.type()))
                    .orElseGet(() -> new Lowered(new RuntimeExpr.Property(id.name()), ElType.STRING));
        }
        if (expr instanceof FunctionCall call) {
            return call(call);
        }
        if (expr instanceof Index index) {
            Lowered target = lower(index.target());
            return new Lowered(new RuntimeExpr.Index(target.expr, lower(index.index()).expr), target.type.indexed());
        }
        if (expr instanceof Ternary t) {
            Lowered whenTrue = lower(t.whenTrue());
            Lowered whenFalse = lower(t.whenFalse());
            ElType type = whenTrue.type == whenFalse.type ? whenTrue.type : ElType.ANY;
            return new Lowered(
                    new RuntimeExpr.Conditional(condition(lower(t.condition())), whenTrue.expr, whenFalse.expr), type);
        }
        if (expr instanceof Unary u) {
            Lowered operand = lower(u.operand());
            return switch (u.op()) {
                case NOT -> new Lowered(new RuntimeExpr.Not(condition(operand)), ElType.BOOLEAN);
                case NEGATE ->
                    operand.type.numeric()
                            ? new Lowered(new RuntimeExpr.Negate(operand.expr), operand.type)
                            : helper(RuntimeExpr.Coercing.NEG, ElType.NUMBER, operand);
                case EMPTY -> helper(RuntimeExpr.Coercing.EMPTY, ElType.BOOLEAN, operand);
            };
        }
        ElExpr.Binary b = (ElExpr.Binary) expr;
        Lowered left = lower(b.left());
        Lowered right = lower(b.right());
        return switch (b.op()) {
            case OR -> logical(RuntimeExpr.Operator.OR, left, right);
            case AND -> logical(RuntimeExpr.Operator.AND, left, right);
            case LT, GT, LE, GE, EQ, NE -> comparison(b.op(), left, right, b.left(), b.right());
            case ADD, SUBTRACT, MULTIPLY -> arithmetic(b.op(), left, right, b.left(), b.right());
            case DIVIDE -> division(left, right, b.right());
            case MODULO -> modulo(left, right, b.left(), b.right());
        };
    }

    private static Lowered logical(RuntimeExpr.Operator op, Lowered left, Lowered right) {
        return new Lowered(new Binary(op, condition(left), condition(right)), ElType.BOOLEAN);
    }

    /** An operand of and/or/not/?: — EL coerces it to Boolean ('true' in any case; null, '' false). */
    private static RuntimeExpr condition(Lowered j) {
        return j.type == ElType.BOOLEAN ? j.expr : coercion(RuntimeExpr.Coercing.BOOL, j.expr);
    }

    /**
     * Comparisons: the target's when both sides are numbers, both booleans or (for eq/ne) both Strings (EL compares
     * them the same way); else the runtime's lt/eq..., which coerce as EL does ('5' lt 10 compares numbers, null
     * is never less than anything, null eq '' is false).
     */
    private static Lowered comparison(ElExpr.BinaryOperator op, Lowered left, Lowered right, ElExpr l, ElExpr r) {
        boolean equality = op == ElExpr.BinaryOperator.EQ || op == ElExpr.BinaryOperator.NE;
        boolean strings = left.type == ElType.STRING
                && right.type == ElType.STRING
                // a String from a function may be null (NULL, which Python takes for ''): null eq '' is false, and
                // null is never < or > anything, so only two literals compare by Python's rules there
                && (equality ? !emptyString(l) && !emptyString(r) : l instanceof Literal && r instanceof Literal);
        boolean plain = (left.type.numeric() && right.type.numeric())
                || strings
                || (left.type == ElType.BOOLEAN && right.type == ElType.BOOLEAN);
        if (!plain) {
            return helper(RuntimeExpr.Coercing.valueOf(op.name()), ElType.BOOLEAN, left, right);
        }
        return new Lowered(new Binary(RuntimeExpr.Operator.valueOf(op.name()), left.expr, right.expr), ElType.BOOLEAN);
    }

    /**
     * + - *: the target's on numbers (Long stays Long, a Double makes a Double), else the runtime's add/sub/mul;
     * also for two Long literals whose result overflows a long, which Java wraps and Python does not.
     */
    private static Lowered arithmetic(ElExpr.BinaryOperator op, Lowered left, Lowered right, ElExpr l, ElExpr r) {
        if (!left.type.numeric() || !right.type.numeric() || overflows(op, l, r)) {
            RuntimeExpr.Coercing name = switch (op) {
                case ADD -> RuntimeExpr.Coercing.ADD;
                case SUBTRACT -> RuntimeExpr.Coercing.SUB;
                default -> RuntimeExpr.Coercing.MUL;
            };
            return helper(name, ElType.NUMBER, left, right);
        }
        ElType type = left.type == ElType.LONG && right.type == ElType.LONG
                ? ElType.LONG
                : left.type == ElType.DOUBLE || right.type == ElType.DOUBLE ? ElType.DOUBLE : ElType.NUMBER;
        return new Lowered(new Binary(RuntimeExpr.Operator.valueOf(op.name()), left.expr, right.expr), type);
    }

    /** / and div: always a Double in EL; the target's / when the divisor is a non-zero number literal. */
    private static Lowered division(Lowered left, Lowered right, ElExpr divisor) {
        if (left.type.numeric() && nonZeroNumber(divisor)) {
            return new Lowered(new Binary(RuntimeExpr.Operator.DIVIDE, left.expr, right.expr), ElType.DOUBLE);
        }
        return helper(RuntimeExpr.Coercing.DIV, ElType.NUMBER, left, right);
    }

    /** % and mod: Java's remainder takes the dividend's sign, Python's the divisor's: the target's % only on literals. */
    private static Lowered modulo(Lowered left, Lowered right, ElExpr dividend, ElExpr divisor) {
        if (left.type == ElType.LONG
                && right.type == ElType.LONG
                && nonNegativeNumber(dividend)
                && nonZeroNumber(divisor)
                && nonNegativeNumber(divisor)) {
            return new Lowered(new Binary(RuntimeExpr.Operator.MODULO, left.expr, right.expr), ElType.LONG);
        }
        return helper(RuntimeExpr.Coercing.MOD, ElType.NUMBER, left, right);
    }

    private static Optional<BigDecimal> numberLiteral(ElExpr expr) {
        if (expr instanceof Literal l && (l.kind() == Literal.Kind.INTEGER || l.kind() == Literal.Kind.DECIMAL)) {
            return Optional.of(new BigDecimal(l.value()));
        }
        if (expr instanceof Identifier id) {
            return ElFunctionTable.typedConstant(id.name())
                    .filter(c -> c.value() instanceof RuntimeExpr.LongLiteral)
                    .map(c -> new BigDecimal(((RuntimeExpr.LongLiteral) c.value()).value()));
        }
        return Optional.empty();
    }

    private static boolean emptyString(ElExpr expr) {
        return expr instanceof Literal l
                && l.kind() == Literal.Kind.STRING
                && l.value().isEmpty();
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

    private Lowered call(FunctionCall call) {
        String name = call.qualifiedName();
        Optional<ElFunctionTable.ElFunction> row = ElFunctionTable.function(name);
        if (row.isEmpty()) {
            throw new Untranslatable(
                    call.span(),
                    "EL function '" + name + "' "
                            + ElFunctionTable.unsupported(name)
                                    .map(why -> "is not translated: " + why)
                                    .orElse("has no Airflow equivalent yet"));
        }
        ElFunctionTable.ElFunction function = row.get();
        if (function.arity() != call.arguments().size()) {
            throw new Untranslatable(
                    call.span(),
                    "EL function '" + name + "' takes " + function.arity() + " argument(s), found "
                            + call.arguments().size());
        }
        List<RuntimeExpr> arguments =
                call.arguments().stream().map(a -> lower(a).expr).toList();
        if (function.caveat() != null) {
            caveats.add(function);
            caveatSpans.add(call.span());
        }
        return new Lowered(new RuntimeExpr.FunctionCall(function, arguments), function.type());
    }

    private static RuntimeExpr literal(Literal l) {
        return switch (l.kind()) {
            case STRING -> new RuntimeExpr.StringLiteral(l.value());
            case INTEGER -> new RuntimeExpr.LongLiteral(new BigInteger(l.value()));
            case DECIMAL -> new RuntimeExpr.DoubleLiteral(new BigDecimal(l.value()));
            case BOOLEAN -> new RuntimeExpr.BooleanLiteral(Boolean.parseBoolean(l.value()));
            case NULL -> new RuntimeExpr.NullLiteral();
        };
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
