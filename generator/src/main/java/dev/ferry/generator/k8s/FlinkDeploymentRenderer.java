package dev.ferry.generator.k8s;

import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.workflow.FlinkDeploymentSpec;
import dev.ferry.translator.workflow.ScriptShipping;
import dev.ferry.translator.workflow.TaskNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FlinkDeployment YAML of one Flink job task, hardened for a shared cluster: the pods run as the
 * image's non-root {@code flink} user with no privilege escalation, no capabilities and a read-only
 * root file system (Flink's tmp and log directories are emptyDirs), memory requests equal limits,
 * the JobManager goes soon after the job ends, and the script comes from a per-run ConfigMap that
 * {@code ferry_runtime} creates (or from the image). {@code ferry_runtime} fills in the per-run name,
 * namespace, labels, ConfigMap name and {@code --param} arguments when it submits a copy.
 */
public final class FlinkDeploymentRenderer {

    /** The official Flink image's {@code flink} user and group (runtime/Dockerfile keeps them). */
    public static final long FLINK_UID = 9999;
    /** The pod-template volume ferry_runtime points at the run's ConfigMap, and the key holding the script. */
    public static final String SQL_VOLUME = "ferry-sql";

    public static final String SCRIPT_KEY = "job.sql";
    public static final String SQL_MOUNT = "/opt/ferry/sql";
    static final String TMP_DIR = "/tmp";
    static final String LOG_DIR = "/opt/flink/log";
    /** How long the operator keeps a finished job's JobManager (its default is a day); the resource is ours to delete. */
    static final String SHUTDOWN_TTL = "10 min";

    private FlinkDeploymentRenderer() {}

    public static String render(String dagId, TaskNode.FlinkJob task) {
        FlinkDeploymentSpec spec = task.deployment();
        Map<String, Object> metadata = map(
                "name", spec.name(),
                "labels",
                        map(
                                "app.kubernetes.io/managed-by", "ferry",
                                "ferry/dag", label(dagId),
                                "ferry/task", label(task.id())),
                "annotations", map("ferry/source", task.job().sourceFile()));
        Map<String, Object> flinkConfiguration = map(
                "execution.runtime-mode", "BATCH",
                "taskmanager.numberOfTaskSlots", String.valueOf(spec.taskSlots()),
                "kubernetes.operator.jm-deployment.shutdown-ttl", SHUTDOWN_TTL,
                // Kubernetes limits = requests x factor: 1.0 gives memory requests equal to limits.
                "kubernetes.jobmanager.memory.limit-factor", "1.0",
                "kubernetes.taskmanager.memory.limit-factor", "1.0",
                "kubernetes.jobmanager.cpu.limit-factor", "1.0",
                "kubernetes.taskmanager.cpu.limit-factor", "1.0",
                "io.tmp.dirs", TMP_DIR);
        Map<String, Object> spec0 = map(
                "image", spec.image(),
                "flinkVersion", spec.flinkVersion(),
                "serviceAccount", spec.serviceAccount(),
                "flinkConfiguration", flinkConfiguration,
                "jobManager", map("resource", map("memory", spec.jobManagerMemory(), "cpu", spec.jobManagerCpu())),
                "taskManager", map("resource", map("memory", spec.taskManagerMemory(), "cpu", spec.taskManagerCpu())),
                "podTemplate", podTemplate(task),
                "job",
                        map(
                                "jarURI",
                                spec.jarUri(),
                                "entryClass",
                                "dev.ferry.runtime.SqlJobRunner",
                                "args",
                                List.of("--script", scriptPath(spec)),
                                "parallelism",
                                spec.parallelism(),
                                "upgradeMode",
                                "stateless",
                                "state",
                                "running"));
        Map<String, Object> doc = map(
                "apiVersion",
                "flink.apache.org/v1beta1",
                "kind",
                "FlinkDeployment",
                "metadata",
                metadata,
                "spec",
                spec0);
        return YamlDocuments.render("""
                FlinkDeployment of one translated job, written by Ferry (annotation ferry/source: the Pig script).
                ferry_runtime submits a copy per run (unique name, run labels, --param arguments, the script's
                ConfigMap) and deletes it when the job ends.""", List.of(doc));
    }

    /** Where the job's script is, in the pod: the mounted ConfigMap, or the image. */
    static String scriptPath(FlinkDeploymentSpec spec) {
        return spec.shipping() == ScriptShipping.CONFIG_MAP ? SQL_MOUNT + "/" + SCRIPT_KEY : spec.scriptInImage();
    }

    /**
     * The ConfigMap items of the pod's script volume: the script, then each jar the job REGISTERs (key
     * {@code jar-<n>}, in REGISTER order; ConfigMap keys allow few characters) at its path under {@code udfs/}, where
     * the runner's default FERRY_UDF_JARS (beside the script) finds it. ferry_runtime fills each key from the file at
     * that path beside the job's script in the migrated repository.
     */
    static List<Object> scriptItems(TaskNode.FlinkJob task) {
        List<Object> items = new ArrayList<>(List.of(map("key", SCRIPT_KEY, "path", SCRIPT_KEY)));
        List<SqlJob.Jar> jars = task.job().javaUdfs().jars();
        for (int i = 0; i < jars.size(); i++) {
            items.add(map(
                    "key",
                    JAR_KEY + (i + 1),
                    "path",
                    SqlJob.Jar.DIRECTORY + "/" + jars.get(i).path()));
        }
        return items;
    }

    /** The ConfigMap key prefix of a REGISTERed jar. */
    static final String JAR_KEY = "jar-";

    private static Map<String, Object> podTemplate(TaskNode.FlinkJob task) {
        FlinkDeploymentSpec spec = task.deployment();
        List<Object> mounts = new ArrayList<>(List.of(
                map("name", "flink-tmp", "mountPath", TMP_DIR), map("name", "flink-log", "mountPath", LOG_DIR)));
        List<Object> volumes = new ArrayList<>(
                List.of(map("name", "flink-tmp", "emptyDir", map()), map("name", "flink-log", "emptyDir", map())));
        if (spec.shipping() == ScriptShipping.CONFIG_MAP) {
            mounts.add(map("name", SQL_VOLUME, "mountPath", SQL_MOUNT, "readOnly", true));
            volumes.add(map(
                    "name", SQL_VOLUME, "configMap", map("name", spec.name() + "-sql", "items", scriptItems(task))));
        }
        Map<String, Object> container = map(
                "name",
                "flink-main-container",
                "securityContext",
                map(
                        "allowPrivilegeEscalation", false,
                        "privileged", false,
                        "readOnlyRootFilesystem", true,
                        "runAsNonRoot", true,
                        "capabilities", map("drop", List.of("ALL"))),
                "volumeMounts",
                mounts);
        return map(
                "apiVersion", "v1",
                "kind", "Pod",
                "spec",
                        map(
                                "securityContext",
                                map(
                                        "runAsNonRoot", true,
                                        "runAsUser", FLINK_UID,
                                        "runAsGroup", FLINK_UID,
                                        "fsGroup", FLINK_UID,
                                        "seccompProfile", map("type", "RuntimeDefault")),
                                "automountServiceAccountToken",
                                true,
                                "containers",
                                List.of(container),
                                "volumes",
                                volumes));
    }

    /** Kubernetes label values: at most 63 characters of [A-Za-z0-9._-], alphanumeric at both ends. */
    static String label(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.length() > 63) {
            cleaned = cleaned.substring(0, 63);
        }
        return cleaned.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
