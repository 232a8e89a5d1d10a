package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.ElementText;
import dev.ferry.parser.oozie.SshAction;
import dev.ferry.translator.el.Template;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code <ssh>} action (uri:oozie:ssh-action 0.1/0.2) → the SSH provider's SSHOperator on a
 * connection named after {@code <host>}; the report says which connection to create (the key lives
 * there, never in the DAG).
 */
final class SshActionTranslator {

    private SshActionTranslator() {}

    static TaskNode translate(
            ActionNode node,
            SshAction ssh,
            TriggerRule rule,
            Map<String, String> knownValues,
            OozieEl el,
            Diagnostics diagnostics) {
        ElementText host = ssh.host();
        String hostText = host == null ? "" : host.text();
        String resolved = host == null
                ? ""
                : el.resolve(hostText, host.textSpan(), knownValues).orElse(hostText);
        String connectionId = connectionId(resolved);
        String hostPart = hostText.contains("@") ? hostText.substring(hostText.indexOf('@') + 1) : hostText;
        String login = resolved.contains("@") ? resolved.substring(0, resolved.indexOf('@')) : "(the remote user)";
        diagnostics.report(
                DiagnosticCode.OOZ_W001,
                host == null ? ssh.span() : host.span(),
                "ssh action '" + node.name() + "' runs over the Airflow connection '" + connectionId
                        + "': create it (conn type ssh, "
                        + "host " + (resolved.contains("@") ? resolved.substring(resolved.indexOf('@') + 1) : resolved)
                        + ", login " + login + ")",
                "put the private key in the connection (extra private_key or key_file), never in the DAG");
        ElementText command = ssh.command();
        List<TaskNode.SshArgument> arguments = new ArrayList<>();
        Iterator<Template> quoted = el.arguments(ssh.arguments().stream()
                        .filter(SshAction.Argument::quoted)
                        .map(SshAction.Argument::text)
                        .toList())
                .iterator();
        for (SshAction.Argument argument : ssh.arguments()) {
            ElementText child = argument.text();
            if (!argument.quoted()) {
                // <args>: Oozie appends the text to the remote command line, where the remote shell parses it.
                if (child.text().contains("${")) {
                    diagnostics.report(
                            DiagnosticCode.OOZ_W001,
                            child.textSpan(),
                            "<args> of ssh action '" + node.name()
                                    + "' goes to the remote shell as written, as in Oozie: "
                                    + "the values its EL gives are not quoted",
                            "use <arg> (ssh-action 0.2), which Ferry passes as one quoted argument");
                }
                arguments.add(new TaskNode.SshArgument(false, el.template(child.text(), child.textSpan())));
            } else {
                arguments.add(new TaskNode.SshArgument(true, quoted.next()));
            }
        }
        return new TaskNode.Ssh(
                node.name(),
                node.span(),
                rule,
                connectionId,
                el.template(hostPart, host == null ? ssh.span() : host.textSpan()),
                command == null ? Template.text("") : el.template(command.text(), command.textSpan()),
                arguments,
                ssh.captureOutput(),
                node.okTo(),
                node.errorTo(),
                RetryPolicies.of(node, diagnostics));
    }

    /** {@code etl@gateway.example.com} → {@code ssh_etl_gateway_example_com}. */
    static String connectionId(String host) {
        String id = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return "ssh_" + (id.isEmpty() ? "default" : id);
    }
}
