package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two FLATTENs of one bag of a GROUP or COGROUP in one GENERATE ({@code FLATTEN(rows.x), FLATTEN(rows.y)}): Pig's
 * POForEach gives the cross product of the flattened bags, each read on its own, so n tuples give n x n rows per group
 * (and an empty bag none). Each FLATTEN after the first reads a copy of the input of its own ({@code rows_2}), joined
 * to the first on the key with the input's null keys matching (they are one group of that input), as a FLATTEN of
 * another bag is.
 */
final class RepeatedFlattens {

    private RepeatedFlattens() {}

    /** The FOREACH and its COGROUP with a copy of the bag per repeated FLATTEN; both as they are when none repeats. */
    record Copies(PigRelation.Foreach foreach, Relation.Cogrouped cogrouped) {}

    static Copies of(PigRelation.Foreach foreach, Relation.Cogrouped cogrouped) {
        Set<String> flattened = new HashSet<>();
        Set<String> taken = new HashSet<>();
        cogrouped.sides().forEach(side -> taken.add(side.bagAlias()));
        List<Relation.Side> sides = new ArrayList<>(cogrouped.sides());
        List<PigRelation.GenerateItem> items = new ArrayList<>();
        for (PigRelation.GenerateItem item : foreach.items()) {
            Relation.Side side =
                    item.expr() instanceof PigExpr.Flatten flatten ? flattenedSide(flatten, cogrouped) : null;
            if (side == null || flattened.add(side.bagAlias())) {
                items.add(item);
                continue;
            }
            int n = 2;
            while (taken.contains(side.bagAlias() + "_" + n)) {
                n++;
            }
            String copy = side.bagAlias() + "_" + n;
            taken.add(copy);
            // A Named of its own: the plan finds a bag's side by its input's identity.
            sides.add(new Relation.Side(
                    copy,
                    new Relation.Named(side.input().sqlName(), side.input().fields()),
                    side.keys(),
                    false,
                    side.group(),
                    side.filter()));
            items.add(new PigRelation.GenerateItem(
                    NestedAliases.rename(item.expr(), Map.of(side.bagAlias(), copy)), item.names(), item.span()));
        }
        if (sides.size() == cogrouped.sides().size()) {
            return new Copies(foreach, cogrouped);
        }
        return new Copies(
                new PigRelation.Foreach(foreach.input(), items, foreach.span()),
                new Relation.Cogrouped(
                        sides,
                        cogrouped.keyFields(),
                        cogrouped.nullKeysMatch(),
                        cogrouped.filters(),
                        cogrouped.spans()));
    }

    /** The input whose bag {@code FLATTEN(b)}, {@code FLATTEN(b.x)} or {@code FLATTEN(b.(x, y))} reads; else null. */
    private static Relation.Side flattenedSide(PigExpr.Flatten flatten, Relation.Cogrouped cogrouped) {
        PigExpr bag = flatten.expr() instanceof PigExpr.Dereference d
                ? d.base()
                : flatten.expr() instanceof PigExpr.Projection p ? p.base() : flatten.expr();
        if (!(bag instanceof PigExpr.FieldRef ref) || ref.qualifier() != null) {
            return null;
        }
        return cogrouped.sides().stream()
                .filter(side -> side.origin() == null && side.bagAlias().equals(ref.name()))
                .findFirst()
                .orElse(null);
    }
}
