package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/** One {@code <path start="..."/>} of a fork. */
public record ForkPath(String start, SourceSpan span) {}
