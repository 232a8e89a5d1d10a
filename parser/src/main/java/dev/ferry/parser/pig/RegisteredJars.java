package dev.ferry.parser.pig;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.repo.RepoRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The jars a script REGISTERs, resolved as Pig resolves a relative REGISTER path in an Oozie action (in the
 * directory the script runs from: the script's own). A path that leaves the repository is IO-E002 and is never
 * read; a URI (hdfs://, ivy://), a glob or a missing file is PIG-W041: the job cannot get it from the repository.
 * A REGISTER of a script (USING jython...) is not a jar and is left to the translation.
 */
final class RegisteredJars {

    private RegisteredJars() {}

    static List<RegisteredJar> find(
            RepoRoot root, Path script, List<PigStatement> statements, Diagnostics diagnostics) {
        List<RegisteredJar> jars = new ArrayList<>();
        for (PigStatement statement : statements) {
            if (!(statement instanceof PigStatement.Command command)
                    || !command.keyword().equals("REGISTER")) {
                continue;
            }
            String argument = command.argument();
            if (argument.toUpperCase(Locale.ROOT).contains(" USING ")) {
                continue;
            }
            String name = unquoted(argument);
            if (!name.toLowerCase(Locale.ROOT).endsWith(".jar")
                    || name.contains("://")
                    || name.matches(".*[*?\\[{].*")) {
                diagnostics.report(
                        DiagnosticCode.PIG_W041,
                        command.span(),
                        "REGISTER " + argument + " is not a jar file of the repository; a Java UDF from it"
                                + " needs the jar on the job's classpath another way",
                        "put the jar in the repository and REGISTER its relative path");
                continue;
            }
            Path base = script.toAbsolutePath().getParent();
            Optional<Path> jar = root.file(base, name, command.span(), diagnostics);
            if (jar.isPresent()) {
                jars.add(new RegisteredJar(root.display(jar.get()), jar.get(), command.span()));
            } else if (!root.locate(base, name).outside()) {
                diagnostics.report(
                        DiagnosticCode.PIG_W041,
                        command.span(),
                        "REGISTER " + argument + ": no such file beside the script (" + root.display(base.resolve(name))
                                + ")",
                        "put the jar in the repository, or correct the path");
            }
        }
        return jars;
    }

    private static String unquoted(String argument) {
        String s = argument.strip();
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }
}
