package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A parsed workflow.xml, whatever its schema version.
 *
 * @param namespace     the root's namespace ("" for namespace-less files)
 * @param nodes         every node in document order
 * @param global        the {@code <global>} section, null when absent
 * @param file          the display path of the file
 * @param startSpan     position of the {@code <start>} element
 * @param otherElements top-level children the model does not map (sla:info...), for the report
 */
public record WorkflowApp(
        String name,
        String namespace,
        SourceSpan span,
        String startTo,
        List<WorkflowNode> nodes,
        Global global,
        List<Parameter> parameters,
        List<Credential> credentials,
        String file,
        SourceSpan startSpan,
        List<XmlElement> otherElements) {

    public WorkflowApp {
        nodes = List.copyOf(nodes);
        parameters = List.copyOf(parameters);
        credentials = List.copyOf(credentials);
        otherElements = List.copyOf(otherElements);
    }

    public Optional<WorkflowNode> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    public List<ActionNode> actions() {
        return nodes.stream()
                .filter(ActionNode.class::isInstance)
                .map(ActionNode.class::cast)
                .toList();
    }

    /** What the action runs with once {@code <global>} is applied (Oozie's merge rules). */
    public ActionSettings settings(ActionNode action) {
        return GlobalMerge.apply(global, action.action());
    }

    /**
     * The run's parameter values: {@code supplied} (job.properties + config-default.xml) plus the declared
     * defaults; a required parameter that is not supplied is an OOZ-E015.
     */
    public java.util.SortedMap<String, String> resolveParameters(
            java.util.Map<String, String> supplied, dev.ferry.diagnostics.Diagnostics diagnostics) {
        return Parameters.resolve(parameters, supplied, diagnostics);
    }

    /** The declared credential with this name, empty when there is none. */
    public Optional<Credential> credential(String credentialName) {
        return credentials.stream().filter(c -> c.name().equals(credentialName)).findFirst();
    }

    /** The workflow-level {@code <sla:info>}, empty when there is none. */
    public Optional<SlaInfo> sla() {
        return SlaInfo.find(otherElements);
    }

    /** The schema version from the namespace ("0.2", "1.0"), or "" for a namespace-less file. */
    public String schemaVersion() {
        return OozieNamespaces.version(namespace);
    }
}
