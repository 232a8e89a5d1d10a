package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.List;

/** What a Pig expression evaluates to during translation. */
sealed interface Value {

    /**
     * A single value with its SQL form and Pig type.
     *
     * @param inner what is inside it when it is a map (see {@link Inner}), else null
     */
    record Scalar(SqlExpr sql, PigType type, Inner inner) implements Value {
        Scalar(SqlExpr sql, PigType type) {
            this(sql, type, null);
        }
    }

    /**
     * A bag inside a grouped relation: the whole bag, or one field of it ({@code clicks.amount}); a
     * nested FOREACH narrows it with a FILTER condition (over the input's columns) or DISTINCT, and a nested
     * ORDER sorts it.
     *
     * @param lineField for {@code bag.$n} of a LOAD without AS past its named fields: the n-th field of
     *     each line, which no column holds ({@code field} is then the line's column); else null
     * @param ordering for a nested ORDER's bag (and FILTERs and projections of it, which keep Pig's order), the
     *     sort over the input's columns; else null
     */
    record Bag(
            Relation.Named relation,
            Field field,
            dev.ferry.translator.sql.SqlExpr filter,
            boolean distinct,
            Scalar lineField,
            List<dev.ferry.translator.sql.SqlQuery.OrderItem> ordering)
            implements Value {
        Bag(Relation.Named relation, Field field) {
            this(relation, field, null, false, null, null);
        }

        Bag(Relation.Named relation, Field field, dev.ferry.translator.sql.SqlExpr filter, boolean distinct) {
            this(relation, field, filter, distinct, null, null);
        }

        Bag withField(Field projected) {
            return new Bag(relation, projected, filter, distinct, null, ordering);
        }

        /** The n-th field of each line of a LOAD without AS. */
        Bag withLineField(Field line, Scalar nth) {
            return new Bag(relation, line, filter, distinct, nth, ordering);
        }

        /** The rows where {@code condition} also holds (a nested FILTER). */
        Bag filtered(dev.ferry.translator.sql.SqlExpr condition) {
            dev.ferry.translator.sql.SqlExpr all = filter == null
                    ? condition
                    : new dev.ferry.translator.sql.SqlExpr.Binary(
                            dev.ferry.translator.sql.SqlExpr.BinaryOp.AND, filter, condition);
            return new Bag(relation, field, all, distinct, lineField, ordering);
        }

        /** The distinct rows (a nested DISTINCT): Pig's distinct bag has its own order. */
        Bag distinctRows() {
            return new Bag(relation, field, filter, true, lineField, null);
        }

        /** The rows sorted (a nested ORDER). */
        Bag ordered(List<dev.ferry.translator.sql.SqlQuery.OrderItem> sort) {
            return new Bag(relation, field, filter, distinct, lineField, List.copyOf(sort));
        }
    }

    /** A nested CROSS of a COGROUP's bags (see {@link NestedCross}): the bag inputs it crosses. */
    record Crossed(List<dev.ferry.parser.pig.PigExpr> inputs) implements Value {
        public Crossed {
            inputs = List.copyOf(inputs);
        }
    }

    /** Another relation named in an expression: {@code c.total} reads c's only row as a scalar. */
    record Table(Relation.Named relation) implements Value {}

    /** The {@code group} of a GROUP BY several keys: a tuple, usable through FLATTEN or {@code group.key}. */
    record KeyTuple(List<Scalar> keys, List<Field> fields) implements Value {
        public KeyTuple {
            keys = List.copyOf(keys);
            fields = List.copyOf(fields);
        }
    }
}
