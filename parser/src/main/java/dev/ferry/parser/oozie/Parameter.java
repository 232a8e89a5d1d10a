package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/** A declared workflow/coordinator parameter; {@code value} is the default (null when required). */
public record Parameter(String name, String value, String description, SourceSpan span) {}
