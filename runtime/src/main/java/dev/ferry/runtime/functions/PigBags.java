package dev.ferry.runtime.functions;

import org.apache.flink.types.Row;

/** How the library builds Pig bags: an ARRAY of ROWs, one ROW per tuple. */
final class PigBags {

    private PigBags() {}

    /** A bag of one-field tuples, one per value, in order. */
    static Row[] ofValues(Object[] values) {
        Row[] bag = new Row[values.length];
        for (int i = 0; i < values.length; i++) {
            bag[i] = Row.of(values[i]);
        }
        return bag;
    }
}
