package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * One {@code <coordinator>} of a bundle: where its coordinator.xml lives and the configuration it is given.
 *
 * @param critical the 0.2 {@code critical} attribute as written, null when absent
 * @param enabled  the 0.2 {@code enabled} attribute as written, null when absent (Oozie then starts it)
 */
public record BundleCoordinator(
        String name,
        String critical,
        String enabled,
        String appPath,
        List<ConfigProperty> configuration,
        SourceSpan span) {

    public BundleCoordinator {
        configuration = List.copyOf(configuration);
    }
}
