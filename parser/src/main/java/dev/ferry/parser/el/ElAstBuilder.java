package dev.ferry.parser.el;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElExpr.Binary;
import dev.ferry.parser.el.ElExpr.BinaryOperator;
import dev.ferry.parser.el.ElExpr.FunctionCall;
import dev.ferry.parser.el.ElExpr.Identifier;
import dev.ferry.parser.el.ElExpr.Index;
import dev.ferry.parser.el.ElExpr.Literal;
import dev.ferry.parser.el.ElExpr.Ternary;
import dev.ferry.parser.el.ElExpr.Unary;
import dev.ferry.parser.el.ElExpr.UnaryOperator;
import java.util.List;
import java.util.function.IntFunction;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Turns an OozieEl parse tree into the immutable {@link ElExpr} AST. */
final class ElAstBuilder extends OozieElBaseVisitor<ElExpr> {

    private final IntFunction<SourceSpan> positionOfOffset;

    ElAstBuilder(IntFunction<SourceSpan> positionOfOffset) {
        this.positionOfOffset = positionOfOffset;
    }

    ElExpr build(OozieElParser.ElExpressionContext tree) {
        return visit(tree.expr());
    }

    private SourceSpan span(ParserRuleContext ctx) {
        return span(ctx.getStart());
    }

    private SourceSpan span(Token token) {
        return positionOfOffset.apply(Math.max(0, token.getStartIndex()));
    }

    @Override
    public ElExpr visitValueExpr(OozieElParser.ValueExprContext ctx) {
        return visit(ctx.value());
    }

    @Override
    public ElExpr visitUnaryExpr(OozieElParser.UnaryExprContext ctx) {
        UnaryOperator op = switch (ctx.op.getType()) {
            case OozieElParser.MINUS -> UnaryOperator.NEGATE;
            case OozieElParser.EMPTY -> UnaryOperator.EMPTY;
            default -> UnaryOperator.NOT;
        };
        return new Unary(op, visit(ctx.expr()), span(ctx));
    }

    /** Every binary operator: one precedence level per alternative of the grammar's expr rule, one node kind. */
    @Override
    public ElExpr visitBinaryExpr(OozieElParser.BinaryExprContext ctx) {
        return new Binary(operator(ctx.op), visit(ctx.left), visit(ctx.right), span(ctx));
    }

    @Override
    public ElExpr visitTernaryExpr(OozieElParser.TernaryExprContext ctx) {
        return new Ternary(visit(ctx.condition), visit(ctx.whenTrue), visit(ctx.whenFalse), span(ctx));
    }

    private static BinaryOperator operator(Token op) {
        return switch (op.getType()) {
            case OozieElParser.STAR -> BinaryOperator.MULTIPLY;
            case OozieElParser.SLASH, OozieElParser.DIV -> BinaryOperator.DIVIDE;
            case OozieElParser.PERCENT, OozieElParser.MOD -> BinaryOperator.MODULO;
            case OozieElParser.PLUS -> BinaryOperator.ADD;
            case OozieElParser.MINUS -> BinaryOperator.SUBTRACT;
            case OozieElParser.LT, OozieElParser.LT_W -> BinaryOperator.LT;
            case OozieElParser.GT, OozieElParser.GT_W -> BinaryOperator.GT;
            case OozieElParser.LE, OozieElParser.LE_W -> BinaryOperator.LE;
            case OozieElParser.GE, OozieElParser.GE_W -> BinaryOperator.GE;
            case OozieElParser.EQ, OozieElParser.EQ_W -> BinaryOperator.EQ;
            case OozieElParser.NE, OozieElParser.NE_W -> BinaryOperator.NE;
            case OozieElParser.AND, OozieElParser.AND_W -> BinaryOperator.AND;
            default -> BinaryOperator.OR;
        };
    }

    @Override
    public ElExpr visitValue(OozieElParser.ValueContext ctx) {
        ElExpr value = visit(ctx.primary());
        for (OozieElParser.SuffixContext suffix : ctx.suffix()) {
            if (suffix instanceof OozieElParser.PropertySuffixContext property) {
                String name = property.propertyName().getText();
                value = value instanceof Identifier id
                        ? new Identifier(id.name() + "." + name, id.span())
                        : new Index(
                                value,
                                new Literal(Literal.Kind.STRING, name, span(property.propertyName())),
                                value.span());
            } else {
                OozieElParser.IndexSuffixContext index = (OozieElParser.IndexSuffixContext) suffix;
                value = new Index(value, visit(index.expr()), value.span());
            }
        }
        return value;
    }

    @Override
    public ElExpr visitLiteralPrimary(OozieElParser.LiteralPrimaryContext ctx) {
        Token token = ctx.literal().getStart();
        String text = token.getText();
        SourceSpan span = span(token);
        return switch (token.getType()) {
            case OozieElParser.STRING -> new Literal(Literal.Kind.STRING, unquote(text), span);
            case OozieElParser.INTEGER -> new Literal(Literal.Kind.INTEGER, text, span);
            case OozieElParser.DECIMAL -> new Literal(Literal.Kind.DECIMAL, text, span);
            case OozieElParser.NULL -> new Literal(Literal.Kind.NULL, null, span);
            default -> new Literal(Literal.Kind.BOOLEAN, text, span);
        };
    }

    @Override
    public ElExpr visitParenPrimary(OozieElParser.ParenPrimaryContext ctx) {
        return visit(ctx.expr());
    }

    @Override
    public ElExpr visitQualifiedCallPrimary(OozieElParser.QualifiedCallPrimaryContext ctx) {
        String qualified = ctx.QUALIFIED_NAME().getText();
        int colon = qualified.indexOf(':');
        return new FunctionCall(
                qualified.substring(0, colon).strip(),
                qualified.substring(colon + 1).strip(),
                arguments(ctx.arguments()),
                span(ctx));
    }

    @Override
    public ElExpr visitCallPrimary(OozieElParser.CallPrimaryContext ctx) {
        return new FunctionCall("", ctx.IDENT().getText(), arguments(ctx.arguments()), span(ctx));
    }

    private List<ElExpr> arguments(OozieElParser.ArgumentsContext arguments) {
        return arguments == null
                ? List.of()
                : arguments.expr().stream().map(this::visit).toList();
    }

    @Override
    public ElExpr visitIdentifierPrimary(OozieElParser.IdentifierPrimaryContext ctx) {
        return new Identifier(ctx.IDENT().getText(), span(ctx));
    }

    /** Strips the quotes and undoes commons-el's only escapes: backslash before a quote or a backslash. */
    private static String unquote(String token) {
        String body = token.substring(1, token.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
