package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.PrepareStep;
import java.util.List;

/** An action's {@code <prepare>}: its delete and mkdir steps in document order, each path an EL template. */
final class PrepareSteps {

    private PrepareSteps() {}

    static List<TaskNode.PrepareStep> of(List<PrepareStep> steps, OozieEl el) {
        return steps.stream()
                .map(step -> new TaskNode.PrepareStep(
                        TaskNode.PrepareOperation.valueOf(step.kind().name()), el.template(step.path(), step.span())))
                .toList();
    }
}
