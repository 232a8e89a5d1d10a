package dev.ferry.parser.oozie;

import java.util.Set;

/** The action types Oozie ships: core ones in the workflow namespace, extensions with their own XSD. */
final class ActionTypes {

    /** Actions the workflow schema itself declares. */
    static final Set<String> CORE = Set.of("map-reduce", "pig", "sub-workflow", "fs", "java");

    /** Extension actions, by element name; each has its own namespace and XSD in oozie-client. */
    static final Set<String> EXTENSIONS =
            Set.of("email", "shell", "hive", "hive2", "sqoop", "ssh", "distcp", "spark", "git");

    private ActionTypes() {}

    /**
     * True for a core action in the workflow namespace (or none), and for an extension in a namespace a
     * bundled XSD declares (or written without one, as namespace-less files do).
     */
    static boolean isKnown(XmlElement body) {
        String namespace = body.namespace();
        if (namespace.isEmpty()) {
            return CORE.contains(body.name()) || EXTENSIONS.contains(body.name());
        }
        if (OozieNamespaces.accepts("workflow", namespace)) {
            return CORE.contains(body.name());
        }
        return EXTENSIONS.contains(body.name()) && OozieSchemas.knows(namespace);
    }
}
