package dev.ferry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlScriptTest {

    @Test
    void bindsPlaceholdersInCodeAndStringsButNotInComments() {
        assertEquals(
                "-- reads ${INPUT}/${wf.day}\nSELECT '/in/2024-01-01', 'a$b' /* ${NOT_BOUND} */",
                SqlScript.bind(
                        "-- reads ${INPUT}/${wf.day}\nSELECT '${INPUT}/${wf.day}', '${V}' /* ${NOT_BOUND} */",
                        Map.of("INPUT", "/in", "wf.day", "2024-01-01", "V", "a$b")));
    }

    /** A value lands in a string as part of it (quotes doubled); in code as text, as Pig substitutes it. */
    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # template                                   | value              | bound
            'path' = 'jdbc:mysql://u:${PW}@h/db'         | p'w                | 'path' = 'jdbc:mysql://u:p''w@h/db'
            SELECT '${PW}'                               | ', 'x') --         | SELECT ''', ''x'') --'
            SELECT '${PW}' AS a, `c'${PW}` FROM t        | it's               | SELECT 'it''s' AS a, `c'${PW}` FROM t
            WHERE n >= ${PW}                             | 2 + 3              | WHERE n >= 2 + 3
            SELECT 'a''${PW}''b'                         | q'                 | SELECT 'a''q''''b'
            """)
    void valuesAreEscapedForWhereTheyLand(String template, String value, String bound) {
        assertEquals(bound, SqlScript.bind(template, Map.of("PW", value)));
    }

    @Test
    void leavesWhatIsNotAPlaceholder() {
        assertEquals("${1x} ${a b} $X {Y} ${", SqlScript.bind("${1x} ${a b} $X {Y} ${", Map.of()));
    }

    @Test
    void missingParametersAreAllNamedOnce() {
        MissingParametersException e = assertThrows(
                MissingParametersException.class,
                () -> SqlScript.bind("${OUT} ${IN} ${DATE} ${OUT}", Map.of("IN", "x")));
        assertEquals(List.of("OUT", "DATE"), e.missing());
        assertEquals("no value for parameters ${OUT}, ${DATE}", e.getMessage());
    }

    @Test
    void splitsOnSemicolonsOutsideStringsIdentifiersAndComments() {
        String script = """
                -- header; not a statement
                CREATE TEMPORARY VIEW `a;b` AS SELECT 'x;''y' AS c; /* block; comment */
                INSERT INTO t SELECT c -- trailing; comment
                FROM `a;b`;
                ;;
                /* a comment; */
                SELECT 1;
                -- the end; nothing follows
                """;
        assertEquals(
                List.of(
                        "-- header; not a statement\nCREATE TEMPORARY VIEW `a;b` AS SELECT 'x;''y' AS c",
                        "/* block; comment */\nINSERT INTO t SELECT c -- trailing; comment\nFROM `a;b`",
                        "/* a comment; */\nSELECT 1"),
                SqlScript.split(script));
    }

    @Test
    void statementsKnowTheLineOfTheirFirstKeyword() {
        List<SqlScript.Statement> statements =
                SqlScript.statements("-- x\n\nCREATE TABLE a (x INT);\n/* y */ INSERT INTO a VALUES (1);\n");
        assertEquals(
                List.of(3, 4),
                statements.stream().map(SqlScript.Statement::line).toList());
        assertEquals(
                List.of("CREATE", "INSERT"),
                statements.stream().map(SqlScript.Statement::keyword).toList());
    }

    @Test
    void unterminatedStringRunsToTheEnd() {
        assertEquals(List.of("SELECT 'a; b"), SqlScript.split("SELECT 'a; b"));
    }
}
