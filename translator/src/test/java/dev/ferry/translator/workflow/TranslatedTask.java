package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.OozieReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/** A task of a workflow.xml written at a test repository's root (no job.properties), as the translator gives it. */
final class TranslatedTask {

    private TranslatedTask() {}

    /** Task {@code id} of the workflow {@code xml}; the diagnostics say why when there is none. */
    static TaskNode of(Path repo, String xml, String id, Diagnostics diagnostics) throws IOException {
        Path file = repo.resolve("workflow.xml");
        Files.writeString(file, xml);
        WorkflowSources sources = new WorkflowSources(
                repo,
                repo,
                OozieReader.readWorkflow(file, "workflow.xml", diagnostics).orElseThrow(),
                null,
                new TreeMap<>(),
                new TreeMap<>(),
                "workflow.xml");
        return WorkflowTranslator.translate(sources, diagnostics).orElseThrow().tasks().stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
    }

    /** The job of a pig action 'job' running s.pig, with one {@code <param>} when {@code param} is not null. */
    static TaskNode.FlinkJob pigJob(Path repo, String param, Diagnostics diagnostics) throws IOException {
        return (TaskNode.FlinkJob)
                of(repo, """
                <workflow-app xmlns="uri:oozie:workflow:0.5" name="wf">
                    <start to="job"/>
                    <action name="job"><pig><script>s.pig</script>%s</pig><ok to="end"/><error to="end"/></action>
                    <end name="end"/>
                </workflow-app>
                """.formatted(param == null ? "" : "<param>" + param + "</param>"), "job", diagnostics);
    }
}
