package dev.ferry.translator.workflow;

import static dev.ferry.translator.workflow.Lowered.el;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.translator.el.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where scheme-less paths resolve: the action's {@code <name-node>}, else {@code <global>}'s, as Oozie's
 * LiteWorkflowAppParser.handleGlobal copies it into every action; for Pig jobs (LOAD/STORE and prepare paths)
 * and fs actions alike.
 */
class DefaultFileSystemTest {

    @TempDir
    Path repo;

    @ParameterizedTest(name = "[{index}] {0}: global {1}, own {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # action | <global> name-node | action's name-node | default file system
            pig      | -                  | -                  | -
            pig      | ${nameNode}        | -                  | ${nameNode}
            pig      | -                  | hdfs://own:8020    | hdfs://own:8020
            pig      | ${nameNode}        | hdfs://own:8020    | hdfs://own:8020
            fs       | -                  | -                  | -
            fs       | ${nameNode}        | -                  | ${nameNode}
            fs       | -                  | hdfs://own:8020    | hdfs://own:8020
            fs       | ${nameNode}        | hdfs://own:8020    | hdfs://own:8020
            """)
    void theActionsNameNodeElseTheGlobalOne(String kind, String global, String own, String expected)
            throws IOException {
        Files.writeString(repo.resolve("s.pig"), "a = LOAD '/user/x' AS (f:chararray);\nSTORE a INTO '/user/y';\n");
        String nameNode = own == null ? "" : "<name-node>" + own + "</name-node>";
        String body = kind.equals("pig")
                ? "<pig>" + nameNode + "<prepare><delete path=\"/user/y\"/></prepare><script>s.pig</script></pig>"
                : "<fs>" + nameNode + "<mkdir path=\"/user/y\"/></fs>";
        Diagnostics diagnostics = new Diagnostics();
        TaskNode task = TranslatedTask.of(
                repo,
                """
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="wf">
                    %s
                    <start to="work"/>
                    <action name="work">%s<ok to="end"/><error to="end"/></action>
                    <end name="end"/>
                </workflow-app>
                """.formatted(global == null ? "" : "<global><name-node>" + global + "</name-node></global>", body),
                "work",
                diagnostics);
        Template actual = task instanceof TaskNode.FlinkJob job ? job.defaultFs() : ((TaskNode.Fs) task).nameNode();
        assertEquals(
                expected == null ? null : el(expected),
                actual,
                diagnostics.sorted().toString());
    }
}
