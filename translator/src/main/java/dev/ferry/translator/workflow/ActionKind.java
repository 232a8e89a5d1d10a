package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.Action;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.DistcpAction;
import dev.ferry.parser.oozie.EmailAction;
import dev.ferry.parser.oozie.FsAction;
import dev.ferry.parser.oozie.GitAction;
import dev.ferry.parser.oozie.HiveAction;
import dev.ferry.parser.oozie.JavaAction;
import dev.ferry.parser.oozie.MapReduceAction;
import dev.ferry.parser.oozie.PigAction;
import dev.ferry.parser.oozie.PodAction;
import dev.ferry.parser.oozie.ShellAction;
import dev.ferry.parser.oozie.SparkAction;
import dev.ferry.parser.oozie.SqoopAction;
import dev.ferry.parser.oozie.SshAction;
import dev.ferry.parser.oozie.SubWorkflowAction;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Every Oozie action kind Ferry translates (by the parser's record of it) and the class that translates it: the one
 * dispatch of action kinds. A custom action (a generic one, even if it shares a name) becomes a task that fails with
 * a TODO. The action kinds that run in a container of their own name their {@link PodCommand}.
 */
enum ActionKind {
    PIG(
            PigAction.class,
            (a, pig) -> PigActionTranslator.translate(
                    a.dagId(),
                    a.node(),
                    pig,
                    a.rule(),
                    a.sources(),
                    a.knownValues(),
                    a.el(),
                    a.jobsRunBefore(),
                    a.diagnostics())),
    EMAIL(
            EmailAction.class,
            (a, email) ->
                    Optional.of(EmailActionTranslator.translate(a.node(), email, a.rule(), a.el(), a.diagnostics()))),
    FS(
            FsAction.class,
            (a, fs) -> Optional.of(
                    FsActionTranslator.translate(a.node(), fs, a.rule(), a.sources(), a.el(), a.diagnostics()))),
    SHELL(
            ShellAction.class,
            (a, shell) ->
                    Optional.of(ShellActionTranslator.translate(a.node(), shell, a.rule(), a.el(), a.diagnostics()))),
    SSH(
            SshAction.class,
            (a, ssh) -> Optional.of(
                    SshActionTranslator.translate(a.node(), ssh, a.rule(), a.knownValues(), a.el(), a.diagnostics()))),
    GIT(
            GitAction.class,
            (a, git) -> Optional.of(
                    GitActionTranslator.translate(a.node(), git, a.rule(), a.sources(), a.el(), a.diagnostics()))),
    SUB_WORKFLOW(
            SubWorkflowAction.class,
            (a, sub) -> SubWorkflowTranslator.translate(
                    a.node(), sub, a.rule(), a.sources(), a.knownValues(), a.el(), a.diagnostics())),
    JAVA(JavaAction.class, new JavaActionCommand()),
    MAP_REDUCE(MapReduceAction.class, new MapReduceActionCommand()),
    SPARK(SparkAction.class, new SparkActionCommand()),
    SQOOP(SqoopAction.class, new SqoopActionCommand()),
    DISTCP(DistcpAction.class, new DistcpActionCommand()),
    HIVE(HiveAction.class, new HiveActionTranslator()),
    ;

    private final Class<? extends Action> record;
    private final Translation translation;

    <A extends Action> ActionKind(Class<A> record, Rule<A> rule) {
        this.record = record;
        this.translation = a -> rule.translate(a, record.cast(a.node().action()));
    }

    <A extends PodAction> ActionKind(Class<A> record, PodCommand<A> podCommand) {
        this.record = record;
        this.translation = a -> PodActionTranslator.translate(
                a, podCommand, record.cast(a.node().action()));
    }

    /** The parser's record of this kind's actions. */
    Class<? extends Action> record() {
        return record;
    }

    /** The kind of an action: by the parser's record of it; a custom action (kept generic) has none. */
    static Optional<ActionKind> of(Action action) {
        return Arrays.stream(values()).filter(k -> k.record.isInstance(action)).findFirst();
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
            SortedMap<String, String> podImages,
            java.util.List<TaskNode.FlinkJob> jobsRunBefore) {}

    @FunctionalInterface
    private interface Rule<A extends Action> {
        Optional<TaskNode> translate(Context action, A record);
    }

    @FunctionalInterface
    private interface Translation {
        Optional<TaskNode> translate(Context action);
    }
}
