package dev.ferry.generator.k8s;

import dev.ferry.generator.CommentText;
import dev.ferry.generator.Templates;
import dev.ferry.translator.workflow.FlinkDeploymentSpec;
import dev.ferry.translator.workflow.TaskNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders the FlinkDeployment YAML of one Flink job task. */
public final class FlinkDeploymentRenderer {

    private FlinkDeploymentRenderer() {}

    public static String render(String dagId, TaskNode.FlinkJob task) {
        FlinkDeploymentSpec spec = task.deployment();
        Map<String, Object> model = new LinkedHashMap<>();
        // The header comment's input-derived names cannot end the comment (k8s YAML is being moved to an emitter).
        model.put("taskId", CommentText.line(task.id()));
        model.put("dagId", CommentText.line(dagId));
        model.put("source", CommentText.line(task.job().sourceFile()));
        model.put("name", spec.name());
        model.put("dagLabel", label(dagId));
        model.put("taskLabel", label(task.id()));
        model.put("image", spec.image());
        model.put("flinkVersion", spec.flinkVersion());
        model.put("serviceAccount", spec.serviceAccount());
        model.put("taskSlots", spec.taskSlots());
        model.put("jobManagerMemory", spec.jobManagerMemory());
        model.put("jobManagerCpu", decimal(spec.jobManagerCpu()));
        model.put("taskManagerMemory", spec.taskManagerMemory());
        model.put("taskManagerCpu", decimal(spec.taskManagerCpu()));
        model.put("jarUri", spec.jarUri());
        model.put("script", spec.scriptInImage());
        model.put("parallelism", spec.parallelism());
        return Templates.render("flinkdeployment.yaml.ftl", model);
    }

    /** Kubernetes label values: at most 63 characters of [A-Za-z0-9._-], alphanumeric at both ends. */
    static String label(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.length() > 63) {
            cleaned = cleaned.substring(0, 63);
        }
        return cleaned.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    private static String decimal(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) + ".0" : String.valueOf(value);
    }
}
