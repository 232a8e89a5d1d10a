package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.EmailAction;

/** An Oozie {@code <email>} action → a {@link TaskNode.Email}: recipients, subject and body as EL templates. */
final class EmailActionTranslator {

    private EmailActionTranslator() {}

    static TaskNode translate(
            ActionNode node, EmailAction email, TriggerRule rule, OozieEl el, Diagnostics diagnostics) {
        return new TaskNode.Email(
                node.name(),
                node.span(),
                rule,
                el.template(email.to(), email.span()),
                email.cc() == null ? null : el.template(email.cc(), email.span()),
                el.template(email.subject(), email.span()),
                el.template(email.body(), email.span()),
                node.okTo(),
                node.errorTo(),
                RetryPolicies.of(node, diagnostics));
    }
}
