package dev.ferry.generator.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.pig.PigToSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pig script → Flink SQL text, against golden files a person has read line by line. Whether the SQL
 * computes what Pig computes is proven elsewhere (cli's differential tests run both); these pin the
 * shape users review: one view per alias, the Pig line each comes from, quoting, ORDER/LIMIT folded
 * into the INSERT. Regenerate with {@code -Dferry.regenerate=true} and review the diff.
 */
class GoldenSqlTest {

    private static final Path GOLDEN =
            Path.of(System.getProperty("ferry.root", "..")).resolve("generator/src/test/resources/golden/sql");

    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(p -> p.toString().endsWith(".pig")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void rendersTheReviewedSql(Path script) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        String name = script.getFileName().toString();
        String sql = PigParser.parse(script, name, diagnostics)
                .flatMap(s -> PigToSql.translate(s, name.replace(".pig", ""), diagnostics))
                .map(SqlScriptRenderer::render)
                .orElseThrow(() -> new AssertionError(String.join(
                        "\n", diagnostics.sorted().stream().map(d -> d.format()).toList())));
        Path golden = GOLDEN.resolve(name.replace(".pig", ".sql"));
        if (Boolean.getBoolean("ferry.regenerate")) {
            Files.writeString(golden, sql);
        }
        assertTrue(Files.isRegularFile(golden), "no golden file " + golden + " (run with -Dferry.regenerate=true)");
        assertEquals(Files.readString(golden), sql);
    }
}
