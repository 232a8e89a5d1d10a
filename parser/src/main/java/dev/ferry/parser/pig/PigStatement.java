package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;

/** A top-level Pig statement. */
public sealed interface PigStatement {

    SourceSpan span();

    /** {@code alias = relation;} */
    record Assign(String alias, PigRelation relation, SourceSpan span) implements PigStatement {}

    /** {@code STORE alias INTO 'path' USING func;} (func is null when omitted: PigStorage with tab). */
    record Store(String alias, String path, FuncSpec function, SourceSpan span) implements PigStatement {}

    /** DUMP, DESCRIBE, EXPLAIN, ILLUSTRATE, REGISTER, SET, DEFINE: kept so the translator can report them. */
    record Command(String keyword, String text, SourceSpan span) implements PigStatement {}
}
