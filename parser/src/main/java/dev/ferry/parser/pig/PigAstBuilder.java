package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigExpr.BinaryOp;
import dev.ferry.parser.pig.PigLatinParser.*;
import dev.ferry.parser.pig.PigRelation.GenerateItem;
import dev.ferry.parser.pig.PigRelation.JoinInput;
import dev.ferry.parser.pig.PigRelation.JoinType;
import dev.ferry.parser.pig.PigRelation.OrderKey;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** Builds the immutable Pig AST from a syntax tree that parsed without errors. */
final class PigAstBuilder {

    private final String file;

    PigAstBuilder(String file) {
        this.file = file;
    }

    PigScript script(ScriptContext ctx) {
        List<PigStatement> statements = new ArrayList<>();
        List<PigScript.ParamDefault> defaults = new ArrayList<>();
        for (StatementContext s : ctx.statement()) {
            if (s instanceof PreprocessorStatementContext p) {
                PreprocessorContext pre = p.preprocessor();
                defaults.add(new PigScript.ParamDefault(pre.name.getText(), preValue(pre.value),
                        pre.PCT_DECLARE() != null, span(pre)));
            } else {
                statements.add(statement(s));
            }
        }
        return new PigScript(file, statements, defaults);
    }

    private static String preValue(PreValueContext v) {
        return v.STRING() != null ? PigStrings.unquote(v.STRING().getText()) : v.getText();
    }

    private PigStatement statement(StatementContext s) {
        if (s instanceof AssignStatementContext a) {
            return new PigStatement.Assign(a.alias.getText(), relation(a.relation()), span(a));
        }
        if (s instanceof StoreStatementContext st) {
            FuncSpec func = st.funcSpec() == null ? null : funcSpec(st.funcSpec());
            return new PigStatement.Store(st.source.getText(), PigStrings.unquote(st.path.getText()), func, span(st));
        }
        String keyword = s.getStart().getText().toUpperCase(java.util.Locale.ROOT);
        return new PigStatement.Command(keyword, originalText(s), span(s));
    }

    private PigRelation relation(RelationContext r) {
        SourceSpan span = span(r);
        if (r instanceof LoadRelationContext l) {
            return new PigRelation.Load(PigStrings.unquote(l.path.getText()),
                    l.funcSpec() == null ? null : funcSpec(l.funcSpec()),
                    l.schema() == null ? List.of() : schema(l.schema()), span);
        }
        if (r instanceof FilterRelationContext f) {
            return new PigRelation.Filter(f.input.getText(), expr(f.expr()), span);
        }
        if (r instanceof ForeachRelationContext f) {
            return new PigRelation.Foreach(f.input.getText(),
                    f.generateItem().stream().map(this::generateItem).toList(), span);
        }
        if (r instanceof GroupRelationContext g) {
            return new PigRelation.Group(g.input.getText(),
                    g.ALL() != null ? List.of() : keys(g.groupKey()), g.ALL() != null, span);
        }
        if (r instanceof JoinRelationContext j) {
            return join(j, span);
        }
        if (r instanceof OrderRelationContext o) {
            return new PigRelation.Order(o.input.getText(),
                    o.orderItem().stream().map(i -> new OrderKey(expr(i.expr()), i.DESC() != null)).toList(), span);
        }
        if (r instanceof LimitRelationContext l) {
            return new PigRelation.Limit(l.input.getText(), expr(l.expr()), span);
        }
        if (r instanceof DistinctRelationContext d) {
            return new PigRelation.Distinct(d.input.getText(), span);
        }
        throw new IllegalStateException("unhandled relation " + r.getClass().getSimpleName());
    }

    private PigRelation join(JoinRelationContext j, SourceSpan span) {
        List<JoinInput> inputs = new ArrayList<>();
        JoinType type = JoinType.INNER;
        for (JoinInputContext in : j.joinInput()) {
            inputs.add(new JoinInput(in.identifier().getText(), keys(in.groupKey()), span(in)));
            if (in.LEFT() != null) {
                type = JoinType.LEFT;
            } else if (in.RIGHT() != null) {
                type = JoinType.RIGHT;
            } else if (in.FULL() != null) {
                type = JoinType.FULL;
            }
        }
        String strategy = j.STRING() == null ? null : PigStrings.unquote(j.STRING().getText());
        return new PigRelation.Join(inputs, type, strategy, span);
    }

    private List<PigExpr> keys(GroupKeyContext k) {
        return k.expr().stream().map(this::expr).toList();
    }

    private GenerateItem generateItem(GenerateItemContext g) {
        return new GenerateItem(expr(g.expr()), g.fieldSchema().stream().map(this::fieldSchema).toList(), span(g));
    }

    private List<FieldSchema> schema(SchemaContext s) {
        return s.fieldSchema().stream().map(this::fieldSchema).toList();
    }

    private FieldSchema fieldSchema(FieldSchemaContext f) {
        PigType type = f.type() == null ? PigType.BYTEARRAY : PigType.fromKeyword(f.type().getText());
        return new FieldSchema(f.identifier().getText(), type, span(f));
    }

    private FuncSpec funcSpec(FuncSpecContext f) {
        List<String> args = f.funcArg().stream()
                .map(a -> a.STRING() != null ? PigStrings.unquote(a.STRING().getText()) : a.getText())
                .toList();
        return new FuncSpec(f.qualifiedName().getText(), args, span(f));
    }

    PigExpr expr(ExprContext e) {
        SourceSpan span = span(e);
        if (e instanceof ParenExprContext p) {
            return expr(p.expr());
        }
        if (e instanceof CastExprContext c) {
            return new PigExpr.Cast(PigType.fromKeyword(c.type().getText()), expr(c.expr()), span);
        }
        if (e instanceof FlattenExprContext f) {
            return new PigExpr.Flatten(expr(f.expr()), span);
        }
        if (e instanceof CallExprContext c) {
            return new PigExpr.Call(c.qualifiedName().getText(),
                    c.expr().stream().map(this::expr).toList(), span);
        }
        if (e instanceof DereferenceExprContext d) {
            return new PigExpr.Dereference(expr(d.expr()), d.identifier().getText(), span);
        }
        if (e instanceof NegateExprContext n) {
            return negate(expr(n.expr()), span);
        }
        if (e instanceof MultiplicativeExprContext m) {
            return binary(m.op, m.expr(0), m.expr(1), span);
        }
        if (e instanceof AdditiveExprContext a) {
            return binary(a.op, a.expr(0), a.expr(1), span);
        }
        if (e instanceof ComparisonExprContext c) {
            return binary(c.op, c.expr(0), c.expr(1), span);
        }
        if (e instanceof MatchesExprContext m) {
            return new PigExpr.Matches(expr(m.expr()), PigStrings.unquote(m.STRING().getText()), span);
        }
        if (e instanceof IsNullExprContext i) {
            return new PigExpr.IsNull(expr(i.expr()), i.NOT() != null, span);
        }
        if (e instanceof NotExprContext n) {
            return new PigExpr.Not(expr(n.expr()), span);
        }
        if (e instanceof AndExprContext a) {
            return new PigExpr.Binary(BinaryOp.AND, expr(a.expr(0)), expr(a.expr(1)), span);
        }
        if (e instanceof OrExprContext o) {
            return new PigExpr.Binary(BinaryOp.OR, expr(o.expr(0)), expr(o.expr(1)), span);
        }
        if (e instanceof BincondExprContext b) {
            return new PigExpr.Bincond(expr(b.expr(0)), expr(b.expr(1)), expr(b.expr(2)), span);
        }
        if (e instanceof LiteralExprContext l) {
            return literal(l.literal(), span);
        }
        if (e instanceof ParamExprContext p) {
            return new PigExpr.Param(paramName(p.PARAM().getText()), span);
        }
        if (e instanceof PositionalExprContext p) {
            return new PigExpr.PositionalRef(Integer.parseInt(p.POSITIONAL().getText().substring(1)), span);
        }
        if (e instanceof StarExprContext s) {
            return new PigExpr.Star(span);
        }
        if (e instanceof FieldExprContext f) {
            return f.identifier().size() == 2
                    ? new PigExpr.FieldRef(f.identifier(0).getText(), f.identifier(1).getText(), span)
                    : new PigExpr.FieldRef(null, f.identifier(0).getText(), span);
        }
        throw new IllegalStateException("unhandled expression " + e.getClass().getSimpleName());
    }

    /** {@code -5} is a negative literal, as in Pig; anything else is a negation. */
    private static PigExpr negate(PigExpr operand, SourceSpan span) {
        if (operand instanceof PigExpr.Literal lit && lit.value() instanceof Number n) {
            Object negated = n instanceof Integer i ? (Object) (-i)
                    : n instanceof Long l ? (Object) (-l)
                    : n instanceof Float f ? (Object) (-f)
                    : n instanceof Double d ? (Object) (-d) : null;
            if (negated != null) {
                return new PigExpr.Literal(negated, lit.type(), span);
            }
        }
        return new PigExpr.Negate(operand, span);
    }

    private PigExpr binary(Token op, ExprContext left, ExprContext right, SourceSpan span) {
        BinaryOp binaryOp = switch (op.getType()) {
            case PigLatinParser.STAR -> BinaryOp.MULTIPLY;
            case PigLatinParser.SLASH -> BinaryOp.DIVIDE;
            case PigLatinParser.PERCENT -> BinaryOp.MODULO;
            case PigLatinParser.PLUS -> BinaryOp.ADD;
            case PigLatinParser.MINUS -> BinaryOp.SUBTRACT;
            case PigLatinParser.EQ -> BinaryOp.EQ;
            case PigLatinParser.NEQ -> BinaryOp.NE;
            case PigLatinParser.LT -> BinaryOp.LT;
            case PigLatinParser.LTE -> BinaryOp.LE;
            case PigLatinParser.GT -> BinaryOp.GT;
            case PigLatinParser.GTE -> BinaryOp.GE;
            default -> throw new IllegalStateException("unhandled operator " + op.getText());
        };
        return new PigExpr.Binary(binaryOp, expr(left), expr(right), span);
    }

    private static PigExpr literal(LiteralContext l, SourceSpan span) {
        String text = l.getText();
        if (l.INTEGER() != null) {
            try {
                return new PigExpr.Literal(Integer.parseInt(text), PigType.INT, span);
            } catch (NumberFormatException tooBig) {
                return new PigExpr.Literal(Long.parseLong(text), PigType.LONG, span);
            }
        }
        if (l.LONG_INTEGER() != null) {
            return new PigExpr.Literal(Long.parseLong(text.substring(0, text.length() - 1)), PigType.LONG, span);
        }
        if (l.DECIMAL() != null) {
            return new PigExpr.Literal(Double.parseDouble(text), PigType.DOUBLE, span);
        }
        if (l.FLOAT_LITERAL() != null) {
            return new PigExpr.Literal(Float.parseFloat(text.substring(0, text.length() - 1)), PigType.FLOAT, span);
        }
        if (l.STRING() != null) {
            return new PigExpr.Literal(PigStrings.unquote(text), PigType.CHARARRAY, span);
        }
        if (l.TRUE() != null || l.FALSE() != null) {
            return new PigExpr.Literal(l.TRUE() != null, PigType.BOOLEAN, span);
        }
        return new PigExpr.Literal(null, null, span);
    }

    static String paramName(String token) {
        return token.startsWith("${") ? token.substring(2, token.length() - 1) : token.substring(1);
    }

    private String originalText(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        return start.getInputStream().getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }

    private SourceSpan span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        return SourceSpan.of(file, start.getLine(), start.getCharPositionInLine() + 1);
    }
}
