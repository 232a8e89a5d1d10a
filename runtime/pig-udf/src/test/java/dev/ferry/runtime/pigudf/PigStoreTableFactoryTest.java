package dev.ferry.runtime.pigudf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pig-store connector's options: what it refuses when the job is planned, with the option named. */
class PigStoreTableFactoryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            'store-function' = 'BinStorage(x)', 'field-types' = 'chararray,int'                 | a quoted argument expected
            'store-function' = 'no such', 'field-types' = 'chararray,int'                       | not a class name: 'no such'
            'store-function' = 'BinStorage', 'field-types' = 'chararray'                        | 'field-types' names 1 types for 2 columns
            'store-function' = 'BinStorage', 'field-types' = 'chararray,set'                    | 'set' is not a field type
            'store-function' = 'BinStorage', 'field-types' = 'chararray,bag'                    | column n is INTEGER, which does not hold a Pig bag
            'store-function' = 'BinStorage', 'field-types' = 'int,int'                          | column u is VARCHAR, which does not hold a Pig int
            'store-function' = 'BinStorage', 'field-types' = 'chararray,int', 'task' = 'shuffle' | 'task' = 'shuffle': 'map' or 'reduce' expected
            """)
    void badOptionsFailThePlanNamingTheOption(String options, String message) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TEMPORARY TABLE s (u STRING, n INT) WITH ('connector' = 'pig-store', 'path' = '/tmp/x', "
                + options + ")");
        Exception e = assertThrows(
                Exception.class,
                () -> env.executeSql("INSERT INTO s VALUES ('a', 1)").await());
        String text = ExceptionUtils.stringifyException(e);
        assertTrue(text.contains(message), text);
    }
}
