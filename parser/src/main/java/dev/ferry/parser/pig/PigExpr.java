package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A Pig expression or condition inside FILTER, GENERATE, BY clauses and nested blocks. */
public sealed interface PigExpr {

    SourceSpan span();

    /** The expressions directly inside {@code expr}, in the order written (none for a leaf). */
    static List<PigExpr> children(PigExpr expr) {
        List<PigExpr> children = new ArrayList<>();
        if (expr instanceof PigExpr.Dereference d) {
            children.add(d.base());
        } else if (expr instanceof PigExpr.Projection p) {
            children.add(p.base());
            children.addAll(p.columns());
        } else if (expr instanceof PigExpr.MapLookup m) {
            children.add(m.base());
        } else if (expr instanceof PigExpr.Call c) {
            children.addAll(c.arguments());
        } else if (expr instanceof PigExpr.Invoke i) {
            children.add(i.target());
            children.addAll(i.arguments());
        } else if (expr instanceof PigExpr.Cast c) {
            children.add(c.expr());
        } else if (expr instanceof PigExpr.Binary b) {
            children.addAll(Arrays.asList(b.left(), b.right()));
        } else if (expr instanceof PigExpr.Negate n) {
            children.add(n.expr());
        } else if (expr instanceof PigExpr.Not n) {
            children.add(n.expr());
        } else if (expr instanceof PigExpr.IsNull n) {
            children.add(n.expr());
        } else if (expr instanceof PigExpr.Matches m) {
            children.addAll(Arrays.asList(m.expr(), m.pattern()));
        } else if (expr instanceof PigExpr.In in) {
            children.add(in.expr());
            children.addAll(in.values());
        } else if (expr instanceof PigExpr.Bincond b) {
            children.addAll(Arrays.asList(b.condition(), b.whenTrue(), b.whenFalse()));
        } else if (expr instanceof PigExpr.Case c) {
            children.add(c.subject());
            c.branches().forEach(w -> children.addAll(Arrays.asList(w.test(), w.result())));
            children.add(c.otherwise());
        } else if (expr instanceof PigExpr.TupleExpr t) {
            children.addAll(t.items());
        } else if (expr instanceof PigExpr.BagExpr b) {
            children.addAll(b.items());
        } else if (expr instanceof PigExpr.MapExpr m) {
            children.addAll(m.keysAndValues());
        } else if (expr instanceof PigExpr.ColumnRange r) {
            children.addAll(Arrays.asList(r.from(), r.to()));
        } else if (expr instanceof PigExpr.Flatten f) {
            children.add(f.expr());
        }
        children.removeIf(Objects::isNull);
        return children;
    }

    /** {@code name} or {@code alias::name} (qualifier null without {@code ::}). */
    record FieldRef(String qualifier, String name, SourceSpan span) implements PigExpr {}

    /** {@code $0}. */
    record PositionalRef(int index, SourceSpan span) implements PigExpr {}

    /** {@code base.field}, e.g. {@code clicks.amount} on a grouped bag or {@code group.country}. */
    record Dereference(PigExpr base, String field, SourceSpan span) implements PigExpr {}

    /** {@code base.$1} or {@code base.(a, $2)}: a projection that is not a single named field. */
    record Projection(PigExpr base, List<PigExpr> columns, SourceSpan span) implements PigExpr {
        public Projection {
            columns = List.copyOf(columns);
        }
    }

    /** {@code base#'key'} (key null for {@code #null}). */
    record MapLookup(PigExpr base, String key, SourceSpan span) implements PigExpr {}

    /** A function call; arguments may include {@link Star} and {@link ColumnRange}. */
    record Call(String function, List<PigExpr> arguments, SourceSpan span) implements PigExpr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code (type) expr}; {@code schema} describes the inner fields of a tuple, bag or map cast. */
    /**
     * {@code INVOKE&java.lang.Math.abs(x)} (static: target null) or {@code INVOKE(s)toUpperCase()}
     * (an instance method of the target's value): Pig's reflective call of a Java method.
     */
    record Invoke(PigExpr target, String owner, String method, List<PigExpr> arguments, SourceSpan span)
            implements PigExpr {
        public Invoke {
            arguments = List.copyOf(arguments);
        }
    }

    record Cast(PigType type, List<FieldSchema> schema, PigExpr expr, SourceSpan span) implements PigExpr {
        public Cast {
            schema = List.copyOf(schema);
        }
    }

    record Binary(BinaryOp op, PigExpr left, PigExpr right, SourceSpan span) implements PigExpr {}

    record Negate(PigExpr expr, SourceSpan span) implements PigExpr {}

    record Not(PigExpr expr, SourceSpan span) implements PigExpr {}

    record IsNull(PigExpr expr, boolean negated, SourceSpan span) implements PigExpr {}

    /** {@code expr MATCHES pattern}: a whole-string Java regex match. */
    record Matches(PigExpr expr, PigExpr pattern, SourceSpan span) implements PigExpr {
        /** The pattern when it is a string literal (the usual case), else null. */
        public String regex() {
            return pattern instanceof Literal l && l.value() instanceof String s ? s : null;
        }
    }

    /** {@code expr IN (v1, v2, ...)}. */
    record In(PigExpr expr, List<PigExpr> values, SourceSpan span) implements PigExpr {
        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code (cond ? a : b)}. */
    record Bincond(PigExpr condition, PigExpr whenTrue, PigExpr whenFalse, SourceSpan span) implements PigExpr {}

    /**
     * {@code CASE WHEN c THEN v ... ELSE e END} (subject null) or {@code CASE s WHEN v THEN r ... END};
     * otherwise is null without ELSE.
     */
    record Case(PigExpr subject, List<When> branches, PigExpr otherwise, SourceSpan span) implements PigExpr {
        public Case {
            branches = List.copyOf(branches);
        }
    }

    record When(PigExpr test, PigExpr result) {}

    /** A literal; value is Integer, Long, Float, Double, String, Boolean or null (type null then). */
    record Literal(Object value, PigType type, SourceSpan span) implements PigExpr {}

    /** {@code (a, b)}: a tuple built from expressions (Pig's TOTUPLE). */
    record TupleExpr(List<PigExpr> items, SourceSpan span) implements PigExpr {
        public TupleExpr {
            items = List.copyOf(items);
        }
    }

    /** {@code {a, b}} or {@code {(1,2)}}: a bag (Pig's TOBAG). */
    record BagExpr(List<PigExpr> items, SourceSpan span) implements PigExpr {
        public BagExpr {
            items = List.copyOf(items);
        }
    }

    /** {@code [k, v, ...]} (Pig's TOMAP, alternating keys and values) or {@code ['k'#v]} (entries). */
    record MapExpr(List<PigExpr> keysAndValues, SourceSpan span) implements PigExpr {
        public MapExpr {
            keysAndValues = List.copyOf(keysAndValues);
        }
    }

    /** {@code $NAME} or {@code ${NAME}} used as a value. */
    record Param(String name, SourceSpan span) implements PigExpr {}

    /** {@code *}: all fields (in GENERATE, function arguments, BY and ORDER). */
    record Star(SourceSpan span) implements PigExpr {}

    /** {@code a..b}, {@code a..}, {@code ..b}: a range of fields (from or to null when open). */
    record ColumnRange(PigExpr from, PigExpr to, SourceSpan span) implements PigExpr {}

    record Flatten(PigExpr expr, SourceSpan span) implements PigExpr {}

    enum BinaryOp {
        MULTIPLY("*"),
        DIVIDE("/"),
        MODULO("%"),
        ADD("+"),
        SUBTRACT("-"),
        EQ("=="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">="),
        AND("and"),
        OR("or");

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
