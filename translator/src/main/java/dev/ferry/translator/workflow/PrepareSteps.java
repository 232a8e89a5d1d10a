package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An action element's {@code <prepare>}: its delete and mkdir steps in document order, paths as Jinja. */
final class PrepareSteps {

    private PrepareSteps() {}

    static List<TaskNode.PrepareStep> of(XmlElement action, OozieEl el) {
        List<TaskNode.PrepareStep> steps = new ArrayList<>();
        action.child("prepare").ifPresent(prepare -> {
            for (XmlElement step : prepare.children()) {
                steps.add(new TaskNode.PrepareStep(step.name().toLowerCase(Locale.ROOT),
                        el.template(step.attribute("path"), step.span())));
            }
        });
        return steps;
    }
}
