package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.ConfigProperty;
import dev.ferry.parser.oozie.Global;
import dev.ferry.parser.oozie.PigAction;
import java.util.ArrayList;
import java.util.List;

/**
 * What an action carries that a Flink job has no equivalent for yet: Hadoop configuration,
 * files, archives, job XML. Each becomes a warning and a report TODO, never a silent drop.
 */
final class ActionNotes {

    private ActionNotes() {}

    static void report(ActionNode node, Global global, Diagnostics diagnostics) {
        if (node.action() instanceof PigAction pig) {
            List<ConfigProperty> configuration = new ArrayList<>();
            if (global != null) {
                configuration.addAll(global.configuration());
            }
            configuration.addAll(pig.configuration());
            if (!configuration.isEmpty()) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        pig.span(),
                        "Hadoop configuration of '" + node.name() + "' is not carried to Flink: "
                                + String.join(
                                        ", ",
                                        configuration.stream()
                                                .map(p -> p.name() + "=" + p.value())
                                                .toList()),
                        "MapReduce/YARN settings have no Flink meaning; set Flink options in the FlinkDeployment if needed");
            }
            note(diagnostics, node, "<file>", pig.files());
            note(diagnostics, node, "<archive>", pig.archives());
            note(diagnostics, node, "<argument>", pig.arguments());
            note(diagnostics, node, "<job-xml>", pig.jobXml());
        }
    }

    private static void note(Diagnostics diagnostics, ActionNode node, String element, List<String> values) {
        if (!values.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    node.action().span(),
                    element + " of '" + node.name() + "' is not carried over: " + String.join(", ", values),
                    "ship the files in the runtime image or a volume");
        }
    }
}
