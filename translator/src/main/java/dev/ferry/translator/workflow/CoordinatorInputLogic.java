package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.XmlElement;
import dev.ferry.translator.workflow.CoordinatorData.InputGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Coordinator 0.5 {@code <input-logic>} → sensor groups. An {@code <and>} or {@code <or>} whose children are plain
 * {@code <data-in dataset="..."/>} references maps cleanly; {@code <combine>}, {@code min}, {@code wait} and nested
 * operators get a warning, and the run then waits for every data-in (Oozie's rule without input-logic): it may
 * start later than Oozie would, never earlier.
 */
final class CoordinatorInputLogic {

    private static final Set<String> OPERATORS = Set.of("and", "or", "combine");

    private CoordinatorInputLogic() {}

    static List<InputGroup> translate(XmlElement logic, List<String> dataIns, Diagnostics diagnostics) {
        if (logic == null) {
            return List.of();
        }
        List<InputGroup> groups = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (XmlElement operator : logic.children()) {
            List<String> members = new ArrayList<>();
            String problem = null;
            if (!operator.name().equals("and") && !operator.name().equals("or")) {
                problem = "<" + operator.name() + "> is not translated";
            } else if (operator.attribute("min") != null || operator.attribute("wait") != null) {
                problem = "min/wait on <" + operator.name() + "> are not translated";
            }
            for (XmlElement member : operator.children()) {
                if (OPERATORS.contains(member.name())) {
                    problem = problem != null ? problem : "nested <" + member.name() + "> is not translated";
                } else if (member.name().equals("data-in")) {
                    if (member.attribute("min") != null || member.attribute("wait") != null) {
                        problem = problem != null ? problem : "min/wait on a <data-in> are not translated";
                    }
                    String ref = member.attribute("dataset") != null ? member.attribute("dataset") : member.attribute("name");
                    if (!dataIns.contains(ref)) {
                        problem = problem != null ? problem : "<data-in dataset=\"" + ref + "\"> names no <data-in>";
                    }
                    members.add(ref);
                }
            }
            String name = operator.attribute("name") != null ? operator.attribute("name") : operator.name();
            if (problem != null) {
                diagnostics.report(DiagnosticCode.OOZ_W001, operator.span(), "input-logic '" + name + "': " + problem
                                + "; the run waits for every data-in instead",
                        "TODO: port this input-logic by hand (the sensors are in the input-events task group)");
                return List.of();
            }
            covered.addAll(members);
            groups.add(new InputGroup(name, operator.name(), members));
        }
        for (String dataIn : dataIns) {
            if (!covered.contains(dataIn)) {
                diagnostics.report(DiagnosticCode.OOZ_W001, logic.span(), "data-in '" + dataIn
                                + "' is not part of the input-logic; Ferry still waits for it",
                        "remove the data-in if the workflow does not need it");
            }
        }
        return groups;
    }
}
