package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus tier: every Pig script of {@code ../shared/corpus} (PigMix and the Oozie examples) parses without a
 * diagnostic. Run by the {@code corpus} Maven profile when that directory exists; the project's own scripts
 * ({@code resources/pig/valid}) are parsed by {@link PigScriptsTest} on every build.
 */
@Tag("corpus")
class PigCorpusTest {

    static List<Path> corpusScripts() throws IOException {
        List<Path> scripts = Stream.concat(
                        pigFiles(Corpus.locate("corpus/pigmix")), pigFiles(Corpus.locate("corpus/oozie-examples")))
                .sorted()
                .toList();
        assertTrue(
                scripts.size() >= 17 + 4,
                "expected the 17 PigMix scripts and the Oozie examples' scripts, found " + scripts);
        return scripts;
    }

    private static Stream<Path> pigFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk
                    .filter(p -> p.toString().endsWith(".pig")
                            && !p.getFileName().toString().startsWith(".ferry-check-"))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpusScripts")
    void parses(Path script) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<PigScript> parsed =
                PigParser.parse(script, script.getFileName().toString(), diagnostics);
        assertEquals(
                List.of(), diagnostics.sorted().stream().map(Object::toString).toList());
        assertTrue(parsed.isPresent());
        assertFalse(parsed.get().statements().isEmpty());
    }
}
