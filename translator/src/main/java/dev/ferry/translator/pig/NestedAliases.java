package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A nested block's alias assigned twice ({@code top = ORDER b BY x; top = LIMIT top 10;}): Pig reads each use of the
 * alias as its latest assignment before that use, so the block is given a name per assignment ({@code top},
 * {@code top_2}) and every later use reads the newer one, which the rest of the translation can take alias by alias.
 */
final class NestedAliases {

    private NestedAliases() {}

    /** The block with one alias per assignment; the block itself when no alias is assigned twice. */
    static PigRelation.NestedForeach unique(PigRelation.NestedForeach block) {
        Set<String> taken = new HashSet<>();
        block.commands().forEach(command -> taken.add(command.alias()));
        Map<String, String> current = new HashMap<>();
        List<PigRelation.NestedCommand> commands = new ArrayList<>();
        boolean renamed = false;
        for (PigRelation.NestedCommand command : block.commands()) {
            PigRelation.NestedOp op = rename(command.op(), current);
            String alias = command.alias();
            if (current.containsKey(alias)) {
                int n = 2;
                while (taken.contains(alias + "_" + n)) {
                    n++;
                }
                String fresh = alias + "_" + n;
                taken.add(fresh);
                current.put(alias, fresh);
                alias = fresh;
                renamed = true;
            } else {
                current.put(alias, alias);
            }
            commands.add(new PigRelation.NestedCommand(alias, op, command.span()));
        }
        if (!renamed) {
            return block;
        }
        List<PigRelation.GenerateItem> items = block.items().stream()
                .map(item -> new PigRelation.GenerateItem(rename(item.expr(), current), item.names(), item.span()))
                .toList();
        return new PigRelation.NestedForeach(block.input(), commands, items, block.span());
    }

    /** The command with each bare name of an alias the block assigned read as that alias's current name. */
    static PigRelation.NestedOp rename(PigRelation.NestedOp op, Map<String, String> aliases) {
        if (op instanceof PigRelation.NestedOp.Assign assign) {
            return new PigRelation.NestedOp.Assign(rename(assign.expr(), aliases));
        }
        if (op instanceof PigRelation.NestedOp.Filter filter) {
            return new PigRelation.NestedOp.Filter(rename(filter.input(), aliases), filter.condition());
        }
        if (op instanceof PigRelation.NestedOp.Order order) {
            return new PigRelation.NestedOp.Order(rename(order.input(), aliases), order.keys(), order.comparator());
        }
        if (op instanceof PigRelation.NestedOp.Distinct distinct) {
            return new PigRelation.NestedOp.Distinct(rename(distinct.input(), aliases));
        }
        if (op instanceof PigRelation.NestedOp.Limit limit) {
            return new PigRelation.NestedOp.Limit(rename(limit.input(), aliases), limit.count());
        }
        if (op instanceof PigRelation.NestedOp.Cross cross) {
            return new PigRelation.NestedOp.Cross(renameAll(cross.inputs(), aliases));
        }
        if (op instanceof PigRelation.NestedOp.Foreach foreach) {
            return new PigRelation.NestedOp.Foreach(rename(foreach.input(), aliases), foreach.items());
        }
        return op;
    }

    /** The expression with each bare name of an alias the block assigned read as that alias's current name. */
    static PigExpr rename(PigExpr expr, Map<String, String> aliases) {
        if (expr instanceof PigExpr.FieldRef ref) {
            String name = ref.qualifier() == null ? aliases.get(ref.name()) : null;
            return name == null || name.equals(ref.name()) ? ref : new PigExpr.FieldRef(null, name, ref.span());
        }
        if (expr instanceof PigExpr.Dereference d) {
            return new PigExpr.Dereference(rename(d.base(), aliases), d.field(), d.span());
        }
        if (expr instanceof PigExpr.Projection p) {
            return new PigExpr.Projection(rename(p.base(), aliases), p.columns(), p.span());
        }
        if (expr instanceof PigExpr.MapLookup m) {
            return new PigExpr.MapLookup(rename(m.base(), aliases), m.key(), m.span());
        }
        if (expr instanceof PigExpr.Call c) {
            return new PigExpr.Call(c.function(), renameAll(c.arguments(), aliases), c.span());
        }
        if (expr instanceof PigExpr.Invoke i) {
            return new PigExpr.Invoke(
                    rename(i.target(), aliases), i.owner(), i.method(), renameAll(i.arguments(), aliases), i.span());
        }
        if (expr instanceof PigExpr.Cast c) {
            return new PigExpr.Cast(c.type(), c.schema(), rename(c.expr(), aliases), c.span());
        }
        if (expr instanceof PigExpr.Binary b) {
            return new PigExpr.Binary(b.op(), rename(b.left(), aliases), rename(b.right(), aliases), b.span());
        }
        if (expr instanceof PigExpr.Negate n) {
            return new PigExpr.Negate(rename(n.expr(), aliases), n.span());
        }
        if (expr instanceof PigExpr.Not n) {
            return new PigExpr.Not(rename(n.expr(), aliases), n.span());
        }
        if (expr instanceof PigExpr.IsNull n) {
            return new PigExpr.IsNull(rename(n.expr(), aliases), n.negated(), n.span());
        }
        if (expr instanceof PigExpr.Matches m) {
            return new PigExpr.Matches(rename(m.expr(), aliases), rename(m.pattern(), aliases), m.span());
        }
        if (expr instanceof PigExpr.In in) {
            return new PigExpr.In(rename(in.expr(), aliases), renameAll(in.values(), aliases), in.span());
        }
        if (expr instanceof PigExpr.Bincond b) {
            return new PigExpr.Bincond(
                    rename(b.condition(), aliases),
                    rename(b.whenTrue(), aliases),
                    rename(b.whenFalse(), aliases),
                    b.span());
        }
        if (expr instanceof PigExpr.Case c) {
            return new PigExpr.Case(
                    c.subject() == null ? null : rename(c.subject(), aliases),
                    c.branches().stream()
                            .map(w -> new PigExpr.When(rename(w.test(), aliases), rename(w.result(), aliases)))
                            .toList(),
                    c.otherwise() == null ? null : rename(c.otherwise(), aliases),
                    c.span());
        }
        if (expr instanceof PigExpr.TupleExpr t) {
            return new PigExpr.TupleExpr(renameAll(t.items(), aliases), t.span());
        }
        if (expr instanceof PigExpr.BagExpr b) {
            return new PigExpr.BagExpr(renameAll(b.items(), aliases), b.span());
        }
        if (expr instanceof PigExpr.MapExpr m) {
            return new PigExpr.MapExpr(renameAll(m.keysAndValues(), aliases), m.span());
        }
        if (expr instanceof PigExpr.Flatten f) {
            return new PigExpr.Flatten(rename(f.expr(), aliases), f.span());
        }
        return expr;
    }

    private static List<PigExpr> renameAll(List<PigExpr> exprs, Map<String, String> aliases) {
        return exprs.stream().map(e -> rename(e, aliases)).toList();
    }
}
