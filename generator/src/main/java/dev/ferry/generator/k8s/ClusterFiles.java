package dev.ferry.generator.k8s;

import static dev.ferry.generator.k8s.FlinkDeploymentRenderer.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files a migrated repository needs once, beside its jobs: {@code k8s/rbac.yaml} (what the Airflow
 * worker and Flink may do in the jobs' namespace, nothing cluster-wide) and {@code dags/ferry_janitor.py}
 * (the DAG that deletes FlinkDeployments and ConfigMaps that outlived their task).
 */
public final class ClusterFiles {

    public static final String RBAC_PATH = "k8s/rbac.yaml";
    public static final String JANITOR_DAG_ID = "ferry_janitor";
    public static final String JANITOR_PATH = janitorPath(JANITOR_DAG_ID);

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /**
     * The Kubernetes service account the Airflow workers run as: the subject of the worker's RoleBinding.
     * Only the user knows it, so it is a parameter ({@code ferry convert --airflow-worker NAMESPACE/NAME}).
     */
    public record ServiceAccount(String namespace, String name) {
        public ServiceAccount {
            if (!DNS_1123_LABEL.matcher(namespace).matches()) {
                throw new IllegalArgumentException("namespace '" + namespace + "' is not a DNS-1123 label");
            }
            if (name.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(name).matches()) {
                throw new IllegalArgumentException("service account '" + name + "' is not a DNS-1123 subdomain");
            }
        }

        /** {@code NAMESPACE/NAME}, as the option takes it. */
        public static ServiceAccount parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("expected NAMESPACE/SERVICE_ACCOUNT, got '" + text + "'");
            }
            return new ServiceAccount(text.substring(0, slash), text.substring(slash + 1));
        }
    }

    /** The verbs the worker needs on what it creates: create, read (get/list/watch) and delete, never update. */
    private static final List<String> CREATE_READ_DELETE = List.of("create", "get", "list", "watch", "delete");

    private ClusterFiles() {}

    /**
     * Namespaced RBAC: apply with {@code kubectl apply -n <jobs namespace> -f k8s/rbac.yaml}. The worker's
     * RoleBinding names {@code worker}; with none, it is left out and the header says how to bind it.
     */
    public static String rbac(ServiceAccount worker) {
        Map<String, Object> flinkAccount = map(
                "apiVersion", "v1",
                "kind", "ServiceAccount",
                "metadata", map("name", "flink", "labels", managed()));
        // What the Flink operator's docs give the `flink` account: its JobManager creates the
        // TaskManager pods, ConfigMaps for leader election and the job's config, and a Deployment.
        Map<String, Object> flinkRole = map(
                "apiVersion",
                "rbac.authorization.k8s.io/v1",
                "kind",
                "Role",
                "metadata",
                map("name", "flink", "labels", managed()),
                "rules",
                List.of(
                        map(
                                "apiGroups",
                                List.of(""),
                                "resources",
                                List.of("pods", "configmaps"),
                                "verbs",
                                List.of("create", "get", "list", "watch", "update", "patch", "delete")),
                        map(
                                "apiGroups",
                                List.of("apps"),
                                "resources",
                                List.of("deployments", "deployments/finalizers"),
                                "verbs",
                                List.of("create", "get", "list", "watch", "update", "patch", "delete"))));
        Map<String, Object> flinkBinding = binding("flink", "flink", map("kind", "ServiceAccount", "name", "flink"));
        Map<String, Object> workerRole = map(
                "apiVersion",
                "rbac.authorization.k8s.io/v1",
                "kind",
                "Role",
                "metadata",
                map("name", "ferry-airflow-worker", "labels", managed()),
                "rules",
                List.of(
                        map(
                                "apiGroups",
                                List.of("flink.apache.org"),
                                "resources",
                                List.of("flinkdeployments"),
                                "verbs",
                                CREATE_READ_DELETE),
                        map("apiGroups", List.of(""), "resources", List.of("configmaps"), "verbs", CREATE_READ_DELETE),
                        // A job's secret parameters, per try: created and deleted by name, never read or
                        // listed (either would show every Secret's data in the namespace).
                        map(
                                "apiGroups",
                                List.of(""),
                                "resources",
                                List.of("secrets"),
                                "verbs",
                                List.of("create", "delete")),
                        // The JobManager's last log lines go into the Airflow task log when a job fails.
                        map("apiGroups", List.of(""), "resources", List.of("pods"), "verbs", List.of("get", "list")),
                        map("apiGroups", List.of(""), "resources", List.of("pods/log"), "verbs", List.of("get"))));
        String header = """
                Namespaced RBAC for Ferry's jobs, written by Ferry. Apply in the namespace the jobs run in:
                  kubectl apply -n <jobs namespace> -f k8s/rbac.yaml
                - ServiceAccount/Role/RoleBinding `flink`: what the Flink operator's docs require for the
                  JobManager (the FlinkDeployments' spec.serviceAccount).
                - Role `ferry-airflow-worker`: what ferry_runtime does from the Airflow worker.
                """;
        List<Map<String, Object>> documents =
                new ArrayList<>(List.of(flinkAccount, flinkRole, flinkBinding, workerRole));
        if (worker == null) {
            header += """
                  Not bound to anyone: name the service account your Airflow workers run as with
                    ferry convert --airflow-worker <namespace>/<service account> ...
                  or bind it yourself:
                    kubectl create rolebinding ferry-airflow-worker -n <jobs namespace> \\
                      --role=ferry-airflow-worker --serviceaccount=<namespace>:<service account>
                """;
        } else {
            header += """
                  RoleBinding `ferry-airflow-worker`: binds it to the Airflow workers' service account
                  (ferry convert --airflow-worker).
                """;
            documents.add(binding(
                    "ferry-airflow-worker",
                    "ferry-airflow-worker",
                    map("kind", "ServiceAccount", "name", worker.name(), "namespace", worker.namespace())));
        }
        return YamlDocuments.render(header + "Nothing here is cluster-scoped.", documents);
    }

    /** {@code dags/<dag id>.py}. */
    public static String janitorPath(String dagId) {
        return "dags/" + dagId + ".py";
    }

    /**
     * The janitor's DAG id: {@code ferry_janitor}, or {@code ferry_janitor_2}, {@code _3}... when the repository
     * already has a DAG of that id (two DAGs of one id: Airflow would keep one and drop the other).
     */
    public static String janitorDagId(Collection<String> taken) {
        String id = JANITOR_DAG_ID;
        for (int n = 2; taken.contains(id); n++) {
            id = JANITOR_DAG_ID + "_" + n;
        }
        return id;
    }

    /** The janitor DAG file: it imports its DAG from ferry_runtime, so it has nothing to keep in step. */
    public static String janitorDag(String dagId) {
        String renamed = dagId.equals(JANITOR_DAG_ID)
                ? ""
                : "\n\nIts DAG id is " + dagId + ": this repository already has a DAG " + JANITOR_DAG_ID + ".";
        return """
                \"\"\"Deletes FlinkDeployments and ConfigMaps that outlived their Airflow task.

                Written by Ferry into every migrated repository (`ferry convert --no-janitor`
                leaves it out). Every 30 minutes it deletes, logging each, what belongs to a
                task instance that is no longer running, or is older than two days: see
                ferry_runtime.janitor.%s
                \"\"\"

                from ferry_runtime import janitor

                dag = janitor.janitor_dag("%s")
                """.formatted(renamed, dagId);
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
