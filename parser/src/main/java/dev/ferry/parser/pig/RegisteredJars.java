package dev.ferry.parser.pig;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.repo.RepoRoot;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The jars a script REGISTERs, resolved as Pig resolves a relative REGISTER path in an Oozie action (in the
 * directory the script runs from: the script's own). A path outside the repository is never read; it, a URI
 * (hdfs://, ivy://), a glob or a missing file is PIG-W041: the job cannot get it from the repository (Pig accepts the
 * script, so it is no error). Piggybank's jar needs no copy: the runtime's adapter carries piggybank 0.17.0.
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
            Path base = script.toAbsolutePath().getParent();
            if (PiggyBank.isJar(name) && !inside(root, base, name)) {
                diagnostics.report(
                        DiagnosticCode.PIG_W041,
                        command.span(),
                        "REGISTER " + argument + " is piggybank's jar, not a file of the repository: the job uses the"
                                + " piggybank 0.17.0 the runtime's Pig UDF adapter carries",
                        "if the piggybank this script ran with is another build, check its functions the script"
                                + " calls behave as 0.17.0's, or put that jar in the repository");
                continue;
            }
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
            if (root.locate(base, name).outside()) { // never read: a REGISTER outside the repository is not bad input
                diagnostics.report(
                        DiagnosticCode.PIG_W041,
                        command.span(),
                        "REGISTER " + argument + " is outside the repository (an absolute path, .. or a symbolic link);"
                                + " not read: a Java UDF from it needs the jar on the job's classpath another way",
                        "put the jar in the repository and REGISTER its relative path");
                continue;
            }
            Optional<Path> jar = root.file(base, name, command.span(), diagnostics);
            if (jar.isPresent()) {
                jars.add(new RegisteredJar(root.display(jar.get()), jar.get(), command.span()));
            } else {
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

    private static boolean inside(RepoRoot root, Path base, String name) {
        try {
            return !name.contains("://") && root.contains(base.resolve(name));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }

    private static String unquoted(String argument) {
        String s = argument.strip();
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }
}
