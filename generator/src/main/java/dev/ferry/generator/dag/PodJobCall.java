package dev.ferry.generator.dag;

import static dev.ferry.generator.dag.DagRenderer.jinja;
import static dev.ferry.generator.dag.DagRenderer.keyword;

import dev.ferry.translator.workflow.PodContainer;
import dev.ferry.translator.workflow.TaskNode;
import java.util.ArrayList;
import java.util.List;

/** {@code oozie.pod_action(...)} for a {@link TaskNode.PodJob}. */
final class PodJobCall {

    private PodJobCall() {}

    static DagRenderer.KindCall call(TaskNode.PodJob job) {
        PodContainer pod = job.container();
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        keywords.add(keyword("action_type", job.actionType()));
        keywords.add(keyword("image", pod.image()));
        keywords.add(PyExpr.keyword("command", PyExpr.strings(jinja(pod.command()))));
        if (!pod.env().isEmpty()) {
            keywords.add(PyExpr.keyword("env", PyExpr.dict(jinja(pod.env()))));
        }
        if (!pod.secretEnv().isEmpty()) {
            keywords.add(PyExpr.keyword(
                    "secret_env",
                    PyExpr.list(pod.secretEnv().stream()
                            .map(s -> PyExpr.strings(s.name(), s.secret(), s.key()))
                            .toList())));
        }
        if (!pod.configuration().isEmpty()) {
            keywords.add(PyExpr.keyword("configuration", PyExpr.dict(jinja(pod.configuration()))));
        }
        if (!pod.files().isEmpty()) {
            keywords.add(PyExpr.keyword("files", PyExpr.strings(jinja(pod.files()))));
        }
        if (!pod.archives().isEmpty()) {
            keywords.add(PyExpr.keyword("archives", PyExpr.strings(jinja(pod.archives()))));
        }
        if (!pod.carried().isEmpty()) {
            keywords.add(PyExpr.keyword("repo", PyExpr.name("REPO")));
            keywords.add(PyExpr.keyword(
                    "carried",
                    PyExpr.list(pod.carried().stream()
                            .map(c -> PyExpr.strings(c.outputPath(), c.link()))
                            .toList())));
        }
        if (!job.prepare().isEmpty()) {
            keywords.add(PyExpr.keyword("prepare", DagRenderer.prepareSteps(job.prepare())));
        }
        if (pod.captureOutput()) {
            keywords.add(PyExpr.keyword("capture_output", PyExpr.name("True")));
        }
        if (pod.memoryMb() != null) {
            keywords.add(keyword("memory_mb", pod.memoryMb()));
        }
        if (pod.vcores() != null) {
            keywords.add(keyword("vcores", pod.vcores()));
        }
        keywords.add(keyword("ok", job.ok()));
        keywords.add(keyword("error", job.error()));
        return new DagRenderer.KindCall("oozie.pod_action", keywords);
    }
}
