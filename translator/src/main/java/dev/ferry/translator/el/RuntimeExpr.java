package dev.ferry.translator.el;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A value a generated DAG computes per run: Oozie EL lowered to literals, references to the run's configuration,
 * calls of the runtime's EL helpers, and operators. {@link Binary}, {@link Not} and {@link Negate} are used only
 * where the target's own operator means what EL's does for the operands' types; everywhere else the lowering
 * chose a {@link Coercion}, the runtime helper that applies EL's coercions. The generator prints the tree.
 */
public sealed interface RuntimeExpr {

    record StringLiteral(String value) implements RuntimeExpr {}

    record LongLiteral(BigInteger value) implements RuntimeExpr {}

    /** A Double literal (EL's {@code 1.5e3}, {@code 2.}): printed in plain notation. */
    record DoubleLiteral(BigDecimal value) implements RuntimeExpr {}

    record BooleanLiteral(boolean value) implements RuntimeExpr {}

    record NullLiteral() implements RuntimeExpr {}

    /**
     * A property of the workflow configuration ({@code ${nameNode}}): DAG params, run conf and coordinator
     * properties, other properties it refers to resolved as Hadoop's Configuration does.
     */
    record Property(String name) implements RuntimeExpr {}

    /** A DAG param a person supplies (the container image of a pod action). */
    record Param(String name) implements RuntimeExpr {}

    /**
     * The Airflow Variable {@code key}: where a secret the input wrote as a value is read from at run time, so the
     * value itself is never written.
     */
    record Variable(String key) implements RuntimeExpr {}

    /** A function of {@link ElFunctionTable}, called with its arguments. */
    record FunctionCall(ElFunctionTable.ElFunction function, List<RuntimeExpr> arguments) implements RuntimeExpr {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }

    /** One of the runtime's EL operators, which coerce their operands as JSP EL does. */
    record Coercion(Coercing operator, List<RuntimeExpr> operands) implements RuntimeExpr {
        public Coercion {
            operands = List.copyOf(operands);
        }
    }

    /** A target operator that means what EL's does for these operands. */
    record Binary(Operator operator, RuntimeExpr left, RuntimeExpr right) implements RuntimeExpr {}

    /** Boolean negation of a Boolean operand. */
    record Not(RuntimeExpr operand) implements RuntimeExpr {}

    /** Arithmetic negation of a numeric operand. */
    record Negate(RuntimeExpr operand) implements RuntimeExpr {}

    /** {@code condition ? whenTrue : whenFalse}, the condition a Boolean. */
    record Conditional(RuntimeExpr condition, RuntimeExpr whenTrue, RuntimeExpr whenFalse) implements RuntimeExpr {}

    /** {@code target[key]} of a map. */
    record Index(RuntimeExpr target, RuntimeExpr key) implements RuntimeExpr {}

    /** The parts' texts joined, each part already a value that prints as EL prints it. */
    record Concat(List<RuntimeExpr> parts) implements RuntimeExpr {
        public Concat {
            parts = List.copyOf(parts);
        }
    }

    /** EL's coercion of a value's text to Boolean (Boolean.valueOf: 'true' in any case). */
    record ReadsTrue(RuntimeExpr operand) implements RuntimeExpr {}

    /** Operators the target evaluates as EL does for the operands the lowering checked. */
    enum Operator {
        OR,
        AND,
        LT,
        GT,
        LE,
        GE,
        EQ,
        NE,
        ADD,
        SUBTRACT,
        MULTIPLY,
        DIVIDE,
        MODULO
    }

    /** The runtime's EL operators (ferry_runtime.el.operators): EL's coercions applied at run time. */
    enum Coercing {
        ADD,
        SUB,
        MUL,
        DIV,
        MOD,
        NEG,
        LT,
        GT,
        LE,
        GE,
        EQ,
        NE,
        /** An operand of and/or/not/?: coerced to Boolean. */
        BOOL,
        /** What {@code ${...}} prints for the value: '' for null, true/false, doubles as Java prints them. */
        TEXT,
        /** EL's {@code empty} operator. */
        EMPTY
    }
}
