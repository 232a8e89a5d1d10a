package dev.ferry.translator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.OozieReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Pig action's LOAD without AS of a path an action that ran before it stored with PigStorage '-schema': Pig reads
 * that STORE's .pig_schema when it parses the later script, so the fields are typed by it. "Ran before" is every path
 * of the workflow to the later action passing through the earlier one's ok transition (a join waits for all its
 * paths). Each row: the workflow's nodes between start and end, with {@code store} (stores $OUT with '-schema', or
 * without where named {@code plain}) and {@code load} (loads $IN without AS); the columns of the load's table.
 */
class EarlierStoresTest {

    @TempDir
    Path repo;

    private static final String TYPED = "n:INT,name:STRING";
    private static final String UNTYPED = "line:STRING";

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            store ok→load                                | /data/mid              | sequence: the STORE ran
            store ok→load                                | ${root}/mid            | the same EL text: the same path
            store ok→load                                | ${root}/mid/           | a trailing slash: the same directory
            store ok→load                                | ${root}/other          | another path
            plain ok→load                                | ${root}/mid            | a STORE without '-schema'
            store error→load                             | ${root}/mid            | reached when the STORE failed
            fork(store,load)                             | ${root}/mid            | parallel paths of a fork
            fork(store,other)→join→load                  | ${root}/mid            | after the join of the fork
            decision(store,other)→load                   | ${root}/mid            | only one branch stores
            """)
    void loadTypedByAnEarlierStore(String graph, String loadPath, String name) throws IOException {
        String storePath = loadPath.startsWith("/") ? "/data/mid" : "${root}/mid";
        Files.writeString(
                repo.resolve("store.pig"),
                "a = LOAD '/in' AS (n:int, name:chararray);\nSTORE a INTO '$OUT' USING PigStorage('\\t', '-schema');\n");
        Files.writeString(
                repo.resolve("plain.pig"),
                "a = LOAD '/in' AS (n:int, name:chararray);\nSTORE a INTO '$OUT' USING PigStorage('\\t');\n");
        Files.writeString(repo.resolve("load.pig"), "r = LOAD '$IN';\nSTORE r INTO '/out';\n");
        Files.writeString(repo.resolve("other.pig"), "r = LOAD '/x';\nSTORE r INTO '/y';\n");
        String storeAction = graph.startsWith("plain") ? "plain" : "store";
        String nodes = switch (graph) {
            case "store ok→load", "plain ok→load" ->
                "<start to=\"first\"/>" + action("first", storeAction, storePath, "second", "kill")
                        + action("second", "load", loadPath, "end", "kill");
            case "store error→load" ->
                "<start to=\"first\"/>" + action("first", storeAction, storePath, "end", "second")
                        + action("second", "load", loadPath, "end", "kill");
            case "fork(store,load)" ->
                "<start to=\"f\"/><fork name=\"f\"><path start=\"first\"/><path start=\"second\"/></fork>"
                        + action("first", storeAction, storePath, "j", "kill")
                        + action("second", "load", loadPath, "j", "kill")
                        + "<join name=\"j\" to=\"end\"/>";
            case "fork(store,other)→join→load" ->
                "<start to=\"f\"/><fork name=\"f\"><path start=\"first\"/><path start=\"o\"/></fork>"
                        + action("first", storeAction, storePath, "j", "kill") + action("o", "other", "/x", "j", "kill")
                        + "<join name=\"j\" to=\"second\"/>" + action("second", "load", loadPath, "end", "kill");
            case "decision(store,other)→load" ->
                "<start to=\"d\"/><decision name=\"d\"><switch><case to=\"first\">${wf:conf('x') eq 'y'}</case><default to=\"o\"/></switch></decision>"
                        + action("first", storeAction, storePath, "second", "kill")
                        + action("o", "other", "/x", "second", "kill")
                        + action("second", "load", loadPath, "end", "kill");
            default -> throw new IllegalArgumentException(graph);
        };
        Path file = repo.resolve("workflow.xml");
        Files.writeString(
                file,
                "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"wf\"><parameters><property><name>root</name>"
                        + "<value>/data</value></property></parameters>" + nodes
                        + "<kill name=\"kill\"><message>failed</message></kill><end name=\"end\"/></workflow-app>");
        Diagnostics diagnostics = new Diagnostics();
        WorkflowSources sources = new WorkflowSources(
                repo,
                repo,
                OozieReader.readWorkflow(file, "workflow.xml", diagnostics).orElseThrow(),
                null,
                new TreeMap<>(),
                new TreeMap<>(),
                "workflow.xml");
        TaskNode.FlinkJob load = (TaskNode.FlinkJob) WorkflowTranslator.translate(sources, diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted().toString()))
                .tasks()
                .stream()
                .filter(t -> t.id().equals("second"))
                .findFirst()
                .orElseThrow();
        boolean typed = graph.startsWith("store ok") && !loadPath.contains("other")
                || graph.equals("fork(store,other)→join→load");
        assertEquals(
                typed ? TYPED : UNTYPED,
                load.job().sources().get(0).columns().stream()
                        .map(c -> c.name() + ":" + c.type())
                        .collect(Collectors.joining(",")),
                name);
    }

    private static String action(String name, String script, String path, String ok, String error) {
        String param = script.equals("load") ? "IN" : "OUT";
        return "<action name=\"" + name + "\"><pig><job-tracker>jt</job-tracker><name-node>nn</name-node><script>"
                + script + ".pig</script><param>" + param + "=" + path + "</param></pig><ok to=\"" + ok
                + "\"/><error to=\"" + error + "\"/></action>";
    }
}
