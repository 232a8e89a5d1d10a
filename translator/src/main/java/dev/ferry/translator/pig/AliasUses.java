package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which statements read each alias definition, so ORDER can fold into its consumer and unused aliases are
 * reported. Built in one pass over the script (a statement reads the alias's latest definition before it),
 * so a long script costs time in proportion to its length, not its square.
 */
final class AliasUses {

    /** For each assignment's index, the later statements that read that definition, in script order. */
    private final Map<Integer, List<PigStatement>> readers = new HashMap<>();

    private AliasUses(List<PigStatement> statements) {
        Map<String, Integer> latestDefinition = new HashMap<>();
        for (int j = 0; j < statements.size(); j++) {
            PigStatement s = statements.get(j);
            // A statement naming an alias twice (a self-join) reads its definition once.
            for (String alias : new LinkedHashSet<>(inputs(s))) {
                Integer definition = latestDefinition.get(alias);
                if (definition != null) {
                    readers.get(definition).add(s);
                }
            }
            if (s instanceof PigStatement.Assign a) {
                latestDefinition.put(a.alias(), j);
                readers.put(j, new ArrayList<>());
            }
        }
    }

    static AliasUses of(List<PigStatement> statements) {
        return new AliasUses(statements);
    }

    /** The statements that read the definition at {@code index}, up to the alias's next definition. */
    List<PigStatement> consumers(int index) {
        return readers.getOrDefault(index, List.of());
    }

    /** True when the definition at {@code index} is read exactly once, by a LIMIT or a STORE. */
    boolean onlyConsumerIsLimitOrStore(int index) {
        List<PigStatement> readers = consumers(index);
        if (readers.size() != 1) {
            return false;
        }
        PigStatement reader = readers.get(0);
        return reader instanceof PigStatement.Store
                || reader instanceof PigStatement.Assign a && a.relation() instanceof PigRelation.Limit;
    }

    /** True when the definition at {@code index} is read exactly once, by a RANK without BY (which numbers an ORDER ... LIMIT itself). */
    boolean onlyConsumerIsRankWithoutBy(int index) {
        List<PigStatement> readers = consumers(index);
        return readers.size() == 1
                && readers.get(0) instanceof PigStatement.Assign a
                && a.relation() instanceof PigRelation.Rank rank
                && rank.keys().isEmpty();
    }

    /** True when the definition at {@code index} is read exactly once, by a STORE. */
    boolean onlyConsumerIsStore(int index) {
        List<PigStatement> readers = consumers(index);
        return readers.size() == 1 && readers.get(0) instanceof PigStatement.Store;
    }

    static List<String> inputs(PigStatement statement) {
        if (statement instanceof PigStatement.Store store) {
            return List.of(store.alias());
        }
        if (statement instanceof PigStatement.Assert assertion) {
            return List.of(assertion.input());
        }
        if (!(statement instanceof PigStatement.Assign assign)) {
            return List.of();
        }
        return assign.relation().inputs();
    }
}
