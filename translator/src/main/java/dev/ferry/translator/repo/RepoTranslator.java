package dev.ferry.translator.repo;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.ConfigDefault;
import dev.ferry.parser.oozie.ConfigProperty;
import dev.ferry.parser.oozie.CoordinatorApp;
import dev.ferry.parser.oozie.JobProperties;
import dev.ferry.parser.oozie.OozieDocumentKind;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.translator.workflow.WorkflowPlan;
import dev.ferry.translator.workflow.WorkflowSources;
import dev.ferry.translator.workflow.WorkflowTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the Oozie applications of a repository. A coordinator schedules the workflow.xml of its
 * own directory (where Oozie's app-path points in the usual layout); a workflow no coordinator
 * claims becomes an unscheduled DAG. job.properties and config-default.xml come from the same
 * directory.
 */
public final class RepoTranslator {

    private RepoTranslator() {}

    public static Conversion translate(Path repo) {
        Path root = repo.toAbsolutePath().normalize();
        Diagnostics diagnostics = new Diagnostics();
        List<WorkflowPlan> plans = new ArrayList<>();
        List<Path> xmlFiles = xmlFiles(root, diagnostics);
        Set<Path> scheduled = new HashSet<>();
        for (Path file : xmlFiles) {
            OozieDocumentKind kind = OozieReader.detect(file);
            if (kind == OozieDocumentKind.COORDINATOR
                    || kind == OozieDocumentKind.UNKNOWN && file.getFileName().toString().equals("coordinator.xml")) {
                Optional<CoordinatorApp> coordinator = OozieReader.readCoordinator(file, display(root, file), diagnostics);
                Path workflow = file.resolveSibling("workflow.xml");
                if (coordinator.isPresent() && Files.isRegularFile(workflow)) {
                    scheduled.add(workflow);
                    translateApp(root, workflow, coordinator.get(), diagnostics).ifPresent(plans::add);
                } else if (coordinator.isPresent()) {
                    diagnostics.report(DiagnosticCode.OOZ_W001, coordinator.get().span(),
                            "no workflow.xml beside the coordinator; its app-path '" + coordinator.get().workflowAppPath()
                                    + "' is not followed yet");
                }
            }
        }
        for (Path file : xmlFiles) {
            OozieDocumentKind kind = OozieReader.detect(file);
            // A workflow.xml that is not well-formed is still read, so its syntax error is reported.
            boolean workflow = kind == OozieDocumentKind.WORKFLOW
                    || kind == OozieDocumentKind.UNKNOWN && file.getFileName().toString().equals("workflow.xml");
            if (!scheduled.contains(file) && workflow) {
                translateApp(root, file, null, diagnostics).ifPresent(plans::add);
            }
        }
        plans.sort(Comparator.comparing(WorkflowPlan::dagId));
        return new Conversion(root.getFileName().toString(), plans, diagnostics.sorted());
    }

    private static Optional<WorkflowPlan> translateApp(Path root, Path workflowFile, CoordinatorApp coordinator,
                                                       Diagnostics diagnostics) {
        Optional<WorkflowApp> workflow = OozieReader.readWorkflow(workflowFile, display(root, workflowFile), diagnostics);
        if (workflow.isEmpty()) {
            return Optional.empty();
        }
        Path dir = workflowFile.getParent();
        Path propertiesFile = dir.resolve("job.properties");
        SortedMap<String, String> properties = Files.isRegularFile(propertiesFile)
                ? JobProperties.load(propertiesFile, display(root, propertiesFile), diagnostics)
                : new TreeMap<>();
        Path configDefaultFile = dir.resolve("config-default.xml");
        SortedMap<String, String> configDefault = Files.isRegularFile(configDefaultFile)
                ? ConfigProperty.toMap(ConfigDefault.load(configDefaultFile, display(root, configDefaultFile), diagnostics))
                : new TreeMap<>();
        WorkflowSources sources = new WorkflowSources(root, dir, workflow.get(), coordinator, properties, configDefault,
                Files.isRegularFile(propertiesFile) ? display(root, propertiesFile) : display(root, workflowFile));
        return WorkflowTranslator.translate(sources, diagnostics);
    }

    private static List<Path> xmlFiles(Path root, Diagnostics diagnostics) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .filter(p -> !p.getFileName().toString().equals("config-default.xml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            diagnostics.report(DiagnosticCode.IO_E001, SourceSpan.file(root.toString()), "cannot read the repository: " + e.getMessage());
            return List.of();
        }
    }

    private static String display(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
