package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** A Pig expression inside FILTER, GENERATE, BY clauses. */
public sealed interface PigExpr {

    SourceSpan span();

    /** {@code name} or {@code alias::name}. */
    record FieldRef(String qualifier, String name, SourceSpan span) implements PigExpr {}

    /** {@code $0}. */
    record PositionalRef(int index, SourceSpan span) implements PigExpr {}

    /** {@code base.field}, e.g. {@code clicks.amount} on a grouped bag or {@code group.country}. */
    record Dereference(PigExpr base, String field, SourceSpan span) implements PigExpr {}

    record Call(String function, List<PigExpr> arguments, SourceSpan span) implements PigExpr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    record Cast(PigType type, PigExpr expr, SourceSpan span) implements PigExpr {}

    record Binary(BinaryOp op, PigExpr left, PigExpr right, SourceSpan span) implements PigExpr {}

    record Negate(PigExpr expr, SourceSpan span) implements PigExpr {}

    record Not(PigExpr expr, SourceSpan span) implements PigExpr {}

    record IsNull(PigExpr expr, boolean negated, SourceSpan span) implements PigExpr {}

    /** {@code expr MATCHES 'regex'}: a whole-string Java regex match. */
    record Matches(PigExpr expr, String regex, SourceSpan span) implements PigExpr {}

    /** {@code (cond ? a : b)}. */
    record Bincond(PigExpr condition, PigExpr whenTrue, PigExpr whenFalse, SourceSpan span) implements PigExpr {}

    /** A literal; value is Integer, Long, Float, Double, String, Boolean or null (type null then). */
    record Literal(Object value, PigType type, SourceSpan span) implements PigExpr {}

    /** {@code $NAME} or {@code ${NAME}} used as a value. */
    record Param(String name, SourceSpan span) implements PigExpr {}

    record Star(SourceSpan span) implements PigExpr {}

    record Flatten(PigExpr expr, SourceSpan span) implements PigExpr {}

    enum BinaryOp {
        MULTIPLY("*"), DIVIDE("/"), MODULO("%"), ADD("+"), SUBTRACT("-"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), AND("and"), OR("or");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isComparison() {
            return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
        }

        public boolean isArithmetic() {
            return ordinal() <= SUBTRACT.ordinal();
        }
    }
}
