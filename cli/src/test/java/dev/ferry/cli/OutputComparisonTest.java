package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How ferry verify compares outputs: bags as multisets of tuples, at every depth; everything else as written. */
class OutputComparisonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{(b),(a)}|{(a),(b)}",
                "x\t{(2,b),(1,a),(1,a)}\t7|x\t{(1,a),(1,a),(2,b)}\t7",
                "{({(z),(y)},1),({(x)},0)}|{({(x)},0),({(y),(z)},1)}",
                "{}|{}",
                "{(a),([k#v,a#b])}|{([k#v,a#b]),(a)}",
                "({(b),(a)})|({(a),(b)})",
                "{(b),(a)|{(b),(a)",
                "not {a bag)|not {a bag)",
                "(b,a)|(b,a)",
                "[b#1,a#2]|[b#1,a#2]"
            })
    void bagsAreSortedTuplesAndOtherTextStays(String text, String canonical) {
        assertEquals(canonical, OutputComparison.canonicalBags(text));
    }

    @Test
    void linesThatDifferOnlyInBagOrderAgree() {
        assertEquals(
                "",
                OutputComparison.differences(
                        List.of("Paris\t{(ann,3),(bob,)}"), List.of("Paris\t{(bob,),(ann,3)}"), false, "\t"));
        assertEquals("", OutputComparison.multisetDiff(List.of("{(b),(a)}"), List.of("{(a),(b)}"), 10));
    }

    @Test
    void aTupleMissingFromABagStillDiffers() {
        assertEquals(
                "line 1 differs\nPig:   Paris\t{(ann,3),(bob,)}\nFlink: Paris\t{(ann,3)}",
                OutputComparison.differences(
                        List.of("Paris\t{(ann,3),(bob,)}"), List.of("Paris\t{(ann,3)}"), false, "\t"));
        assertEquals("", OutputComparison.differences(List.of("(b,a)"), List.of("(b,a)"), false, "\t"));
        assertEquals(
                "line 1 differs\nPig:   (b,a)\nFlink: (a,b)",
                OutputComparison.differences(List.of("(b,a)"), List.of("(a,b)"), false, "\t"));
    }
}
