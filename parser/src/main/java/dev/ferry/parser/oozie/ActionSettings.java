package dev.ferry.parser.oozie;

import java.util.List;

/**
 * What an action runs with once {@code <global>} is applied, the way Oozie merges it at submission
 * (LiteWorkflowAppParser): the action's own {@code job-tracker}/{@code resource-manager} and {@code name-node}
 * win and the global ones fill in; the global {@code job-xml}s follow the action's own, skipping repeats; the
 * global configuration properties follow the action's, skipping names the action sets itself.
 *
 * @param resourceManager null when neither the action nor {@code <global>} sets one
 * @param nameNode        null when neither the action nor {@code <global>} sets one
 * @param inherited       what came from {@code <global>}, for the report: {@code resource-manager},
 *                        {@code name-node}, {@code job-xml:<path>}, {@code configuration:<name>}
 */
public record ActionSettings(
        String resourceManager,
        String nameNode,
        List<String> jobXml,
        List<ConfigProperty> configuration,
        List<String> inherited) {

    public ActionSettings {
        jobXml = List.copyOf(jobXml);
        configuration = List.copyOf(configuration);
        inherited = List.copyOf(inherited);
    }
}
