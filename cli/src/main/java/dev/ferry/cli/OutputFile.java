package dev.ferry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Mixin: {@code -o FILE} of the subcommands that print one document (check's findings, preview's page). */
final class OutputFile {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "write it to FILE instead of standard output")
    Path file;

    boolean isSet() {
        return file != null;
    }

    /** Writes {@code text} to FILE when given (UTF-8), else to {@code out}. */
    void write(String text, PrintWriter out) throws IOException {
        if (file != null) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } else {
            out.print(text);
        }
    }
}
