package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOracleException;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.pig.PigParameters;
import dev.ferry.parser.repo.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ferry's Pig front end accepts exactly the scripts real Pig 0.18 accepts ({@code pig -check}:
 * parse and validate, run nothing), over the parser module's pig/valid and pig/invalid scripts.
 * Every rejection carries a line and column, on the line where Pig reports the error when Pig
 * gives one (and Pig's position is not merely the end of the input).
 */
class PigAgreementTest {

    private static final Pattern PIG_POSITION = Pattern.compile("line (\\d+)");

    static Path scriptsRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("parser/src/test/resources/pig");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail(
                "cannot find parser/src/test/resources/pig from " + Path.of("").toAbsolutePath());
    }

    static List<Path> scripts() throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(scriptsRoot())) {
            all = walk.filter(p -> p.toString().endsWith(".pig")
                            && !p.getFileName().toString().startsWith(".ferry-check-"))
                    .sorted()
                    .toList();
        }
        assertTrue(all.size() >= 90, "expected the valid and invalid script sets, found " + all.size());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void ferryAcceptsExactlyWhatPigAccepts(Path script) throws IOException {
        String name = scriptsRoot().relativize(script).toString();
        String pigError = null;
        try {
            PigOracle.shared().check(script, Map.of());
        } catch (PigOracleException rejected) {
            pigError = rejected.getMessage();
        }
        Diagnostics diagnostics = new Diagnostics();
        // The whole front end, as Pig runs it: parameter substitution, IMPORT, macro expansion, parsing.
        Optional<?> parsed = PigLoader.load(
                RepoRoot.of(scriptsRoot()), script, name, Optional.of(PigParameters.none()), diagnostics);

        if (pigError == null) {
            assertEquals(
                    List.of(),
                    diagnostics.sorted().stream().map(Diagnostic::format).toList(),
                    "Pig accepts " + name + ", Ferry must too");
            assertTrue(parsed.isPresent());
            return;
        }
        assertTrue(parsed.isEmpty(), "Pig rejects " + name + " (" + pigError + "), Ferry must too");
        Diagnostic first = diagnostics.sorted().get(0);
        assertTrue(first.span().line() >= 1 && first.span().column() >= 1, first.format());
        // Pig nests the body's error inside a macro's ("line 5> ... line 2, column 20"): the last one is the error.
        Matcher at = PIG_POSITION.matcher(pigError);
        Integer pigLine = null;
        while (at.find()) {
            pigLine = Integer.parseInt(at.group(1));
        }
        // Grunt's "Lexical error ... Encountered: <EOF>" is where Pig ran out of input (an unclosed
        // string), not where the error is: Ferry points at the opening quote instead.
        boolean pigAtEndOfInput = pigError.contains("Encountered: <EOF>");
        if (pigLine != null && !pigAtEndOfInput) {
            assertEquals(
                    pigLine,
                    first.span().line(),
                    "Ferry's first error is on Pig's line\n  pig:   " + pigError + "\n  ferry: " + first.format());
        }
    }
}
