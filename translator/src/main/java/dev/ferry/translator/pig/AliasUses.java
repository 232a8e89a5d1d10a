package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which statements read each alias definition, so ORDER can fold into its consumer and unused aliases are reported. */
final class AliasUses {

    private AliasUses() {}

    /** For each assignment's index: how many later statements read that definition of the alias. */
    static Map<Integer, Integer> consumersPerAssignment(List<PigStatement> statements) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) instanceof PigStatement.Assign) {
                counts.put(i, consumers(statements, i).size());
            }
        }
        return counts;
    }

    /** True when the definition at {@code index} is read exactly once, by a LIMIT or a STORE. */
    static boolean onlyConsumerIsLimitOrStore(List<PigStatement> statements, int index) {
        List<PigStatement> readers = consumers(statements, index);
        if (readers.size() != 1) {
            return false;
        }
        PigStatement reader = readers.get(0);
        return reader instanceof PigStatement.Store
                || reader instanceof PigStatement.Assign a && a.relation() instanceof PigRelation.Limit;
    }

    /** True when the definition at {@code index} is read exactly once, by a STORE. */
    static boolean onlyConsumerIsStore(List<PigStatement> statements, int index) {
        List<PigStatement> readers = consumers(statements, index);
        return readers.size() == 1 && readers.get(0) instanceof PigStatement.Store;
    }

    /** The statements that read the definition at {@code index}, up to the alias's next definition. */
    static List<PigStatement> consumers(List<PigStatement> statements, int index) {
        String alias = ((PigStatement.Assign) statements.get(index)).alias();
        List<PigStatement> readers = new ArrayList<>();
        for (int j = index + 1; j < statements.size(); j++) {
            PigStatement s = statements.get(j);
            if (inputs(s).contains(alias)) {
                readers.add(s);
            }
            if (s instanceof PigStatement.Assign a && a.alias().equals(alias)) {
                break;
            }
        }
        return readers;
    }

    static List<String> inputs(PigStatement statement) {
        if (statement instanceof PigStatement.Store store) {
            return List.of(store.alias());
        }
        if (!(statement instanceof PigStatement.Assign assign)) {
            return List.of();
        }
        return assign.relation().inputs();
    }
}
