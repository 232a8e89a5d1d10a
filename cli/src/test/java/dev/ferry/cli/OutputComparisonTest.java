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
    void orderedLinesWhoseSortFieldIsABagAgreeWhateverTheBagsOrder() {
        // RANK of a GROUP: ordered by the rank, every field compared; the bag's tuples come in Pig's shuffle order.
        List<Integer> sortKeys = List.of(0, 1, 2);
        assertEquals(
                "",
                OutputComparison.differences(
                        List.of("1\t0\t{(0,2,Éva),(0,3,),(0,12,)}", "2\t3\t{(3,1,a)}"),
                        List.of("1\t0\t{(0,2,Éva),(0,12,),(0,3,)}", "2\t3\t{(3,1,a)}"),
                        sortKeys,
                        "\t"));
        assertEquals(
                "line 1 is out of order\nPig:   1\t0\t{(0,3,)}\nFlink: 1\t3\t{(3,1,a)}",
                OutputComparison.differences(
                        List.of("1\t0\t{(0,3,)}", "1\t3\t{(3,1,a)}"),
                        List.of("1\t3\t{(3,1,a)}", "1\t0\t{(0,3,)}"),
                        sortKeys,
                        "\t"));
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

    /**
     * LIMIT without ORDER: Pig's rows | Flink's rows | the LIMIT's input (rows separated by ';') | agree. Flink
     * agrees when it keeps as many rows as Pig, each one of the input's, no row more often than the input has it.
     */
    @ParameterizedTest(name = "pig {0}, flink {1}, input {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a;b|a;b|a;b;c;d|true",
                "a;b|c;d|a;b;c;d|true",
                "a;b|d;a|a;b;c;d|true",
                "b|b|a;b;b|true",
                "b;b|a;b|a;b;b|true",
                "x\t2.0|x\t2.0000000000000004|x\t2.0;y\t1.0|true",
                "{(2),(1)}|{(1),(2)}|{(1),(2)};{(3)}|true",
                "a;b|a|a;b;c;d|false",
                "a;b|a;b;c|a;b;c;d|false",
                "a;b|a;e|a;b;c;d|false",
                "a;b|a;a|a;b;c;d|false",
                "a;b|a;b|a|false",
                "x\t2.0|x\t2.1|x\t2.0;y\t1.0|false"
            })
    void aLimitWithoutOrderKeepsSomeRowsOfItsInput(String pig, String flink, String input, boolean agree) {
        String difference = OutputComparison.limitDifferences(rows(pig), rows(flink), rows(input), "\t");
        assertEquals(agree, difference.isEmpty(), difference);
    }

    /**
     * ORDER BY the first field, then LIMIT: Pig's rows | Flink's rows | the ORDERed input | agree. Flink agrees when
     * its rows before the last key Pig kept are Pig's and its rows with that key (as many) are rows of the input.
     */
    @ParameterizedTest(name = "pig {0}, flink {1}, input {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1\ta;2\tb;3\tc|1\ta;2\tb;3\tc|1\ta;2\tb;3\tc;3\td;3\te;4\tf|true",
                "1\ta;2\tb;3\tc|1\ta;2\tb;3\td|1\ta;2\tb;3\tc;3\td;3\te;4\tf|true",
                "1\ta;2\tb;3\tc|3\te;2\tb;1\ta|1\ta;2\tb;3\tc;3\td;3\te;4\tf|false",
                "1\ta;3\tc;3\td|1\ta;3\te;3\tc|1\ta;3\tc;3\td;3\te;4\tf|true",
                "1\ta;3\tc;3\td|1\ta;3\td;3\te|1\ta;3\tc;3\td;3\te;4\tf|true",
                "4\tf;3\tc|4\tf;3\td|4\tf;3\tc;3\td;2\tb|true",
                "1\ta;2\tb;3\tc|1\ta;2\tb;4\tf|1\ta;2\tb;3\tc;3\td;3\te;4\tf|false",
                "1\ta;2\tb;3\tc|1\ta;3\tc;3\td|1\ta;2\tb;3\tc;3\td;3\te;4\tf|false",
                "1\ta;3\tc;3\td|1\ta;3\td;3\td|1\ta;3\tc;3\td;3\te;4\tf|false",
                "1\ta;2\tb|1\ta;2\tb;3\tc|1\ta;2\tb;3\tc;3\td|false",
                "1\ta;2\tb;3\tc|1\ta;2\tb;3\tx|1\ta;2\tb;3\tc;3\td|false"
            })
    void anOrderThenLimitKeepsAnyOfTheRowsTiedAtTheCut(String pig, String flink, String input, boolean agree) {
        String difference =
                OutputComparison.topNDifferences(rows(pig), rows(flink), rows(input), java.util.List.of(0), "\t");
        assertEquals(agree, difference.isEmpty(), difference);
    }

    /**
     * SAMPLE: Flink's row count | input rows | fraction | a row not in the input | agree. The bound is
     * n·p ± 5·sqrt(n·p·(1−p)), at least ± 1: for 1000 rows at 0.1, [53, 147].
     */
    @ParameterizedTest(name = "{0} of {1} at {2}, stray {3} -> {4}")
    @CsvSource({
        "100, 1000, 0.1, false, true",
        "53, 1000, 0.1, false, true",
        "147, 1000, 0.1, false, true",
        "52, 1000, 0.1, false, false",
        "148, 1000, 0.1, false, false",
        "0, 40, 0.01, false, true",
        "1, 40, 0.01, false, true",
        "4, 40, 0.01, false, false",
        "0, 40, 0.0, false, true",
        "1, 40, 0.0, false, true",
        "40, 40, 1.0, false, true",
        "100, 1000, 0.1, true, false",
        "0, 0, 0.5, false, true"
    })
    void aSampleKeepsInputRowsWithinTheBinomialBound(int kept, int inputRows, double p, boolean stray, boolean agree) {
        List<String> input = java.util.stream.IntStream.range(0, inputRows)
                .mapToObj(i -> "row\t" + i)
                .toList();
        List<String> flink = new java.util.ArrayList<>(input.subList(0, kept));
        if (stray) {
            flink.set(0, "row\t-1");
        }
        String difference = OutputComparison.sampleDifferences(flink, input, p, "\t");
        assertEquals(agree, difference.isEmpty(), difference);
    }

    /**
     * RANK of a SAMPLE 0.5: Flink's rows | the SAMPLE's input | agree. The rows without their rank are a sample of the
     * input, the ranks 1..n each once, numbering the kept rows in the input's order (the lines' own order is free).
     */
    @ParameterizedTest(name = "flink {0}, input {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1\ta;2\tc;3\td|a;b;c;d;e;f|true",
                "3\td;1\ta;2\tc|a;b;c;d;e;f|true",
                "1\ta;2\ta;3\tb|a;a;b;c|true",
                "1\tx\t2.0|x\t2.0000000000000004;y\t1.0|true",
                "|a;b|true",
                "1\tc;2\ta;3\td|a;b;c;d;e;f|false",
                "1\ta;3\tc;4\td|a;b;c;d;e;f|false",
                "0\ta;1\tc;2\td|a;b;c;d;e;f|false",
                "1\ta;1\tc|a;b;c;d;e;f|false",
                "1\ta;2\tz|a;b;c;d;e;f|false",
                "1\ta;2\ta|a;b;c;d|false",
                "a;b|a;b;c;d|false"
            })
    void aRankOfASampleNumbersKeptInputRowsInTheirOrder(String flink, String input, boolean agree) {
        String difference = OutputComparison.rankedSampleDifferences(rows(flink), rows(input), 0.5, "\t");
        assertEquals(agree, difference.isEmpty(), difference);
    }

    /**
     * A nested LIMIT 2 without ORDER, GENERATE group, l: Flink's rows | agree. Pig kept {@code 1 {(10),(20)}; 2
     * {(5)}; 3 {}} of the whole bags {@code 1 {(10),(20),(30)}; 2 {(5)}; 3 {}}: Flink agrees with as many tuples of
     * each group, each one of its group's bag.
     */
    @ParameterizedTest(name = "flink {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1\t{(10),(20)};2\t{(5)};3\t{}|true",
                "1\t{(30),(20)};2\t{(5)};3\t{}|true",
                "3\t{};1\t{(30),(10)};2\t{(5)}|true",
                "1\t{(10)};2\t{(5)};3\t{}|false",
                "1\t{(10),(20),(30)};2\t{(5)};3\t{}|false",
                "1\t{(10),(40)};2\t{(5)};3\t{}|false",
                "1\t{(10),(10)};2\t{(5)};3\t{}|false",
                "1\t{(10),(5)};2\t{(20)};3\t{}|false",
                "1\t{(10),(20)};2\t{(5)}|false",
                "1\t{(10),(20)};2\t{(5)};4\t{}|false"
            })
    void aNestedLimitWithoutOrderKeepsAnyTuplesOfEachBag(String flink, boolean agree) {
        String difference = OutputComparison.nestedLimitDifferences(
                rows("1\t{(10),(20)};2\t{(5)};3\t{}"),
                rows(flink),
                rows("1\t{(10),(20),(30)};2\t{(5)};3\t{}"),
                1,
                false,
                List.of(),
                "\t");
        assertEquals(agree, difference.isEmpty(), difference);
    }

    /**
     * A nested ORDER BY qty DESC then LIMIT 1, GENERATE id, city, FLATTEN(first) (id, city, sku, qty): Flink's rows |
     * agree. Of Paris's items a:3, b:3, c:1 Pig kept a; of Lyon's d and e (both qty null) d: a tied item agrees, an
     * item of another key, of no bag or of another row's bag differs. (Quoted: a null last field ends in a tab.)
     */
    @ParameterizedTest(name = "flink {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'1\tParis\ta\t3;2\tLyon\td\t'|true",
                "'1\tParis\tb\t3;2\tLyon\te\t'|true",
                "2\tLyon\te\t;1\tParis\ta\t3|true",
                "'1\tParis\tc\t1;2\tLyon\td\t'|false",
                "'1\tParis\tz\t3;2\tLyon\td\t'|false",
                "1\tParis\ta\t3;2\tLyon\tb\t3|false",
                "1\tParis\ta\t3|false",
                "'1\tParis\ta\t3;1\tParis\tb\t3;2\tLyon\td\t'|false"
            })
    void aNestedOrderThenLimitKeepsAnyTupleTiedAtTheCut(String flink, boolean agree) {
        String difference = OutputComparison.nestedLimitDifferences(
                rows("1\tParis\ta\t3;2\tLyon\td\t"),
                rows(flink),
                rows("1\tParis\ta\t3;1\tParis\tb\t3;1\tParis\tc\t1;2\tLyon\td\t;2\tLyon\te\t"),
                2,
                true,
                List.of(1),
                "\t");
        assertEquals(agree, difference.isEmpty(), difference);
    }

    /**
     * {@code sorted = ORDER visits BY ts DESC; urls = sorted.url; last = LIMIT urls 1; GENERATE group, last}: the
     * kept url is any of the urls tied on the latest ts (ann's x and y at 5; dee's null ts sorts last, DESC). A url
     * below the cut, of another group, a missing or an extra url, a missing or a duplicated row differ.
     */
    @ParameterizedTest(name = "flink {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ann\t{(x)};bob\t{(w)};cy\t{};dee\t{(q)}|true",
                "ann\t{(y)};bob\t{(w)};cy\t{};dee\t{(q)}|true",
                "dee\t{(q)};cy\t{};ann\t{(y)};bob\t{(w)}|true",
                "ann\t{(z)};bob\t{(w)};cy\t{};dee\t{(q)}|false",
                "ann\t{(w)};bob\t{(w)};cy\t{};dee\t{(q)}|false",
                "ann\t{(x),(y)};bob\t{(w)};cy\t{};dee\t{(q)}|false",
                "ann\t{};bob\t{(w)};cy\t{};dee\t{(q)}|false",
                "ann\t{(x)};bob\t{(w)};cy\t{};dee\t{(p)}|false",
                "ann\t{(x)};bob\t{(w)};cy\t{}|false",
                "ann\t{(x)};ann\t{(y)};cy\t{};dee\t{(q)}|false"
            })
    void aLimitOfAProjectedOrderKeepsAnyTupleTiedOnTheKeysAtTheCut(String flink, boolean agree) {
        String difference = OutputComparison.projectedTopNDifferences(
                rows("ann\t{(x)};bob\t{(w)};cy\t{};dee\t{(q)}"),
                rows(flink),
                rows("ann\t{(ann,x,5),(ann,y,5),(ann,z,3)};bob\t{(bob,w,2)};cy\t{};dee\t{(dee,p,),(dee,q,1)}"),
                1,
                List.of(1),
                List.of(2),
                List.of(true),
                1,
                "\t");
        assertEquals(agree, difference.isEmpty(), difference);
    }

    /**
     * {@code best = ORDER A BY delay; best = LIMIT best 2; GENERATE group, best.carrier}: every tuple before the last
     * key kept must be there (UA at 1.5, numbers compared as numbers: 10.0 comes after 9.5), then any of those tied at
     * the cut (AA and DL at 9.5).
     */
    @ParameterizedTest(name = "flink {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SFO\t{(UA),(AA)}\t3|true",
                "SFO\t{(DL),(UA)}\t3|true",
                "SFO\t{(AA),(DL)}\t3|false",
                "SFO\t{(UA),(WN)}\t3|false",
                "SFO\t{(UA),(AA)}\t4|false"
            })
    void aLimitOfAnOrderProjectedInTheGenerateKeepsEveryTupleBeforeTheCut(String flink, boolean agree) {
        String difference = OutputComparison.projectedTopNDifferences(
                rows("SFO\t{(UA),(AA)}\t3"),
                rows(flink),
                rows("SFO\t{(SFO,WN,10.0),(SFO,AA,9.5),(SFO,UA,1.5),(SFO,DL,9.5)}\t3"),
                1,
                List.of(1),
                List.of(2),
                List.of(false),
                2,
                "\t");
        assertEquals(agree, difference.isEmpty(), difference);
    }

    /**
     * {@code T = FOREACH G GENERATE group AS ip, TOP(2, 2, A); F = FOREACH T GENERATE ip, FLATTEN(heaviest)}: a's
     * bytes 9, -4, -4, -7 keep 9 and either -4; b's one row (bytes null) is kept whole. A row below the cut, of another
     * group, a missing, an extra or a duplicated row, a group the input lacks differ.
     */
    @ParameterizedTest(name = "flink {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'a\ta\tx\t9;a\ta\ty\t-4;b\tb\tw\t'|true",
                "'a\ta\tz\t-4;b\tb\tw\t;a\ta\tx\t9'|true",
                "'a\ta\tx\t9;a\ta\tv\t-7;b\tb\tw\t'|false",
                "'a\ta\ty\t-4;a\ta\tz\t-4;b\tb\tw\t'|false",
                "'a\ta\tx\t9;a\tb\tw\t;b\tb\tw\t'|false",
                "'a\ta\tx\t9;b\tb\tw\t'|false",
                "'a\ta\tx\t9;a\ta\ty\t-4;a\ta\tz\t-4;b\tb\tw\t'|false",
                "'a\ta\tx\t9;a\ta\ty\t-4;b\tb\tw\t;b\tb\tw\t'|false",
                "'a\ta\tx\t9;a\ta\ty\t-4;b\tb\tw\t;c\tc\tq\t5'|false"
            })
    void aFlattenedTopKeepsAnyTupleTiedOnItsFieldAtTheCut(String flink, boolean agree) {
        String difference = OutputComparison.flattenedTopNDifferences(
                rows("a\ta\tx\t9;a\ta\ty\t-4;b\tb\tw\t"),
                rows(flink),
                rows("a\ta\tx\t9;a\ta\ty\t-4;a\ta\tz\t-4;a\ta\tv\t-7;b\tb\tw\t"),
                1,
                List.of(2),
                List.of(true),
                2,
                "\t");
        assertEquals(agree, difference.isEmpty(), difference);
    }

    /** The comparison reads Pig's own rows first: rows that are not the whole FOREACH's (a wrong reading) differ. */
    @Test
    void pigsOwnRowsOutsideTheWholeBagsDiffer() {
        assertEquals(
                "Pig's own rows do not read as this nested LIMIT's (the comparison's reading is wrong): Pig wrote a"
                        + " row that is not in the input (or more often than there): 9\tParis\ta\t3",
                OutputComparison.nestedLimitDifferences(
                        List.of("9\tParis\ta\t3"),
                        List.of("9\tParis\ta\t3"),
                        List.of("1\tParis\ta\t3"),
                        2,
                        true,
                        List.of(1),
                        "\t"));
    }

    private static List<String> rows(String text) {
        return text == null ? List.of() : List.of(text.replace("\\t", "\t").split(";"));
    }
}
