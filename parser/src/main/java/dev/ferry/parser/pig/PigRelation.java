package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * The right-hand side of an assignment: one relational operator over named inputs. An inline
 * operator used as an input ({@code FILTER (LOAD 'x') BY ...}) is given its own assignment first,
 * so inputs are always alias names.
 */
public sealed interface PigRelation {

    SourceSpan span();

    /** The aliases this operator reads, in order. */
    List<String> inputs();

    /** An operator over exactly one input relation. */
    sealed interface OneInput extends PigRelation {
        String input();

        @Override
        default List<String> inputs() {
            return List.of(input());
        }
    }

    /** {@code LOAD 'path' USING func AS (schema)}; schema is empty when the script gives none. */
    record Load(String path, FuncSpec function, List<FieldSchema> schema, SourceSpan span) implements PigRelation {
        public Load {
            schema = List.copyOf(schema);
        }

        @Override
        public List<String> inputs() {
            return List.of();
        }
    }

    record Filter(String input, PigExpr condition, SourceSpan span) implements OneInput {}

    /** {@code FOREACH input GENERATE items} without a nested block. */
    record Foreach(String input, List<GenerateItem> items, SourceSpan span) implements OneInput {
        public Foreach {
            items = List.copyOf(items);
        }
    }

    /** {@code FOREACH input { commands; GENERATE items; }}. */
    record NestedForeach(String input, List<NestedCommand> commands, List<GenerateItem> items, SourceSpan span)
            implements OneInput {
        public NestedForeach {
            commands = List.copyOf(commands);
            items = List.copyOf(items);
        }
    }

    /** {@code GROUP input BY key} or {@code GROUP input ALL} (keys empty): one input, no options. */
    record Group(String input, List<PigExpr> keys, boolean all, SourceSpan span) implements OneInput {
        public Group {
            keys = List.copyOf(keys);
        }
    }

    /**
     * {@code COGROUP a BY x INNER, b BY y USING 'merge' PARTITION BY p}: a group with several inputs
     * or with options (strategy 'collected'/'merge', INNER/OUTER, a partitioner); nulls when absent.
     */
    record Cogroup(List<GroupInput> groupInputs, String strategy, String partitioner, SourceSpan span)
            implements PigRelation {
        public Cogroup {
            groupInputs = List.copyOf(groupInputs);
        }

        @Override
        public List<String> inputs() {
            return groupInputs.stream().map(GroupInput::alias).toList();
        }
    }

    /** strategy: 'replicated', 'skewed', 'merge', 'merge-sparse' or null; partitioner null when absent. */
    record Join(List<JoinInput> joinInputs, JoinType type, String strategy, String partitioner, SourceSpan span)
            implements PigRelation {
        public Join {
            joinInputs = List.copyOf(joinInputs);
        }

        @Override
        public List<String> inputs() {
            return joinInputs.stream().map(JoinInput::alias).toList();
        }
    }

    record Cross(List<String> inputs, String partitioner, SourceSpan span) implements PigRelation {
        public Cross {
            inputs = List.copyOf(inputs);
        }
    }

    record Union(List<String> inputs, boolean onSchema, SourceSpan span) implements PigRelation {
        public Union {
            inputs = List.copyOf(inputs);
        }
    }

    /** {@code ORDER input BY keys USING comparator}; a key is {@link PigExpr.Star} for {@code BY *}. */
    record Order(String input, List<OrderKey> keys, FuncSpec comparator, SourceSpan span) implements OneInput {
        public Order {
            keys = List.copyOf(keys);
        }
    }

    record Limit(String input, PigExpr count, SourceSpan span) implements OneInput {}

    record Sample(String input, PigExpr fraction, SourceSpan span) implements OneInput {}

    record Distinct(String input, String partitioner, SourceSpan span) implements OneInput {}

    /** {@code RANK input BY keys DENSE}; keys empty for a plain row number. */
    record Rank(String input, List<OrderKey> keys, boolean dense, SourceSpan span) implements OneInput {
        public Rank {
            keys = List.copyOf(keys);
        }
    }

    /** {@code CUBE input BY CUBE(a, b), ROLLUP(c)}. */
    record Cube(String input, List<CubeDimensions> dimensions, SourceSpan span) implements OneInput {
        public Cube {
            dimensions = List.copyOf(dimensions);
        }
    }

    /** {@code STREAM input THROUGH `cmd`} (command set) or {@code THROUGH alias} (defined set). */
    record Stream(String input, String command, String defined, List<FieldSchema> schema, SourceSpan span)
            implements OneInput {
        public Stream {
            schema = List.copyOf(schema);
        }
    }

    /** {@code MAPREDUCE 'job.jar' ('paths') STORE a INTO 'in' USING f LOAD 'out' AS (...) `args`}. */
    record MapReduce(
            String jar,
            List<String> paths,
            String storedAlias,
            String storePath,
            FuncSpec storeFunction,
            Load load,
            String arguments,
            SourceSpan span)
            implements PigRelation {
        public MapReduce {
            paths = List.copyOf(paths);
        }

        @Override
        public List<String> inputs() {
            return List.of(storedAlias);
        }
    }

    /** {@code B = A;}: a second name for a relation. */
    record Alias(String source, SourceSpan span) implements PigRelation {
        @Override
        public List<String> inputs() {
            return List.of(source);
        }
    }

    /** {@code expr AS name} or {@code expr AS (a, b)} inside GENERATE; names is empty without AS. */
    record GenerateItem(PigExpr expr, List<FieldSchema> names, SourceSpan span) {
        public GenerateItem {
            names = List.copyOf(names);
        }
    }

    record JoinInput(String alias, List<PigExpr> keys, SourceSpan span) {
        public JoinInput {
            keys = List.copyOf(keys);
        }
    }

    /** One input of a COGROUP: keys empty with ALL; inner true for INNER. */
    record GroupInput(String alias, List<PigExpr> keys, boolean all, boolean inner, SourceSpan span) {
        public GroupInput {
            keys = List.copyOf(keys);
        }
    }

    enum JoinType {
        INNER,
        LEFT,
        RIGHT,
        FULL
    }

    record OrderKey(PigExpr expr, boolean descending) {}

    /** {@code CUBE(a, b)} (rollup false) or {@code ROLLUP(a, b)}. */
    record CubeDimensions(boolean rollup, List<PigExpr> keys) {
        public CubeDimensions {
            keys = List.copyOf(keys);
        }
    }

    /** One {@code alias = op;} inside a nested FOREACH block. */
    record NestedCommand(String alias, NestedOp op, SourceSpan span) {}

    /** The operators of a nested block; inputs are expressions over the outer relation's fields. */
    sealed interface NestedOp {
        /** {@code x = expr;} */
        record Assign(PigExpr expr) implements NestedOp {}

        record Filter(PigExpr input, PigExpr condition) implements NestedOp {}

        record Order(PigExpr input, List<OrderKey> keys, FuncSpec comparator) implements NestedOp {
            public Order {
                keys = List.copyOf(keys);
            }
        }

        record Distinct(PigExpr input) implements NestedOp {}

        record Limit(PigExpr input, PigExpr count) implements NestedOp {}

        record Cross(List<PigExpr> inputs) implements NestedOp {
            public Cross {
                inputs = List.copyOf(inputs);
            }
        }

        record Foreach(PigExpr input, List<GenerateItem> items) implements NestedOp {
            public Foreach {
                items = List.copyOf(items);
            }
        }
    }
}
