package dev.ferry.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.runtime.functions.BuiltinDifferential.Case;
import dev.ferry.runtime.functions.BuiltinDifferential.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Pig builtin of the runtime library against real Pig 0.18, one table per family, over rows
 * with nulls, empty and blank strings, unicode, negative numbers and text that is not a number. Each
 * row of a table is a Pig call and the Flink SQL the translation emits for it (string literals
 * differ: Pig's unescape backslashes, SQL's do not).
 */
class PigBuiltinsDifferentialTest {

    static final String SCHEMA = "id:int, s:chararray, t:chararray, i:int, l:long, d:double, f:float";
    static final String COLUMNS = "id INT, s STRING, t STRING, i INT, l BIGINT, d DOUBLE, f FLOAT";

    static final List<String> ROWS = List.of(
            row("1", "Hello World", "o", "3", "10", "2.5", "1.5"),
            row("2", "", "", "", "", "", ""),
            row("3", "ßtraße ünïcödé 日本 ǅemal", "ß", "-7", "-9999999999", "-2.5", "-0.5"),
            row("4", " \t padded text\t ", " ", "2147483647", "9223372036854775807", "1.0E10", "3.4028235E38"),
            row("5", "a,b,,c,,", ",", "1", "0", "0.125", "2.675"),
            row("6", "(x)*\"y\" z 123-456", "\\", "0", "-1", "-0.0", "0.1"),
            row("7", "2.675", "[", "-1", "7", "1.005", "NaN"),
            row("8", "hello world", "HELLO WORLD", "5", "3", "100.0", "-3.5"));

    /** The rows without a null or NaN field. */
    static final List<String> CLEAN_ROWS = ROWS.stream()
            .filter(r -> !r.startsWith("2\u0001") && !r.startsWith("7\u0001"))
            .toList();

    static final List<Case> STRINGS = List.of(
            new Case("SUBSTRING(s, 1, 4)", "PIG_SUBSTRING(s, 1, 4)"),
            new Case("SUBSTRING(s, i, 5)", "PIG_SUBSTRING(s, i, 5)"),
            new Case("INDEXOF(s, t, 0)", "PIG_INDEXOF(s, t, 0)"),
            new Case("INDEXOF(s, 'o', i)", "PIG_INDEXOF(s, 'o', i)"),
            new Case("LAST_INDEX_OF(s, t)", "PIG_LAST_INDEX_OF(s, t)"),
            new Case("REPLACE(s, 'o', '0')", "PIG_REPLACE(s, 'o', '0')"),
            new Case("REPLACE(s, '([aeiou])', '<$1>')", "PIG_REPLACE(s, '([aeiou])', '<$1>')"),
            new Case("REPLACE(s, t, '_')", "PIG_REPLACE(s, t, '_')"),
            new Case("REGEX_EXTRACT(s, '(\\\\w+)\\\\s(\\\\w+)', 2)", "PIG_REGEX_EXTRACT(s, '(\\w+)\\s(\\w+)', 2)"),
            new Case("REGEX_EXTRACT(s, '([0-9]+)-([0-9]+)', 1)", "PIG_REGEX_EXTRACT(s, '([0-9]+)-([0-9]+)', 1)"),
            new Case("REGEX_EXTRACT(s, 'l(x)?', 1)", "PIG_REGEX_EXTRACT(s, 'l(x)?', 1)"),
            new Case("REGEX_EXTRACT(s, 'l+', 0)", "PIG_REGEX_EXTRACT(s, 'l+', 0)"),
            new Case("REGEX_EXTRACT_ALL(s, '(\\\\S+)\\\\s+(\\\\S+)')", "PIG_REGEX_EXTRACT_ALL(s, '(\\S+)\\s+(\\S+)')"),
            new Case("REGEX_EXTRACT_ALL(s, '([a-z]+) (w)(x)?.*')", "PIG_REGEX_EXTRACT_ALL(s, '([a-z]+) (w)(x)?.*')"),
            new Case("STRSPLIT(s)", "PIG_STRSPLIT(s)"),
            new Case("STRSPLIT(s, ',')", "PIG_STRSPLIT(s, ',')"),
            new Case("STRSPLIT(s, ',', 3)", "PIG_STRSPLIT(s, ',', 3)"),
            new Case("STRSPLIT(s, ',', -1)", "PIG_STRSPLIT(s, ',', -1)"),
            new Case("STRSPLITTOBAG(s, ' ')", "PIG_STRSPLITTOBAG(s, ' ')"),
            new Case("REGEX_SEARCH(s, '([a-z]+)')", "PIG_REGEX_SEARCH(s, '([a-z]+)')"),
            new Case("REGEX_SEARCH(s, '(o.)')", "PIG_REGEX_SEARCH(s, '(o.)')"),
            new Case("TOKENIZE(s)", "PIG_TOKENIZE(s)"),
            new Case("TOKENIZE(s, ',')", "PIG_TOKENIZE(s, ',')"),
            new Case("UCFIRST(s)", "PIG_UCFIRST(s)"),
            new Case("LCFIRST(t)", "PIG_LCFIRST(t)"),
            new Case("STARTSWITH(s, 'He')", "PIG_STARTSWITH(s, 'He')"),
            new Case("ENDSWITH(s, t)", "PIG_ENDSWITH(s, t)"),
            Case.failing("EqualsIgnoreCase(s, t)", "PIG_EQUALSIGNORECASE(s, t)"),
            new Case("TRIM(s)", "PIG_TRIM(s)"),
            new Case("LTRIM(s)", "PIG_LTRIM(s)"),
            new Case("RTRIM(s)", "PIG_RTRIM(s)"),
            new Case("UPPER(s)", "UPPER(s)"),
            new Case("LOWER(t)", "LOWER(t)"),
            new Case("SPRINTF('%s-%05d', s, i)", "PIG_SPRINTF('%s-%05d', s, i)"),
            new Case("SPRINTF('%.3f|%8.2e', d, d)", "PIG_SPRINTF('%.3f|%8.2e', d, d)"),
            new Case("CONCAT(s, t)", "CONCAT(s, t)"),
            new Case("CONCAT(s, '-', t)", "CONCAT(s, '-', t)"));

    static final List<Case> MATH = List.of(
            new Case("ROUND(d)", "PIG_ROUND(d)"),
            new Case("ROUND(f)", "PIG_ROUND(f)"),
            Case.failing("ROUND_TO(d, 2)", "PIG_ROUND_TO(d, 2)"),
            Case.failing("ROUND_TO(f, 2)", "PIG_ROUND_TO(f, 2)"),
            Case.failing("ROUND_TO(d, 0)", "PIG_ROUND_TO(d, 0)"),
            Case.failing("ROUND_TO(d, 2, 4)", "PIG_ROUND_TO(d, 2, 4)"),
            Case.failing("ROUND_TO(d, 1, 1)", "PIG_ROUND_TO(d, 1, 1)"),
            new Case("CEIL(d)", "PIG_CEIL(d)"),
            new Case("CEIL(i)", "PIG_CEIL(i)"),
            new Case("FLOOR(d)", "PIG_FLOOR(d)"),
            new Case("FLOOR(f)", "PIG_FLOOR(f)"),
            Case.failing("ABS(i)", "ABS(i)"),
            Case.failing("ABS(l)", "ABS(l)"),
            Case.failing("ABS(d)", "ABS(d)"),
            Case.failing("ABS(f)", "ABS(f)"),
            new Case("SQRT(d)", "PIG_SQRT(d)"),
            new Case("CBRT(d)", "PIG_CBRT(d)"),
            new Case("LOG(d)", "PIG_LOG(d)"),
            new Case("LOG10(d)", "PIG_LOG10(d)"),
            new Case("EXP(d)", "PIG_EXP(d)"),
            new Case("EXP(i)", "PIG_EXP(i)"),
            new Case("SIN(d)", "PIG_SIN(d)"),
            new Case("COS(f)", "PIG_COS(f)"),
            new Case("TAN(d)", "PIG_TAN(d)"),
            new Case("ASIN(d)", "PIG_ASIN(d)"),
            new Case("ACOS(d)", "PIG_ACOS(d)"),
            new Case("ATAN(l)", "PIG_ATAN(l)"),
            new Case("SINH(d)", "PIG_SINH(d)"),
            new Case("COSH(d)", "PIG_COSH(d)"),
            new Case("TANH(d)", "PIG_TANH(d)"));

    /** s: ISO text (UTC, no offset, other offsets), t: 'yyyy-MM-dd HH:mm' text, l: millis. */
    static final List<String> DATE_ROWS = List.of(
            row("1", "2009-01-07T01:07:01.000Z", "2009-01-07 01:07", "1", "0", "1.0", "1.0"),
            row("2", "", "", "", "", "", ""),
            row("3", "2016-02-29", "2016-02-29 23:59", "2", "1234567890123", "1.0", "1.0"),
            row("4", "1969-12-31T23:59:59.500Z", "1969-12-31 23:59", "3", "-1500", "1.0", "1.0"),
            row("5", "2012-03-25T02:30:00", "2012-03-25 02:30", "4", "1332642600000", "1.0", "1.0"),
            row("6", "2020-12-31T23:59:59.999Z", "2021-01-03 00:00", "5", "1609459199999", "1.0", "1.0"),
            row("7", "2024-03-01T10:00:00+05:00", "2024-03-01 10:00", "6", "1709269200000", "1.0", "1.0"),
            row("8", "2024-12-31T23:30:00.250-09:30", "2024-12-31 23:30", "7", "-1", "1.0", "1.0"));

    static final List<Case> DATETIMES = List.of(
            new Case("ToDate(s)", "PIG_TODATE(s)"),
            new Case("ToDate(l)", "PIG_TODATE(l)"),
            new Case("ToDate(t, 'yyyy-MM-dd HH:mm')", "PIG_TODATE(t, 'yyyy-MM-dd HH:mm')"),
            // printed in the named zone's offset, as Pig's value in that zone
            new Case(
                    "ToDate(t, 'yyyy-MM-dd HH:mm', 'America/New_York')",
                    "PIG_TODATE(t, 'yyyy-MM-dd HH:mm', 'America/New_York')"),
            new Case(
                    "ToMilliSeconds(ToDate(t, 'yyyy-MM-dd HH:mm', 'America/New_York'))",
                    "PIG_TOMILLISECONDS(PIG_TODATE(t, 'yyyy-MM-dd HH:mm', 'America/New_York'))"),
            new Case("ToString(ToDate(s))", "PIG_TOSTRING(PIG_TODATE(s))"),
            new Case(
                    "ToString(ToDate(l), 'EEE, d MMM yyyy HH:mm:ss.SSS')",
                    "PIG_TOSTRING(PIG_TODATE(l), 'EEE, d MMM yyyy HH:mm:ss.SSS')"),
            new Case("ToUnixTime(ToDate(s))", "PIG_TOUNIXTIME(PIG_TODATE(s))"),
            new Case("ToMilliSeconds(ToDate(s))", "PIG_TOMILLISECONDS(PIG_TODATE(s))"),
            new Case("GetYear(ToDate(s))", "PIG_GETYEAR(PIG_TODATE(s))"),
            new Case("GetMonth(ToDate(s))", "PIG_GETMONTH(PIG_TODATE(s))"),
            new Case("GetDay(ToDate(s))", "PIG_GETDAY(PIG_TODATE(s))"),
            new Case("GetHour(ToDate(s))", "PIG_GETHOUR(PIG_TODATE(s))"),
            new Case("GetMinute(ToDate(s))", "PIG_GETMINUTE(PIG_TODATE(s))"),
            new Case("GetSecond(ToDate(s))", "PIG_GETSECOND(PIG_TODATE(s))"),
            new Case("GetMilliSecond(ToDate(s))", "PIG_GETMILLISECOND(PIG_TODATE(s))"),
            new Case("GetWeek(ToDate(t, 'yyyy-MM-dd HH:mm'))", "PIG_GETWEEK(PIG_TODATE(t, 'yyyy-MM-dd HH:mm'))"),
            new Case(
                    "GetWeekYear(ToDate(t, 'yyyy-MM-dd HH:mm'))", "PIG_GETWEEKYEAR(PIG_TODATE(t, 'yyyy-MM-dd HH:mm'))"),
            new Case("YearsBetween(ToDate(s), ToDate(l))", "PIG_YEARSBETWEEN(PIG_TODATE(s), PIG_TODATE(l))"),
            new Case("MonthsBetween(ToDate(s), ToDate(l))", "PIG_MONTHSBETWEEN(PIG_TODATE(s), PIG_TODATE(l))"),
            new Case("WeeksBetween(ToDate(s), ToDate(l))", "PIG_WEEKSBETWEEN(PIG_TODATE(s), PIG_TODATE(l))"),
            new Case("DaysBetween(ToDate(s), ToDate(l))", "PIG_DAYSBETWEEN(PIG_TODATE(s), PIG_TODATE(l))"),
            new Case("HoursBetween(ToDate(s), ToDate(l))", "PIG_HOURSBETWEEN(PIG_TODATE(s), PIG_TODATE(l))"),
            new Case("MinutesBetween(ToDate(l), ToDate(s))", "PIG_MINUTESBETWEEN(PIG_TODATE(l), PIG_TODATE(s))"),
            new Case("SecondsBetween(ToDate(s), ToDate(l))", "PIG_SECONDSBETWEEN(PIG_TODATE(s), PIG_TODATE(l))"),
            new Case(
                    "MilliSecondsBetween(ToDate(s), ToDate(l))",
                    "PIG_MILLISECONDSBETWEEN(PIG_TODATE(s), PIG_TODATE(l))"),
            new Case("AddDuration(ToDate(s), 'P1M2DT3H')", "PIG_ADDDURATION(PIG_TODATE(s), 'P1M2DT3H')"),
            new Case("SubtractDuration(ToDate(s), 'PT36H0.5S')", "PIG_SUBTRACTDURATION(PIG_TODATE(s), 'PT36H0.5S')"));

    static final List<Case> COLLECTIONS = List.of(
            new Case("SIZE(s)", "PIG_SIZE(s)"),
            new Case("SIZE(i)", "PIG_SIZE(i)"),
            new Case("SIZE(d)", "PIG_SIZE(d)"),
            new Case("SIZE(TOKENIZE(s))", "PIG_SIZE(PIG_TOKENIZE(s))"),
            new Case("SIZE(TOMAP('a', s, 'b', t))", "PIG_SIZE(MAP['a', s, 'b', t])"),
            new Case("SIZE(TOTUPLE(s, i))", "PIG_SIZE(ROW(s, i))"),
            Case.failing("IsEmpty(TOKENIZE(s))", "PIG_ISEMPTY(PIG_TOKENIZE(s))"),
            Case.failing("IsEmpty(TOMAP('a', s))", "PIG_ISEMPTY(MAP['a', s])"),
            new Case("BagToString(TOKENIZE(s))", "PIG_BAGTOSTRING(PIG_TOKENIZE(s))"),
            new Case("BagToString(TOBAG(s, t), '|')", "PIG_BAGTOSTRING(PIG_TOBAG(s, t), '|')"),
            new Case("TOBAG(s, t)", "PIG_TOBAG(s, t)"),
            new Case("TOBAG(i, i)", "PIG_TOBAG(i, i)"),
            new Case("TOP(2, 0, TOKENIZE(s))", "PIG_TOP(2, 0, PIG_TOKENIZE(s))"),
            new Case("TOP(3, 0, TOKENIZE(s, ' ,'))", "PIG_TOP(3, 0, PIG_TOKENIZE(s, ' ,'))"),
            new Case("TOP(0, 0, TOKENIZE(s))", "PIG_TOP(0, 0, PIG_TOKENIZE(s))"),
            new Case("COUNT(TOKENIZE(s))", "PIG_BAG_COUNT(PIG_TOKENIZE(s))"),
            new Case("COUNT(TOBAG(s, t))", "PIG_BAG_COUNT(PIG_TOBAG(s, t))"),
            new Case("COUNT_STAR(TOBAG(s, t))", "PIG_BAG_COUNT_STAR(PIG_TOBAG(s, t))"),
            new Case("SUM(TOBAG(i, i))", "PIG_BAG_SUM(PIG_TOBAG(i, i))"),
            new Case("SUM(TOBAG(d, d, d))", "PIG_BAG_SUM(PIG_TOBAG(d, d, d))"),
            new Case("AVG(TOBAG(l, l))", "PIG_BAG_AVG(PIG_TOBAG(l, l))"),
            new Case("AVG(TOBAG(f, f))", "PIG_BAG_AVG(PIG_TOBAG(f, f))"),
            new Case("MIN(TOKENIZE(s))", "PIG_BAG_MIN(PIG_TOKENIZE(s))"),
            new Case("MAX(TOKENIZE(s))", "PIG_BAG_MAX(PIG_TOKENIZE(s))"),
            new Case("MAX(TOBAG(d, 1.5))", "PIG_BAG_MAX(PIG_TOBAG(d, CAST(1.5 AS DOUBLE)))"),
            new Case("TOTUPLE(s, i, d)", "ROW(s, i, d)"),
            new Case("TOMAP('a', s, 'b', t)", "MAP['a', s, 'b', t]"),
            new Case("TOMAP('k1', s, 'k2', t, 'zz', s, 'aa', t)", "MAP['k1', s, 'k2', t, 'zz', s, 'aa', t]"),
            new Case("KEYSET(TOMAP('k1', s, 'k2', t, 'zz', s))", "PIG_KEYSET(MAP['k1', s, 'k2', t, 'zz', s])"),
            new Case("VALUELIST(TOMAP('k1', s, 'k2', t))", "PIG_VALUELIST(MAP['k1', s, 'k2', t])"),
            new Case(
                    "VALUESET(TOMAP('k1', s, 'k2', t, 'zz', s, 'aa', t))",
                    "PIG_VALUESET(MAP['k1', s, 'k2', t, 'zz', s, 'aa', t])"),
            new Case("Distinct(TOKENIZE(s))", "PIG_DISTINCT(PIG_TOKENIZE(s))"),
            new Case("Distinct(STRSPLITTOBAG(s, ' '))", "PIG_DISTINCT(PIG_STRSPLITTOBAG(s, ' '))"),
            new Case("Distinct(TOBAG(i, 1, i, 2))", "PIG_DISTINCT(PIG_TOBAG(i, 1, i, 2))"),
            new Case("Distinct(TOBAG(d, 1.5, d))", "PIG_DISTINCT(PIG_TOBAG(d, CAST(1.5 AS DOUBLE), d))"),
            new Case("BagToTuple(TOKENIZE(s))", "PIG_BAGTOTUPLE(PIG_TOKENIZE(s))"),
            new Case("BagToTuple(TOBAG(i, i))", "PIG_BAGTOTUPLE(PIG_TOBAG(i, i))"),
            new Case("BagToTuple(TOBAG(d, 1.5))", "PIG_BAGTOTUPLE(PIG_TOBAG(d, CAST(1.5 AS DOUBLE)))"),
            Case.failing("DIFF(TOKENIZE(s), TOKENIZE(t))", "PIG_DIFF(PIG_TOKENIZE(s), PIG_TOKENIZE(t))"),
            Case.failing(
                    "DIFF(TOKENIZE(s, ' ,'), TOBAG(s, t, 'b', 'World'))",
                    "PIG_DIFF(PIG_TOKENIZE(s, ' ,'), PIG_TOBAG(s, t, 'b', 'World'))"),
            Case.failing(
                    "DIFF(TOBAG(i, 1, 2, 3, 5), TOBAG(3, i))", "PIG_DIFF(PIG_TOBAG(i, 1, 2, 3, 5), PIG_TOBAG(3, i))"),
            new Case(
                    "SUBTRACT(TOKENIZE(s, ' ,'), TOBAG('b', 'World', t))",
                    "PIG_SUBTRACT(PIG_TOKENIZE(s, ' ,'), PIG_TOBAG('b', 'World', t))"),
            new Case(
                    "SUBTRACT(TOBAG(i, 1, 2, 2, 3), TOBAG(2, i))",
                    "PIG_SUBTRACT(PIG_TOBAG(i, 1, 2, 2, 3), PIG_TOBAG(2, i))"),
            // a whole INVERSEMAP is written in another entry order (see its row's note): compare what it holds
            Case.failing(
                    "SIZE(INVERSEMAP(TOMAP('k1', s, 'k2', t, 'zz', s)))",
                    "PIG_SIZE(PIG_INVERSEMAP(MAP['k1', s, 'k2', t, 'zz', s]))"),
            Case.failing("INVERSEMAP(TOMAP('k1', s, 'k2', s))", "PIG_INVERSEMAP(MAP['k1', s, 'k2', s])"),
            Case.failing("DIFF(s, t)", "PIG_DIFF(s, t)"),
            Case.failing("DIFF(i, i)", "PIG_DIFF(i, i)"),
            Case.failing("DIFF(d, 2.5)", "PIG_DIFF(d, CAST(2.5 AS DOUBLE))"),
            new Case(
                    "COV(TOBAG(d, 1.5, 3.0), TOBAG(d, 2.0, -1.0))",
                    "PIG_COV(PIG_TOBAG(d, CAST(1.5 AS DOUBLE), CAST(3.0 AS DOUBLE)),"
                            + " PIG_TOBAG(d, CAST(2.0 AS DOUBLE), CAST(-1.0 AS DOUBLE)))"),
            new Case(
                    "COV(TOBAG(d, 1.5, 3.0), TOBAG(d, 2.0, -1.0), TOBAG(0.5, d, d))",
                    "PIG_COV(PIG_TOBAG(d, CAST(1.5 AS DOUBLE), CAST(3.0 AS DOUBLE)),"
                            + " PIG_TOBAG(d, CAST(2.0 AS DOUBLE), CAST(-1.0 AS DOUBLE)), PIG_TOBAG(CAST(0.5 AS DOUBLE), d, d))"),
            new Case(
                    "COV(TOBAG(d, 1.5, 3.0), TOBAG(d, 2.0))",
                    "PIG_COV(PIG_TOBAG(d, CAST(1.5 AS DOUBLE), CAST(3.0 AS DOUBLE)),"
                            + " PIG_TOBAG(d, CAST(2.0 AS DOUBLE)))"),
            new Case("COV(TOBAG(i, 1), TOBAG(i, 2))", "PIG_COV(PIG_TOBAG(i, 1), PIG_TOBAG(i, 2))"),
            new Case("COV(TOBAG(d, d))", "PIG_COV(PIG_TOBAG(d, d))"),
            new Case(
                    "COR(TOBAG(d, 1.5, 3.0), TOBAG(d, 2.0, -1.0))",
                    "PIG_COR(PIG_TOBAG(d, CAST(1.5 AS DOUBLE), CAST(3.0 AS DOUBLE)),"
                            + " PIG_TOBAG(d, CAST(2.0 AS DOUBLE), CAST(-1.0 AS DOUBLE)))"),
            new Case(
                    "COR(TOBAG(d, 1.5, 3.0), TOBAG(d, 2.0, -1.0), TOBAG(0.5, d, d))",
                    "PIG_COR(PIG_TOBAG(d, CAST(1.5 AS DOUBLE), CAST(3.0 AS DOUBLE)),"
                            + " PIG_TOBAG(d, CAST(2.0 AS DOUBLE), CAST(-1.0 AS DOUBLE)), PIG_TOBAG(CAST(0.5 AS DOUBLE), d, d))"),
            new Case("COR(TOBAG(d, d), TOBAG(d, d))", "PIG_COR(PIG_TOBAG(d, d), PIG_TOBAG(d, d))"));

    @TempDir
    Path dir;

    @Test
    void stringBuiltinsAgreeWithPig() throws Exception {
        agree("string", STRINGS);
    }

    @Test
    void datetimeBuiltinsAgreeWithPig() throws Exception {
        Outcome outcome = BuiltinDifferential.run(dir, SCHEMA, COLUMNS, DATE_ROWS, DATETIMES);
        System.out.println(outcome.summary("datetime", DATETIMES.size()));
        assertEquals("", String.join("\n", outcome.disagreements()), "datetime");
    }

    @Test
    void bagTupleAndMapBuiltinsAgreeWithPig() throws Exception {
        agree("bag/tuple/map", COLLECTIONS);
    }

    @Test
    void mathBuiltinsAgreeWithPig() throws Exception {
        agree("math", MATH);
    }

    /**
     * Cases whose Pig builtin throws on a null (or NaN) argument, failing Pig's whole job, are
     * compared on the rows without such values; the others on every row.
     */
    private void agree(String family, List<Case> cases) throws Exception {
        List<Case> total = cases.stream().filter(c -> !c.pigFailsOnNull()).toList();
        List<Case> failing = cases.stream().filter(Case::pigFailsOnNull).toList();
        Outcome all = BuiltinDifferential.run(dir.resolve("all"), SCHEMA, COLUMNS, ROWS, total);
        Outcome clean = failing.isEmpty()
                ? new Outcome(0, List.of())
                : BuiltinDifferential.run(dir.resolve("clean"), SCHEMA, COLUMNS, CLEAN_ROWS, failing);
        Outcome outcome = all.plus(clean);
        System.out.println(outcome.summary(family, cases.size()));
        assertEquals("", String.join("\n", outcome.disagreements()), family);
    }

    static String row(String... fields) {
        return String.join("\u0001", fields);
    }
}
