package dev.ferry.translator.workflow;

import dev.ferry.translator.el.Template;

/**
 * An action's {@code <sla:info>}, its values as templates rendered per run (null when absent); the runtime's
 * {@code oozie.action_sla} checks it when the action ends (see ferry_runtime/sla.py).
 *
 * @param node the action's node name
 */
public record ActionSla(
        String node,
        Template nominalTime,
        Template shouldStart,
        Template shouldEnd,
        Template maxDuration,
        Template alertEvents,
        Template alertContact,
        Template notificationMsg) {}
