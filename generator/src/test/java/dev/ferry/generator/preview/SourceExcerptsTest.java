package dev.ferry.generator.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a task's panel cuts out of the input and the generated files. */
class SourceExcerptsTest {

    private static final String WORKFLOW = """
            <workflow-app name="w" xmlns="uri:oozie:workflow:0.5">
                <start to="a"/>
                <action name="a"> <!-- </action> in a comment -->
                    <shell><exec>echo</exec><argument><![CDATA[</action>]]></argument></shell>
                    <ok to="end"/>
                    <error to="k"/>
                </action>
                <kill name="k"><message>x > y</message></kill>
                <join name="j" to="end"/>
                <decision name="d"><switch>
                  <case to="a">${x gt 'y' and 3 > 2}</case>
                  <default to="end"/>
                </switch></decision>
                <end name="end"/>
            </workflow-app>
            """;

    @ParameterizedTest(name = "{0}:{1} → lines {2}–{3}")
    @CsvSource(textBlock = """
            2,  5, 2,  2
            3,  5, 3,  7
            8,  5, 8,  8
            9,  5, 9,  9
            10, 5, 10, 13
            1,  1, 1,  15
            """)
    void elementLinesFromItsStartTag(int line, int column, int first, int last) {
        assertEquals(new SourceExcerpts.Range(first, last), SourceExcerpts.xmlElement(WORKFLOW, line, column));
    }

    @Test
    void aPositionNotAtATagIsItsOneLine() {
        assertEquals(new SourceExcerpts.Range(4, 4), SourceExcerpts.xmlElement(WORKFLOW, 4, 1));
        assertEquals(new SourceExcerpts.Range(99, 99), SourceExcerpts.xmlElement(WORKFLOW, 99, 1));
    }

    @Test
    void anUnclosedElementIsCutAtTheLimit() {
        String text = "<a>\n" + "<b>\n".repeat(1000);
        assertEquals(new SourceExcerpts.Range(1, SourceExcerpts.MAX_LINES), SourceExcerpts.xmlElement(text, 1, 1));
    }

    private static final String DAG = """
            with DAG(...) as dag:
                start_it = oozie.fork("start-it")
                run = oozie.shell(
                    "run",
                    exec_="x",
                    ok="end",
                )
                run_2 = oozie.end('run"2')
                end = oozie.end(
                    "end",
                    trigger_rule="none_failed_min_one_success",
                )

                start_it >> run
            """;

    @ParameterizedTest(name = "{0} → lines {1}–{2}")
    @CsvSource(delimiter = '|', textBlock = """
            start-it | 2 | 2
            run      | 3 | 7
            run"2    | 8 | 8
            end      | 9 | 12
            """)
    void taskStatementInTheDag(String task, int first, int last) {
        assertEquals(new SourceExcerpts.Range(first, last), SourceExcerpts.pythonTask(DAG, task));
    }

    @Test
    void aTaskNotInTheDagHasNoStatement() {
        assertNull(SourceExcerpts.pythonTask(DAG, "missing"));
        assertNull(SourceExcerpts.pythonTask(DAG, "star"));
    }

    @Test
    void sqlSplitsAtItsPigLineComments() {
        String sql = """
                -- header
                --   PARAM

                -- a.pig:3
                CREATE TEMPORARY TABLE t (x INT);

                -- a.pig:5
                -- a.pig:7
                CREATE TEMPORARY VIEW v AS SELECT 1;

                -- b.pig:9
                INSERT INTO s SELECT * FROM v;
                """;
        assertEquals(
                List.of(
                        new SourceExcerpts.SqlBlock(1, 3, List.of()),
                        new SourceExcerpts.SqlBlock(4, 6, List.of(3)),
                        new SourceExcerpts.SqlBlock(7, 12, List.of(5, 7))),
                SourceExcerpts.sqlBlocks(sql, "a.pig"));
    }
}
