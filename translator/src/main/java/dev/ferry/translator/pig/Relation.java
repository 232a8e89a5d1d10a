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
     *
     * @param bagFilter null, or the condition the bag's rows meet among the input's rows (a nested FILTER
     *     whose LIMIT keeps a row of every group, so that a group whose bag is empty still has its row)
     * @param ordering null, or the sort of the bag's tuples over the input's columns (the top N of a nested ORDER
     *     then LIMIT: Pig's bag keeps the ORDER's order, read whole it is sorted)
     */
    record Grouped(
            Named input,
            String bagAlias,
            List<SqlExpr> keys,
            List<Field> keyFields,
            SourceSpan span,
            SqlExpr bagFilter,
            List<OrderItem> ordering)
            implements Relation {
        public Grouped {
            keys = List.copyOf(keys);
            keyFields = List.copyOf(keyFields);
            ordering = ordering == null ? null : List.copyOf(ordering);
        }

        Grouped(
                Named input,
                String bagAlias,
                List<SqlExpr> keys,
                List<Field> keyFields,
                SourceSpan span,
                SqlExpr bagFilter) {
            this(input, bagAlias, keys, keyFields, span, bagFilter, null);
        }

        Grouped(Named input, String bagAlias, List<SqlExpr> keys, List<Field> keyFields, SourceSpan span) {
            this(input, bagAlias, keys, keyFields, span, null, null);
        }

        /** The GROUP's bag as a value. */
        Value.Bag bag() {
            return new Value.Bag(input, null, bagFilter, false, null, ordering);
        }

        boolean all() {
            return keys.isEmpty();
        }
    }

    /**
     * The result of COGROUP (or of a GROUP whose bag is flattened or tested for emptiness): a key and one
     * bag per input. It lives until the FOREACH that reads it, which joins the inputs (FLATTEN) and
     * their per-key aggregates on the key.
     *
     * @param nullKeysMatch true for a one-input GROUP, whose null keys form one group; COGROUP keeps
     *     each input's null keys apart, as SQL's {@code =} does
     * @param filters FILTER conditions applied to the groups before the FOREACH, in its scope
     */
    record Cogrouped(
            List<Side> sides,
            List<Field> keyFields,
            boolean nullKeysMatch,
            List<dev.ferry.parser.pig.PigExpr> filters,
            List<SourceSpan> spans)
            implements Relation {
        public Cogrouped {
            sides = List.copyOf(sides);
            keyFields = List.copyOf(keyFields);
            filters = List.copyOf(filters);
            spans = List.copyOf(spans);
        }

        Cogrouped filtered(dev.ferry.parser.pig.PigExpr condition, SourceSpan span) {
            List<dev.ferry.parser.pig.PigExpr> all = new java.util.ArrayList<>(filters);
            all.add(condition);
            List<SourceSpan> allSpans = new java.util.ArrayList<>(spans);
            allSpans.add(span);
            return new Cogrouped(sides, keyFields, nullKeysMatch, all, allSpans);
        }
    }

    /**
     * One input of a COGROUP: its bag's name, rows, key expressions (over its columns) and INNER flag.
     *
     * @param origin null for an input; for the view of a nested block's bag over a COGROUP (a CROSS, a DISTINCT),
     *     the bag alias of the input whose groups its rows belong to: it has a row only where that input has the key,
     *     and its null key is that input's null group (COGROUP keeps each input's null keys apart)
     * @param filter null, or the condition the bag's rows meet among the input's rows (a GROUP's {@code bagFilter}:
     *     the input has a row for every key, the bag only those that pass)
     * @param ordering null, or the sort of the bag's tuples over the input's columns (a nested ORDER then LIMIT's
     *     view: Pig's bag keeps the ORDER's order)
     */
    record Side(
            String bagAlias,
            Named input,
            List<SqlExpr> keys,
            boolean inner,
            String origin,
            SqlExpr filter,
            List<OrderItem> ordering) {
        public Side {
            keys = List.copyOf(keys);
            ordering = ordering == null ? null : List.copyOf(ordering);
        }

        Side(String bagAlias, Named input, List<SqlExpr> keys, boolean inner, String origin, SqlExpr filter) {
            this(bagAlias, input, keys, inner, origin, filter, null);
        }

        Side(String bagAlias, Named input, List<SqlExpr> keys, boolean inner, String origin) {
            this(bagAlias, input, keys, inner, origin, null, null);
        }

        Side(String bagAlias, Named input, List<SqlExpr> keys, boolean inner) {
            this(bagAlias, input, keys, inner, null, null, null);
        }

        /** The side's bag as a value. */
        Value.Bag bag() {
            return new Value.Bag(input, null, filter, false, null, ordering);
        }

        /** The input whose groups the rows belong to: its own bag alias for an input. */
        String group() {
            return origin != null ? origin : bagAlias;
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
