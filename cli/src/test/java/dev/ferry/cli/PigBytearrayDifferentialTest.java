package dev.ferry.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bytearray (a field of a LOAD without types) cast to a number, explicitly or where Pig casts it implicitly: real Pig
 * 0.18 converts the bytes with the loader's caster (Utf8StorageConverter.bytesToInteger...), whose edges differ from
 * a chararray's cast (CastUtils): an int out of range is null, not clamped; a long keeps its trailing 'L'. SIZE of a
 * bytearray counts its bytes (DataByteArray.size), of a chararray its chars. Each row is one column of text values
 * read the same way, with the values at every edge of both casters and a non-ASCII one.
 */
class PigBytearrayDifferentialTest extends DifferentialTest {

    /** The same values for every row: in range, out of range by one, fractions, spaces, suffixes, not numbers. */
    private static final String VALUES = String.join(
            "\n",
            "7",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "2147483647.5",
            "3.7",
            " 3",
            "9223372036854775807",
            "9223372036854775808",
            "9.3e18",
            "12L",
            "1.5f",
            "1e400",
            "NaN",
            "abc",
            "zoë",
            "",
            "");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            (int) of a bytearray                          | (int)$0
            (long) of a bytearray                         | (long)$0
            (float) of a bytearray                        | (float)$0
            (double) of a bytearray                       | (double)$0
            a bytearray plus an int: cast to int          | $0 + 1
            a bytearray plus a long: cast to long         | $0 + 1L
            a bytearray times a double: cast to double    | $0 * 1.0
            (chararray) then (int): the chararray's rules | (int)(chararray)$0
            SIZE of a bytearray: its bytes                | SIZE($0)
            SIZE of a chararray: its chars                | SIZE((chararray)$0)
            """)
    void valuesAgreeWithPig(String semantic, String expression) throws Exception {
        String script = "raw = LOAD '$INPUT' USING PigStorage('\\t');\n"
                + "r = FOREACH raw GENERATE $0, " + expression + ";\n"
                + STORE_R;
        assertSameRows(semantic, VALUES + "\n", script, false);
    }
}
