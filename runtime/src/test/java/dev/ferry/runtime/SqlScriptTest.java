package dev.ferry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class SqlScriptTest {

    @Test
    void bindsEveryPlaceholderIncludingInComments() {
        assertEquals(
                "-- reads /in/2024-01-01\nSELECT '/in/2024-01-01', 'a$b'",
                SqlScript.bind(
                        "-- reads ${INPUT}/${wf.day}\nSELECT '${INPUT}/${wf.day}', '${V}'",
                        Map.of("INPUT", "/in", "wf.day", "2024-01-01", "V", "a$b")));
    }

    @Test
    void leavesWhatIsNotAPlaceholder() {
        assertEquals("${1x} ${a b} $X {Y} ${", SqlScript.bind("${1x} ${a b} $X {Y} ${", Map.of()));
    }

    @Test
    void missingParametersAreAllNamedOnce() {
        MissingParametersException e =
                assertThrows(
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
        assertEquals(List.of(3, 4), statements.stream().map(SqlScript.Statement::line).toList());
        assertEquals(List.of("CREATE", "INSERT"), statements.stream().map(SqlScript.Statement::keyword).toList());
    }

    @Test
    void unterminatedStringRunsToTheEnd() {
        assertEquals(List.of("SELECT 'a; b"), SqlScript.split("SELECT 'a; b"));
    }
}
