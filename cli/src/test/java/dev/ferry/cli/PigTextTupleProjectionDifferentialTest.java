package dev.ferry.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code STRSPLIT(s, '-').$1}: field n of a tuple whose width is known per row, null past its last field and for a
 * null string. Each row runs in real Pig 0.18 and in Flink on the same lines: a short date, an empty field, unicode.
 */
class PigTextTupleProjectionDifferentialTest extends DifferentialTest {

    private static final String INPUT = "2015-1-3,milk,bread\n2015-12-1,eggs\n2015,Öl\n,x\n2016-2-29,zoë,milk\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the month of each date, null for a date without one            | r = FOREACH raw GENERATE STRSPLIT($0, '-').$1, $1;
            grouped by the month and counted, the month plus one (as Pig casts it) | m = FOREACH raw GENERATE STRSPLIT($0, '-').$1 AS month, $1 AS p;\\ng = GROUP m BY (month, p);\\nr = FOREACH g GENERATE group.$0, group.$0 + 1, COUNT(m);
            a limit on the pieces, and a field past them                    | r = FOREACH raw GENERATE STRSPLIT($0, '-', 2).$1, STRSPLIT($0, '-', 2).$2;
            """)
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        String script = "raw = LOAD '$INPUT' USING PigStorage(',');\n" + body.replace("\\n", "\n") + "\n" + STORE_R;
        assertSameRows(semantic, INPUT, script, false);
    }
}
