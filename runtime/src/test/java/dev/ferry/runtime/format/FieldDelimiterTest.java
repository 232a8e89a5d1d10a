package dev.ferry.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.flink.table.api.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The option value → the delimiter byte, as StorageUtil.parseFieldDel reads PigStorage's argument. */
class FieldDelimiterTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            ,|44
            "\t"|9
            \\t|9
            \\x01|1
            \\x2C|44
            \\u0001|1
            \\u44|44
            \u0001|1
            ;|59
            "'|'"|124
            \\|92
            """)
    void parsesLikePig(String option, int expected) {
        assertEquals((byte) expected, FieldDelimiter.parse(option));
    }

    @Test
    void defaultIsTab() {
        assertEquals((byte) '\t', FieldDelimiter.parse(FieldDelimiter.DEFAULT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ab
            \\n
            \\u002C
            \\x
            ""
            """)
    void rejectsWhatPigRejects(String option) {
        assertThrows(ValidationException.class, () -> FieldDelimiter.parse(option == null ? "" : option));
    }
}
