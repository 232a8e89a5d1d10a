package dev.ferry.generator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The partition commit policy's constructor arguments as one Flink list option: each element as written unless
 * Flink's splitter would cut, trim or unquote it (the cli's FlinkListRoundTripTest parses them back with Flink).
 */
class FlinkListTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            thrift://ms:9083 ~ default ~ clicks                   | thrift://ms:9083;default;clicks
            thrift://a:1,thrift://b:2 ~ web ~ clicks              | thrift://a:1,thrift://b:2;web;clicks
            thrift://etl:${etl_password}@ms:9083 ~ db ~ t         | thrift://etl:${etl_password}@ms:9083;db;t
            thrift://ms:9083 ~ d;b ~ t                            | thrift://ms:9083;'d;b';t
            thrift://ms:9083 ~ it's ~ "t"                         | thrift://ms:9083;'it''s';'"t"'
            thrift://a:1, thrift://b:2 ~ db ~ t                   | thrift://a:1, thrift://b:2;db;t
            """)
    void quotesOnlyWhatFlinkWouldChange(String elements, String printed) {
        assertEquals(printed, SqlScriptRenderer.flinkList(Arrays.asList(elements.split(" ~ ", -1))));
    }
}
