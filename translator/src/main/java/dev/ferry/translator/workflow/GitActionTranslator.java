package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.ActionSettings;
import dev.ferry.parser.oozie.ConfigProperty;
import dev.ferry.parser.oozie.ElementText;
import dev.ferry.parser.oozie.GitAction;
import dev.ferry.translator.el.Template;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code <git>} action (uri:oozie:git-action:1.0) → a clone by the real {@code git} on the Airflow
 * worker, copied into destination-uri through fsspec ({@code ferry_runtime.actions.git}).
 *
 * <p>What Oozie 5 does (GitActionExecutor in core, GitMain and GitOperations in sharelib/git):
 * <ul>
 * <li>Elements, in the XSD's order: resource-manager?, name-node, prepare?, git-uri, branch?, key-path?,
 *     destination-uri, configuration?. {@code setupActionConf} merges {@code <configuration>} first, then
 *     sets oozie.oozie.name.node, oozie.git.source.uri and oozie.git.destination.uri from their (required)
 *     elements, a missing one being GIT010 "Action Configuration does not have [name] property"; it sets
 *     oozie.git.branch and oozie.git.key.path only when the element is there, so a {@code <configuration>}
 *     property of that name counts when the element is absent.</li>
 * <li>git-uri and destination-uri must parse as {@code java.net.URI} with a scheme (GitMain.isValidUri): a
 *     scp-like {@code git@host:repo} or a bare path fails the action at run time.</li>
 * <li>key-path: copied from the name-node's FileSystem into {@code privkey} in a fresh local directory
 *     created rwx------, and given to JGit's JSch as its identity, with StrictHostKeyChecking=no, for an
 *     ssh:// git-uri only (the key is fetched whatever the scheme, so a missing key fails any clone).</li>
 * <li>The clone: JGit into a local temporary directory, full history; without branch every branch is
 *     fetched and the remote's HEAD (its default branch) checked out; with branch only refs/heads/BRANCH.</li>
 * <li>The copy: {@code mkdirs(destination)}, then {@code copyFromLocalFile(overwrite=true)} of every
 *     top-level entry of the checkout, {@code .git} included: see the runtime for an existing destination.</li>
 * <li>A failure in GitMain (bad URI, missing key, clone, copy) ends the action in ERROR with wf:errorCode
 *     JA018 (the launcher's main threw) and wf:errorMessage the exception's message, for a failed clone
 *     "Unable to clone Git repo: ".</li>
 * <li>{@code <configuration>} sets Hadoop FileSystem properties for the key and destination file systems,
 *     which mean nothing to fsspec: a warning.</li>
 * </ul>
 */
final class GitActionTranslator {

    /** GitActionExecutor's action configuration names. */
    static final String BRANCH = "oozie.git.branch";

    static final String KEY_PATH = "oozie.git.key.path";
    /** Set from their required elements after {@code <configuration>} is merged: a property never wins. */
    private static final Map<String, String> ELEMENT_WINS = Map.of(
            "oozie.git.source.uri",
            "git-uri",
            "oozie.git.destination.uri",
            "destination-uri",
            "oozie.oozie.name.node",
            "name-node");

    private GitActionTranslator() {}

    static TaskNode translate(
            ActionNode node,
            GitAction git,
            TriggerRule rule,
            WorkflowSources sources,
            OozieEl el,
            Diagnostics diagnostics) {
        ActionSettings settings = sources.workflow().settings(node);
        Map<String, ConfigProperty> configuration = new LinkedHashMap<>();
        settings.configuration().forEach(p -> configuration.put(p.name(), p));
        Template gitUri = required(node, git, git.gitUri(), "git-uri", el, diagnostics);
        Template destination = required(node, git, git.destinationUri(), "destination-uri", el, diagnostics);
        Template branch = optional(node, git.branch(), "branch", BRANCH, configuration, el, diagnostics);
        Template keyPath = optional(node, git.keyPath(), "key-path", KEY_PATH, configuration, el, diagnostics);
        Template nameNode = settings.nameNode() == null
                ? null
                : el.template(
                        settings.nameNode(),
                        git.parts().nameNode().map(ElementText::textSpan).orElse(git.span()));
        List<TaskNode.PrepareStep> prepare = PrepareSteps.of(git.parts().prepare(), el);
        // They only configure the YARN launcher Oozie runs GitMain in.
        for (ElementText child : git.parts().resourceManagers()) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    child.span(),
                    "<" + child.name() + "> of git action '" + node.name()
                            + "' is not carried over: the clone runs "
                            + "on the Airflow worker, not in a YARN launcher",
                    "the worker needs the `git` command and network access to the repository");
        }
        reportConfiguration(node, git, configuration, diagnostics);
        return new TaskNode.Git(
                node.name(),
                node.span(),
                rule,
                nameNode,
                gitUri,
                branch,
                keyPath,
                destination,
                prepare,
                node.okTo(),
                node.errorTo(),
                RetryPolicies.of(node, diagnostics));
    }

    /**
     * git-uri, destination-uri: Oozie refuses the action without the element (GIT010); GitMain fails one that is not a
     * URI with a scheme, an empty one included.
     */
    private static Template required(
            ActionNode node, GitAction git, ElementText element, String name, OozieEl el, Diagnostics diagnostics) {
        if (element == null) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E004,
                    git.span(),
                    "git action '" + node.name() + "' has no <" + name + ">",
                    "Oozie refuses it too (GIT010: Action Configuration does not have the property)");
            return Template.text("");
        }
        String text = element.text();
        if (!text.contains("${") && !hasScheme(text)) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    element.textSpan(),
                    "<" + name + "> '" + text + "' of git action '" + node.name() + "' is not a URI with a scheme: "
                            + "Oozie's GitMain fails the action at run time (JA018), and so does the translated task",
                    name.equals("git-uri")
                            ? "write it as a URI, for example " + sshUri(text)
                            : "give the path its file system, for example hdfs://namenode:8020" + text);
        }
        return el.template(text, element.textSpan());
    }

    /** branch, key-path: the element, else the {@code <configuration>} property setupActionConf leaves alone. */
    private static Template optional(
            ActionNode node,
            ElementText element,
            String name,
            String property,
            Map<String, ConfigProperty> configuration,
            OozieEl el,
            Diagnostics diagnostics) {
        ConfigProperty configured = configuration.get(property);
        if (element != null) {
            if (configured != null) {
                overridden(node, configured, name, diagnostics);
            }
            // An empty element is kept: the runtime treats it as Oozie does (see ferry_runtime.actions.git).
            return el.template(element.text(), element.textSpan());
        }
        return configured == null
                        || configured.value() == null
                        || configured.value().isBlank()
                ? null
                : el.template(configured.value().trim(), configured.span());
    }

    private static void reportConfiguration(
            ActionNode node, GitAction git, Map<String, ConfigProperty> configuration, Diagnostics diagnostics) {
        List<String> unused = new ArrayList<>();
        for (ConfigProperty property : configuration.values()) {
            String element = ELEMENT_WINS.get(property.name());
            if (element != null) {
                overridden(node, property, element, diagnostics);
            } else if (!property.name().equals(BRANCH) && !property.name().equals(KEY_PATH)) {
                unused.add(property.name());
            }
        }
        if (!unused.isEmpty()) {
            // Names only: a value may be a credential of the file system.
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    git.parts().configuration().map(ElementText::span).orElse(git.span()),
                    "configuration of git action '" + node.name()
                            + "' is not carried over (Oozie gives it to the Hadoop "
                            + "FileSystem that reads key-path and writes destination-uri): "
                            + String.join(", ", unused),
                    "configure the file system client (fsspec/pyarrow, core-site.xml) on the worker instead");
        }
    }

    private static void overridden(ActionNode node, ConfigProperty property, String element, Diagnostics diagnostics) {
        diagnostics.report(
                DiagnosticCode.OOZ_W001,
                property.span(),
                "configuration property '" + property.name() + "' of git action '" + node.name() + "' has no effect: "
                        + "Oozie sets it from <" + element + ">",
                "remove the property");
    }

    /** GitMain.isValidUri: {@code new URI(text)} parses and has a scheme. */
    static boolean hasScheme(String text) {
        try {
            return new URI(text).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@code git@github.com:acme/etl.git} → {@code ssh://git@github.com/acme/etl.git}. */
    static String sshUri(String scpLike) {
        int colon = scpLike.indexOf(':');
        if (colon <= 0 || scpLike.substring(0, colon).contains("/")) {
            return "file://" + (scpLike.startsWith("/") ? "" : "/") + scpLike;
        }
        String path = scpLike.substring(colon + 1);
        return "ssh://" + scpLike.substring(0, colon) + (path.startsWith("/") ? "" : "/") + path;
    }
}
