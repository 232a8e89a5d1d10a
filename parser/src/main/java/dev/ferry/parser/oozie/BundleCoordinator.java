package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * One {@code <coordinator>} of a bundle: where its coordinator.xml lives and the configuration it is given.
 *
 * @param critical the 0.2 {@code critical} attribute as written, null when absent
 */
public record BundleCoordinator(String name, String critical, String appPath, List<ConfigProperty> configuration,
                                SourceSpan span) {

    public BundleCoordinator {
        configuration = List.copyOf(configuration);
    }
}
