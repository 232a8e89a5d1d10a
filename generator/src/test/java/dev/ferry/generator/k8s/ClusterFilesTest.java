package dev.ferry.generator.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The once-per-repository files: the janitor DAG's id never takes an app's, the worker's RoleBinding is the user's. */
class ClusterFilesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                      | ferry_janitor",
                "clickstream_daily                       | ferry_janitor",
                "ferry_janitor                           | ferry_janitor_2",
                "ferry_janitor,ferry_janitor_2           | ferry_janitor_3",
                "ferry_janitor_2                         | ferry_janitor",
                "FERRY_JANITOR                           | ferry_janitor",
            })
    void janitorDagIdIsOneNoAppHas(String taken, String expected) {
        List<String> ids = taken.isEmpty() ? List.of() : List.of(taken.split(","));
        assertEquals(expected, ClusterFiles.janitorDagId(ids));
    }

    @Test
    void janitorFileCarriesItsDagIdAndSaysWhyItWasRenamed() {
        String usual = ClusterFiles.janitorDag("ferry_janitor");
        assertTrue(usual.contains("dag = janitor.janitor_dag(\"ferry_janitor\")\n"), usual);
        assertFalse(usual.contains("already has"), usual);
        String renamed = ClusterFiles.janitorDag("ferry_janitor_2");
        assertTrue(renamed.contains("dag = janitor.janitor_dag(\"ferry_janitor_2\")\n"), renamed);
        assertTrue(renamed.contains("Its DAG id is ferry_janitor_2: this repository already has a DAG ferry_janitor."));
        assertEquals("dags/ferry_janitor_2.py", ClusterFiles.janitorPath("ferry_janitor_2"));
    }

    @Test
    void workerRoleIsBoundToTheServiceAccountTheUserNames() {
        List<Map<String, Object>> docs =
                documents(ClusterFiles.rbac(ClusterFiles.ServiceAccount.parse("airflow-prod/worker")));
        Map<String, Object> binding = byKindAndName(docs, "RoleBinding", "ferry-airflow-worker");
        assertEquals(
                List.of(Map.of("kind", "ServiceAccount", "name", "worker", "namespace", "airflow-prod")),
                binding.get("subjects"));
        assertEquals(
                Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", "ferry-airflow-worker"),
                binding.get("roleRef"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkerMayCreateAndDeleteSecretsButNeverReadThem() {
        Map<String, Object> role = byKindAndName(documents(ClusterFiles.rbac(null)), "Role", "ferry-airflow-worker");
        List<Map<String, Object>> secretRules = ((List<Map<String, Object>>) role.get("rules"))
                .stream()
                        .filter(rule -> ((List<String>) rule.get("resources")).contains("secrets"))
                        .toList();
        assertEquals(1, secretRules.size(), role.toString());
        assertEquals(List.of("create", "delete"), secretRules.get(0).get("verbs"));
    }

    @Test
    void withoutAWorkerAccountTheRoleShipsUnboundAndTheHeaderSaysHowToBindIt() {
        String yaml = ClusterFiles.rbac(null);
        List<Map<String, Object>> docs = documents(yaml);
        byKindAndName(docs, "Role", "ferry-airflow-worker");
        byKindAndName(docs, "RoleBinding", "flink");
        assertEquals(Set.of("flink"), names(docs, "RoleBinding"), "no binding to a made-up account");
        assertTrue(yaml.contains("#     ferry convert --airflow-worker <namespace>/<service account> ..."), yaml);
        assertTrue(yaml.contains("--role=ferry-airflow-worker --serviceaccount=<namespace>:<service account>"), yaml);
        assertFalse(yaml.contains("name: airflow-worker\n"), "no dummy subject");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "worker",
                "/worker",
                "airflow/",
                "Airflow/worker",
                "airflow/Worker",
                "air_flow/worker",
                "airflow/worker/x",
                "-airflow/worker",
                "airflow/worker.",
                "airflow/a b"
            })
    void badWorkerAccountsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> ClusterFiles.ServiceAccount.parse(text));
    }

    @Test
    void dottedServiceAccountNamesAreKubernetesNames() {
        assertEquals(
                new ClusterFiles.ServiceAccount("ns", "airflow.worker-1"),
                ClusterFiles.ServiceAccount.parse("ns/airflow.worker-1"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        new Yaml(new SafeConstructor(new LoaderOptions()))
                .loadAll(yaml)
                .forEach(d -> docs.add((Map<String, Object>) d));
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> byKindAndName(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind"))
                        && name.equals(((Map<String, Object>) d.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + docs));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> names(List<Map<String, Object>> docs, String kind) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind")))
                .map(d -> (String) ((Map<String, Object>) d.get("metadata")).get("name"))
                .collect(java.util.stream.Collectors.toSet());
    }
}
