package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery;
import dev.ferry.translator.sql.SqlQuery.SelectItem;
import dev.ferry.translator.sql.SqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a FOREACH over a COGROUP reduces to plain SQL. Pig's bags are never built: a FLATTENed input
 * is read row by row and joined to the other flattened inputs on the key (one bag per input, so
 * several FLATTENs give Pig's cross product per key, and a key whose bag is empty gives no row); an
 * aggregate of an input ({@code COUNT(b)}, {@code IsEmpty(b)}) is computed per key in a derived
 * table of that input and joined on the key. Without FLATTEN the groups are the keys of any input:
 * the per-input tables are FULL JOINed. So the anti-join ({@code FILTER BY IsEmpty(b)} then
 * {@code FLATTEN(a)}), semi-join and count-per-side patterns come out as ordinary joins and GROUP BYs.
 */
final class CogroupPlan {

    private final Relation.Cogrouped cogroup;
    private final Map<Relation.Side, Map<String, SqlExpr>> aggregates = new LinkedHashMap<>();
    private final Map<Relation.Side, Names> aggregateNames = new LinkedHashMap<>();
    private final Set<Relation.Side> present = new HashSet<>();
    private final List<Relation.Side> flattened = new ArrayList<>();

    CogroupPlan(Relation.Cogrouped cogroup, Set<String> flattenedBags) {
        this.cogroup = cogroup;
        for (Relation.Side side : cogroup.sides()) {
            if (flattenedBags.contains(side.bagAlias())) {
                flattened.add(side);
            }
            aggregates.put(side, new LinkedHashMap<>());
            Names names = new Names();
            cogroup.keyFields().forEach(f -> names.unique(f.sqlName()));
            names.unique("n");
            aggregateNames.put(side, names);
        }
    }

    Relation.Cogrouped cogroup() {
        return cogroup;
    }

    Relation.Side side(Relation.Named bag) {
        return cogroup.sides().stream()
                .filter(s -> s.input() == bag)
                .findFirst()
                .orElseThrow();
    }

    boolean isFlattened(Relation.Side side) {
        return flattened.contains(side);
    }

    /** The group key: read from the first flattened input, else whichever input has the key. */
    Value key() {
        List<Value.Scalar> keys = new ArrayList<>();
        for (int k = 0; k < cogroup.keyFields().size(); k++) {
            Field field = cogroup.keyFields().get(k);
            SqlExpr sql;
            if (!flattened.isEmpty()) {
                sql = qualify(flattened.get(0).keys().get(k), flattened.get(0).bagAlias());
            } else if (cogroup.sides().size() == 1 || firstHasEveryKey()) {
                sql = new SqlExpr.ColumnRef(derivedName(cogroup.sides().get(0)), field.sqlName());
            } else {
                List<SqlExpr> candidates = cogroup.sides().stream()
                        .filter(s -> s.origin() == null)
                        .<SqlExpr>map(s -> new SqlExpr.ColumnRef(derivedName(s), field.sqlName()))
                        .toList();
                sql = new SqlExpr.Call("COALESCE", candidates);
            }
            keys.add(new Value.Scalar(sql, field.type()));
        }
        return keys.size() == 1 ? keys.get(0) : new Value.KeyTuple(keys, cogroup.keyFields());
    }

    /** An aggregate of one input's bag: computed per key in that input's derived table. */
    Value.Scalar aggregate(Relation.Side side, Value.Scalar aggregate, String baseName) {
        String name = aggregateNames.get(side).unique(baseName);
        aggregates.get(side).put(name, aggregate.sql());
        SqlExpr column = new SqlExpr.ColumnRef(derivedName(side), name);
        // COUNT of an empty bag is 0 in Pig; the other aggregates of an empty bag are null.
        boolean count =
                aggregate.sql() instanceof SqlExpr.Call c && c.function().equals("COUNT")
                        || aggregate.sql() instanceof SqlExpr.Aggregate a
                                && a.function().equals("COUNT");
        if (count && !isFlattened(side)) {
            column = SqlExpr.Call.of(
                    "COALESCE", column, new SqlExpr.Cast(new SqlExpr.Literal(0), SqlType.BIGINT, false));
        }
        return new Value.Scalar(column, aggregate.type());
    }

    /** {@code IsEmpty(bag)}: the input has no row for the key. */
    SqlExpr isEmpty(Relation.Side side) {
        if (isFlattened(side)) {
            return SqlExpr.Literal.FALSE;
        }
        present.add(side);
        SqlExpr n = new SqlExpr.ColumnRef(derivedName(side), "n");
        // A filtered input has rows for keys whose bag is empty: n counts the bag's rows only.
        return side.filter() == null
                ? new SqlExpr.IsNull(n, false)
                : new SqlExpr.Binary(
                        SqlExpr.BinaryOp.OR,
                        new SqlExpr.IsNull(n, false),
                        new SqlExpr.Binary(SqlExpr.BinaryOp.EQ, n, SqlExpr.Literal.number(0)));
    }

    /** FLATTEN(bag): the input's own columns, one row per row of the bag. */
    List<Value.Scalar> flatten(Relation.Side side, Field only) {
        List<Value.Scalar> values = new ArrayList<>();
        for (Field f : side.input().fields()) {
            if (only == null || only == f) {
                values.add(new Value.Scalar(new SqlExpr.ColumnRef(side.bagAlias(), f.sqlName()), f.type()));
            }
        }
        return values;
    }

    /** The FROM clause: flattened inputs joined on the key, then each input's per-key table. */
    SqlQuery.From from(SourceSpan span) {
        for (Relation.Side side : cogroup.sides()) {
            if (side.inner()) {
                isEmpty(side);
            }
        }
        if (flattened.isEmpty()) {
            for (Relation.Side view : cogroup.sides()) {
                if (view.origin() != null
                        && !view.origin().equals(cogroup.sides().get(0).bagAlias())
                        && isRead(view)) {
                    present.add(side(view.origin()));
                }
            }
            SqlQuery.From from = null;
            List<Relation.Side> joined = new ArrayList<>();
            for (Relation.Side side : cogroup.sides()) {
                if (side.origin() != null) {
                    continue; // joined right after its input, below
                }
                if (from != null && firstHasEveryKey() && aggregates.get(side).isEmpty() && !present.contains(side)) {
                    continue; // a GROUP's nested bag nothing reads: its keys are the GROUP's anyway
                }
                SqlQuery.From derived = new SqlQuery.Derived(perKey(side), derivedName(side));
                if (from == null) {
                    from = derived;
                } else {
                    from = new SqlQuery.Join(
                            from,
                            firstHasEveryKey() ? SqlQuery.JoinKind.LEFT : SqlQuery.JoinKind.FULL,
                            derived,
                            keysMatch(joined, side));
                }
                joined.add(side);
                from = joinViewsOf(from, side);
            }
            return from;
        }
        Relation.Side first = flattened.get(0);
        SqlQuery.From from = rows(first);
        for (Relation.Side side : flattened.subList(1, flattened.size())) {
            from = new SqlQuery.Join(
                    from, SqlQuery.JoinKind.INNER, rows(side), keysEqual(first, side, side.keys(), side.bagAlias()));
        }
        for (Relation.Side side : cogroup.sides()) {
            if (!aggregates.get(side).isEmpty() || present.contains(side)) {
                from = new SqlQuery.Join(
                        from,
                        SqlQuery.JoinKind.LEFT,
                        new SqlQuery.Derived(perKey(side), derivedName(side)),
                        keysEqual(first, side, keyColumns(side), derivedName(side)));
            }
        }
        return from;
    }

    /** A flattened input's rows: those of its bag only, where the input has rows that are not ({@code filter}). */
    private static SqlQuery.From rows(Relation.Side side) {
        return side.filter() == null
                ? new SqlQuery.TableRef(side.input().sqlName(), side.bagAlias())
                : new SqlQuery.Derived(
                        SqlQuery.Select.of(
                                        List.of(new SelectItem(new SqlExpr.Star(), null)),
                                        new SqlQuery.TableRef(side.input().sqlName()))
                                .withWhere(side.filter()),
                        side.bagAlias());
    }

    /**
     * The per-key tables of the nested block's views over {@code input}'s groups, LEFT JOINed to it on the key with
     * null keys matching (the view's null key is that input's null group); after a FULL JOIN, only where the input
     * has the key ({@code n}), as another input's null group has a null there too.
     */
    private SqlQuery.From joinViewsOf(SqlQuery.From from, Relation.Side input) {
        SqlQuery.From joined = from;
        for (Relation.Side view : cogroup.sides()) {
            if (input.bagAlias().equals(view.origin()) && isRead(view)) {
                SqlExpr on = null;
                for (Field key : cogroup.keyFields()) {
                    SqlExpr equal = new SqlExpr.Binary(
                            SqlExpr.BinaryOp.IS_NOT_DISTINCT_FROM,
                            new SqlExpr.ColumnRef(derivedName(input), key.sqlName()),
                            new SqlExpr.ColumnRef(derivedName(view), key.sqlName()));
                    on = on == null ? equal : new SqlExpr.Binary(SqlExpr.BinaryOp.AND, on, equal);
                }
                if (input != cogroup.sides().get(0)) {
                    on = new SqlExpr.Binary(
                            SqlExpr.BinaryOp.AND,
                            on,
                            new SqlExpr.IsNull(new SqlExpr.ColumnRef(derivedName(input), "n"), true));
                }
                joined = new SqlQuery.Join(
                        joined, SqlQuery.JoinKind.LEFT, new SqlQuery.Derived(perKey(view), derivedName(view)), on);
            }
        }
        return joined;
    }

    private boolean isRead(Relation.Side side) {
        return !aggregates.get(side).isEmpty() || present.contains(side);
    }

    private Relation.Side side(String bagAlias) {
        return cogroup.sides().stream()
                .filter(s -> s.bagAlias().equals(bagAlias))
                .findFirst()
                .orElseThrow();
    }

    /** INNER inputs must have rows for the key. */
    List<SqlExpr> innerConditions() {
        List<SqlExpr> conditions = new ArrayList<>();
        for (Relation.Side side : cogroup.sides()) {
            if (side.inner() && !isFlattened(side)) {
                conditions.add(new SqlExpr.IsNull(new SqlExpr.ColumnRef(derivedName(side), "n"), true));
            }
        }
        return conditions;
    }

    /**
     * A GROUP read with bags of its nested block (a LIMIT's, a CROSS's): its own bag, the first, has every key the
     * others have, so they join it LEFT and its key is the group's.
     */
    private boolean firstHasEveryKey() {
        return cogroup.nullKeysMatch() && cogroup.sides().size() > 1;
    }

    private String derivedName(Relation.Side side) {
        return isFlattened(side) ? side.bagAlias() + "_per_key" : side.bagAlias();
    }

    /** SELECT key, aggregates[, COUNT(*) AS n] FROM input GROUP BY key. */
    private SqlQuery perKey(Relation.Side side) {
        List<SelectItem> items = new ArrayList<>();
        for (int k = 0; k < side.keys().size(); k++) {
            String name = cogroup.keyFields().get(k).sqlName();
            SqlExpr key = side.keys().get(k);
            items.add(new SelectItem(
                    key, key instanceof SqlExpr.ColumnRef ref && ref.name().equals(name) ? null : name));
        }
        aggregates.get(side).forEach((name, sql) -> items.add(new SelectItem(sql, name)));
        if (present.contains(side)) {
            items.add(new SelectItem(
                    side.filter() == null
                            ? SqlExpr.Call.of("COUNT", new SqlExpr.Star())
                            : new SqlExpr.Aggregate("COUNT", List.of(new SqlExpr.Star()), false, side.filter()),
                    "n"));
        }
        return SqlQuery.Select.of(items, new SqlQuery.TableRef(side.input().sqlName()))
                .withGroupBy(side.keys());
    }

    private List<SqlExpr> keyColumns(Relation.Side side) {
        return cogroup.keyFields().stream()
                .<SqlExpr>map(f -> SqlExpr.ColumnRef.of(f.sqlName()))
                .toList();
    }

    /**
     * first's key = other's key; a GROUP's null keys are one group, COGROUP's never match (but those of one input and
     * its nested block's views do: they are that input's null group).
     */
    private SqlExpr keysEqual(
            Relation.Side first, Relation.Side other, List<SqlExpr> otherKeys, String otherQualifier) {
        boolean nullsMatch = cogroup.nullKeysMatch() || first.group().equals(other.group());
        SqlExpr condition = null;
        for (int k = 0; k < otherKeys.size(); k++) {
            SqlExpr equal = new SqlExpr.Binary(
                    nullsMatch ? SqlExpr.BinaryOp.IS_NOT_DISTINCT_FROM : SqlExpr.BinaryOp.EQ,
                    qualify(first.keys().get(k), first.bagAlias()),
                    qualify(otherKeys.get(k), otherQualifier));
            condition = condition == null ? equal : new SqlExpr.Binary(SqlExpr.BinaryOp.AND, condition, equal);
        }
        return condition == null ? SqlExpr.Literal.TRUE : condition;
    }

    private SqlExpr keysMatch(List<Relation.Side> joined, Relation.Side side) {
        SqlExpr condition = null;
        for (Field key : cogroup.keyFields()) {
            List<SqlExpr> previous = joined.stream()
                    .<SqlExpr>map(s -> new SqlExpr.ColumnRef(derivedName(s), key.sqlName()))
                    .toList();
            SqlExpr left = previous.size() == 1 ? previous.get(0) : new SqlExpr.Call("COALESCE", previous);
            SqlExpr equal = new SqlExpr.Binary(
                    cogroup.nullKeysMatch() ? SqlExpr.BinaryOp.IS_NOT_DISTINCT_FROM : SqlExpr.BinaryOp.EQ,
                    left,
                    new SqlExpr.ColumnRef(derivedName(side), key.sqlName()));
            condition = condition == null ? equal : new SqlExpr.Binary(SqlExpr.BinaryOp.AND, condition, equal);
        }
        return condition;
    }

    /** The expression with its unqualified columns read from {@code qualifier}. */
    static SqlExpr qualify(SqlExpr expr, String qualifier) {
        if (expr instanceof SqlExpr.ColumnRef ref && ref.qualifier() == null) {
            return new SqlExpr.ColumnRef(qualifier, ref.name());
        }
        if (expr instanceof SqlExpr.Call call) {
            return new SqlExpr.Call(
                    call.function(),
                    call.arguments().stream().map(a -> qualify(a, qualifier)).toList());
        }
        if (expr instanceof SqlExpr.Cast cast) {
            return new SqlExpr.Cast(qualify(cast.operand(), qualifier), cast.type(), cast.lenient());
        }
        if (expr instanceof SqlExpr.Binary b) {
            return new SqlExpr.Binary(b.operator(), qualify(b.left(), qualifier), qualify(b.right(), qualifier));
        }
        if (expr instanceof SqlExpr.Unary u) {
            return new SqlExpr.Unary(u.operator(), qualify(u.operand(), qualifier));
        }
        return expr;
    }
}
