package dev.ferry.translator.el;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conversion-time folding of EL with known properties: {@code EL => value}, or {@code => (none)}. */
class ElConstantFolderTest {

    private static final Map<String, String> KNOWN = Map.of(
            "nameNode", "hdfs://nn:8020",
            "examplesRoot", "examples",
            "user.name", "etl",
            "appDir", "${nameNode}/user/${user.name}/${examplesRoot}/apps",
            "loop", "${loop}/x",
            "usesFunction", "${wf:user()}",
            "period_days", "7",
            "concurrency", "${2 * 2}");

    static Stream<Arguments> cases() {
        return rows("""
                id.pig                                   => id.pig
                ${examplesRoot}/scripts/agg.pig          => examples/scripts/agg.pig
                ${appDir}/pig/id.pig                     => hdfs://nn:8020/user/etl/examples/apps/pig/id.pig
                ${'quoted'}-${42}-${true}-${null}        => quoted-42-true-
                ${unknown}/id.pig                        => (none)
                ${wf:user()}/id.pig                      => (none)
                ${usesFunction}                          => (none)
                ${loop}                                  => (none)
                ${examplesRoot == 'x'}                   => (none)
                ${24*4}                                  => 96
                ${24 * period_days - 1}                  => 167
                ${concurrency}                           => 4
                ${-period_days + 1}                      => -6
                ${7 / 2}                                 => 3.5
                ${period_days % 4}                       => 3
                ${1.5 * 2}                               => 3.0
                ${examplesRoot * 2}                      => (none)
                ${period_days % 0}                       => (none)
                ${coord:daysInMonth(0) * 24 - 1}         => (none)
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolves(String el, String expected) {
        Optional<String> value = ElConstantFolder.resolve(
                ElParser.parse(el, SourceSpan.of("wf.xml", 1, 1), new Diagnostics())
                        .orElseThrow(),
                KNOWN);
        assertEquals(expected, value.orElse("(none)"));
    }

    /** Rows of {@code left => right}; text blocks keep the cases readable side by side. */
    static Stream<Arguments> rows(String table) {
        return table.lines().filter(l -> !l.isBlank()).map(line -> {
            int arrow = line.indexOf(" => ");
            return Arguments.of(
                    line.substring(0, arrow).strip(), line.substring(arrow + 4).strip());
        });
    }
}
