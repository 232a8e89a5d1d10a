package dev.ferry.parser.el;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** An Oozie EL expression (the inside of {@code ${...}}); every node carries where it starts. */
public sealed interface ElExpr {

    SourceSpan span();

    /**
     * A literal. {@code value} is the decoded text for strings, the source text for numbers
     * ("10", "1.5e3"), "true"/"false" for booleans and null for {@code null}.
     */
    record Literal(Kind kind, String value, SourceSpan span) implements ElExpr {
        public enum Kind {
            STRING,
            INTEGER,
            DECIMAL,
            BOOLEAN,
            NULL
        }
    }

    /** A variable, dotted names included: {@code nameNode}, {@code user.name}, {@code oozie.wf.application.path}. */
    record Identifier(String name, SourceSpan span) implements ElExpr {}

    /** {@code prefix:name(args)}; {@code prefix} is "" for plain functions such as {@code concat}. */
    record FunctionCall(String prefix, String name, List<ElExpr> arguments, SourceSpan span) implements ElExpr {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }

        /** {@code wf:conf} or {@code concat}. */
        public String qualifiedName() {
            return prefix.isEmpty() ? name : prefix + ":" + name;
        }
    }

    record Binary(BinaryOperator op, ElExpr left, ElExpr right, SourceSpan span) implements ElExpr {}

    record Unary(UnaryOperator op, ElExpr operand, SourceSpan span) implements ElExpr {}

    /** {@code condition ? whenTrue : whenFalse}. */
    record Ternary(ElExpr condition, ElExpr whenTrue, ElExpr whenFalse, SourceSpan span) implements ElExpr {}

    /** {@code target[index]}; also {@code target.name} when target is not a plain name. */
    record Index(ElExpr target, ElExpr index, SourceSpan span) implements ElExpr {}

    /** Binary operators, each with its canonical EL spelling (the word forms eq, and, div... map here). */
    enum BinaryOperator {
        MULTIPLY("*"),
        DIVIDE("/"),
        MODULO("%"),
        ADD("+"),
        SUBTRACT("-"),
        LT("<"),
        GT(">"),
        LE("<="),
        GE(">="),
        EQ("=="),
        NE("!="),
        AND("&&"),
        OR("||");

        private final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum UnaryOperator {
        NOT("!"),
        NEGATE("-"),
        EMPTY("empty");

        private final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
