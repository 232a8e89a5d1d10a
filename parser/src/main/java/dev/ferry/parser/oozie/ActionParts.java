package dev.ferry.parser.oozie;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the Hadoop action elements share, in every schema version, read once: the action's own cluster settings
 * (before {@code <global>}), the elements that only configure Oozie's YARN launcher, the {@code <prepare>} steps
 * and the {@code <launcher>} settings (workflow 1.0).
 *
 * @param settings the action's own job-tracker/resource-manager, name-node, job-xml and configuration
 * @param cluster  the job-tracker, resource-manager, name-node, job-xml, configuration and launcher elements, in
 *                 document order (text empty for the last two)
 * @param prepare  delete and mkdir steps, in document order
 * @param launcher each {@code <launcher>} child: memory.mb, vcores, java-opts, env, queue...
 */
public record ActionParts(
        ActionSettings settings, List<ElementText> cluster, List<PrepareStep> prepare, List<ElementText> launcher) {

    /** The elements of {@link #cluster}, by local name. */
    static final Set<String> CLUSTER =
            Set.of("job-tracker", "resource-manager", "name-node", "job-xml", "configuration", "launcher");

    static final ActionParts NONE = new ActionParts(
            new ActionSettings(null, null, List.of(), List.of(), List.of()), List.of(), List.of(), List.of());

    public ActionParts {
        cluster = List.copyOf(cluster);
        prepare = List.copyOf(prepare);
        launcher = List.copyOf(launcher);
    }

    /** {@code <job-tracker>} (up to 0.5) and {@code <resource-manager>} (1.0), as written. */
    public List<ElementText> resourceManagers() {
        return cluster.stream()
                .filter(e -> e.name().equals("job-tracker") || e.name().equals("resource-manager"))
                .toList();
    }

    public Optional<ElementText> nameNode() {
        return first("name-node");
    }

    public Optional<ElementText> configuration() {
        return first("configuration");
    }

    private Optional<ElementText> first(String name) {
        return cluster.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
