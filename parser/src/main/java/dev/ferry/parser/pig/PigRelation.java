package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** The right-hand side of an assignment: one relational operator over named inputs. */
public sealed interface PigRelation {

    SourceSpan span();

    /** {@code LOAD 'path' USING func AS (schema)}; schema is empty when the script gives none. */
    record Load(String path, FuncSpec function, List<FieldSchema> schema, SourceSpan span) implements PigRelation {
        public Load {
            schema = List.copyOf(schema);
        }
    }

    record Filter(String input, PigExpr condition, SourceSpan span) implements PigRelation {}

    record Foreach(String input, List<GenerateItem> items, SourceSpan span) implements PigRelation {
        public Foreach {
            items = List.copyOf(items);
        }
    }

    /** {@code GROUP input BY key} or {@code GROUP input ALL} (keys empty). */
    record Group(String input, List<PigExpr> keys, boolean all, SourceSpan span) implements PigRelation {
        public Group {
            keys = List.copyOf(keys);
        }
    }

    record Join(List<JoinInput> inputs, JoinType type, String strategy, SourceSpan span) implements PigRelation {
        public Join {
            inputs = List.copyOf(inputs);
        }
    }

    record Order(String input, List<OrderKey> keys, SourceSpan span) implements PigRelation {
        public Order {
            keys = List.copyOf(keys);
        }
    }

    record Limit(String input, PigExpr count, SourceSpan span) implements PigRelation {}

    record Distinct(String input, SourceSpan span) implements PigRelation {}

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

    enum JoinType { INNER, LEFT, RIGHT, FULL }

    record OrderKey(PigExpr expr, boolean descending) {}
}
