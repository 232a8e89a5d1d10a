package dev.ferry.translator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.parser.oozie.WorkflowApp;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Action element (name and namespace) → the one {@link ActionKind} that translates its record, or none. */
class ActionKindTest {

    static Stream<Arguments> elements() {
        return Stream.of(
                Arguments.of("<pig><script>s.pig</script></pig>", ActionKind.PIG),
                Arguments.of(
                        "<email xmlns=\"uri:oozie:email-action:0.2\"><to>a@b</to><subject>s</subject><body>b</body></email>",
                        ActionKind.EMAIL),
                Arguments.of("<fs><mkdir path=\"/tmp/x\"/></fs>", ActionKind.FS),
                Arguments.of("<shell xmlns=\"uri:oozie:shell-action:1.0\"><exec>ls</exec></shell>", ActionKind.SHELL),
                Arguments.of(
                        "<ssh xmlns=\"uri:oozie:ssh-action:0.2\"><host>h</host><command>ls</command></ssh>",
                        ActionKind.SSH),
                Arguments.of(
                        "<git xmlns=\"uri:oozie:git-action:1.0\"><name-node>n</name-node><git-uri>u</git-uri><destination-uri>d</destination-uri></git>",
                        ActionKind.GIT),
                Arguments.of("<sub-workflow><app-path>p</app-path></sub-workflow>", ActionKind.SUB_WORKFLOW),
                Arguments.of("<java><main-class>M</main-class></java>", ActionKind.JAVA),
                Arguments.of("<map-reduce/>", ActionKind.MAP_REDUCE),
                Arguments.of(
                        "<spark xmlns=\"uri:oozie:spark-action:1.0\"><master>m</master><name>n</name><jar>j</jar></spark>",
                        ActionKind.SPARK),
                Arguments.of(
                        "<sqoop xmlns=\"uri:oozie:sqoop-action:1.0\"><command>import</command></sqoop>",
                        ActionKind.SQOOP),
                Arguments.of("<distcp xmlns=\"uri:oozie:distcp-action:1.0\"><arg>a</arg></distcp>", ActionKind.DISTCP),
                Arguments.of("<hive xmlns=\"uri:oozie:hive-action:1.0\"><script>s.q</script></hive>", ActionKind.HIVE),
                Arguments.of(
                        "<hive2 xmlns=\"uri:oozie:hive2-action:1.0\"><jdbc-url>j</jdbc-url><script>s.q</script></hive2>",
                        ActionKind.HIVE),
                // A custom executor's element is not the Oozie kind of the same name; an unknown element has none.
                Arguments.of("<shell xmlns=\"uri:custom:shell-action:0.1\"><exec>ls</exec></shell>", null),
                Arguments.of("<spark xmlns=\"uri:custom:spark:0.1\"/>", null),
                Arguments.of("<teradata xmlns=\"uri:custom:teradata-action:0.1\"><query>q</query></teradata>", null));
    }

    @ParameterizedTest
    @MethodSource("elements")
    void kindOfElement(String element, ActionKind expected) {
        String xml = """
                <workflow-app xmlns="uri:oozie:workflow:1.0" name="w">
                    <start to="a"/>
                    <action name="a">%s<ok to="end"/><error to="end"/></action>
                    <end name="end"/>
                </workflow-app>""".formatted(element);
        Diagnostics diagnostics = new Diagnostics();
        WorkflowApp app = OozieReader.readWorkflow(xml, "workflow.xml", diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        ActionNode node = (ActionNode) app.nodes().stream()
                .filter(n -> n.name().equals("a"))
                .findFirst()
                .orElseThrow();
        assertEquals(Optional.ofNullable(expected), ActionKind.of(node.action()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void recordsAreUnique(ActionKind kind) {
        assertEquals(
                1,
                Arrays.stream(ActionKind.values())
                        .filter(k -> k.record().equals(kind.record()))
                        .count());
    }

    static Stream<ActionKind> kinds() {
        return Arrays.stream(ActionKind.values());
    }
}
