package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code <sub-workflow>} (workflow 0.1-1.0).
 *
 * @param appPath       null when absent
 * @param configuration the properties passed to the child; each span is its value's text (the property's when the
 *                      value is missing, whose value is then empty)
 */
public record SubWorkflowAction(
        SourceSpan span,
        ElementText appPath,
        boolean propagateConfiguration,
        List<ConfigProperty> configuration,
        ActionParts parts)
        implements BoundAction {

    public SubWorkflowAction {
        configuration = List.copyOf(configuration);
    }

    @Override
    public String type() {
        return "sub-workflow";
    }
}
