package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * A {@code <pig>} action. Values keep their raw EL.
 *
 * @param resourceManager {@code <job-tracker>} or {@code <resource-manager>}, null when absent (then from global)
 * @param scriptSpan      where the script path text starts
 * @param otherElements   children the model does not map (launcher...), for the report
 */
public record PigAction(
        SourceSpan span,
        String resourceManager,
        String nameNode,
        List<PrepareStep> prepare,
        List<String> jobXml,
        List<ConfigProperty> configuration,
        String script,
        SourceSpan scriptSpan,
        List<PigParam> params,
        List<String> arguments,
        List<String> files,
        List<String> archives,
        List<XmlElement> otherElements)
        implements Action {

    public PigAction {
        prepare = List.copyOf(prepare);
        jobXml = List.copyOf(jobXml);
        configuration = List.copyOf(configuration);
        params = List.copyOf(params);
        arguments = List.copyOf(arguments);
        files = List.copyOf(files);
        archives = List.copyOf(archives);
        otherElements = List.copyOf(otherElements);
    }

    @Override
    public String type() {
        return "pig";
    }
}
