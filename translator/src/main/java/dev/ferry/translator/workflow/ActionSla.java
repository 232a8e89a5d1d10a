package dev.ferry.translator.workflow;

/**
 * An action's {@code <sla:info>}, its values translated to Jinja templates (null when absent); the runtime's
 * {@code oozie.action_sla} checks it when the action ends (see ferry_runtime/sla.py).
 *
 * @param node the action's node name
 */
public record ActionSla(String node, String nominalTime, String shouldStart, String shouldEnd, String maxDuration,
                        String alertEvents, String alertContact, String notificationMsg) {}
