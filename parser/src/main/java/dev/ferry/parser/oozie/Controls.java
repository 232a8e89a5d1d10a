package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/** A coordinator's {@code <controls>}; each value is the raw text, null when absent. */
public record Controls(String timeout, String concurrency, String execution, String throttle, SourceSpan span) {}
