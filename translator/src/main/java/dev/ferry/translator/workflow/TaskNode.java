package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.sql.SqlJob;
import java.util.List;
import java.util.SortedMap;

/** A task of the plan, named after its Oozie node. {@code triggerRule} is null for Airflow's default (all_success). */
public sealed interface TaskNode {

    String id();

    SourceSpan span();

    TriggerRule triggerRule();

    /** retry-max/retry-interval/retry-policy of an action; null when the node is not retried. */
    default RetryPolicy retry() {
        return null;
    }

    /**
     * A Pig action, now a Flink SQL batch job on its own FlinkDeployment. {@code defaultFs} is the action's
     * {@code <name-node>} (its own, else {@code <global>}'s), where scheme-less paths of the job and its prepare
     * steps resolve as they did in Pig; null when neither sets one.
     */
    record FlinkJob(
            String id,
            SourceSpan span,
            TriggerRule triggerRule,
            SqlJob job,
            String scriptPath,
            String deploymentPath,
            FlinkDeploymentSpec deployment,
            SortedMap<String, Template> params,
            List<PrepareStep> prepare,
            Template defaultFs,
            String ok,
            String error,
            RetryPolicy retry)
            implements TaskNode {
        public FlinkJob {
            prepare = List.copyOf(prepare);
        }

        /** Where a REGISTERed jar of the job goes in the output (beside its script). */
        public String jarPath(SqlJob.Jar jar) {
            return jar.besideScript(scriptPath);
        }
    }

    /**
     * An action that runs in a container of its own (java, map-reduce, spark, sqoop, distcp, hive, hive2):
     * one Kubernetes pod per run, the {@code <prepare>} steps run in it before the command.
     */
    record PodJob(
            String id,
            SourceSpan span,
            TriggerRule triggerRule,
            String actionType,
            PodContainer container,
            List<PrepareStep> prepare,
            String ok,
            String error,
            RetryPolicy retry)
            implements TaskNode {
        public PodJob {
            prepare = List.copyOf(prepare);
        }
    }

    /** {@code <prepare>}: delete or mkdir {@code path} before the job starts. */
    record PrepareStep(PrepareOperation operation, Template path) {}

    /** The operations of {@code <prepare>}. */
    enum PrepareOperation {
        DELETE,
        MKDIR
    }

    record Email(
            String id,
            SourceSpan span,
            TriggerRule triggerRule,
            Template to,
            Template cc,
            Template subject,
            Template body,
            String ok,
            String error,
            RetryPolicy retry)
            implements TaskNode {}

    /** Oozie decision: the first case whose predicate renders True wins, else the default. */
    record Decision(String id, SourceSpan span, TriggerRule triggerRule, List<Case> cases, String defaultTarget)
            implements TaskNode {
        public Decision {
            cases = List.copyOf(cases);
        }
    }

    /** A decision case: {@code predicate} is True or False per run. */
    record Case(Template predicate, String target) {}

    record Fork(String id, SourceSpan span, TriggerRule triggerRule) implements TaskNode {}

    record Join(String id, SourceSpan span, TriggerRule triggerRule) implements TaskNode {}

    /** Oozie kill: the run fails with the rendered message. */
    record Kill(String id, SourceSpan span, TriggerRule triggerRule, Template message) implements TaskNode {}

    record End(String id, SourceSpan span, TriggerRule triggerRule) implements TaskNode {}

    /**
     * An action or decision whose EL does not parse. Oozie accepts such a workflow and, when a run reaches the node,
     * fails the whole job ({@code ActionStartXCommand}'s EL_ERROR): no error transition is taken, nothing after the
     * node runs. The task fails the DAG run with {@code error} the same way. {@code nodeType} is the action's type
     * ({@code shell}, {@code pig}...) or {@code decision}.
     */
    record FailsAtStart(String id, SourceSpan span, TriggerRule triggerRule, String nodeType, String error)
            implements TaskNode {}

    /**
     * An action Ferry does not translate yet: its work fails with the TODO and the action takes its error
     * transition, so nothing passes silently and the workflow's own error handling runs.
     */
    record Placeholder(
            String id,
            SourceSpan span,
            TriggerRule triggerRule,
            String actionType,
            String todo,
            String ok,
            String error)
            implements TaskNode {}

    /**
     * Oozie shell action: {@code exec} run with {@code arguments} as argv (no shell), {@code env}
     * NAME=VALUE pairs added to the environment; every value is rendered per run. {@code files} and
     * {@code archives} are {@code path#link} entries fetched into the working directory.
     */
    record Shell(
            String id,
            SourceSpan span,
            TriggerRule triggerRule,
            Template exec,
            List<Template> arguments,
            List<Template> env,
            List<Template> files,
            List<Template> archives,
            boolean captureOutput,
            List<PrepareStep> prepare,
            String ok,
            String error,
            RetryPolicy retry)
            implements TaskNode {
        public Shell {
            prepare = List.copyOf(prepare);
            arguments = List.copyOf(arguments);
            env = List.copyOf(env);
            files = List.copyOf(files);
            archives = List.copyOf(archives);
        }
    }

    /** Oozie fs action: its operations in document order; {@code nameNode} (its own, else {@code <global>}'s) or null. */
    record Fs(
            String id,
            SourceSpan span,
            TriggerRule triggerRule,
            Template nameNode,
            List<FsStep> steps,
            String ok,
            String error,
            RetryPolicy retry)
            implements TaskNode {
        public Fs {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One fs operation: its name (delete, mkdir, move, chmod, touchz, chgrp, setrep) and its
     * arguments (path, source, target, permissions, dir-files, recursive, group, replication-factor,
     * skip-trash).
     */
    record FsStep(String operation, SortedMap<String, Template> arguments) {}

    /**
     * Oozie sub-workflow: the child workflow's DAG {@code childDagId}, run and waited for with
     * {@code configuration} as its conf, plus the parent's conf when {@code propagate}. When the app-path is
     * known only at run time ({@code ${wf:appPath()}}, a property the parent passes), {@code childDagId} is null
     * and {@code appPath} names the child among the repository's DAGs then.
     */
    record SubWorkflow(
            String id,
            SourceSpan span,
            TriggerRule triggerRule,
            String childDagId,
            SortedMap<String, Template> configuration,
            boolean propagate,
            String ok,
            String error,
            RetryPolicy retry,
            Template appPath)
            implements TaskNode {

        public SubWorkflow(
                String id,
                SourceSpan span,
                TriggerRule triggerRule,
                String childDagId,
                SortedMap<String, Template> configuration,
                boolean propagate,
                String ok,
                String error,
                RetryPolicy retry) {
            this(id, span, triggerRule, childDagId, configuration, propagate, ok, error, retry, null);
        }
    }

    /**
     * Oozie ssh action: {@code command} with {@code arguments} run over the Airflow SSH connection {@code connectionId}; {@code remoteHost}
     * (the host part of {@code <host>}) overrides the connection's host.
     */
    record Ssh(
            String id,
            SourceSpan span,
            TriggerRule triggerRule,
            String connectionId,
            Template remoteHost,
            Template command,
            List<SshArgument> arguments,
            boolean captureOutput,
            String ok,
            String error,
            RetryPolicy retry)
            implements TaskNode {
        public Ssh {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code <arg>} (quoted: one argument) or {@code <args>} (as written: the remote shell splits it). */
    record SshArgument(boolean quoted, Template text) {}

    /**
     * Oozie git action: clone {@code gitUri} ({@code branch} only, or every branch with the remote's default
     * checked out when null) and copy the checkout into {@code destinationUri}; {@code keyPath} (or null) is the
     * SSH private key on a file system, {@code nameNode} (or null) resolves a key-path without a scheme.
     */
    record Git(
            String id,
            SourceSpan span,
            TriggerRule triggerRule,
            Template nameNode,
            Template gitUri,
            Template branch,
            Template keyPath,
            Template destinationUri,
            List<PrepareStep> prepare,
            String ok,
            String error,
            RetryPolicy retry)
            implements TaskNode {
        public Git {
            prepare = List.copyOf(prepare);
        }
    }
}
