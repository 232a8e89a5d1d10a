package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * An {@code <action>} node: what it runs and where it goes on ok and on error.
 *
 * @param retryMax      {@code retry-max} attribute, null when absent
 * @param retryInterval {@code retry-interval} attribute (minutes), null when absent
 * @param cred          {@code cred} attribute (comma-separated credential names), null when absent
 * @param otherElements children the model does not map (sla:info...), for the report
 */
public record ActionNode(
        String name,
        SourceSpan span,
        Action action,
        String okTo,
        String errorTo,
        Integer retryMax,
        Integer retryInterval,
        String retryPolicy,
        String cred,
        SourceSpan okSpan,
        SourceSpan errorSpan,
        List<XmlElement> otherElements)
        implements WorkflowNode {

    public ActionNode {
        otherElements = List.copyOf(otherElements);
    }

    /** The action's {@code <sla:info>} (SLA 0.1/0.2), empty when it has none. */
    public java.util.Optional<SlaInfo> sla() {
        return SlaInfo.find(otherElements);
    }
}
