package dev.ferry.translator.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <propagate-configuration/>} hands the child the parent's configuration, secrets included: the
 * child DAG reads a parent's secret property from the same Airflow Variable, through every propagating
 * level; a sub-workflow that does not propagate passes nothing, and no value is ever copied.
 */
class PropagatedSecretsTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }

    private static String workflow(String name, String... children) {
        StringBuilder actions = new StringBuilder();
        String first = children.length == 0 ? "end" : "call0";
        for (int i = 0; i < children.length; i++) {
            String[] child = children[i].split(":");
            actions.append("<action name=\"call")
                    .append(i)
                    .append("\"><sub-workflow><app-path>${nameNode}/apps/")
                    .append(child[0])
                    .append("</app-path>")
                    .append(child.length > 1 ? "<propagate-configuration/>" : "")
                    .append("</sub-workflow><ok to=\"")
                    .append(i + 1 < children.length ? "call" + (i + 1) : "end")
                    .append("\"/><error to=\"kill\"/></action>\n");
        }
        return """
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="%s">
                  <start to="%s"/>
                  %s<kill name="kill"><message>failed</message></kill>
                  <end name="end"/>
                </workflow-app>
                """.formatted(name, first, actions);
    }

    @Test
    void aParentsSecretPropertiesReachEveryPropagatingDescendantAsReferences() throws IOException {
        write("apps/parent/workflow.xml", workflow("parent", "child:propagate", "other"));
        write(
                "apps/parent/job.properties",
                "nameNode=hdfs://nn\ndb.password=CANARY-PARENT\n"
                        + "jdbcUrl=jdbc:postgresql://etl:CANARY-URL@db/x\nplain=value\n");
        write("apps/child/workflow.xml", workflow("child", "grandchild:propagate"));
        write("apps/grandchild/workflow.xml", workflow("grandchild"));
        write("apps/other/workflow.xml", workflow("other"));

        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(
                List.of(),
                conversion.diagnostics().stream().filter(Diagnostic::isError).toList());
        Map<String, Map<String, Template>> secretsByDag = new TreeMap<>();
        for (WorkflowPlan plan : conversion.plans()) {
            secretsByDag.put(plan.dagId(), plan.runConfiguration());
            assertFalse(plan.toString().contains("CANARY"), plan.dagId() + " holds a secret value: " + plan);
        }
        Template password = Template.of(new RuntimeExpr.Variable("db.password"));
        Template url = secretsByDag.get("parent").get("jdbcUrl");
        assertEquals(
                List.of(new Template.Value(new RuntimeExpr.Variable("etl_password"))),
                url.parts().stream().filter(Template.Value.class::isInstance).toList());
        Map<String, Template> inherited = Map.of("db.password", password, "jdbcUrl", url);
        assertEquals(
                Map.of("parent", inherited, "child", inherited, "grandchild", inherited, "other", Map.of()),
                secretsByDag);
    }
}
