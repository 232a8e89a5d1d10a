package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/** What an action node runs; the kinds Ferry translates have their own record, the rest stay generic. */
public sealed interface Action permits PigAction, EmailAction, FsAction, GenericAction {

    SourceSpan span();

    /** The action element's local name: pig, email, fs, shell, java... */
    String type();
}
