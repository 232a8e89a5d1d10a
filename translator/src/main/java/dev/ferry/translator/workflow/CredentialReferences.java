package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.parser.oozie.ConfigProperty;
import dev.ferry.parser.oozie.Credential;
import dev.ferry.secrets.SecretNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An action's {@code cred="a,b"}: each credential becomes a Kubernetes Secret the pod reads. Its properties
 * reach the pod as {@code OOZIE_CRED_<NAME>_<PROPERTY>} env vars: plain ones with their value, secret ones
 * (password, token, keytab...) only as a reference to key {@code <property>} of Secret {@code oozie-cred-<name>}.
 * Oozie's step that turns a credential into a Hadoop delegation token has no Kubernetes counterpart, so every
 * credential is a report TODO.
 */
final class CredentialReferences {

    private CredentialReferences() {}

    static String secretName(Credential credential) {
        return WorkflowTranslator.DagNames.dns("oozie-cred-" + credential.name(), 63);
    }

    static void attach(PodCommandContext context) {
        String cred = context.node.cred();
        if (cred == null || cred.isBlank()) {
            return;
        }
        for (String name : cred.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            // An undeclared name is the parser's OOZ-E018.
            context.sources.workflow().credential(trimmed).ifPresent(c -> attach(context, c));
        }
    }

    private static void attach(PodCommandContext context, Credential credential) {
        String secret = secretName(credential);
        List<String> keys = new ArrayList<>();
        for (ConfigProperty property : credential.properties()) {
            String env = envName(credential.name(), property.name());
            if (isSecret(property.name())) {
                keys.add(property.name());
                context.secretEnv.add(new PodContainer.SecretEnv(env, secret, property.name()));
            } else {
                context.env.put(env, context.el.template(property.value(), property.span()));
            }
        }
        context.diagnostics.report(
                DiagnosticCode.OOZ_W022,
                credential.span(),
                "credential '" + credential.name() + "' (type " + credential.type() + ") of '" + context.node.name()
                        + "' becomes Kubernetes Secret '" + secret + "'"
                        + (keys.isEmpty() ? "" : " with keys " + String.join(", ", keys))
                        + "; its other properties are env vars OOZIE_CRED_*",
                "create the Secret in the pods' namespace; Oozie's delegation-token step does not exist on Kubernetes, "
                        + "so the job must authenticate with it (keytab, password or token)");
    }

    /** Secret-looking names, and keytabs (a file that is a secret, unlike a keytab path). */
    static boolean isSecret(String property) {
        String lower = property.toLowerCase(Locale.ROOT);
        return SecretNames.isSecret(property)
                || (lower.contains("keytab")
                        && !lower.endsWith("path")
                        && !lower.endsWith("file")
                        && !lower.endsWith("location"));
    }

    static String envName(String credential, String property) {
        return ("OOZIE_CRED_" + credential + "_" + property)
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9_]", "_");
    }
}
