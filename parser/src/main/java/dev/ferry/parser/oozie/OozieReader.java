package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads Oozie XML files into the normalised model. {@code displayPath} is the (repository-relative) path
 * shown in diagnostics and spans. Every problem is reported, none is thrown; a result is present only when
 * the file had no error.
 */
public final class OozieReader {

    private OozieReader() {}

    public static Optional<WorkflowApp> readWorkflow(Path file, String displayPath, Diagnostics diagnostics) {
        return XmlReader.read(file, displayPath, diagnostics)
                .flatMap(root -> WorkflowReader.read(root, displayPath, diagnostics));
    }

    public static Optional<WorkflowApp> readWorkflow(String xml, String displayPath, Diagnostics diagnostics) {
        return XmlReader.read(xml, displayPath, diagnostics)
                .flatMap(root -> WorkflowReader.read(root, displayPath, diagnostics));
    }

    public static Optional<CoordinatorApp> readCoordinator(Path file, String displayPath, Diagnostics diagnostics) {
        return XmlReader.read(file, displayPath, diagnostics)
                .flatMap(root -> CoordinatorReader.read(root, displayPath, diagnostics));
    }

    public static Optional<CoordinatorApp> readCoordinator(String xml, String displayPath, Diagnostics diagnostics) {
        return XmlReader.read(xml, displayPath, diagnostics)
                .flatMap(root -> CoordinatorReader.read(root, displayPath, diagnostics));
    }

    /** A dataset include file: a {@code <datasets>} root holding {@code <dataset>} definitions. */
    public static Optional<List<Dataset>> readDatasets(Path file, String displayPath, Diagnostics diagnostics) {
        return XmlReader.read(file, displayPath, diagnostics)
                .flatMap(root -> CoordinatorReader.readDatasets(root, displayPath, diagnostics));
    }

    public static Optional<List<Dataset>> readDatasets(String xml, String displayPath, Diagnostics diagnostics) {
        return XmlReader.read(xml, displayPath, diagnostics)
                .flatMap(root -> CoordinatorReader.readDatasets(root, displayPath, diagnostics));
    }

    /** What the file is, by its root element's local name; UNKNOWN when unreadable or not Oozie XML. */
    public static OozieDocumentKind detect(Path file) {
        return XmlReader.readRoot(file).map(root -> {
            for (OozieDocumentKind kind : OozieDocumentKind.values()) {
                if (kind != OozieDocumentKind.UNKNOWN && kind.rootElement().equals(root.name())
                        && isOozieNamespace(root.namespace())) {
                    return kind;
                }
            }
            return OozieDocumentKind.UNKNOWN;
        }).orElse(OozieDocumentKind.UNKNOWN);
    }

    private static boolean isOozieNamespace(String namespace) {
        return namespace.isEmpty() || namespace.startsWith("uri:oozie:");
    }
}
