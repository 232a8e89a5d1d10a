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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
        List<Path> scripts = new ArrayList<>();
        for (Path dir : dirs()) {
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

    /** The directories of scripts: the parser's valid ones, then the shared corpus and the held-out style set if there. */
    static List<Path> dirs() {
        Path root = Path.of(System.getProperty("ferry.root", ".."));
        List<Path> dirs = new ArrayList<>(List.of(root.resolve("parser/src/test/resources/pig/valid")));
        corpus().ifPresent(dirs::add);
        // A held-out style set kept outside the repository (Apache Pig's own end-to-end scripts, see the lane notes).
        Optional.ofNullable(System.getProperty("ferry.pigScripts"))
                .map(Path::of)
                .filter(Files::isDirectory)
                .ifPresent(dirs::add);
        return dirs;
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
        // Per directory: each TODO construct and the number of scripts it stops.
        Map<Path, Map<String, Integer>> todoConstructs = new LinkedHashMap<>();
        // Per directory: scripts, translated, TODO.
        Map<Path, int[]> perDir = new LinkedHashMap<>();
        List<Path> scripts = scripts();
        for (Path script : scripts) {
            int[] tally = perDir.computeIfAbsent(dirOf(script), d -> new int[3]);
            tally[0]++;
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
                tally[1]++;
            } else if (!errors.isEmpty() && errors.stream().allMatch(d -> TODO_CODES.contains(d.code()))) {
                todo++;
                tally[2]++;
                errors.stream()
                        .map(d -> construct(d.message()))
                        .distinct()
                        .forEach(c -> todoConstructs
                                .computeIfAbsent(dirOf(script), d -> new TreeMap<>())
                                .merge(c, 1, Integer::sum));
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
        perDir.forEach((dir, t) -> System.out.printf(
                "  %s: %d, translated %d, TODO %d, hard errors %d%n", dir, t[0], t[1], t[2], t[0] - t[1] - t[2]));
        todoConstructs.forEach((dir, constructs) -> {
            System.out.println("TODO constructs in " + dir + " (scripts), most frequent first:");
            constructs.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> System.out.printf("%4d  %s%n", e.getValue(), e.getKey()));
        });
        assertEquals("", String.join("\n", hardErrors));
    }

    private static Path dirOf(Path script) {
        return dirs().stream().filter(script::startsWith).findFirst().orElseThrow();
    }

    /** A TODO message without the script's own names and numbers, so that one construct counts once per script. */
    static String construct(String message) {
        String text = message.replaceAll("'[^']*'", "'…'")
                .replaceAll("`[^`]*`", "`…`")
                .replaceAll("\\b\\d+\\b", "N");
        int end = text.indexOf(';');
        return end > 0 ? text.substring(0, end) : text;
    }
}
