package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Mutated scripts (the valid set and the sample repository's, with characters and Pig tokens deleted, inserted,
 * duplicated or swapped) never make the front end throw: each run ends with a script or with
 * errors, and every diagnostic has a position inside the file; parameter substitution likewise,
 * keeping the line count.
 */
class PigParserFuzzTest {

    private static final List<String> TOKENS = List.of(
            ";",
            "(",
            ")",
            "{",
            "}",
            "[",
            "]",
            "'",
            "`",
            "$",
            "$0",
            "..",
            "::",
            "#",
            "=",
            "==",
            ",",
            ".",
            "generate ",
            "foreach ",
            "by ",
            " as ",
            "group ",
            "flatten(",
            "(int)",
            "?",
            ":",
            "%declare X 1\n",
            "/*",
            "*/",
            "--",
            "\n",
            "\\",
            "DEFINE m() RETURNS r { $r = x; };",
            "@",
            "=>",
            "CASE WHEN ",
            " END",
            " IN (",
            "123456789012345",
            "-",
            "1.5e",
            "'\\u12");

    private static final List<String> SEEDS = seeds();

    private static List<String> seeds() {
        List<String> texts = new ArrayList<>();
        try {
            for (Path p : PigScriptsTest.validScripts()) {
                texts.add(Files.readString(p));
            }
            Path samples = Path.of(System.getProperty("ferry.root", "..")).resolve("samples");
            try (java.util.stream.Stream<Path> walk = Files.walk(samples)) {
                for (Path p :
                        walk.filter(f -> f.toString().endsWith(".pig")).sorted().toList()) {
                    texts.add(Files.readString(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    @Provide
    Arbitrary<String> mutatedScripts() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<List<Tuple.Tuple3<Integer, Double, String>>> edits = Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.of(TOKENS))
                .as(Tuple::of)
                .list()
                .ofMinSize(1)
                .ofMaxSize(6);
        return Combinators.combine(seed, edits).as(PigParserFuzzTest::mutate);
    }

    private static String mutate(String text, List<Tuple.Tuple3<Integer, Double, String>> edits) {
        StringBuilder b = new StringBuilder(text);
        for (Tuple.Tuple3<Integer, Double, String> edit : edits) {
            int at = (int) (edit.get2() * b.length());
            int end = Math.min(b.length(), at + 1 + edit.get3().length());
            switch (edit.get1()) {
                case 0 -> b.delete(at, end);
                case 1 -> b.insert(at, edit.get3());
                case 2 -> b.insert(at, b.substring(at, end));
                default -> b.replace(at, end, edit.get3());
            }
        }
        return b.toString();
    }

    @Property(tries = 1500, seed = "20261123")
    void neverThrowsAndEveryErrorIsPositioned(@ForAll("mutatedScripts") String script) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<PigScript> parsed = PigParser.parse(script, "fuzz.pig", diagnostics);
        long lines = script.lines().count() + 1;
        for (Diagnostic d : diagnostics.sorted()) {
            assertEquals("fuzz.pig", d.span().file());
            assertTrue(d.span().line() >= 1 && d.span().line() <= lines, d.format());
            assertTrue(d.span().column() >= 1, d.format());
            assertFalse(d.message().isBlank(), d.format());
        }
        assertEquals(
                parsed.isEmpty(),
                diagnostics.hasErrors(),
                () -> String.join(
                        "\n",
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
    }

    @Property(tries = 1000, seed = "20261124")
    void substitutionNeverThrowsAndKeepsLines(@ForAll("mutatedScripts") String script) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<String> substituted = PigParameters.none().substitute(script, "fuzz.pig", diagnostics);
        assertEquals(substituted.isEmpty(), diagnostics.hasErrors());
        substituted.ifPresent(text -> assertEquals(
                script.split("\n", -1).length, text.split("\n", -1).length, "substitution keeps line numbers"));
        for (Diagnostic d : diagnostics.sorted()) {
            assertTrue(d.span().line() >= 1 && d.span().column() >= 1, d.format());
        }
    }
}
