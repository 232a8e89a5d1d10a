package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.xml.workflow.v0_5.ACTION;
import jakarta.xml.bind.JAXBElement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Older schema versions (workflow 0.2-0.5, coordinator 0.1-0.4, bundle 0.1) under src/test/resources/oozie:
 * each validates against its own XSD, reads with no diagnostic, and binds to the JAXB classes of its version.
 */
class OozieSchemaVersionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "workflow-0.2.xml,    dev.ferry.parser.oozie.xml.workflow.v0_2.WORKFLOWAPP",
        "workflow-0.3.xml,    dev.ferry.parser.oozie.xml.workflow.v0_3.WORKFLOWAPP",
        "workflow-0.4.xml,    dev.ferry.parser.oozie.xml.workflow.v0_4.WORKFLOWAPP",
        "workflow-0.5.xml,    dev.ferry.parser.oozie.xml.workflow.v0_5.WORKFLOWAPP",
        "coordinator-0.1.xml, dev.ferry.parser.oozie.xml.coordinator.v0_1.COORDINATORAPP",
        "coordinator-0.2.xml, dev.ferry.parser.oozie.xml.coordinator.v0_2.COORDINATORAPP",
        "coordinator-0.3.xml, dev.ferry.parser.oozie.xml.coordinator.v0_3.COORDINATORAPP",
        "coordinator-0.4.xml, dev.ferry.parser.oozie.xml.coordinator.v0_4.COORDINATORAPP",
        "bundle-0.1.xml,      dev.ferry.parser.oozie.xml.bundle.v0_1.BUNDLEAPP",
    })
    void readsWithoutDiagnosticsAndBindsToItsVersion(String file, String jaxbClass) {
        String xml = resource(file);
        Diagnostics diagnostics = new Diagnostics();
        boolean read = switch (file.substring(0, file.indexOf('-'))) {
            case "workflow" -> OozieReader.readWorkflow(xml, file, diagnostics).isPresent();
            case "coordinator" ->
                OozieReader.readCoordinator(xml, file, diagnostics).isPresent();
            default -> OozieReader.readBundle(xml, file, diagnostics).isPresent();
        };
        assertEquals(List.of(), format(diagnostics));
        assertTrue(read, file);
        Object root = OozieJaxb.unmarshal(xml, file, diagnostics).orElseThrow();
        assertEquals(jaxbClass, root.getClass().getName());
        assertEquals(List.of(), format(diagnostics));
    }

    @Test
    void workflow02SlaInfoIsOnTheAction() {
        WorkflowApp app = workflow("workflow-0.2.xml");
        SlaInfo sla = app.actions().get(0).sla().orElseThrow();
        assertEquals("uri:oozie:sla:0.1", sla.namespace());
        assertEquals(SourceSpan.of("workflow-0.2.xml", 12, 9), sla.span());
        assertEquals(
                "nominal-time=${nominalTime}, should-start=${10 * MINUTES}, should-end=${30 * MINUTES}",
                List.of("nominal-time", "should-start", "should-end").stream()
                        .map(k -> k + "=" + sla.value(k).orElseThrow())
                        .collect(Collectors.joining(", ")));
        assertEquals("wf-0.2", sla.value("app-name").orElseThrow());
        assertTrue(app.sla().isEmpty());
    }

    @Test
    void workflow03CredentialsAndRetriesReachTheModel() {
        WorkflowApp app = workflow("workflow-0.3.xml");
        ActionNode left = (ActionNode) app.node("left").orElseThrow();
        assertEquals("metastore", left.cred());
        assertEquals(2, left.retryMax());
        Credential credential = app.credential("metastore").orElseThrow();
        assertEquals("hcat", credential.type());
        assertEquals("thrift://metastore:9083", credential.properties().get(0).value());
        assertEquals(SourceSpan.of("workflow-0.3.xml", 3, 9), credential.span());
    }

    @Test
    void workflow04GlobalIsMergedIntoEachActionAsOozieDoes() {
        WorkflowApp app = workflow("workflow-0.4.xml");
        ActionSettings pig = app.settings((ActionNode) app.node("aggregate").orElseThrow());
        assertEquals("${jobTracker}", pig.resourceManager());
        assertEquals("${nameNode}", pig.nameNode());
        assertEquals(List.of("pig-site.xml", "global-site.xml"), pig.jobXml());
        // the action's own value wins; the global one fills in only names the action does not set
        assertEquals(
                Map.of("pig.tmpfilecompression", "true", "mapred.job.queue.name", "${queue}"),
                ConfigProperty.toMap(pig.configuration()));
        assertEquals(
                List.of(
                        "resource-manager",
                        "name-node",
                        "job-xml:global-site.xml",
                        "configuration:mapred.job.queue.name"),
                pig.inherited());

        ActionSettings distcp = app.settings((ActionNode) app.node("copy").orElseThrow());
        assertEquals("${jobTracker}", distcp.resourceManager());
        assertEquals(List.of("global-site.xml"), distcp.jobXml());
        assertEquals(
                Map.of("pig.tmpfilecompression", "false", "mapred.job.queue.name", "${queue}"),
                ConfigProperty.toMap(distcp.configuration()));
    }

    @Test
    void workflow05SlaOnActionAndWorkflowAndHive2IsAKnownExtension() {
        WorkflowApp app = workflow("workflow-0.5.xml");
        ActionNode load = (ActionNode) app.node("load").orElseThrow();
        assertEquals("exponential", load.retryPolicy());
        HiveAction hive2 = assertInstanceOf(HiveAction.class, load.action());
        assertEquals("hive2", hive2.type());
        assertEquals("jdbc:hive2://hive:10000/default", hive2.jdbcUrl().text());
        assertEquals(
                Map.of(
                        "nominal-time",
                        "${nominalTime}",
                        "should-end",
                        "${60 * MINUTES}",
                        "alert-events",
                        "end_miss",
                        "alert-contact",
                        "ops@example.com"),
                load.sla().orElseThrow().values());
        assertEquals("${2 * HOURS}", app.sla().orElseThrow().value("should-end").orElseThrow());
        assertTrue(((ActionNode) app.node("notify").orElseThrow()).sla().isEmpty());
    }

    @Test
    void jaxbKeepsTheActionExtensionWhenAnSlaFollowsIt() {
        Diagnostics diagnostics = new Diagnostics();
        var root = (dev.ferry.parser.oozie.xml.workflow.v0_5.WORKFLOWAPP)
                OozieJaxb.unmarshal(resource("workflow-0.5.xml"), "workflow-0.5.xml", diagnostics)
                        .orElseThrow();
        ACTION load = (ACTION) root.getDecisionOrForkOrJoin().stream()
                .filter(n -> n instanceof ACTION a && a.getName().equals("load"))
                .findFirst()
                .orElseThrow();
        JAXBElement<?> extension = assertInstanceOf(JAXBElement.class, load.getAny());
        assertEquals("hive2", extension.getName().getLocalPart());
        var hive2 = assertInstanceOf(dev.ferry.parser.oozie.xml.hive2.v0_2.ACTION.class, extension.getValue());
        assertEquals("jdbc:hive2://hive:10000/default", hive2.getJdbcUrl());
        assertEquals(List.of("DAY=${day}"), hive2.getParam());
    }

    @Test
    void extensionActionsAreReadThroughTheGeneratedClassOfTheirNamespace() {
        WorkflowApp app = workflow("workflow-0.4.xml");
        var distcp = assertInstanceOf(
                DistcpAction.class, ((ActionNode) app.node("copy").orElseThrow()).action());
        assertEquals(
                List.of("${input}", "${nameNode}/backup"),
                distcp.args().stream().map(ElementText::text).toList());

        WorkflowApp v03 = workflow("workflow-0.3.xml");
        var shell = assertInstanceOf(
                ShellAction.class, ((ActionNode) v03.node("left").orElseThrow()).action());
        assertEquals("left.sh", shell.exec().text());
        assertEquals("${jobTracker}", shell.parts().settings().resourceManager());
    }

    @Test
    void coordinatorVersionsKeepControlsAndParameters() {
        CoordinatorApp c01 = coordinator("coordinator-0.1.xml");
        assertEquals(new Controls("60", "1", "FIFO", null, SourceSpan.of("coordinator-0.1.xml", 3, 5)), c01.controls());
        CoordinatorApp c04 = coordinator("coordinator-0.4.xml");
        assertEquals("4", c04.controls().throttle());
        assertEquals("2026-01-01T00:00Z", c04.parameters().get(0).value());
        assertEquals(
                "hdfs:///data/logs/${YEAR}/${MONTH}/${DAY}",
                c04.datasets().get(0).uriTemplate());
        assertEquals("${3 * HOURS}", c04.sla().orElseThrow().value("should-end").orElseThrow());
        assertTrue(c01.sla().isEmpty());
    }

    @Test
    void bundleModel() {
        Diagnostics diagnostics = new Diagnostics();
        BundleApp bundle = OozieReader.readBundle(resource("bundle-0.1.xml"), "bundle-0.1.xml", diagnostics)
                .orElseThrow();
        assertEquals("bundle-0.1", bundle.name());
        assertEquals("0.1", bundle.schemaVersion());
        assertEquals("${kickOffTime}", bundle.kickOffTime());
        assertEquals(SourceSpan.of("bundle-0.1.xml", 2, 5), bundle.controlsSpan());
        assertEquals(
                List.of(
                        "daily -> ${nameNode}/apps/daily/coordinator.xml {start=${start}} @5:5",
                        "hourly -> ${nameNode}/apps/hourly/coordinator.xml {} @11:5"),
                bundle.coordinators().stream()
                        .map(c -> c.name() + " -> " + c.appPath() + " " + ConfigProperty.toMap(c.configuration()) + " @"
                                + c.span().line() + ":" + c.span().column())
                        .toList());
    }

    @Test
    void namespaceLessBundleReads() {
        Diagnostics diagnostics = new Diagnostics();
        BundleApp bundle = OozieReader.readBundle("""
                <bundle-app name="plain">
                    <coordinator name="only" critical="true" enabled="false">
                        <app-path>/apps/only</app-path>
                    </coordinator>
                </bundle-app>
                """, "b.xml", diagnostics).orElseThrow();
        assertEquals(
                List.of("OOZ-W007"),
                diagnostics.sorted().stream().map(d -> d.code().id()).toList());
        assertEquals("", bundle.schemaVersion());
        assertEquals(null, bundle.kickOffTime());
        BundleCoordinator only = bundle.coordinators().get(0);
        assertEquals(
                List.of("only", "true", "false", "/apps/only"),
                List.of(only.name(), only.critical(), only.enabled(), only.appPath()));
    }

    private static WorkflowApp workflow(String file) {
        Diagnostics diagnostics = new Diagnostics();
        WorkflowApp app =
                OozieReader.readWorkflow(resource(file), file, diagnostics).orElseThrow();
        assertEquals(List.of(), format(diagnostics));
        return app;
    }

    private static CoordinatorApp coordinator(String file) {
        Diagnostics diagnostics = new Diagnostics();
        CoordinatorApp app =
                OozieReader.readCoordinator(resource(file), file, diagnostics).orElseThrow();
        assertEquals(List.of(), format(diagnostics));
        return app;
    }

    static String resource(String file) {
        try (InputStream in = OozieSchemaVersionsTest.class.getResourceAsStream("/oozie/" + file)) {
            assertTrue(in != null, "test resource /oozie/" + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> format(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }
}
