package dev.ferry.runtime.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each row: a chararray and what Pig 0.18 cast it to as int, long, float, double, boolean. Recorded
 * from real Pig (local mode): {@code (int)(chararray)raw, ...}. Where it differs from the load casts:
 * no L/F suffixes, and int/long only bound the double fallback from above.
 */
class ChararrayCastsTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            3|3|3|3.0|3.0|null
            3.7|3|3|3.7|3.7|null
            -3.7|-3|-3|-3.7|-3.7|null
            " 3"|3|3|3.0|3.0|null
            "3 "|3|3|3.0|3.0|null
            abc|null|null|null|null|null
            ""|null|null|null|null|null
            1e3|1000|1000|1000.0|1000.0|null
            2147483648|2147483647|2147483648|2.14748365E9|2.147483648E9|null
            2147483647.5|2147483647|2147483647|2.14748365E9|2.1474836475E9|null
            -2147483649|-2147483648|-2147483649|-2.14748365E9|-2.147483649E9|null
            9223372036854775807|null|9223372036854775807|9.223372E18|9.223372036854776E18|null
            9223372036854775808|null|9223372036854775807|9.223372E18|9.223372036854776E18|null
            9.3e18|null|null|9.3E18|9.3E18|null
            -9.3e18|-2147483648|-9223372036854775808|-9.3E18|-9.3E18|null
            NaN|0|0|NaN|NaN|null
            Infinity|null|null|Infinity|Infinity|null
            -Infinity|-2147483648|-9223372036854775808|-Infinity|-Infinity|null
            0x10|null|null|null|null|null
            +5|5|5|5.0|5.0|null
            1L|null|null|null|null|null
            1.5f|1|1|1.5|1.5|null
            1d|1|1|1.0|1.0|null
            TRUE|null|null|null|null|true
            False|null|null|null|null|false
            yes|null|null|null|null|null
            0.1|0|0|0.1|0.1|null
            5.04E7|50400000|50400000|5.04E7|5.04E7|null
            -0|0|0|-0.0|-0.0|null
            .5|0|0|0.5|0.5|null
            """)
    void chararrayCastsMatchPig(
            String text, String asInt, String asLong, String asFloat, String asDouble, String asBoolean) {
        assertEquals(asInt, String.valueOf(ChararrayCasts.toInteger(text)), "int");
        assertEquals(asLong, String.valueOf(ChararrayCasts.toLong(text)), "long");
        assertEquals(asFloat, String.valueOf(ChararrayCasts.toFloat(text)), "float");
        assertEquals(asDouble, String.valueOf(ChararrayCasts.toDouble(text)), "double");
        assertEquals(asBoolean, String.valueOf(ChararrayCasts.toBoolean(text)), "boolean");
    }
}
