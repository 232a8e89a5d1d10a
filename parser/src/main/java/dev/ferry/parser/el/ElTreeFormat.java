package dev.ferry.parser.el;

import dev.ferry.parser.el.ElExpr.Binary;
import dev.ferry.parser.el.ElExpr.FunctionCall;
import dev.ferry.parser.el.ElExpr.Identifier;
import dev.ferry.parser.el.ElExpr.Index;
import dev.ferry.parser.el.ElExpr.Literal;
import dev.ferry.parser.el.ElExpr.Ternary;
import dev.ferry.parser.el.ElExpr.Unary;
import dev.ferry.parser.el.ElPart.ElExpression;
import dev.ferry.parser.el.ElPart.ElText;
import java.util.stream.Collectors;

/**
 * Prints an EL tree compactly, operators as prefix lists so grouping is visible:
 * {@code "/user/" ~ ${(== wf:conf('a') 1)}}. For tests, reports and debugging.
 */
public final class ElTreeFormat {

    private ElTreeFormat() {}

    public static String format(ElTemplate template) {
        return template.parts().stream().map(ElTreeFormat::format).collect(Collectors.joining(" ~ "));
    }

    public static String format(ElPart part) {
        if (part instanceof ElText text) {
            return '"' + text.text().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
        return "${" + format(((ElExpression) part).expr()) + "}";
    }

    public static String format(ElExpr expr) {
        if (expr instanceof Literal l) {
            return switch (l.kind()) {
                case STRING -> "'" + l.value().replace("\\", "\\\\").replace("'", "\\'") + "'";
                case NULL -> "null";
                default -> l.value();
            };
        }
        if (expr instanceof Identifier i) {
            return i.name();
        }
        if (expr instanceof FunctionCall f) {
            return f.qualifiedName() + "("
                    + f.arguments().stream().map(ElTreeFormat::format).collect(Collectors.joining(", ")) + ")";
        }
        if (expr instanceof Binary b) {
            return "(" + b.op().symbol() + " " + format(b.left()) + " " + format(b.right()) + ")";
        }
        if (expr instanceof Unary u) {
            return "(" + u.op().symbol() + " " + format(u.operand()) + ")";
        }
        if (expr instanceof Ternary t) {
            return "(? " + format(t.condition()) + " " + format(t.whenTrue()) + " " + format(t.whenFalse()) + ")";
        }
        Index x = (Index) expr;
        return format(x.target()) + "[" + format(x.index()) + "]";
    }
}
