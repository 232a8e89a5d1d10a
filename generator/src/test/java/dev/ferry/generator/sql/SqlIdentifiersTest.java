package dev.ferry.generator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A name is written as it is unless Flink's parser would reject it unquoted. */
class SqlIdentifiersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            clicks     | clicks
            percent    | `percent`
            Percent    | `Percent`
            pattern    | `pattern`
            period     | `period`
            qualify    | `qualify`
            json_value | `json_value`
            count      | `count`
            value      | `value`
            name       | name
            a b        | `a b`
            a`b        | `a``b`
            """)
    void quotesOnlyWhatFlinkReservesOrCannotRead(String name, String expected) {
        assertEquals(expected, SqlIdentifiers.quote(name));
    }
}
