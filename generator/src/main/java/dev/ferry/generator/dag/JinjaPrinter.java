package dev.ferry.generator.dag;

import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.RuntimeExpr.Binary;
import dev.ferry.translator.el.RuntimeExpr.BooleanLiteral;
import dev.ferry.translator.el.RuntimeExpr.Coercion;
import dev.ferry.translator.el.RuntimeExpr.Concat;
import dev.ferry.translator.el.RuntimeExpr.Conditional;
import dev.ferry.translator.el.RuntimeExpr.DoubleLiteral;
import dev.ferry.translator.el.RuntimeExpr.FunctionCall;
import dev.ferry.translator.el.RuntimeExpr.Index;
import dev.ferry.translator.el.RuntimeExpr.LongLiteral;
import dev.ferry.translator.el.RuntimeExpr.Negate;
import dev.ferry.translator.el.RuntimeExpr.Not;
import dev.ferry.translator.el.RuntimeExpr.NullLiteral;
import dev.ferry.translator.el.RuntimeExpr.Param;
import dev.ferry.translator.el.RuntimeExpr.Property;
import dev.ferry.translator.el.RuntimeExpr.ReadsTrue;
import dev.ferry.translator.el.RuntimeExpr.StringLiteral;
import dev.ferry.translator.el.RuntimeExpr.Variable;
import dev.ferry.translator.el.Template;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints a {@link Template} as the Jinja of an Airflow templated field: text with Jinja's openers neutralised,
 * each value as {@code {{ expression }}} over the runtime's macros ({@code wf}, {@code coord}, {@code fs},
 * {@code el}, {@code empty}... from ferry_runtime.el.macros()). Parentheses follow Jinja's precedence.
 */
public final class JinjaPrinter {

    // Jinja precedence levels, loosest first.
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int COMPARE = 4;
    private static final int ADD = 5;
    private static final int MULTIPLY = 6;
    private static final int NEGATE = 7;
    private static final int PRIMARY = 8;

    private JinjaPrinter() {}

    /** The template as Jinja text; null stays null. */
    public static String print(Template template) {
        if (template == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        List<Template.Part> parts = template.parts();
        for (int i = 0; i < parts.size(); i++) {
            Template.Part part = parts.get(i);
            if (part instanceof Template.Text text) {
                // A text's last '{' before a value's "{{ " would open a block of its own.
                out.append(escapeText(text.text(), i + 1 < parts.size()));
            } else {
                out.append("{{ ")
                        .append(expression(((Template.Value) part).expr()))
                        .append(" }}");
            }
        }
        return out.toString();
    }

    /** One value as a Jinja expression. */
    public static String expression(RuntimeExpr expr) {
        return printed(expr).text;
    }

    /** Printed text and how tightly it binds. */
    private record Printed(String text, int level) {}

    private static String wrap(RuntimeExpr expr, int minimumLevel) {
        Printed p = printed(expr);
        return p.level >= minimumLevel ? p.text : "(" + p.text + ")";
    }

    private static Printed printed(RuntimeExpr expr) {
        if (expr instanceof StringLiteral s) {
            return primary(quote(s.value()));
        }
        if (expr instanceof LongLiteral l) {
            return primary(l.value().toString());
        }
        if (expr instanceof DoubleLiteral d) {
            String plain = d.value().toPlainString();
            return primary(plain.contains(".") ? plain : plain + ".0");
        }
        if (expr instanceof BooleanLiteral b) {
            return primary(Boolean.toString(b.value()));
        }
        if (expr instanceof NullLiteral) {
            return primary("none");
        }
        if (expr instanceof Property p) {
            return primary("wf.conf(" + quote(p.name()) + ")");
        }
        if (expr instanceof Param p) {
            return primary("params." + p.name());
        }
        if (expr instanceof Variable v) {
            return primary("var.value.get(" + quote(v.key()) + ")");
        }
        if (expr instanceof FunctionCall call) {
            return primary(call.function().python() + arguments(call.arguments()));
        }
        if (expr instanceof Coercion c) {
            return primary(helper(c.operator()) + arguments(c.operands()));
        }
        if (expr instanceof Index i) {
            return primary(wrap(i.target(), PRIMARY) + "[" + expression(i.key()) + "]");
        }
        if (expr instanceof Conditional c) {
            return primary("(" + wrap(c.whenTrue(), OR) + " if " + wrap(c.condition(), OR) + " else "
                    + expression(c.whenFalse()) + ")");
        }
        if (expr instanceof Not n) {
            return new Printed("not " + wrap(n.operand(), NOT), NOT);
        }
        if (expr instanceof Negate n) {
            String text = wrap(n.operand(), NEGATE);
            return new Printed("-" + (text.startsWith("-") ? "(" + text + ")" : text), NEGATE);
        }
        if (expr instanceof Binary b) {
            return binary(b);
        }
        if (expr instanceof Concat c) {
            return new Printed(c.parts().stream().map(p -> wrap(p, ADD + 1)).collect(Collectors.joining(" ~ ")), ADD);
        }
        ReadsTrue r = (ReadsTrue) expr;
        return new Printed("(" + wrap(r.operand(), ADD + 1) + " | string | lower) == 'true'", COMPARE);
    }

    private static Printed binary(Binary b) {
        int level = switch (b.operator()) {
            case OR -> OR;
            case AND -> AND;
            case LT, GT, LE, GE, EQ, NE -> COMPARE;
            case ADD, SUBTRACT -> ADD;
            case MULTIPLY, DIVIDE, MODULO -> MULTIPLY;
        };
        String symbol = switch (b.operator()) {
            case OR -> "or";
            case AND -> "and";
            case LT -> "<";
            case GT -> ">";
            case LE -> "<=";
            case GE -> ">=";
            case EQ -> "==";
            case NE -> "!=";
            case ADD -> "+";
            case SUBTRACT -> "-";
            case MULTIPLY -> "*";
            case DIVIDE -> "/";
            case MODULO -> "%";
        };
        // Comparisons bind both sides tighter than the operator: Jinja chains a < b < c, EL nests.
        int left = level == COMPARE ? COMPARE + 1 : level;
        return new Printed(wrap(b.left(), left) + " " + symbol + " " + wrap(b.right(), level + 1), level);
    }

    /** The runtime macro of an EL operator: {@code empty}, else {@code el.<name>}. */
    private static String helper(RuntimeExpr.Coercing operator) {
        return operator == RuntimeExpr.Coercing.EMPTY
                ? "empty"
                : "el." + operator.name().toLowerCase(Locale.ROOT);
    }

    private static String arguments(List<RuntimeExpr> arguments) {
        return "(" + arguments.stream().map(JinjaPrinter::expression).collect(Collectors.joining(", ")) + ")";
    }

    private static Printed primary(String text) {
        return new Printed(text, PRIMARY);
    }

    /** A single-quoted Jinja string literal for any text. */
    static String quote(String s) {
        return "'" + PythonSource.escaped(s, '\'', false) + "'";
    }

    /**
     * Literal template text with Jinja's openers ({{, {%, {#) neutralised; {@code beforeValue}: a value's
     * {@code {{ } follows, so a last '{' would open one too.
     */
    static String escapeText(String text, boolean beforeValue) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : beforeValue ? '{' : 0;
            if (c == '{' && (next == '{' || next == '%' || next == '#')) {
                out.append("{{ '{' }}");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
