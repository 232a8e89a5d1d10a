package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery.OrderItem;
import java.util.List;

/** What a Pig alias stands for while translating. */
sealed interface Relation {

    /** A table or view the SQL can select from; {@code ordering} is kept for a later STORE. */
    record Named(String sqlName, List<Field> fields, List<OrderItem> ordering) implements Relation {
        public Named {
            fields = List.copyOf(fields);
            ordering = List.copyOf(ordering);
        }
    }

    /**
     * The result of GROUP, which SQL cannot hold as a view (a bag per key): it lives until the
     * FOREACH that aggregates it, which becomes one SELECT ... GROUP BY.
     */
    record Grouped(Named input, String bagAlias, List<SqlExpr> keys, List<Field> keyFields, SourceSpan span)
            implements Relation {
        public Grouped {
            keys = List.copyOf(keys);
            keyFields = List.copyOf(keyFields);
        }

        boolean all() {
            return keys.isEmpty();
        }
    }

    /**
     * An ORDER whose only consumer is the next LIMIT (Pig's top-N idiom) or STORE: it becomes part
     * of that statement's query instead of a view of its own.
     */
    record Ordered(Named input, List<OrderItem> ordering, SourceSpan span) implements Relation {
        public Ordered {
            ordering = List.copyOf(ordering);
        }
    }
}
