package dev.ferry.translator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A DAG's description names the Oozie apps as Oozie names the job: EL the submission's properties make constant is
 * resolved, EL only a run knows is shown as {@code <expression>} and said to be resolved at run time; never raw EL.
 */
class ReadableNamesTest {

    private static final Map<String, String> KNOWN =
            Map.of("family", "webrequest", "source", "text", "days", "7", "suffix", "${source}-x");

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("daily-wf", null, "Oozie workflow daily-wf"),
                Arguments.of("${family}-refine-wf", null, "Oozie workflow webrequest-refine-wf"),
                Arguments.of("wf-${suffix}", null, "Oozie workflow wf-text-x"),
                Arguments.of("w-${days * 2}", null, "Oozie workflow w-14"),
                Arguments.of(
                        "loop-${loop_name}-wf",
                        null,
                        "Oozie workflow loop-<loop_name>-wf (<loop_name>: resolved at run time)"),
                Arguments.of(
                        "${family}-${loop_name}-${ wf:id() }",
                        null,
                        "Oozie workflow webrequest-<loop_name>-<wf:id()> (<loop_name>, <wf:id()>: resolved at run time)"),
                Arguments.of(
                        "refine-wf",
                        "${family}-refine-${source}-coord",
                        "Oozie workflow refine-wf, scheduled by coordinator webrequest-refine-text-coord"),
                Arguments.of(
                        "step-${step}",
                        "c-${step}",
                        "Oozie workflow step-<step>, scheduled by coordinator c-<step> (<step>: resolved at run time)"));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("rows")
    void namesAreResolvedOrSaidToBeResolvedAtRunTime(String workflow, String coordinator, String description) {
        assertEquals(description, ReadableNames.description(workflow, coordinator, KNOWN));
    }
}
