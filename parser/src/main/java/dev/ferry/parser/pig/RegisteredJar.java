package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;

/**
 * A jar a script REGISTERs that is a file of the repository.
 *
 * @param path the jar, relative to the repository root, with forward slashes
 * @param span the REGISTER statement
 */
public record RegisteredJar(String path, SourceSpan span) {}
