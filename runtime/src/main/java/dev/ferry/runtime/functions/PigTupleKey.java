package dev.ferry.runtime.functions;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.types.Row;

/**
 * A tuple as a key of a {@code java.util.HashSet}, hashing as Pig's {@code DefaultTuple} does
 * (17, then {@code 31 * h + field.hashCode()} for every non-null field), so a set of them iterates
 * in the order Pig's set of the same tuples does.
 */
record PigTupleKey(Row tuple) {

    static Set<PigTupleKey> setOf(Row[] bag) {
        Set<PigTupleKey> set = new HashSet<>();
        for (Row tuple : bag) {
            set.add(new PigTupleKey(tuple));
        }
        return set;
    }

    @Override
    public int hashCode() {
        int hash = 17;
        for (int i = 0; tuple != null && i < tuple.getArity(); i++) {
            Object field = tuple.getField(i);
            if (field != null) {
                hash = 31 * hash
                        + (field instanceof Row nested ? new PigTupleKey(nested).hashCode() : field.hashCode());
            }
        }
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PigTupleKey key && Objects.equals(tuple, key.tuple);
    }
}
