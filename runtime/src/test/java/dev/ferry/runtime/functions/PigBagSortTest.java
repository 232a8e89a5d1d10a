package dev.ferry.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.flink.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PIG_BAG_SORT against the order Pig 0.18's nested POSort gives (SortComparator over DataType.compare): a null
 * key first ascending and last descending, later keys breaking ties, equal tuples keeping the bag's order.
 */
class PigBagSortTest {

    /** The bag (k, v, s): ties on v, a null v, a null s, two tuples equal on every key. */
    private static final Row[] BAG = {
        Row.of(1, 3, "b"), Row.of(2, null, "z"), Row.of(3, 3, "a"), Row.of(4, 1, null), Row.of(5, 1, null),
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1a     | 2,4,5,1,3
            1d     | 1,3,4,5,2
            1d,2a  | 3,1,4,5,2
            1a,2d  | 2,4,5,1,3
            2a     | 4,5,3,1,2
            2d,1a  | 2,1,3,4,5
            """)
    void sortsAsPigsNestedOrder(String keys, String expectedFirstFields) {
        Row[] sorted = new PigBagSort().eval(BAG, keys);
        assertEquals(
                expectedFirstFields,
                String.join(
                        ",",
                        Arrays.stream(sorted)
                                .map(r -> String.valueOf(r.getField(0)))
                                .toList()));
    }

    @org.junit.jupiter.api.Test
    void aNullBagStaysNull() {
        assertEquals(null, new PigBagSort().eval(null, "0a"));
    }
}
