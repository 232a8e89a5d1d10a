package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.repo.RepoRoot;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written scripts under {@code pig/valid} go through the whole front end (parameter
 * substitution with no -param, IMPORT, macros, parsing) without a diagnostic; each one under
 * {@code pig/invalid} is rejected at the line and column listed in {@code pig/invalid/expected.csv}:
 * the line real Pig 0.18 reports, the column of the offending token (Pig's ANTLR 3 parser sometimes
 * points one token earlier). PigAgreementTest in the cli module checks the same scripts against Pig.
 */
class PigScriptsTest {

    static Path resources(String dir) {
        try {
            return Path.of(PigScriptsTest.class.getResource("/pig/" + dir).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> scripts(String dir) throws IOException {
        try (Stream<Path> files = Files.walk(resources(dir))) {
            return files.filter(p -> p.toString().endsWith(".pig")
                            && !p.getFileName().toString().startsWith(".ferry-check-"))
                    .sorted()
                    .toList();
        }
    }

    static List<Path> validScripts() throws IOException {
        List<Path> scripts = scripts("valid");
        assertTrue(scripts.size() >= 60, "at least 60 valid scripts, found " + scripts.size());
        return scripts;
    }

    @ParameterizedTest
    @MethodSource("validScripts")
    void validScriptParses(Path script) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<PigScript> parsed = PigLoader.load(
                RepoRoot.of(script.getParent().getParent()),
                script,
                script.getFileName().toString(),
                Optional.of(PigParameters.none()),
                diagnostics);
        assertEquals(
                List.of(), diagnostics.sorted().stream().map(Diagnostic::format).toList());
        // A macro library (valid/macros) is only DEFINEs: nothing is left once they are collected.
        boolean library = script.getParent().endsWith("macros");
        assertEquals(library, parsed.orElseThrow().statements().isEmpty());
    }

    @ParameterizedTest(name = "{0} fails at {1}:{2}")
    @CsvFileSource(resources = "/pig/invalid/expected.csv", numLinesToSkip = 1)
    void invalidScriptIsRejectedWhereItIsWrong(String name, int line, int column, String code) throws IOException {
        Path script = resources("invalid").resolve(name);
        assertTrue(Files.isRegularFile(script), name);
        Diagnostics diagnostics = new Diagnostics();
        Optional<PigScript> parsed = PigLoader.load(
                RepoRoot.of(script.getParent().getParent()),
                script,
                name,
                Optional.of(PigParameters.none()),
                diagnostics);
        assertTrue(parsed.isEmpty(), name + " must be rejected");
        Diagnostic first = diagnostics.sorted().get(0);
        assertEquals(
                name + ":" + line + ":" + column + " " + code,
                first.span().file() + ":" + first.span().line() + ":"
                        + first.span().column() + " " + first.code().id(),
                first.format());
    }

    @ParameterizedTest
    @MethodSource("invalidScripts")
    void everyInvalidScriptIsListed(Path script) throws IOException {
        String listed = Files.readString(resources("invalid").resolve("expected.csv"));
        assertTrue(listed.contains(script.getFileName() + ","), script.getFileName() + " has no row in expected.csv");
    }

    static List<Path> invalidScripts() throws IOException {
        List<Path> scripts = scripts("invalid");
        assertTrue(scripts.size() >= 30, "at least 30 invalid scripts, found " + scripts.size());
        return scripts;
    }
}
