package dev.ferry.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An alias named twice in a CROSS ({@code CROSS items, items}, found in public scripts) is one input in Pig's plan:
 * Pig 0.18 gives the alias's rows once each, as {@code items::} fields, not their pairs (a JOIN or a UNION of one
 * alias twice it refuses: PigToSqlDiagnosticsTest). Each row runs in real Pig and in Flink on the same input: nulls,
 * a duplicate row, unicode.
 */
class PigCrossOfItselfDifferentialTest extends DifferentialTest {

    private static final String INPUT = "1\tmilk\n2\t\n\tzoë\n1\tmilk\n";

    private static final String LOAD = "items = LOAD '$INPUT' AS (id:int, name:chararray);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CROSS a, a is a's rows once each                       | r = CROSS items, items;
            read by items::name and by position                    | c = CROSS items, items;\\nr = FOREACH c GENERATE items::name, $0;
            CROSS a, b, a is CROSS a, b                            | n = FOREACH items GENERATE name;\\nd = DISTINCT n;\\nr = CROSS items, d, items;
            """)
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        String script = LOAD + body.replace("\\n", "\n") + "\n" + STORE_R;
        assertSameRows(semantic, INPUT, script, false);
    }
}
