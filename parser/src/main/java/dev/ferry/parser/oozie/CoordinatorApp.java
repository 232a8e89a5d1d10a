package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * A parsed coordinator.xml, whatever its schema version (0.1-0.5).
 *
 * @param frequency       raw: {@code ${coord:days(1)}}, {@code 1440} (minutes) or a cron {@code 0 2 * * *}
 * @param controls        null when there is no {@code <controls>}
 * @param datasetIncludes paths of {@code <include>} dataset files (raw EL), read with
 *                        {@link OozieReader#readDatasets}
 * @param inputLogic      the 0.5 {@code <input-logic>} as written, null when absent
 * @param otherElements   elements the model does not map (sla:info...), for the report
 */
public record CoordinatorApp(
        String name,
        String namespace,
        SourceSpan span,
        String frequency,
        String start,
        String end,
        String timezone,
        Controls controls,
        List<Dataset> datasets,
        List<DataEvent> inputEvents,
        List<DataEvent> outputEvents,
        String workflowAppPath,
        List<ConfigProperty> configuration,
        String file,
        List<Parameter> parameters,
        List<String> datasetIncludes,
        InputLogic inputLogic,
        List<XmlElement> otherElements) {

    public CoordinatorApp {
        datasets = List.copyOf(datasets);
        inputEvents = List.copyOf(inputEvents);
        outputEvents = List.copyOf(outputEvents);
        configuration = List.copyOf(configuration);
        parameters = List.copyOf(parameters);
        datasetIncludes = List.copyOf(datasetIncludes);
        otherElements = List.copyOf(otherElements);
    }

    /** This coordinator under another name (resolved from EL, or given by the bundle that runs it). */
    public CoordinatorApp withName(String newName) {
        return new CoordinatorApp(
                newName,
                namespace,
                span,
                frequency,
                start,
                end,
                timezone,
                controls,
                datasets,
                inputEvents,
                outputEvents,
                workflowAppPath,
                configuration,
                file,
                parameters,
                datasetIncludes,
                inputLogic,
                otherElements);
    }

    /** The {@code <sla:info>} of the coordinator's action, empty when there is none. */
    public java.util.Optional<SlaInfo> sla() {
        return SlaInfo.find(otherElements);
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
