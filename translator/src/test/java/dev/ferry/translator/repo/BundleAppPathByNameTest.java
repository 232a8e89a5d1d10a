package dev.ferry.translator.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle's coordinator app-path that names where the app is deployed ({@code
 * hdfs://nn/scripts/coordinator/coordinator_x.xml}), not where the repository keeps it ({@code
 * oozie/x/coordinator_x.xml}): no tail of the path is in the repository, so the coordinators converted on their own
 * and lost the bundle's tag and configuration. The one coordinator of the repository with the path's file name (or,
 * for a directory, the one coordinator.xml in a directory of that name) is taken, OOZ-W033 naming it; a name two
 * coordinators share takes none (OOZ-W001 lists them) and the coordinators convert on their own as before.
 */
class BundleAppPathByNameTest {

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }

    private void app(String dir, String coordinatorFile) throws IOException {
        write(dir + "/workflow.xml", """
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="wf">
                    <start to="end"/>
                    <end name="end"/>
                </workflow-app>
                """);
        write(dir + "/" + coordinatorFile, """
                <coordinator-app name="coord" frequency="${coord:days(1)}" start="2026-01-01T00:00Z"
                    end="2027-01-01T00:00Z" timezone="UTC" xmlns="uri:oozie:coordinator:0.2">
                    <action><workflow><app-path>${nameNode}/apps/wf</app-path></workflow></action>
                </coordinator-app>
                """);
    }

    /** The bundle's coordinator element starts at line 2, column 5. */
    private void bundle(String appPath) throws IOException {
        write("bundles/bundle.xml", """
                <bundle-app name="nightly" xmlns="uri:oozie:bundle:0.2">
                    <coordinator name="costs">
                        <app-path>%s</app-path>
                        <configuration><property><name>region</name><value>eu</value></property></configuration>
                    </coordinator>
                </bundle-app>
                """.formatted(appPath));
    }

    private static List<Diagnostic> withCode(Conversion conversion, DiagnosticCode code) {
        return conversion.diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    /** An app-path, the coordinator files of the repository, and the one the bundle takes. */
    record Case(String appPath, List<String> coordinators, String taken) {}

    @Test
    void aCoordinatorFoundOnlyByItsNameIsTheBundlesWithAWarningNamingIt() throws IOException {
        List<Case> cases = List.of(
                new Case(
                        "hdfs://nn/scripts/coordinator/coordinator_costs.xml",
                        List.of("oozie/costs/coordinator_costs.xml", "oozie/location/coordinator_location.xml"),
                        "oozie/costs/coordinator_costs.xml"),
                new Case(
                        "${nameNode}/apps/coordinator/coordinator_costs.xml",
                        List.of("src/main/oozie/costs/coordinator_costs.xml"),
                        "src/main/oozie/costs/coordinator_costs.xml"),
                new Case(
                        "${nameNode}/deploy/costs",
                        List.of("src/oozie/costs/coordinator.xml", "src/oozie/other/coordinator.xml"),
                        "src/oozie/costs/coordinator.xml"));
        for (Case c : cases) {
            for (String file : c.coordinators()) {
                app(file.substring(0, file.lastIndexOf('/')), file.substring(file.lastIndexOf('/') + 1));
            }
            bundle(c.appPath());
            Conversion conversion = RepoTranslator.translate(repo);
            List<Diagnostic> taken = withCode(conversion, DiagnosticCode.OOZ_W033);
            assertEquals(1, taken.size(), c.appPath() + ": " + conversion.diagnostics());
            assertEquals(SourceSpan.of("bundles/bundle.xml", 2, 5), taken.get(0).span(), c.appPath());
            assertTrue(
                    taken.get(0).message().contains(c.taken() + ", the one coordinator"),
                    taken.get(0).message());
            WorkflowPlan bundled = conversion.plans().stream()
                    .filter(p -> p.dagId().equals("nightly.costs"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(c.appPath() + ": " + conversion.plans()));
            assertEquals(List.of("nightly"), bundled.schedule().tags(), c.appPath());
            // the coordinator taken is not converted a second time on its own
            assertEquals(c.coordinators().size(), conversion.plans().size(), c.appPath());
            deleteAll();
        }
    }

    @Test
    void aNameTwoCoordinatorsShareTakesNone() throws IOException {
        app("oozie/a/costs", "coordinator.xml");
        app("oozie/b/costs", "coordinator.xml");
        bundle("hdfs://nn/deploy/costs");
        Conversion conversion = RepoTranslator.translate(repo);
        assertEquals(List.of(), withCode(conversion, DiagnosticCode.OOZ_W033));
        List<Diagnostic> todo = withCode(conversion, DiagnosticCode.OOZ_W001).stream()
                .filter(d -> d.message().contains("2 coordinators"))
                .toList();
        assertEquals(1, todo.size(), conversion.diagnostics().toString());
        assertEquals(SourceSpan.of("bundles/bundle.xml", 2, 5), todo.get(0).span());
        assertTrue(
                todo.get(0).message().contains("oozie/a/costs/coordinator.xml, oozie/b/costs/coordinator.xml"),
                todo.get(0).message());
        assertEquals(2, conversion.plans().size()); // each on its own, as before
    }

    private void deleteAll() throws IOException {
        try (var walk = Files.walk(repo)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(repo)) {
                    Files.delete(p);
                }
            }
        }
    }
}
