package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.translator.sql.SqlJob;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Hadoop task that writes each STORE's files in Pig's MapReduce plan: a reduce after a GROUP, JOIN, ORDER... and
 * what follows it, a map before any and again after a UNION. Hadoop names the files after it (part-r-NNNNN, part-m-NNNNN).
 */
final class StoreTasks {

    /** The STOREs whose rows come out of a reduce (after a GROUP, a JOIN, an ORDER...). */
    private final Set<PigStatement.Store> reduceStores = new HashSet<>();

    /** The aliases an ORDER defines. */
    private final Set<String> orders = new HashSet<>();

    /** Each alias's relation, and whether a PARALLEL clause gives its reduce tasks. */
    private final Map<String, PigStatement.Assign> assigns = new HashMap<>();

    /**
     * Each assignment's inputs, each the assignment that defined the alias at that statement (null for a SPLIT's or a
     * macro's alias): an alias assigned again ({@code x = FILTER x BY ...}) reads its previous definition, not itself.
     * By identity: two statements of the same text are two assignments.
     */
    private final Map<PigStatement.Assign, List<PigStatement.Assign>> inputs = new IdentityHashMap<>();

    /** Each STORE's relation as the alias was defined at the STORE (null for a SPLIT's or a macro's alias). */
    private final Map<PigStatement.Store, PigStatement.Assign> stored = new IdentityHashMap<>();

    /** How many reducing operators (GROUP, JOIN, DISTINCT...) read each alias. */
    private final Map<String, Integer> reducingReaders = new HashMap<>();

    /** Whether the script sets default_parallel (Pig's number of reduce tasks, so of part files). */
    private boolean defaultParallel;

    StoreTasks(List<PigStatement> statements) {
        Map<String, Boolean> reduced = new HashMap<>();
        for (PigStatement statement : statements) {
            if (statement instanceof PigStatement.Command command
                    && command.keyword().equals("SET")
                    && command.argument().startsWith("default_parallel")) {
                defaultParallel = true;
            }
            if (statement instanceof PigStatement.Assign assign) {
                inputs.put(
                        assign,
                        assign.relation().inputs().stream().map(assigns::get).toList());
                assigns.put(assign.alias(), assign);
                if (reduces(assign.relation())) {
                    assign.relation().inputs().forEach(input -> reducingReaders.merge(input, 1, Integer::sum));
                }
                reduced.put(assign.alias(), reduced(assign.relation(), reduced));
                if (assign.relation() instanceof PigRelation.Order) {
                    orders.add(assign.alias());
                } else {
                    orders.remove(assign.alias());
                }
            } else if (statement instanceof PigStatement.Split split) {
                split.branches().forEach(branch -> assigns.remove(branch.alias()));
                if (split.otherwise() != null) {
                    assigns.remove(split.otherwise());
                }
                boolean input = reduced.getOrDefault(split.input(), false);
                split.branches().forEach(branch -> reduced.put(branch.alias(), input));
                if (split.otherwise() != null) {
                    reduced.put(split.otherwise(), input);
                }
            } else if (statement instanceof PigStatement.Store store) {
                stored.put(store, assigns.get(store.alias()));
                if (reduced.getOrDefault(store.alias(), false)) {
                    reduceStores.add(store);
                }
            }
        }
    }

    /** The relation that defines an alias (null for none, or an alias of a SPLIT or a macro). */
    PigRelation relation(String alias) {
        PigStatement.Assign assign = assigns.get(alias);
        return assign == null ? null : assign.relation();
    }

    /**
     * Whether the reduce that writes the alias's rows (the GROUP, DISTINCT... before its FOREACHes and FILTERs) reads an
     * input another GROUP, JOIN, DISTINCT... also reads: Pig's multi-query plan may run both in one job
     * ({@code MultiQueryOptimizer}, depending on their combiners), and where their keys' types differ it writes every
     * key as a tuple ({@code hasSameMapKeyType}), whose bytes sort in another order than one key's.
     */
    boolean mayShareShuffle(String alias) {
        PigStatement.Assign assign = assigns.get(alias);
        while (assign != null
                && (assign.relation() instanceof PigRelation.Filter
                        || assign.relation() instanceof PigRelation.Foreach)) {
            assign = input(assign);
        }
        return assign != null
                && reduces(assign.relation())
                && assign.relation().inputs().stream().anyMatch(i -> reducingReaders.getOrDefault(i, 0) > 1);
    }

    /** The task that writes the STORE's files. */
    SqlJob.PigTask of(PigStatement.Store store) {
        return reduceStores.contains(store) ? SqlJob.PigTask.REDUCE : SqlJob.PigTask.MAP;
    }

    /**
     * Whether the STORE writes an ORDER itself, not what a FILTER, FOREACH or LIMIT makes of it: Pig's {@code
     * SortInfoSetter} gives the store the ORDER's sort keys then (Pig 0.18 gives none after ORDER ... LIMIT either).
     */
    boolean writesOrder(PigStatement.Store store) {
        return orders.contains(store.alias());
    }

    /**
     * The position of the stored field that is the key of the one-input GROUP whose reduce writes the STORE's rows,
     * one row per key ({@code FOREACH g GENERATE group, COUNT(x)}, FILTERs before or after), or -1. Pig's reduce writes
     * those rows in the order its shuffle sorted the keys' bytes; -1 where that order is not the GROUP's alone: a GROUP
     * ALL or of several keys (a tuple), a PARALLEL clause or default_parallel (several part files, the rows by the
     * key's hash), or an input another GROUP, JOIN... also reads (Pig's multi-query plan may run both in one job, its
     * keys then tuples).
     */
    int groupKeyPosition(PigStatement.Store store) {
        PigStatement.Assign assign = stored.get(store);
        while (assign != null && assign.relation() instanceof PigRelation.Filter) {
            assign = input(assign);
        }
        if (defaultParallel || assign == null || !(assign.relation() instanceof PigRelation.Foreach foreach)) {
            return -1;
        }
        PigStatement.Assign grouped = input(assign);
        while (grouped != null && grouped.relation() instanceof PigRelation.Filter) {
            grouped = input(grouped);
        }
        if (grouped == null
                || grouped.parallel() != null
                || !(grouped.relation() instanceof PigRelation.Group group)
                || group.all()
                || group.keys().size() != 1
                || reducingReaders.getOrDefault(group.input(), 0) != 1) {
            return -1;
        }
        for (int i = 0; i < foreach.items().size(); i++) {
            PigExpr expr = foreach.items().get(i).expr();
            if (expr instanceof PigExpr.FieldRef ref
                    && ref.qualifier() == null
                    && ref.name().equals("group")) {
                return i;
            }
            if (expr instanceof PigExpr.Flatten
                    || expr instanceof PigExpr.Star
                    || expr instanceof PigExpr.ColumnRange) {
                return -1; // the fields before the key are not one an item
            }
        }
        return -1;
    }

    /**
     * Whether Pig writes the STORE's rows in several reduce tasks' files the translation does not name: the reduce
     * that writes them (the nearest GROUP, JOIN... through FOREACHes and FILTERs) has PARALLEL, or the script sets
     * default_parallel. Pig writes one part-r file a task then (empty ones too), each row in the task its partitioner
     * picks by the key's hash.
     */
    boolean severalReduceTasks(PigStatement.Store store) {
        if (of(store) != SqlJob.PigTask.REDUCE) {
            return false;
        }
        PigStatement.Assign assign = stored.get(store);
        while (assign != null
                && !reduces(assign.relation())
                && assign.relation().inputs().size() == 1) {
            assign = input(assign);
        }
        return defaultParallel || assign != null && reduces(assign.relation()) && assign.parallel() != null;
    }

    /** The assignment that defined the first input of an assignment at its statement, or null. */
    private PigStatement.Assign input(PigStatement.Assign assign) {
        List<PigStatement.Assign> defined = inputs.get(assign);
        return defined == null || defined.isEmpty() ? null : defined.get(0);
    }

    /** Whether the operator's rows go through Pig's shuffle (a reduce reads them). */
    private static boolean reduces(PigRelation relation) {
        return relation instanceof PigRelation.Group
                || relation instanceof PigRelation.Cogroup
                || relation instanceof PigRelation.Join join
                        && !Set.of("replicated", "merge", "merge-sparse").contains(String.valueOf(join.strategy()))
                || relation instanceof PigRelation.Cross
                || relation instanceof PigRelation.Order
                || relation instanceof PigRelation.Limit
                || relation instanceof PigRelation.Distinct
                || relation instanceof PigRelation.Rank
                || relation instanceof PigRelation.Cube;
    }

    /**
     * Whether Pig's MapReduce plan ({@code MRCompiler}) runs what follows the operator in a reduce: after a GROUP,
     * COGROUP, JOIN, CROSS, ORDER, LIMIT, DISTINCT, RANK, CUBE or MAPREDUCE; not after a UNION of several inputs, which
     * starts a new job's map when an input was reduced ({@code merge}); a replicated or merge JOIN runs where its
     * first (fragment) input runs ({@code visitFRJoin}), anything else where its input runs (a FILTER or FOREACH after
     * a GROUP stays in its reduce).
     *
     * @param reduced whether each alias so far comes out of a reduce
     */
    private static boolean reduced(PigRelation relation, Map<String, Boolean> reduced) {
        if (relation instanceof PigRelation.Join join
                && Set.of("replicated", "merge", "merge-sparse").contains(String.valueOf(join.strategy()))) {
            return reduced.getOrDefault(join.inputs().get(0), false);
        }
        if (relation instanceof PigRelation.Union union && union.inputs().size() > 1) {
            return false;
        }
        return relation instanceof PigRelation.Group
                || relation instanceof PigRelation.Cogroup
                || relation instanceof PigRelation.Join
                || relation instanceof PigRelation.Cross
                || relation instanceof PigRelation.Order
                || relation instanceof PigRelation.Limit
                || relation instanceof PigRelation.Distinct
                || relation instanceof PigRelation.Rank
                || relation instanceof PigRelation.Cube
                || relation instanceof PigRelation.MapReduce
                || relation.inputs().stream().anyMatch(input -> reduced.getOrDefault(input, false));
    }
}
