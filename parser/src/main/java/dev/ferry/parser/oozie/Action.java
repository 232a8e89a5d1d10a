package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/**
 * What an action node runs: one record per action kind of Oozie's schemas (pig, email and fs read from the element
 * tree, the others through their generated JAXB classes: {@link BoundAction}); a custom action stays generic.
 */
public sealed interface Action permits PigAction, EmailAction, FsAction, BoundAction, GenericAction {

    SourceSpan span();

    /** The action element's local name: pig, email, fs, shell, java... */
    String type();
}
