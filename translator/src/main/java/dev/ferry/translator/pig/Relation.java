package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery.OrderItem;
import java.util.List;

/** What a Pig alias stands for while translating. */
sealed interface Relation {

    /** A table or view the SQL can select from. */
    record Named(String sqlName, List<Field> fields) implements Relation {
        public Named {
            fields = List.copyOf(fields);
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
     * An ORDER (and the LIMIT after it) whose only consumer is the next LIMIT or STORE: Flink cannot
     * expand a view that has ORDER BY or LIMIT, so they become part of the INSERT instead.
     *
     * @param limit null when there is no LIMIT
     */
    record Ordered(Named input, List<OrderItem> ordering, Long limit, List<SourceSpan> spans) implements Relation {
        public Ordered {
            ordering = List.copyOf(ordering);
            spans = List.copyOf(spans);
        }
    }
}
