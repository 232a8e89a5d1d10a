package dev.ferry.translator.repo;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.BundleApp;
import dev.ferry.parser.oozie.BundleCoordinator;
import dev.ferry.parser.oozie.ConfigProperty;
import dev.ferry.parser.oozie.CoordinatorApp;
import dev.ferry.translator.workflow.CoordinatorSchedule;
import dev.ferry.translator.workflow.ReadableNames;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a bundle changes about each of its coordinators' DAGs: the DAG is named {@code <bundle>.<coordinator>}
 * and tagged with the bundle's name; the bundle's properties and the coordinator's {@code <configuration>} in
 * the bundle are the coordinator's job properties; {@code enabled="false"} (bundle 0.2) creates the DAG paused;
 * the kick-off-time is the earliest start (Oozie starts no coordinator of the bundle before it).
 */
final class BundleSchedule {

    private BundleSchedule() {}

    /** The properties the bundle gives the coordinator: bundle parameters' defaults < job.properties < its configuration. */
    static Map<String, String> properties(
            BundleApp bundle, BundleCoordinator coordinator, Map<String, String> bundleProperties) {
        Map<String, String> known = submitted(bundle, bundleProperties);
        Map<String, String> configured = new TreeMap<>(known);
        for (ConfigProperty p : coordinator.configuration()) {
            // A value is resolved against the bundle's properties when the bundle is submitted (bundle-submit EL:
            // variables and bundle:conf).
            configured.put(
                    p.name(),
                    dev.ferry.parser.el.ElParser.parse(
                                    p.value(),
                                    dev.ferry.diagnostics.SourceSpan.file("bundle"),
                                    new dev.ferry.diagnostics.Diagnostics())
                            .flatMap(t -> dev.ferry.translator.el.ElConstantFolder.resolveInBundle(t, known))
                            .orElse(p.value()));
        }
        return configured;
    }

    /** The bundle job's configuration: its parameters' defaults, then the submission's properties. */
    private static Map<String, String> submitted(BundleApp bundle, Map<String, String> bundleProperties) {
        Map<String, String> known = new TreeMap<>();
        bundle.parameters().stream().filter(p -> p.value() != null).forEach(p -> known.put(p.name(), p.value()));
        known.putAll(bundleProperties);
        return known;
    }

    /**
     * The bundle named as Oozie records its job: EL in the name resolved with the submission's properties
     * ({@code ELUtils.resolveAppName}), so DAG ids, tags and descriptions never carry raw EL. A part the properties
     * do not fix reads {@code <expression>}, as in {@link ReadableNames}.
     */
    static BundleApp resolveName(BundleApp bundle, Map<String, String> bundleProperties) {
        String name = ReadableNames.of(bundle.name(), submitted(bundle, bundleProperties))
                .text();
        return name.equals(bundle.name()) ? bundle : bundle.withName(name);
    }

    /** The coordinator as the bundle runs it: named after the bundle and its entry. */
    static CoordinatorApp named(CoordinatorApp c, BundleApp bundle, BundleCoordinator entry) {
        return c.withName(bundle.name() + "." + entry.name());
    }

    /** The plan with the bundle's tag, pause and kick-off time applied. */
    static WorkflowPlan apply(
            WorkflowPlan plan,
            BundleApp bundle,
            BundleCoordinator entry,
            Map<String, String> known,
            Diagnostics diagnostics) {
        WorkflowPlan.Schedule s = plan.schedule();
        if (s == null) {
            return plan;
        }
        boolean paused = s.pausedOnCreation()
                || "false"
                        .equalsIgnoreCase(
                                entry.enabled() == null ? "" : entry.enabled().trim());
        Instant start = s.start();
        List<String> notes = new ArrayList<>(s.notes());
        if (bundle.kickOffTime() != null) {
            Optional<Instant> kickOff =
                    CoordinatorSchedule.resolve(bundle.kickOffTime(), known).flatMap(CoordinatorSchedule::oozieTime);
            if (kickOff.isEmpty()) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E010,
                        bundle.controlsSpan(),
                        "bundle kick-off-time '" + bundle.kickOffTime()
                                + "' is not an Oozie UTC time like 2026-01-15T02:00Z");
            } else if (kickOff.get().isAfter(start)) {
                // Oozie materialises the coordinator's actions from start once the bundle kicks off: the ones
                // before kick-off still run (catch-up), so the start stays and only the DAG note says so.
                notes.add("bundle " + bundle.name() + " kicks off at " + kickOff.get()
                        + "; its runs before then are created together as a catch-up at kick-off");
            }
        }
        if (entry.critical() != null) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    entry.span(),
                    "bundle coordinator '" + entry.name() + "' critical=\"" + entry.critical() + "\" is not translated",
                    "Airflow DAGs have no bundle status to fail; alert on this DAG's failures instead");
        }
        List<String> tags = new ArrayList<>(s.tags());
        tags.add(bundle.name());
        WorkflowPlan.Schedule schedule = new WorkflowPlan.Schedule(
                s.trigger(),
                start,
                s.endExclusive(),
                s.maxActiveRuns(),
                s.catchup(),
                paused,
                s.deadlines(),
                s.oozieFrequency(),
                s.data(),
                tags,
                notes,
                s.span());
        String description = plan.description() + ", in bundle " + bundle.name();
        List<String> files = new ArrayList<>(plan.sourceFiles());
        files.add(0, bundle.file());
        return new WorkflowPlan(
                plan.dagId(),
                description,
                files,
                schedule,
                plan.params(),
                plan.runConfiguration(),
                plan.tasks(),
                plan.edges(),
                plan.tags(),
                plan.actionSlas(),
                plan.workflowSla());
    }
}
