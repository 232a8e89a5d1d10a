package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * A parsed bundle.xml (0.1-0.2, or no namespace): the coordinators it starts together.
 *
 * @param kickOffTime {@code <controls><kick-off-time>} as written (raw EL or a UTC date), null when absent
 * @param controlsSpan position of {@code <controls>}, the root's span when absent
 */
public record BundleApp(
        String name,
        String namespace,
        SourceSpan span,
        String kickOffTime,
        SourceSpan controlsSpan,
        List<Parameter> parameters,
        List<BundleCoordinator> coordinators,
        String file) {

    public BundleApp {
        parameters = List.copyOf(parameters);
        coordinators = List.copyOf(coordinators);
    }

    /** The same bundle under another name (its name with EL resolved, as Oozie records the job). */
    public BundleApp withName(String newName) {
        return new BundleApp(newName, namespace, span, kickOffTime, controlsSpan, parameters, coordinators, file);
    }

    /** See {@link WorkflowApp#resolveParameters}. */
    public java.util.SortedMap<String, String> resolveParameters(
            java.util.Map<String, String> supplied, dev.ferry.diagnostics.Diagnostics diagnostics) {
        return Parameters.resolve(parameters, supplied, diagnostics);
    }

    public String schemaVersion() {
        return OozieNamespaces.version(namespace);
    }
}
