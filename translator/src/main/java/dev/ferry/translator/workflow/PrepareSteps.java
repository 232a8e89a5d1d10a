package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An action element's {@code <prepare>}: its delete and mkdir steps in document order (every schema version has only
 * these two; the parser's schema validation reports anything else).
 */
final class PrepareSteps {

    private PrepareSteps() {}

    static List<TaskNode.PrepareStep> of(XmlElement action, OozieEl el) {
        List<TaskNode.PrepareStep> steps = new ArrayList<>();
        action.child("prepare").ifPresent(prepare -> {
            for (XmlElement step : prepare.children()) {
                operation(step.name())
                        .ifPresent(operation -> steps.add(
                                new TaskNode.PrepareStep(operation, el.template(step.attribute("path"), step.span()))));
            }
        });
        return steps;
    }

    private static java.util.Optional<TaskNode.PrepareOperation> operation(String element) {
        return java.util.Arrays.stream(TaskNode.PrepareOperation.values())
                .filter(o -> o.name().equals(element.toUpperCase(Locale.ROOT)))
                .findFirst();
    }
}
