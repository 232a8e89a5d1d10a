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
     * nested FOREACH narrows it with a FILTER condition (over the input's columns) or DISTINCT.
     */
    record Bag(Relation.Named relation, Field field, dev.ferry.translator.sql.SqlExpr filter, boolean distinct)
            implements Value {
        Bag(Relation.Named relation, Field field) {
            this(relation, field, null, false);
        }

        Bag withField(Field projected) {
            return new Bag(relation, projected, filter, distinct);
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
