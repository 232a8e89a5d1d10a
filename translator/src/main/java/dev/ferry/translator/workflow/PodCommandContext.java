package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.ElementText;
import dev.ferry.parser.oozie.PodAction;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import dev.ferry.translator.workflow.PodContainer.CarriedFile;
import dev.ferry.translator.workflow.PodContainer.SecretEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a {@link PodCommand} reads (the action element, its configuration) and fills (argv, env, secrets,
 * configuration Oozie's launcher main sets before the action's own, carried files).
 */
final class PodCommandContext {

    /** The pod's working directory: Oozie's launcher runs the main in a directory holding files and action.xml. */
    static final String WORKDIR = "/tmp/oozie-action";
    /** Oozie writes the action configuration here and passes it as system property oozie.action.conf.xml. */
    static final String ACTION_XML = WORKDIR + "/action.xml";
    /** Where the workflow's lib/ jars are expected in the image (Oozie puts them on the classpath). */
    static final String APP_LIB = "/opt/oozie-app/lib";

    final String dagId;
    final ActionNode node;
    /** The action, as the parser read it. */
    final PodAction action;

    final WorkflowSources sources;
    final Map<String, String> knownValues;
    final OozieEl el;
    final Diagnostics diagnostics;
    /** The action's configuration ({@code <global>} and job-xml merged). */
    final SortedMap<String, Template> configuration;
    /** {@code <launcher><java-opts>}, split into JVM options. */
    final List<String> launcherJavaOpts;

    final List<Template> command = new ArrayList<>();
    final SortedMap<String, Template> env = new TreeMap<>();
    final List<SecretEnv> secretEnv = new ArrayList<>();
    /** Properties Oozie's launcher main sets before applying the action configuration (which wins). */
    final SortedMap<String, Template> presetConfiguration = new TreeMap<>();

    final List<CarriedFile> carried = new ArrayList<>();
    /** Files fetched into the working directory besides the action's {@code <file>}s (a hive script). */
    final List<Template> fetchedFiles = new ArrayList<>();

    boolean captureOutput;

    PodCommandContext(
            String dagId,
            ActionNode node,
            PodAction action,
            WorkflowSources sources,
            Map<String, String> knownValues,
            OozieEl el,
            Diagnostics diagnostics,
            SortedMap<String, Template> configuration,
            List<String> launcherJavaOpts) {
        this.dagId = dagId;
        this.node = node;
        this.action = action;
        this.sources = sources;
        this.knownValues = knownValues;
        this.el = el;
        this.diagnostics = diagnostics;
        this.configuration = configuration;
        this.launcherJavaOpts = List.copyOf(launcherJavaOpts);
    }

    /** The element's text as a template, null when the element is absent. */
    Template template(ElementText element) {
        return element == null ? null : el.template(element.text(), element.textSpan());
    }

    /** Every element's text as a template, in document order (secrets of argument lists found: {@link OozieEl}). */
    List<Template> templates(List<ElementText> elements) {
        return el.arguments(elements);
    }

    /** Literal arguments appended to the command. */
    void add(String... arguments) {
        for (String argument : arguments) {
            command.add(Template.text(argument));
        }
    }

    /** The element's value at conversion time, when it depends only on known properties. */
    Optional<String> resolved(ElementText element) {
        return element == null ? Optional.empty() : el.resolve(element.text(), element.textSpan(), knownValues);
    }

    /** Where the element is, the action's element when it is absent. */
    SourceSpan span(ElementText element) {
        return element == null ? action.span() : element.span();
    }

    void warn(SourceSpan span, String message, String hint) {
        diagnostics.report(DiagnosticCode.OOZ_W001, span, message, hint);
    }

    /** Options as a JVM or a shell would split them: on whitespace, double or single quotes grouping. */
    static List<String> splitOptions(String text) {
        return text == null
                ? new ArrayList<>()
                : TemplateText.splitOptions(Template.text(text)).stream()
                        .map(o -> TemplateText.constant(o).orElseThrow())
                        .toList();
    }
}
