package dev.ferry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Small legacy repositories the CLI tests write into a temporary directory: one app per outcome a CI gate must
 * tell apart (clean, a TODO task, a warning only, an error).
 */
final class LegacyRepos {

    static final String CLEAN = """
            <workflow-app xmlns="uri:oozie:workflow:1.0" name="NAME">
                <start to="mk"/>
                <action name="mk">
                    <fs><mkdir path="/tmp/x"/></fs>
                    <ok to="end"/>
                    <error to="fail"/>
                </action>
                <kill name="fail"><message>failed</message></kill>
                <end name="end"/>
            </workflow-app>
            """;

    /** App directory → its files: {@code clean} has no finding, {@code todo} a custom action (a TODO task and two
     * warnings), {@code secret} only a warning (a password in job.properties), {@code broken} malformed XML. */
    static final Map<String, Map<String, String>> APPS = Map.of(
            "clean", Map.of("workflow.xml", CLEAN.replace("NAME", "clean-wf")),
            "todo",
                    Map.of(
                            "workflow.xml",
                            CLEAN.replace("NAME", "todo-wf")
                                    .replace(
                                            "<fs><mkdir path=\"/tmp/x\"/></fs>",
                                            "<my-action xmlns=\"uri:custom:action:0.1\"><x>1</x></my-action>")),
            "secret",
                    Map.of(
                            "workflow.xml",
                            CLEAN.replace("NAME", "secret-wf"),
                            "job.properties",
                            "db.password=hunter2\n"),
            "broken", Map.of("workflow.xml", CLEAN.replace("NAME", "broken-wf").replace("</workflow-app>", "")));

    private LegacyRepos() {}

    /** A repository at {@code root} with the named apps under {@code apps/}. */
    static Path write(Path root, String... apps) {
        try {
            for (String app : apps) {
                for (Map.Entry<String, String> file : APPS.get(app).entrySet()) {
                    Path path = root.resolve("apps").resolve(app).resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue());
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
