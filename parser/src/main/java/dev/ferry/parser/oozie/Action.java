package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/**
 * What an action node runs: one record per action kind of Oozie's schemas, every one but fs filled from its generated
 * JAXB class ({@code ActionReader}); a custom action stays generic.
 */
public sealed interface Action permits PigAction, EmailAction, FsAction, BoundAction, GenericAction {

    SourceSpan span();

    /** The action element's local name: pig, email, fs, shell, java... */
    String type();
}
