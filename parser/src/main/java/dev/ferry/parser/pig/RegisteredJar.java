package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.nio.file.Path;

/**
 * A jar a script REGISTERs that is a file of the repository.
 *
 * @param path the jar, relative to the repository root, with forward slashes
 * @param file its real path, checked to lie inside the repository (what the conversion copies into the output)
 * @param span the REGISTER statement
 */
public record RegisteredJar(String path, Path file, SourceSpan span) {}
