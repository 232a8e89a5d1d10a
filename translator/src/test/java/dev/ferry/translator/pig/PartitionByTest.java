package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PARTITION BY on every operator Pig takes it on (GROUP, COGROUP, JOIN, CROSS, DISTINCT) translates without it: a
 * Hadoop partitioner picks reducers, not rows. The user learns it is dropped, by one PIG-W004 naming the class.
 */
class PartitionByTest {

    private static final String LOAD = "a = LOAD 'in' USING PigStorage(',') AS (k:chararray, n:int);\n"
            + "b = LOAD 'in2' USING PigStorage(',') AS (k:chararray, m:int);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = GROUP a BY k PARTITION BY org.example.KeyPartitioner;                | 3:5
            r = COGROUP a BY k, b BY k PARTITION BY org.example.KeyPartitioner;      | 3:5
            r = JOIN a BY k, b BY k PARTITION BY org.example.KeyPartitioner;         | 3:5
            r = JOIN a BY k LEFT OUTER, b BY k PARTITION BY org.example.KeyPartitioner; | 3:5
            r = JOIN a BY k, b BY k USING 'replicated' PARTITION BY org.example.KeyPartitioner; | 3:5
            r = CROSS a, b PARTITION BY org.example.KeyPartitioner;                  | 3:5
            r = DISTINCT a PARTITION BY org.example.KeyPartitioner;                  | 3:5
            g = GROUP a BY k PARTITION BY org.example.KeyPartitioner; r = FOREACH g GENERATE group, SUM(a.n); | 3:5
            """)
    void translatesWithoutThePartitionerAndSaysSo(String statement, String position) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<?> job = PigParser.parse(LOAD + statement + "\nSTORE r INTO 'out';\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics));
        List<String> messages = diagnostics.sorted().stream()
                .map(d -> d.format().lines().findFirst().orElseThrow())
                .toList();
        assertTrue(job.isPresent(), messages::toString);
        assertEquals(
                List.of("t.pig:" + position + ": warning PIG-W004: PARTITION BY org.example.KeyPartitioner is dropped:"
                        + " a Hadoop partitioner only chooses the reducer of each key, the rows are the same without"
                        + " it"),
                messages);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r = GROUP a BY k;
            r = JOIN a BY k, b BY k;
            r = DISTINCT a;
            """)
    void noPartitionerNoWarning(String statement) {
        Diagnostics diagnostics = new Diagnostics();
        PigParser.parse(LOAD + statement + "\nSTORE r INTO 'out';\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .orElseThrow();
        assertEquals(
                List.of(), diagnostics.sorted().stream().map(Diagnostic::format).toList());
    }
}
