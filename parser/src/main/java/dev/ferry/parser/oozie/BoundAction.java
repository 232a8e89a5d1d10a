package dev.ferry.parser.oozie;

/**
 * An action of Oozie's own schemas read through the class xjc generated for its namespace and version, into one
 * record per kind whatever the version: the translator's only view of these actions.
 */
public sealed interface BoundAction extends Action
        permits ShellAction, SshAction, GitAction, SubWorkflowAction, PodAction {

    ActionParts parts();
}
