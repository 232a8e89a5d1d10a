package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser reads a script in groups of statements (so a 10 MB script is not one parse tree): cut after any
 * {@code ;} outside brackets, a script must parse to the same statements, and fail with the same diagnostics at the
 * same line and column, as parsed whole. Group size 1 cuts after every such {@code ;}.
 */
class PigStatementGroupsTest {

    static Stream<Path> scripts() throws IOException {
        return Stream.concat(PigScriptsTest.scripts("valid").stream(), PigScriptsTest.scripts("invalid").stream());
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void everyScriptParsesInGroupsAsWhole(Path script) throws IOException {
        String text = Files.readString(script, StandardCharsets.UTF_8);
        assertSameInGroups(text, script.getFileName().toString());
    }

    /**
     * A long script mixing what holds a {@code ;} that ends no statement (nested FOREACH blocks, a macro body, strings,
     * comments, a Grunt command) with errors planted far apart: each error is reported where it is, once.
     */
    @Test
    void longScriptWithPlantedErrorsReportsEachWhereItIs() {
        StringBuilder script = new StringBuilder("""
                DEFINE twice(in) RETURNS out { $out = FOREACH $in GENERATE x * 2 AS x; };
                a0 = LOAD 'in;put' USING PigStorage(';') AS (x:int, y:chararray); -- a ; in a comment
                """);
        List<String> expected = new ArrayList<>();
        int line = 3;
        for (int i = 1; i <= 600; i++, line++) {
            String statement = switch (i % 5) {
                case 0 ->
                    "a" + i + " = FOREACH (GROUP a" + (i - 1) + " BY y) { s = ORDER a" + (i - 1) + " BY x; "
                            + "GENERATE group AS y, MAX(s.x) AS x; };";
                case 1 -> "a" + i + " = FILTER a" + (i - 1) + " BY y != ';' /* ; */ AND x > " + i + ";";
                case 2 -> "a" + i + " = twice(a" + (i - 1) + ");";
                case 3 -> "set default_parallel 2;\na" + i + " = DISTINCT a" + (i - 1) + ";";
                default -> "a" + i + " = LIMIT a" + (i - 1) + " " + i + ";";
            };
            if (i == 137 || i == 451) {
                statement = "a" + i + " = FILTER a" + (i - 1) + " BY x > ;";
                expected.add("s.pig:" + line + ":" + (statement.indexOf(" ;") + 2));
            }
            script.append(statement).append('\n');
            line += statement.split("\n", -1).length - 1;
        }
        script.append("STORE a600 INTO 'out';\n");
        List<String> reported = assertSameInGroups(script.toString(), "s.pig").stream()
                .map(d -> d.span().toString())
                .toList();
        assertEquals(expected, reported);
    }

    @Test
    void longValidScriptKeepsEveryStatementInOrder() {
        StringBuilder script = new StringBuilder("a0 = LOAD 'in' AS (x:int);\n");
        for (int i = 1; i <= 3000; i++) {
            script.append("a")
                    .append(i)
                    .append(" = FILTER a")
                    .append(i - 1)
                    .append(" BY x > ")
                    .append(i)
                    .append(";\n");
        }
        Diagnostics diagnostics = new Diagnostics();
        PigScript parsed =
                PigParser.parse(script.toString(), "s.pig", true, diagnostics).orElseThrow();
        assertEquals(3001, parsed.statements().size());
        assertEquals("s.pig:3001:1", parsed.statements().get(3000).span().toString());
        assertTrue(script.length() / 6 > PigParser.GROUP_TOKENS, "the script spans several default-size groups");
    }

    /** Parses in groups of 1 and 2 tokens and whole; all three must agree. Returns the diagnostics. */
    private static List<Diagnostic> assertSameInGroups(String text, String name) {
        Diagnostics whole = new Diagnostics();
        Optional<PigScript> expected = PigParser.parse(text, name, true, whole, Integer.MAX_VALUE);
        for (int group : new int[] {1, 2, 64}) {
            Diagnostics grouped = new Diagnostics();
            Optional<PigScript> actual = PigParser.parse(text, name, true, grouped, group);
            assertEquals(format(whole), format(grouped), name + " in groups of " + group);
            assertEquals(expected, actual, name + " in groups of " + group);
        }
        return whole.sorted();
    }

    private static List<String> format(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }
}
