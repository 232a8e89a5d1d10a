package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.Action;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.EmailAction;
import dev.ferry.parser.oozie.FsAction;
import dev.ferry.parser.oozie.GenericAction;
import dev.ferry.parser.oozie.PigAction;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every Oozie action element Ferry translates and the class that translates it: the one dispatch of action
 * kinds. An element not listed here (or one of a custom namespace that only shares a name) becomes a task
 * that fails with a TODO. The action kinds that run in a container of their own name their {@link PodCommand}.
 */
enum ActionKind {
    PIG(
            "pig",
            a -> PigActionTranslator.translate(
                    a.dagId(),
                    a.node(),
                    (PigAction) a.node().action(),
                    a.rule(),
                    a.sources(),
                    a.knownValues(),
                    a.el(),
                    a.diagnostics())),
    EMAIL(
            "email",
            a -> Optional.of(EmailActionTranslator.translate(
                    a.node(), (EmailAction) a.node().action(), a.rule(), a.el(), a.diagnostics()))),
    FS(
            "fs",
            a -> Optional.of(FsActionTranslator.translate(
                    a.node(), (FsAction) a.node().action(), a.rule(), a.sources(), a.el(), a.diagnostics()))),
    SHELL(
            "shell",
            a -> Optional.of(
                    ShellActionTranslator.translate(a.node(), a.generic(), a.rule(), a.el(), a.diagnostics()))),
    SSH(
            "ssh",
            a -> Optional.of(SshActionTranslator.translate(
                    a.node(), a.generic(), a.rule(), a.knownValues(), a.el(), a.diagnostics()))),
    GIT(
            "git",
            a -> Optional.of(GitActionTranslator.translate(
                    a.node(), a.generic(), a.rule(), a.sources(), a.el(), a.diagnostics()))),
    SUB_WORKFLOW(
            "sub-workflow",
            a -> SubWorkflowTranslator.translate(
                    a.node(), a.generic(), a.rule(), a.sources(), a.knownValues(), a.el(), a.diagnostics())),
    JAVA("java", new JavaActionCommand()),
    MAP_REDUCE("map-reduce", new MapReduceActionCommand()),
    SPARK("spark", new SparkActionCommand()),
    SQOOP("sqoop", new SqoopActionCommand()),
    DISTCP("distcp", new DistcpActionCommand()),
    HIVE("hive", new HiveActionTranslator(false)),
    HIVE2("hive2", new HiveActionTranslator(true));

    private static final Map<String, ActionKind> BY_ELEMENT =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ActionKind::element, Function.identity()));

    private final String element;
    private final Translation translation;

    ActionKind(String element, Translation translation) {
        this.element = element;
        this.translation = translation;
    }

    ActionKind(String element, PodCommand podCommand) {
        this.element = element;
        this.translation = a -> PodActionTranslator.translate(a, podCommand);
    }

    /** The action's element name in Oozie's schemas. */
    String element() {
        return element;
    }

    /** The kind of an action: by its element name, for an element of Oozie's own schemas only. */
    static Optional<ActionKind> of(Action action) {
        if (action instanceof GenericAction generic && !generic.isOozieAction()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_ELEMENT.get(action.type()));
    }

    Optional<TaskNode> translate(Context action) {
        return translation.translate(action);
    }

    /** What an action's translation reads: the node, its place in the DAG, and what the workflow knows. */
    record Context(
            String dagId,
            ActionNode node,
            TriggerRule rule,
            WorkflowSources sources,
            Map<String, String> knownValues,
            OozieEl el,
            Diagnostics diagnostics,
            SortedMap<String, String> podImages) {

        /** The action element, for the kinds the parser keeps generic. */
        GenericAction generic() {
            return (GenericAction) node.action();
        }
    }

    @FunctionalInterface
    private interface Translation {
        Optional<TaskNode> translate(Context action);
    }
}
