package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.generator.sql.SqlScriptRenderer;
import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.repo.RepoTranslator;
import dev.ferry.translator.workflow.TaskNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Pig actions of a workflow, the second loading without AS what the first stored with PigStorage '-schema'. Real
 * Pig 0.18 runs the first script, then the second, which reads the .pig_schema the first wrote (with a file of lines
 * the schema does not fit added to the directory); Ferry types the second job's LOAD by the first action's STORE, and
 * its job runs in Flink over the same directory.
 */
class PigWorkflowSchemaDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    @TempDir
    Path tmp;

    @Test
    void theLaterActionIsTypedByTheEarlierActionsStore() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(
                repo.resolve("store.pig"),
                "a = LOAD '$SRC' AS (n:int, name:chararray, v:double);\n"
                        + "STORE a INTO '$OUT' USING PigStorage('\\t', '-schema');\n");
        Files.writeString(
                repo.resolve("load.pig"),
                "r = LOAD '$IN';\ns = FOREACH r GENERATE n + 1, name, v * 2, n / 2;\nSTORE s INTO '$OUTPUT';\n");
        Files.writeString(repo.resolve("workflow.xml"), """
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="wf">
                  <parameters><property><name>root</name><value>/data</value></property></parameters>
                  <start to="first"/>
                  <action name="first"><pig><job-tracker>jt</job-tracker><name-node>nn</name-node>
                    <script>store.pig</script><param>SRC=/in</param><param>OUT=${root}/mid</param></pig>
                    <ok to="second"/><error to="kill"/></action>
                  <action name="second"><pig><job-tracker>jt</job-tracker><name-node>nn</name-node>
                    <script>load.pig</script><param>IN=${root}/mid</param><param>OUTPUT=/out</param></pig>
                    <ok to="end"/><error to="kill"/></action>
                  <kill name="kill"><message>failed</message></kill>
                  <end name="end"/>
                </workflow-app>
                """);
        // The repository converted as `ferry convert` converts it (the workflow without a job.properties).
        Conversion conversion = RepoTranslator.translate(repo);
        TaskNode.FlinkJob second = (TaskNode.FlinkJob) conversion.plans().get(0).tasks().stream()
                .filter(t -> t.id().equals("second"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(conversion.diagnostics().toString()));
        String sql = SqlScriptRenderer.render(second.job());

        Path src = Files.writeString(tmp.resolve("in.tsv"), "1\tann\t2.5\n\tbob\t\n-3\tzoë\t1e3\n");
        Path mid = tmp.resolve("mid");
        PigOracle.shared().run(repo.resolve("store.pig"), Map.of("SRC", src.toString(), "OUT", mid.toString()));
        assertTrue(Files.exists(mid.resolve(".pig_schema")), "Pig wrote no .pig_schema: the case proves nothing");
        Files.writeString(mid.resolve("part-m-00001"), "x\tcid\tnot a number\n7\n8\teve\t0.5\textra\n");
        PigOracle.shared()
                .run(
                        repo.resolve("load.pig"),
                        Map.of(
                                "IN",
                                mid.toString(),
                                "OUTPUT",
                                tmp.resolve("pig").toString()));
        EmbeddedFlink.run(
                sql, Map.of("IN", mid.toString(), "OUTPUT", tmp.resolve("flink").toString()));
        assertEquals(
                "",
                OutputComparison.differences(
                        PigOutput.read(tmp.resolve("pig")), PigOutput.read(tmp.resolve("flink")), false, "\t"));
    }
}
