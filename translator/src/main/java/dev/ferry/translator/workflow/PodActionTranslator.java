package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.ActionSettings;
import dev.ferry.parser.oozie.ConfigDefault;
import dev.ferry.parser.oozie.ConfigProperty;
import dev.ferry.parser.oozie.ElementText;
import dev.ferry.parser.oozie.Global;
import dev.ferry.parser.oozie.PodAction;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.secrets.SecretNames;
import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Oozie actions that need a container of their own → a {@link TaskNode.PodJob}: one Kubernetes pod per
 * run whose image a person supplies (a DAG param), with the action's configuration, files, archives,
 * prepare steps, launcher settings and credentials carried, and every part that is not a TODO at file:line:col.
 */
final class PodActionTranslator {

    /** {@code <launcher>} children and what becomes of them: carried into the pod, or only reported. */
    static final Map<String, String> LAUNCHER = launcher();

    private PodActionTranslator() {}

    private static Map<String, String> launcher() {
        Map<String, String> launcher = new LinkedHashMap<>();
        launcher.put("memory.mb", "the container's memory request and limit");
        launcher.put("vcores", "the container's cpu request");
        launcher.put("java-opts", "JVM options of the action's main (java) or HADOOP_CLIENT_OPTS");
        launcher.put("env", "container environment variables");
        launcher.put("queue", "");
        launcher.put("sharelib", "");
        launcher.put("view-acl", "");
        launcher.put("modify-acl", "");
        return launcher;
    }

    /** The DAG param holding the image of every action of this type. */
    static String imageParam(String type) {
        return "ferry_image_" + type.replace('-', '_');
    }

    /** The image of every action of this type: the value of its param. */
    static Template image(String type) {
        return Template.of(new RuntimeExpr.Param(imageParam(type)));
    }

    /** The placeholder value of {@link #imageParam}: an image that cannot be pulled, naming what it must hold. */
    static String imagePlaceholder(String type) {
        return "todo.invalid/ferry/" + type + "-action:set-the-image";
    }

    /** The Kubernetes Secret of one action's own secret (a hive2 password, a sqoop --password). */
    static String secretName(PodCommandContext context, String what) {
        return WorkflowTranslator.DagNames.dns(context.dagId + "-" + context.node.name() + "-" + what, 63);
    }

    static void addClientOpts(PodCommandContext context, List<Template> options) {
        if (options.isEmpty()) {
            return;
        }
        context.env.merge(
                "HADOOP_CLIENT_OPTS", TemplateText.join(" ", options), (a, b) -> TemplateText.concat(a, " ", b));
    }

    static <A extends PodAction> Optional<TaskNode> translate(ActionKind.Context action, PodCommand<A> command, A pod) {
        String dagId = action.dagId();
        ActionNode node = action.node();
        TriggerRule rule = action.rule();
        WorkflowSources sources = action.sources();
        OozieEl el = action.el();
        Diagnostics diagnostics = action.diagnostics();
        String type = pod.type();
        Global global = sources.workflow().global();
        Map<String, String> launcher = launcherSettings(node, pod, global, diagnostics);
        PodCommandContext context = new PodCommandContext(
                dagId,
                node,
                pod,
                sources,
                action.knownValues(),
                el,
                diagnostics,
                configuration(node, sources, el, diagnostics),
                PodCommandContext.splitOptions(launcher.get("java-opts")));
        command.build(context, pod);
        clusterAddresses(context, pod, sources.workflow().settings(node), el);
        // A main run by our own `java` command took the launcher's java-opts; any other tool gets them
        // through the variable Hadoop's scripts pass to the client JVM.
        if (!TemplateText.isText(context.command.get(0), "java") && launcher.containsKey("java-opts")) {
            addClientOpts(
                    context,
                    context.launcherJavaOpts.stream().map(Template::text).toList());
        }
        if (launcher.containsKey("env")) {
            for (String pair : launcher.get("env").split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    context.env.put(
                            pair.substring(0, eq).trim(),
                            Template.text(pair.substring(eq + 1).trim()));
                }
            }
        }
        command.libJarsHint().ifPresent(hint -> ActionFiles.checkLib(context, hint));
        List<Template> files = new ArrayList<>(context.templates(pod.files()));
        List<Template> archives = context.templates(pod.archives());
        ActionFiles.checkPresent(context, "<file>", files, pod.span());
        ActionFiles.checkPresent(context, "<archive>", archives, pod.span());
        command.checkFiles(context, pod);
        files.addAll(context.fetchedFiles);
        CredentialReferences.attach(context);
        context.env.put("FERRY_WORKDIR", Template.text(PodCommandContext.WORKDIR));
        String appPath = sources.jobProperties().get("oozie.wf.application.path");
        if (appPath != null) {
            // Relative <file>/<archive> paths resolve against it, as in Oozie.
            context.env.put(
                    "OOZIE_WF_APPLICATION_PATH",
                    el.template(appPath, dev.ferry.diagnostics.SourceSpan.file(sources.jobPropertiesFile())));
        }
        if (context.captureOutput) {
            context.env.put("OOZIE_ACTION_OUTPUT_PROPERTIES", Template.text(JavaActionCommand.OUTPUT_PROPERTIES));
        }
        String imageParam = imageParam(type);
        action.podImages().put(imageParam, imagePlaceholder(type));
        diagnostics.report(
                DiagnosticCode.OOZ_W020,
                pod.span(),
                "<" + type + "> action '" + node.name() + "' runs in a container of its own: set DAG param '"
                        + imageParam + "' to an image with " + command.imageNeeds(pod),
                "Ferry cannot know the job's image; the placeholder '" + imagePlaceholder(type) + "' cannot be pulled");
        SortedMap<String, Template> configuration = new TreeMap<>(context.presetConfiguration);
        configuration.putAll(context.configuration);
        PodContainer container = new PodContainer(
                imageParam,
                image(type),
                context.command,
                context.env,
                context.secretEnv,
                configuration,
                files,
                archives,
                context.carried,
                context.captureOutput,
                launcher.get("memory.mb"),
                launcher.get("vcores"));
        return Optional.of(new TaskNode.PodJob(
                node.name(),
                node.span(),
                rule,
                type,
                container,
                PrepareSteps.of(pod.parts().prepare(), el),
                node.okTo(),
                node.errorTo(),
                RetryPolicies.of(node, diagnostics)));
    }

    /**
     * {@code <name-node>} and {@code <job-tracker>}/{@code <resource-manager>} (own or from {@code <global>}) go
     * into action.xml as Oozie's JavaActionExecutor puts them into the action configuration; the action's own
     * configuration still wins.
     */
    private static void clusterAddresses(
            PodCommandContext context, PodAction pod, ActionSettings settings, OozieEl el) {
        if (settings.nameNode() != null) {
            context.presetConfiguration.put(
                    "fs.defaultFS",
                    el.template(
                            settings.nameNode(),
                            pod.parts().nameNode().map(ElementText::span).orElse(pod.span())));
        }
        if (settings.resourceManager() != null) {
            Template rm = el.template(settings.resourceManager(), pod.span());
            context.presetConfiguration.put("yarn.resourcemanager.address", rm);
            context.presetConfiguration.put("mapreduce.framework.name", Template.text("yarn"));
        }
    }

    /** job-xml files (in order), then the action's configuration and {@code <global>}'s, as Oozie merges them. */
    private static SortedMap<String, Template> configuration(
            ActionNode node, WorkflowSources sources, OozieEl el, Diagnostics diagnostics) {
        ActionSettings settings = sources.workflow().settings(node);
        List<ConfigProperty> properties = new ArrayList<>();
        for (String jobXml : settings.jobXml()) {
            Path file = sources.workflowDir().resolve(jobXml).normalize();
            RepoRoot.Located located = jobXml.contains("${") || jobXml.contains("://")
                    ? new RepoRoot.Located(RepoRoot.Place.MISSING, file)
                    : sources.root().locate(sources.workflowDir(), jobXml);
            Optional<Path> elsewhere = located.outside() || (located.inside() && Files.isRegularFile(located.path()))
                    ? Optional.empty()
                    : AppPaths.actionFile(jobXml, sources.jobProperties(), sources.repoRoot(), sources.workflowDir());
            if (located.outside()) {
                sources.root().checked(located, node.action().span(), diagnostics);
            } else if (located.inside() && Files.isRegularFile(located.path())) {
                properties.addAll(ConfigDefault.load(located.path(), sources.display(located.path()), diagnostics));
            } else if (elsewhere.isPresent()) {
                properties.addAll(ConfigDefault.load(elsewhere.get(), sources.display(elsewhere.get()), diagnostics));
            } else {
                diagnostics.report(
                        DiagnosticCode.OOZ_W001,
                        node.action().span(),
                        "<job-xml> " + jobXml + " of '" + node.name() + "' is not in the repository (looked for "
                                + sources.display(file) + "); its properties are not in action.xml",
                        "add the file next to workflow.xml, or copy its properties into <configuration>");
            }
        }
        properties.addAll(settings.configuration());
        SortedMap<String, Template> configuration = new TreeMap<>();
        for (ConfigProperty property : properties) {
            if (SecretNames.isSecret(property.name())) {
                diagnostics.report(
                        DiagnosticCode.OOZ_W002,
                        property.span(),
                        "configuration property '" + property.name() + "' of '" + node.name()
                                + "' looks like a secret and is not written to any generated file",
                        "give the job the value from a Kubernetes Secret (for example a Hadoop credential provider)");
                continue;
            }
            configuration.put(property.name(), el.template(property.value(), property.span()));
        }
        return configuration;
    }

    /** {@code <launcher>} of {@code <global>} then of the action (the action's children win). */
    private static Map<String, String> launcherSettings(
            ActionNode node, PodAction pod, Global global, Diagnostics diagnostics) {
        Map<String, String> settings = new LinkedHashMap<>();
        List<List<ElementText>> launchers = new ArrayList<>();
        if (global != null) {
            launchers.add(global.launcher());
        }
        launchers.add(pod.parts().launcher());
        for (List<ElementText> launcher : launchers) {
            for (ElementText child : launcher) {
                String effect = LAUNCHER.get(child.name());
                if (effect == null || effect.isEmpty()) {
                    diagnostics.report(
                            DiagnosticCode.OOZ_W001,
                            child.span(),
                            "<launcher><" + child.name() + "> " + child.text() + " of '" + node.name()
                                    + "' has no Kubernetes pod counterpart",
                            "set the namespace, scheduling or RBAC of the pod by hand if it matters");
                } else {
                    settings.put(child.name(), child.text());
                }
            }
        }
        return settings;
    }
}
