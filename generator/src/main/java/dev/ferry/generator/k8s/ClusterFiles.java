package dev.ferry.generator.k8s;

import static dev.ferry.generator.k8s.FlinkDeploymentRenderer.map;

import java.util.List;
import java.util.Map;

/**
 * The files a migrated repository needs once, beside its jobs: {@code k8s/rbac.yaml} (what the Airflow
 * worker and Flink may do in the jobs' namespace, nothing cluster-wide) and {@code dags/ferry_janitor.py}
 * (the DAG that deletes FlinkDeployments and ConfigMaps that outlived their task).
 */
public final class ClusterFiles {

    public static final String RBAC_PATH = "k8s/rbac.yaml";
    public static final String JANITOR_PATH = "dags/ferry_janitor.py";

    /** The verbs the worker needs on what it creates: create, read (get/list/watch) and delete, never update. */
    private static final List<String> CREATE_READ_DELETE = List.of("create", "get", "list", "watch", "delete");

    private ClusterFiles() {}

    /** Namespaced RBAC: apply with {@code kubectl apply -n <jobs namespace> -f k8s/rbac.yaml}. */
    public static String rbac() {
        Map<String, Object> flinkAccount = map(
                "apiVersion", "v1",
                "kind", "ServiceAccount",
                "metadata", map("name", "flink", "labels", managed()));
        // What the Flink operator's docs give the `flink` account: its JobManager creates the
        // TaskManager pods, ConfigMaps for leader election and the job's config, and a Deployment.
        Map<String, Object> flinkRole = map(
                "apiVersion", "rbac.authorization.k8s.io/v1",
                "kind", "Role",
                "metadata", map("name", "flink", "labels", managed()),
                "rules", List.of(
                        map("apiGroups", List.of(""), "resources", List.of("pods", "configmaps"),
                                "verbs", List.of("create", "get", "list", "watch", "update", "patch", "delete")),
                        map("apiGroups", List.of("apps"), "resources", List.of("deployments", "deployments/finalizers"),
                                "verbs", List.of("create", "get", "list", "watch", "update", "patch", "delete"))));
        Map<String, Object> flinkBinding = binding("flink", "flink", map("kind", "ServiceAccount", "name", "flink"));
        Map<String, Object> workerRole = map(
                "apiVersion", "rbac.authorization.k8s.io/v1",
                "kind", "Role",
                "metadata", map("name", "ferry-airflow-worker", "labels", managed()),
                "rules", List.of(
                        map("apiGroups", List.of("flink.apache.org"), "resources", List.of("flinkdeployments"),
                                "verbs", CREATE_READ_DELETE),
                        map("apiGroups", List.of(""), "resources", List.of("configmaps"), "verbs", CREATE_READ_DELETE),
                        // The JobManager's last log lines go into the Airflow task log when a job fails.
                        map("apiGroups", List.of(""), "resources", List.of("pods"), "verbs", List.of("get", "list")),
                        map("apiGroups", List.of(""), "resources", List.of("pods/log"), "verbs", List.of("get"))));
        Map<String, Object> workerBinding = binding("ferry-airflow-worker", "ferry-airflow-worker",
                map("kind", "ServiceAccount", "name", "airflow-worker", "namespace", "airflow"));
        return YamlDocuments.render("""
                Namespaced RBAC for Ferry's jobs, written by Ferry. Apply in the namespace the jobs run in:
                  kubectl apply -n <jobs namespace> -f k8s/rbac.yaml
                - ServiceAccount/Role/RoleBinding `flink`: what the Flink operator's docs require for the
                  JobManager (the FlinkDeployments' spec.serviceAccount).
                - Role/RoleBinding `ferry-airflow-worker`: what ferry_runtime does from the Airflow worker.
                  Edit the subject to the service account (and namespace) your Airflow workers run as.
                Nothing here is cluster-scoped.""",
                List.of(flinkAccount, flinkRole, flinkBinding, workerRole, workerBinding));
    }

    /** The janitor DAG file: it imports its DAG from ferry_runtime, so it has nothing to keep in step. */
    public static String janitorDag() {
        return """
                \"\"\"Deletes FlinkDeployments and ConfigMaps that outlived their Airflow task.

                Written by Ferry into every migrated repository (`ferry convert --no-janitor`
                leaves it out). Every 30 minutes it deletes, logging each, what belongs to a
                task instance that is no longer running, or is older than two days: see
                ferry_runtime.janitor.
                \"\"\"

                from ferry_runtime import janitor

                dag = janitor.janitor_dag()
                """;
    }

    private static Map<String, Object> binding(String name, String role, Map<String, Object> subject) {
        return map(
                "apiVersion", "rbac.authorization.k8s.io/v1",
                "kind", "RoleBinding",
                "metadata", map("name", name, "labels", managed()),
                "roleRef", map("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", role),
                "subjects", List.of(subject));
    }

    private static Map<String, Object> managed() {
        return map("app.kubernetes.io/managed-by", "ferry");
    }
}
