package dev.ferry.generator.dag;

import static dev.ferry.generator.dag.DagRenderer.jinja;
import static dev.ferry.generator.dag.PythonSource.list;
import static dev.ferry.generator.dag.PythonSource.string;
import static dev.ferry.generator.dag.PythonSource.stringDict;
import static dev.ferry.generator.dag.PythonSource.stringTuple;

import dev.ferry.generator.dag.PythonSource.Kwarg;
import dev.ferry.translator.workflow.PodContainer;
import dev.ferry.translator.workflow.TaskNode;
import java.util.ArrayList;
import java.util.List;

/** The keyword arguments of {@code oozie.pod_action(...)} for a {@link TaskNode.PodJob}. */
final class PodJobCall {

    private PodJobCall() {}

    static List<Kwarg> kwargs(TaskNode.PodJob job, int depth) {
        PodContainer pod = job.container();
        List<Kwarg> kwargs = new ArrayList<>();
        kwargs.add(kwarg("action_type", job.actionType(), depth));
        kwargs.add(kwarg("image", jinja(pod.image()), depth));
        kwargs.add(new Kwarg("command", strings(jinja(pod.command()), depth + 1)));
        if (!pod.env().isEmpty()) {
            kwargs.add(new Kwarg("env", stringDict(jinja(pod.env()), depth + 1)));
        }
        if (!pod.secretEnv().isEmpty()) {
            kwargs.add(new Kwarg("secret_env", list(pod.secretEnv().stream()
                    .map(s -> stringTuple(List.of(s.name(), s.secret(), s.key()), depth + 2)).toList(), depth + 1)));
        }
        if (!pod.configuration().isEmpty()) {
            kwargs.add(new Kwarg("configuration", stringDict(jinja(pod.configuration()), depth + 1)));
        }
        if (!pod.files().isEmpty()) {
            kwargs.add(new Kwarg("files", strings(jinja(pod.files()), depth + 1)));
        }
        if (!pod.archives().isEmpty()) {
            kwargs.add(new Kwarg("archives", strings(jinja(pod.archives()), depth + 1)));
        }
        if (!pod.carried().isEmpty()) {
            kwargs.add(new Kwarg("repo", "REPO"));
            kwargs.add(new Kwarg("carried", list(pod.carried().stream()
                    .map(c -> stringTuple(List.of(c.outputPath(), c.link()), depth + 2)).toList(), depth + 1)));
        }
        if (!job.prepare().isEmpty()) {
            kwargs.add(new Kwarg("prepare", list(job.prepare().stream().map(p -> stringTuple(
                    List.of(DagRenderer.operation(p.operation()), jinja(p.path())), depth + 2)).toList(), depth + 1)));
        }
        if (pod.captureOutput()) {
            kwargs.add(new Kwarg("capture_output", "True"));
        }
        if (pod.memoryMb() != null) {
            kwargs.add(kwarg("memory_mb", pod.memoryMb(), depth));
        }
        if (pod.vcores() != null) {
            kwargs.add(kwarg("vcores", pod.vcores(), depth));
        }
        kwargs.add(kwarg("ok", job.ok(), depth));
        kwargs.add(kwarg("error", job.error(), depth));
        return kwargs;
    }

    private static Kwarg kwarg(String name, String value, int depth) {
        return new Kwarg(name, string(value, depth + 1, name.length() + 1));
    }

    private static String strings(List<String> values, int depth) {
        return list(values.stream().map(v -> string(v, depth + 1, 0)).toList(), depth);
    }
}
