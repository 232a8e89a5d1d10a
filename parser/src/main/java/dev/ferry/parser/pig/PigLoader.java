package dev.ferry.parser.pig;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.repo.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Pig script the way Pig's front end does before planning: parameter substitution (when
 * values are given), parsing, IMPORT of macro files (relative to the importing script, each file
 * once) and macro expansion. Without parameters, {@code $NAME}s stay symbolic as in
 * {@link PigParser}.
 */
public final class PigLoader {

    private PigLoader() {}

    /**
     * @param root       the repository: an IMPORT must name a file under it (symbolic links followed)
     * @param parameters the values to substitute, or empty to keep parameters symbolic
     * @return the script with IMPORTs resolved and macros expanded, or empty with diagnostics
     */
    public static Optional<PigScript> load(
            RepoRoot root, Path file, String display, Optional<PigParameters> parameters, Diagnostics diagnostics) {
        PigMacros macros = new PigMacros(diagnostics);
        Set<Path> imported = new HashSet<>();
        Optional<PigScript> main = read(file, display, parameters, true, diagnostics);
        if (main.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<PigStatement>> withImports =
                resolveImports(root, main.get().statements(), file, parameters, macros, imported, diagnostics);
        if (withImports.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<PigStatement>> expanded = macros.expand(withImports.get());
        return expanded.map(statements -> {
            List<RegisteredJar> jars = RegisteredJars.find(root, file, statements, diagnostics);
            List<String> calls = main.get().qualifiedCalls();
            return new PigScript(
                    main.get().file(),
                    statements,
                    main.get().defaults(),
                    JavaUdfSources.find(root, statements, calls, jars),
                    jars,
                    calls);
        });
    }

    private static Optional<PigScript> read(
            Path file,
            String display,
            Optional<PigParameters> parameters,
            boolean checkAliases,
            Diagnostics diagnostics) {
        Optional<String> read = PigParser.read(file, display, diagnostics);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        String text = read.get();
        if (parameters.isPresent()) {
            Optional<String> substituted = parameters.get().substitute(text, display, diagnostics);
            if (substituted.isEmpty()) {
                return Optional.empty();
            }
            text = substituted.get();
        }
        return PigParser.parse(text, display, checkAliases, diagnostics);
    }

    /** Replaces each IMPORT by the macro definitions of the imported file (which may import in turn). */
    private static Optional<List<PigStatement>> resolveImports(
            RepoRoot root,
            List<PigStatement> statements,
            Path from,
            Optional<PigParameters> parameters,
            PigMacros macros,
            Set<Path> imported,
            Diagnostics diagnostics) {
        List<PigStatement> out = new ArrayList<>();
        boolean ok = true;
        for (PigStatement s : statements) {
            if (!(s instanceof PigStatement.Import im)) {
                out.add(s);
                continue;
            }
            RepoRoot.Located located = root.locate(from.toAbsolutePath().getParent(), im.path());
            Path target = located.path();
            if (located.outside()) {
                diagnostics.report(
                        DiagnosticCode.IO_E002,
                        im.span(),
                        "cannot import '" + im.path() + "': it is outside the repository; not read",
                        "copy the macro file into the repository");
                ok = false;
                continue;
            }
            if (!imported.add(target)) {
                continue; // Pig imports a file once
            }
            if (!located.inside() || !Files.isRegularFile(target)) {
                diagnostics.report(
                        DiagnosticCode.PIG_E005,
                        im.span(),
                        "cannot import '" + im.path() + "': no such file " + root.display(target),
                        "IMPORT paths are relative to the importing script");
                ok = false;
                continue;
            }
            Optional<PigScript> library = read(target, im.path(), parameters, false, diagnostics);
            if (library.isEmpty()) {
                ok = false;
                continue;
            }
            Optional<List<PigStatement>> nested =
                    resolveImports(root, library.get().statements(), target, parameters, macros, imported, diagnostics);
            if (nested.isEmpty()) {
                ok = false;
                continue;
            }
            for (PigStatement n : nested.get()) {
                if (n instanceof PigStatement.MacroDefinition m) {
                    macros.define(m);
                } else {
                    diagnostics.report(
                            DiagnosticCode.PIG_E005,
                            n.span(),
                            "an imported file may only define macros",
                            "move this statement into the script that imports '" + im.path() + "'");
                    ok = false;
                }
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }
}
