package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads Oozie XML files into the normalised model. {@code displayPath} is the (repository-relative) path
 * shown in diagnostics and spans. Every problem is reported, none is thrown; a result is present only when
 * the file had no error.
 */
public final class OozieReader {

    private OozieReader() {}

    public static Optional<WorkflowApp> readWorkflow(Path file, String displayPath, Diagnostics diagnostics) {
        return XmlReader.decode(file, displayPath, diagnostics)
                .flatMap(xml -> readWorkflow(xml, displayPath, diagnostics));
    }

    public static Optional<WorkflowApp> readWorkflow(String xml, String displayPath, Diagnostics diagnostics) {
        return read(xml, displayPath, diagnostics, (root, sink) -> WorkflowReader.read(root, displayPath, sink));
    }

    public static Optional<CoordinatorApp> readCoordinator(Path file, String displayPath, Diagnostics diagnostics) {
        return XmlReader.decode(file, displayPath, diagnostics)
                .flatMap(xml -> readCoordinator(xml, displayPath, diagnostics));
    }

    public static Optional<CoordinatorApp> readCoordinator(String xml, String displayPath, Diagnostics diagnostics) {
        return read(xml, displayPath, diagnostics, (root, sink) -> CoordinatorReader.read(root, displayPath, sink));
    }

    /** A bundle.xml (0.1-0.2 or no namespace): its coordinators, kick-off time and parameters. */
    public static Optional<BundleApp> readBundle(Path file, String displayPath, Diagnostics diagnostics) {
        return XmlReader.decode(file, displayPath, diagnostics)
                .flatMap(xml -> readBundle(xml, displayPath, diagnostics));
    }

    public static Optional<BundleApp> readBundle(String xml, String displayPath, Diagnostics diagnostics) {
        return read(xml, displayPath, diagnostics, (root, sink) -> BundleReader.read(root, displayPath, sink));
    }

    /** A dataset include file: a {@code <datasets>} root holding {@code <dataset>} definitions. */
    public static Optional<List<Dataset>> readDatasets(Path file, String displayPath, Diagnostics diagnostics) {
        return XmlReader.decode(file, displayPath, diagnostics)
                .flatMap(xml -> readDatasets(xml, displayPath, diagnostics));
    }

    /**
     * Dataset include files are not validated: Oozie has no schema with a {@code <datasets>} root (it
     * splices their datasets into the coordinator), so only the reader's own checks apply.
     */
    public static Optional<List<Dataset>> readDatasets(String xml, String displayPath, Diagnostics diagnostics) {
        return XmlReader.read(xml, displayPath, diagnostics)
                .flatMap(root -> CoordinatorReader.readDatasets(root, displayPath, diagnostics));
    }

    /**
     * Well-formedness (hardened) and the Oozie XSDs in one parse of the text, then the model. Every finding is
     * reported; a schema violation on a line where the model already reported an error is the same problem
     * said twice and is left out (the model's message names the node). A wrong root (OOZ-E003) skips
     * validation. A result is present only when no step found an error.
     */
    private static <T> Optional<T> read(
            String xml,
            String displayPath,
            Diagnostics diagnostics,
            BiFunction<XmlElement, Diagnostics, Optional<T>> model) {
        OozieSchemas.Pass validation = new OozieSchemas.Pass(xml, displayPath);
        Optional<XmlElement> root = XmlReader.read(xml, displayPath, diagnostics, validation);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Diagnostics modelDiagnostics = new Diagnostics();
        Optional<T> result = model.apply(root.get(), modelDiagnostics);
        diagnostics.addAll(modelDiagnostics);
        List<Diagnostic> modelFindings = modelDiagnostics.sorted();
        if (modelFindings.stream().anyMatch(d -> d.code() == DiagnosticCode.OOZ_E003)) {
            return Optional.empty();
        }
        Set<Integer> reportedLines = new HashSet<>();
        modelFindings.stream()
                .filter(Diagnostic::isError)
                .forEach(d -> reportedLines.add(d.span().line()));
        Diagnostics schema = new Diagnostics();
        boolean valid = validation.finish(root.get().namespace(), displayPath, schema);
        schema.sorted().stream()
                .filter(d -> d.code() != DiagnosticCode.OOZ_E014
                        || !reportedLines.contains(d.span().line()))
                .forEach(diagnostics::add);
        return valid ? result : Optional.empty();
    }

    /** What the file is, by its root element's local name; UNKNOWN when unreadable or not Oozie XML. */
    public static OozieDocumentKind detect(Path file) {
        return XmlReader.readRoot(file)
                .map(root -> {
                    for (OozieDocumentKind kind : OozieDocumentKind.values()) {
                        if (kind != OozieDocumentKind.UNKNOWN
                                && kind.rootElement().equals(root.name())
                                && isOozieNamespace(root.namespace())) {
                            return kind;
                        }
                    }
                    return OozieDocumentKind.UNKNOWN;
                })
                .orElse(OozieDocumentKind.UNKNOWN);
    }

    private static boolean isOozieNamespace(String namespace) {
        return namespace.isEmpty() || namespace.startsWith("uri:oozie:");
    }
}
