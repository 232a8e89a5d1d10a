package dev.ferry.generator.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first half of the differential test against real Oozie: each EL of runtime/python/tests/data/
 * el_oracle_cases.tsv lowers and prints to exactly the Jinja of its second column; test_el_oracle.py renders that Jinja
 * with the runtime and compares it with Oozie 5.2.1's own evaluation of the EL.
 */
class ElToJinjaOracleCasesTest {

    static Stream<Arguments> cases() throws IOException {
        Path file = Path.of("..", "runtime", "python", "tests", "data", "el_oracle_cases.tsv");
        List<String> lines = Files.readAllLines(file).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        assertTrue(lines.size() > 90, "cases: " + lines.size());
        return lines.stream().map(l -> l.split("\t", -1)).map(cols -> Arguments.of(cols[0], cols[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersTheJinjaTheOracleTestChecks(String el, String jinja) {
        Diagnostics diagnostics = new Diagnostics();
        String rendered = ElToJinjaTest.render(
                ElParser.parse(el, SourceSpan.of("cases.tsv", 1, 1), diagnostics)
                        .orElseThrow(),
                diagnostics);
        assertEquals(jinja, rendered);
        assertEquals(0, diagnostics.size(), () -> diagnostics.sorted().toString());
    }
}
