package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigStatement;
import java.util.List;
import java.util.OptionalInt;

/**
 * A LOAD without AS: Pig reads every field as a bytearray known only by position ({@code $0}, {@code $1}).
 * A Flink table needs a fixed width, so the load reads as many leading fields as its readers address:
 * one more than the highest {@code $n} they use. That is only sound when every reader is a plain FOREACH
 * naming fields by position; a reader that passes whole tuples on (FILTER, STORE, JOIN, {@code *}...)
 * would need the width of each line, which Pig keeps and a table does not.
 */
final class SchemalessLoad {

    private SchemalessLoad() {}

    /** The number of leading fields to read for the LOAD at {@code index} (read by {@code readers}), or the reason it cannot be translated. */
    static int width(List<PigStatement> statements, int index, List<PigStatement> readers, PigRelation.Load load) {
        String alias = ((PigStatement.Assign) statements.get(index)).alias();
        int highest = -1;
        for (PigStatement reader : readers) {
            if (!(reader instanceof PigStatement.Assign assign && assign.relation() instanceof PigRelation.Foreach foreach)) {
                throw unsupported(load, alias, "it is read by " + describe(reader));
            }
            for (PigRelation.GenerateItem item : foreach.items()) {
                OptionalInt used = highestPosition(item.expr());
                if (used.isEmpty()) {
                    throw unsupported(load, alias, "FOREACH at line " + item.span().line() + " uses a field by name, "
                            + "'*' or an open range");
                }
                highest = Math.max(highest, used.getAsInt());
            }
        }
        if (highest < 0) {
            throw unsupported(load, alias, "no FOREACH reads a field of it by position");
        }
        return highest + 1;
    }

    /**
     * The highest {@code $n} in the expression (-1 when it uses none), or empty when it reads fields in a
     * way a fixed width cannot serve: by name, {@code *}, or a range open at its end.
     */
    private static OptionalInt highestPosition(PigExpr expr) {
        if (expr instanceof PigExpr.PositionalRef ref) {
            return OptionalInt.of(ref.index());
        }
        if (expr instanceof PigExpr.FieldRef || expr instanceof PigExpr.Star) {
            return OptionalInt.empty();
        }
        if (expr instanceof PigExpr.ColumnRange range) {
            return range.to() == null ? OptionalInt.empty()
                    : range.from() == null ? highestPosition(range.to()) : highest(List.of(range.from(), range.to()));
        }
        if (expr instanceof PigExpr.Literal || expr instanceof PigExpr.Param) {
            return OptionalInt.of(-1);
        }
        if (expr instanceof PigExpr.Case c) {
            return highestInCase(c);
        }
        return highest(children(expr));
    }

    /** The operands of every other kind of expression. */
    private static List<PigExpr> children(PigExpr expr) {
        if (expr instanceof PigExpr.Dereference d) {
            return List.of(d.base());
        }
        if (expr instanceof PigExpr.Projection p) {
            return List.of(p.base());
        }
        if (expr instanceof PigExpr.MapLookup m) {
            return List.of(m.base());
        }
        if (expr instanceof PigExpr.Call c) {
            return c.arguments();
        }
        if (expr instanceof PigExpr.Invoke i) {
            return i.target() == null ? i.arguments() : concat(i.target(), i.arguments());
        }
        if (expr instanceof PigExpr.Cast c) {
            return List.of(c.expr());
        }
        if (expr instanceof PigExpr.Binary b) {
            return List.of(b.left(), b.right());
        }
        if (expr instanceof PigExpr.Negate n) {
            return List.of(n.expr());
        }
        if (expr instanceof PigExpr.Not n) {
            return List.of(n.expr());
        }
        if (expr instanceof PigExpr.IsNull n) {
            return List.of(n.expr());
        }
        if (expr instanceof PigExpr.Matches m) {
            return List.of(m.expr(), m.pattern());
        }
        if (expr instanceof PigExpr.In in) {
            return concat(in.expr(), in.values());
        }
        if (expr instanceof PigExpr.Bincond b) {
            return List.of(b.condition(), b.whenTrue(), b.whenFalse());
        }
        if (expr instanceof PigExpr.TupleExpr t) {
            return t.items();
        }
        if (expr instanceof PigExpr.BagExpr b) {
            return b.items();
        }
        if (expr instanceof PigExpr.MapExpr m) {
            return m.keysAndValues();
        }
        if (expr instanceof PigExpr.Flatten f) {
            return List.of(f.expr());
        }
        throw new IllegalStateException("unknown expression " + expr);
    }

    private static OptionalInt highestInCase(PigExpr.Case c) {
        List<PigExpr> parts = new java.util.ArrayList<>();
        if (c.subject() != null) {
            parts.add(c.subject());
        }
        c.branches().forEach(w -> {
            parts.add(w.test());
            parts.add(w.result());
        });
        if (c.otherwise() != null) {
            parts.add(c.otherwise());
        }
        return highest(parts);
    }

    private static OptionalInt highest(List<PigExpr> exprs) {
        int highest = -1;
        for (PigExpr e : exprs) {
            OptionalInt used = highestPosition(e);
            if (used.isEmpty()) {
                return used;
            }
            highest = Math.max(highest, used.getAsInt());
        }
        return OptionalInt.of(highest);
    }

    private static List<PigExpr> concat(PigExpr first, List<PigExpr> rest) {
        List<PigExpr> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String describe(PigStatement reader) {
        if (reader instanceof PigStatement.Assign assign) {
            return assign.relation().getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT) + " at line "
                    + assign.span().line();
        }
        return reader.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT) + " at line " + reader.span().line();
    }

    private static TranslationError unsupported(PigRelation.Load load, String alias, String why) {
        return ExprTranslator.unsupported(load.span(), "LOAD without AS (schema) of '" + alias
                + "' is translated only when plain FOREACHs read its fields by position ($0, $1...); " + why);
    }
}
