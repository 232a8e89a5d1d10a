package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A thread reuses its XSD validator (and its parser) from one file to the next: what a file is told must not depend
 * on the files read before it on that thread — a violation, a file cut short mid-element (the validator stopped
 * without its end), a valid one, in every order. Each file's diagnostics after the others are those it gets on a
 * thread of its own.
 */
class OozieSchemaReuseTest {

    private static final String VIOLATION = """
            <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                <start to="a"/>
                <action name="a">
                    <pig>
                        <scrpt>x.pig</scrpt>
                    </pig>
                    <ok to="end"/>
                    <error to="end"/>
                </action>
                <end name="end"/>
            </workflow-app>
            """;

    private static final String CUT_SHORT = """
            <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                <start to="a"/>
                <action name="a">
                    <pig>
                        <job-tracker>jt</job-tracker>
            """;

    private static final String VALID = """
            <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                <start to="a"/>
                <action name="a">
                    <pig>
                        <job-tracker>jt</job-tracker>
                        <name-node>nn</name-node>
                        <script>x.pig</script>
                    </pig>
                    <ok to="end"/>
                    <error to="end"/>
                </action>
                <end name="end"/>
            </workflow-app>
            """;

    private static final String OTHER_VIOLATION = """
            <workflow-app xmlns="uri:oozie:workflow:0.5" name="w">
                <start to="end"/>
                <end name="end"/>
                <bogus/>
            </workflow-app>
            """;

    @Test
    void aFileIsToldTheSameAfterAnyOther() throws Exception {
        List<String> files = List.of(VIOLATION, CUT_SHORT, VALID, OTHER_VIOLATION);
        List<List<String>> alone = new ArrayList<>();
        for (String file : files) {
            alone.add(onFreshThread(file));
        }
        for (String before : files) {
            for (int i = 0; i < files.size(); i++) {
                String file = files.get(i);
                ExecutorService thread = Executors.newSingleThreadExecutor();
                try {
                    List<String> after = thread.submit(() -> {
                                problems(before);
                                problems(before);
                                return problems(file);
                            })
                            .get();
                    assertEquals(alone.get(i), after, "file " + i + " after:\n" + before);
                } finally {
                    thread.shutdown();
                }
            }
        }
        // the cases differ from each other: what the reuse could carry over would show
        assertEquals(4, alone.stream().distinct().count(), alone.toString());
    }

    private static List<String> onFreshThread(String xml) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(() -> problems(xml)).get();
        } finally {
            thread.shutdown();
        }
    }

    private static List<String> problems(String xml) {
        Diagnostics diagnostics = new Diagnostics();
        OozieReader.readWorkflow(xml, "wf.xml", diagnostics);
        return diagnostics.sorted().stream().map(Object::toString).toList();
    }
}
