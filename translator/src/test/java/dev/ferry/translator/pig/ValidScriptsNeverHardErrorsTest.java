package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.pig.PigScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every script real Pig accepts (the parser's valid scripts, and the shared corpus when it is there)
 * either translates or stops at constructs not translated yet (PIG-E020, a TODO); never at an error
 * that blames the script. Prints the translate rate, which is the figure issue 15 reports.
 */
class ValidScriptsNeverHardErrorsTest {

    /** Not translation failures: the script itself asks for something a batch job cannot do. */
    private static final Set<DiagnosticCode> TODO_CODES = Set.of(DiagnosticCode.PIG_E020, DiagnosticCode.PIG_E003);

    static List<Path> scripts() throws IOException {
        Path root = Path.of(System.getProperty("ferry.root", ".."));
        List<Path> scripts = new ArrayList<>();
        List<Path> dirs = new ArrayList<>(List.of(root.resolve("parser/src/test/resources/pig/valid")));
        corpus().ifPresent(dirs::add);
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    // Macro libraries are IMPORTed by other scripts, not run on their own.
                    files.filter(p -> p.toString().endsWith(".pig")
                                    && !p.toString().contains("/macros/"))
                            .sorted()
                            .forEach(scripts::add);
                }
            }
        }
        return scripts;
    }

    /** shared/corpus from -Dferry.shared, else the first ancestor of the working directory that has it; absent is fine. */
    private static Optional<Path> corpus() {
        String configured = System.getProperty("ferry.shared");
        if (configured != null) {
            return Optional.of(Path.of(configured, "corpus")).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/corpus"))) {
                return Optional.of(dir.resolve("shared/corpus"));
            }
        }
        return Optional.empty();
    }

    @Test
    void validScriptsTranslateOrAreTodos() throws IOException {
        List<String> hardErrors = new ArrayList<>();
        int translated = 0;
        int todo = 0;
        List<Path> scripts = scripts();
        for (Path script : scripts) {
            Diagnostics diagnostics = new Diagnostics();
            Optional<PigScript> parsed = PigLoader.load(
                    dev.ferry.parser.repo.RepoRoot.of(script.getParent()),
                    script,
                    script.getFileName().toString(),
                    Optional.empty(),
                    diagnostics);
            boolean ok;
            try {
                ok = parsed.flatMap(p -> PigToSql.translate(p, "job", diagnostics))
                        .isPresent();
            } catch (RuntimeException crash) {
                hardErrors.add(script + ": crashed: " + crash);
                continue;
            }
            List<Diagnostic> errors =
                    diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
            if (ok) {
                translated++;
            } else if (!errors.isEmpty() && errors.stream().allMatch(d -> TODO_CODES.contains(d.code()))) {
                todo++;
                if (Boolean.getBoolean("ferry.showTodos")) {
                    errors.forEach(d -> System.out.println("TODO " + d.format()));
                }
            } else {
                errors.stream()
                        .filter(d -> !TODO_CODES.contains(d.code()))
                        .forEach(d -> hardErrors.add(script + ": " + d.format()));
                if (errors.isEmpty()) {
                    hardErrors.add(script + ": no job and no error");
                }
            }
        }
        System.out.printf(
                "Pig scripts: %d, translated %d, TODO (PIG-E020) %d, hard errors %d%n",
                scripts.size(), translated, todo, scripts.size() - translated - todo);
        assertEquals("", String.join("\n", hardErrors));
    }
}
