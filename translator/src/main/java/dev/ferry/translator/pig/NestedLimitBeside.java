package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery;
import java.util.List;

/**
 * A nested LIMIT beside other nested commands, or beside a read of the GROUP's whole bag
 * ({@code FOREACH g { u = DISTINCT a.url; o = ORDER a BY ts DESC; t = LIMIT o 3; GENERATE group, COUNT(u), t; }}):
 * the LIMIT's rows are a view of their own (the top N of each group), and the GENERATE reads two bags per key,
 * the GROUP's and that view's, as it reads a COGROUP of the two: each bag's aggregates computed per key, the
 * bags' per-key tables joined on the key, a key whose LIMIT keeps no row having an empty bag there. The GROUP's
 * null key is one group, in both.
 */
final class NestedLimitBeside {

    private NestedLimitBeside() {}

    /** The GROUP's bag and the LIMIT's view as the two bags of one COGROUP. */
    static Relation.Cogrouped bags(
            Relation.Grouped grouped, String limitAlias, Relation.Named top, List<SqlQuery.OrderItem> ordering) {
        Relation.Side group = groupSide(grouped);
        return new Relation.Cogrouped(
                List.of(group, new Relation.Side(limitAlias, top, group.keys(), false, null, null, ordering)),
                keyFields(grouped),
                true,
                List.of(),
                List.of(grouped.span()));
    }

    /** The GROUP's own bag as a COGROUP's first bag, the one that has every key; GROUP ALL's key is 'all'. */
    static Relation.Side groupSide(Relation.Grouped grouped) {
        List<SqlExpr> keys = grouped.all() ? List.of(SqlExpr.Literal.text("all")) : grouped.keys();
        return new Relation.Side(
                grouped.bagAlias(), grouped.input(), keys, false, null, grouped.bagFilter(), grouped.ordering());
    }

    /** The GROUP's key fields as a COGROUP's: GROUP ALL's is the chararray 'all'. */
    static List<Field> keyFields(Relation.Grouped grouped) {
        return grouped.all() ? List.of(new Field(null, null, "group_key", PigType.CHARARRAY)) : grouped.keyFields();
    }

    /** Whether a GENERATE item reads the bag named {@code bag} (by name or as $1). */
    static boolean reads(List<PigRelation.GenerateItem> items, String bag) {
        return items.stream().anyMatch(item -> reads(item.expr(), bag));
    }

    private static boolean reads(PigExpr expr, String bag) {
        if (expr instanceof PigExpr.FieldRef ref
                        && ref.qualifier() == null
                        && ref.name().equals(bag)
                || expr instanceof PigExpr.PositionalRef p && p.index() == 1) {
            return true;
        }
        return PigExpr.children(expr).stream().anyMatch(child -> reads(child, bag));
    }
}
