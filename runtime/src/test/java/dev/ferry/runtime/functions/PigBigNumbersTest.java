package dev.ferry.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pig's biginteger and bigdecimal on their text. Expected values are what Pig 0.18 printed for the same expressions
 * in local mode (the cli's PigBigNumbersDifferentialTest runs them against Pig end to end).
 */
class PigBigNumbersTest {

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            BIGDECIMAL | DIVIDE   | 1.50      | 3      | 0.500000
            BIGDECIMAL | DIVIDE   | 1E+3      | 3      | 333.333333
            BIGDECIMAL | DIVIDE   | 2.5E-7    | 3      | 8.33E-8
            BIGDECIMAL | DIVIDE   | 0.000     | 3      | 0.000000
            BIGDECIMAL | DIVIDE   | 10        | 4      | 2.500000
            BIGDECIMAL | DIVIDE   | 1.50      | 0      | null
            BIGDECIMAL | ADD      | 1.50      | 1      | 2.50
            BIGDECIMAL | ADD      | 0.000     | 1.5    | 1.500
            BIGDECIMAL | MULTIPLY | 1.50      | 1.50   | 2.2500
            BIGDECIMAL | MULTIPLY | 1E+3      | 1E+3   | 1E+6
            BIGINTEGER | DIVIDE   | -13       | 2      | -6
            BIGINTEGER | DIVIDE   | 7         | 0      | null
            BIGINTEGER | MODULO   | -13       | 5      | 2
            BIGINTEGER | MODULO   | -7        | 5      | 3
            BIGINTEGER | SUBTRACT | 1         | 99     | -98
            """)
    void arithmeticPrintsAsPig(String kind, String operator, String a, String b, String expected) {
        assertEquals(
                expected,
                new PigBigNumbers.Arithmetic(PigBigNumbers.Kind.valueOf(kind), PigBigNumbers.Operator.valueOf(operator))
                        .eval(a, b));
    }

    @Test
    void aZeroDivisorWithAScaleIsNoZeroForPigsDivideAndFailsTheJob() {
        PigBigNumbers.Arithmetic divide =
                new PigBigNumbers.Arithmetic(PigBigNumbers.Kind.BIGDECIMAL, PigBigNumbers.Operator.DIVIDE);
        assertThrows(ArithmeticException.class, () -> divide.eval("1", "0.0"));
    }

    @Test
    void castsAsPigsPoCast() {
        PigBigNumbers.Cast toInteger = new PigBigNumbers.Cast(PigBigNumbers.Kind.BIGINTEGER);
        PigBigNumbers.Cast toDecimal = new PigBigNumbers.Cast(PigBigNumbers.Kind.BIGDECIMAL);
        assertEquals("1E+3", toDecimal.eval("1e3"));
        assertEquals("0.000", toDecimal.eval("-0.000"));
        assertEquals("0.10000000149011612", toDecimal.eval(0.1f));
        assertEquals("2", toInteger.eval(2.7));
        assertNull(toInteger.eval(""));
        assertThrows(NumberFormatException.class, () -> toInteger.eval("3.0"));
        assertThrows(NumberFormatException.class, () -> toDecimal.eval(" 1.5"));
        assertEquals("1000", new PigBigNumbers.DecimalToInteger().eval("1E+3"));
        assertEquals(2123804658, new PigBigNumbers.ToInt().eval("12345678901234567890123456789012345678901234"));
    }

    @Test
    void sortKeysSortAsTheNumbersAndAreEqualForEqualNumbers() {
        List<String> values = List.of(
                "-1E+1",
                "-1.5",
                "-1",
                "-0.5",
                "-2.5E-7",
                "0.000",
                "0",
                "2.5E-7",
                "0.1",
                "1",
                "1.5",
                "1.50",
                "2",
                "1E+3",
                "12345678901234567890.12",
                "1E+400",
                "-1E+400",
                "-12",
                "-120",
                "-1.20",
                "1E-400");
        List<String> byValue =
                values.stream().sorted(Comparator.comparing(BigDecimal::new)).toList();
        PigBigNumbers.SortKey key = new PigBigNumbers.SortKey();
        List<String> byKey =
                values.stream().sorted(Comparator.comparing(key::eval)).toList();
        for (int i = 0; i < values.size(); i++) {
            assertEquals(
                    0,
                    new BigDecimal(byValue.get(i)).compareTo(new BigDecimal(byKey.get(i))),
                    "position " + i + ": " + byKey);
        }
        assertEquals(key.eval("1.5"), key.eval("1.50"));
        assertEquals(key.eval("-0.000"), key.eval("0"));
    }
}
