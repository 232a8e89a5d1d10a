"""Oozie's example apps whose actions need a container of their own, converted by the real CLI.

Each DAG must import in Airflow with zero errors and be ruff-clean, and the pod each action task
would create (templates rendered with the DAG's params, as when a run starts) must be a valid
Kubernetes pod carrying the action's command, configuration, prepare steps and files. No API server
is needed: the pods are built with the operator's own `build_pod_request_obj`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI_JAR, CORPUS, assert_ruff_clean

pytestmark = pytest.mark.corpus

PROBE = Path(__file__).resolve().parent / "pod_requests.py"

APPS = [
    "java-main",
    "map-reduce",
    "streaming",
    "spark",
    "pyspark",
    "sqoop",
    "sqoop-freeform",
    "distcp",
    "hive",
    "hive2",
    "custom-main",
]

# Secret values planted in the `secrets` workflow: none may appear in any generated file.
SECRETS = ["s3cr3t-hive2-Pw", "cred-Pw-9f8e", "sqoop-Pw-77aa", "conf-Pw-1b2c", "tok-5d6e"]

SECRETS_WORKFLOW = """<workflow-app xmlns="uri:oozie:workflow:1.0" name="secrets-wf">
    <credentials>
        <credential name="hs2-creds" type="hive2">
            <property><name>hive2.jdbc.url</name><value>jdbc:hive2://hs2:10000/default</value></property>
            <property><name>hive2.password</name><value>cred-Pw-9f8e</value></property>
            <property><name>auth.token</name><value>tok-5d6e</value></property>
        </credential>
    </credentials>
    <start to="query"/>
    <action name="query" cred="hs2-creds">
        <hive2 xmlns="uri:oozie:hive2-action:1.0">
            <resource-manager>rm:8032</resource-manager>
            <name-node>hdfs://nn:8020</name-node>
            <configuration>
                <property><name>javax.jdo.option.ConnectionPassword</name><value>conf-Pw-1b2c</value></property>
            </configuration>
            <jdbc-url>jdbc:hive2://hs2:10000/default</jdbc-url>
            <password>s3cr3t-hive2-Pw</password>
            <query>SELECT 1</query>
        </hive2>
        <ok to="load"/>
        <error to="fail"/>
    </action>
    <action name="load">
        <sqoop xmlns="uri:oozie:sqoop-action:1.0">
            <resource-manager>rm:8032</resource-manager>
            <name-node>hdfs://nn:8020</name-node>
            <command>import --connect jdbc:mysql://db/x --password sqoop-Pw-77aa --table t</command>
        </sqoop>
        <ok to="end"/>
        <error to="fail"/>
    </action>
    <kill name="fail"><message>failed</message></kill>
    <end name="end"/>
</workflow-app>
"""

# A java main with capture-output, java-opts, files, archives, a launcher, a decision on its output.
CAPTURE_WORKFLOW = """<workflow-app xmlns="uri:oozie:workflow:1.0" name="capture-wf">
    <global>
        <launcher><memory.mb>2048</memory.mb><vcores>2</vcores><queue>etl</queue></launcher>
        <configuration><property><name>team</name><value>data</value></property></configuration>
    </global>
    <start to="probe"/>
    <action name="probe">
        <java>
            <resource-manager>rm:8032</resource-manager>
            <name-node>hdfs://nn:8020</name-node>
            <prepare><mkdir path="hdfs://nn:8020/tmp/probe"/></prepare>
            <main-class>com.example.Probe</main-class>
            <java-opts>-Xmx512m -Dmode="two words"</java-opts>
            <arg>--day</arg>
            <arg>${day}</arg>
            <file>lookup.csv#lookup</file>
            <archive>hdfs://nn:8020/libs/tools.zip#tools</archive>
            <capture-output/>
        </java>
        <ok to="check"/>
        <error to="fail"/>
    </action>
    <decision name="check">
        <switch>
            <case to="end">${wf:actionData('probe')['rows'] gt 0}</case>
            <default to="fail"/>
        </switch>
    </decision>
    <kill name="fail"><message>no rows</message></kill>
    <end name="end"/>
</workflow-app>
"""


def _convert(app_dir: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(app_dir), "-o", str(out)],
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every app converted: name -> {"rc", "stderr", "out"}."""
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn -pl cli -am package` first")
    base = tmp_path_factory.mktemp("pod-actions")
    sources = {app: CORPUS / app for app in APPS}
    security = base / "src" / "hive2-security"
    security.mkdir(parents=True)
    text = (CORPUS / "hive2" / "workflow.xml.security").read_text(encoding="utf-8")
    (security / "workflow.xml").write_text(
        text.replace('name="hive2-wf"', 'name="hive2-security-wf"'), encoding="utf-8"
    )
    shutil.copy(CORPUS / "hive2" / "job.properties.security", security / "job.properties")
    shutil.copy(CORPUS / "hive2" / "script.q", security / "script.q")
    sources["hive2-security"] = security
    for name, text in {"secrets": SECRETS_WORKFLOW, "capture": CAPTURE_WORKFLOW}.items():
        app = base / "src" / name
        app.mkdir(parents=True)
        (app / "workflow.xml").write_text(text, encoding="utf-8")
        (app / "job.properties").write_text("day=2026-05-01\n", encoding="utf-8")
        sources[name] = app
    (sources["capture"] / "lookup.csv").write_text("a,1\n", encoding="utf-8")
    result = {}
    for name, source in sources.items():
        out = base / "out" / name
        done = _convert(source, out)
        result[name] = {"rc": done.returncode, "stderr": done.stderr + done.stdout, "out": out}
    return result


@pytest.fixture(scope="session")
def probed(converted: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Import every generated DAG in Airflow and build each pod task's pod."""
    dirs = [str(c["out"] / "dags") for c in converted.values() if (c["out"] / "dags").is_dir()]
    home = tmp_path_factory.mktemp("airflow")
    done = subprocess.run(
        [sys.executable, str(PROBE), *dirs],
        capture_output=True,
        text=True,
        env={
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW_CONN_KUBERNETES_DEFAULT": json.dumps(
                {"conn_type": "kubernetes", "extra": {"namespace": "ferry"}}
            ),
            "PATH": "/usr/bin:/bin",
            "FERRY_BACKEND": "kubernetes",
        },
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _container(probed: dict[str, Any], key: str) -> dict[str, Any]:
    return probed["pods"][key]["spec"]["containers"][0]


def _env(container: dict[str, Any]) -> dict[str, Any]:
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container["env"]}


def test_every_app_converts_with_warnings_only(converted: dict[str, Any]) -> None:
    for name, result in converted.items():
        assert result["rc"] == 0, f"{name}: {result['stderr']}"
        assert " error " not in result["stderr"], f"{name}: {result['stderr']}"
        # Every pod action names the image a person must supply.
        assert "OOZ-W020" in result["stderr"], name


def test_custom_main_map_reduce_node_runs_in_a_container(converted: dict[str, Any]) -> None:
    # Its map-reduce node (a custom oozie.launcher.action.main.class) becomes a pod task; its Pig
    # node's schema-less LOAD (fields by position only) translates to Flink SQL.
    result = converted["custom-main"]
    assert result["rc"] == 0, result["stderr"]
    assert "<map-reduce> action 'mr-node' runs in a container of its own" in result["stderr"]


def test_dags_import_in_airflow_with_zero_errors(
    converted: dict[str, Any], probed: dict[str, Any]
) -> None:
    assert probed["errors"] == {}
    # One DAG per workflow file (map-reduce also has workflow-with-config-class.xml).
    expected = {f.stem for c in converted.values() for f in (c["out"] / "dags").glob("*.py")}
    assert set(probed["tasks"]) == expected
    for dag_id, tasks in probed["tasks"].items():
        if dag_id == "ferry_janitor":  # every migrated repository's cleanup DAG, no action
            continue
        runs = [t for t in tasks if t.endswith(".run")]
        assert runs, tasks
        for run in runs:
            assert run.replace(".run", ".outcome") in tasks


def test_generated_python_is_ruff_clean(converted: dict[str, Any]) -> None:
    assert_ruff_clean(
        [c["out"] / "dags" for c in converted.values() if (c["out"] / "dags").is_dir()]
    )


DNS_1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
DNS_1123_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
ENV_NAME = re.compile(r"^[-._a-zA-Z][-._a-zA-Z0-9]*$")
LABEL_VALUE = re.compile(r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")


def test_every_pod_is_a_valid_kubernetes_pod(probed: dict[str, Any]) -> None:
    from kubernetes.client import ApiClient, V1Pod

    from ferry_runtime.schema import validate_core_object

    assert len(probed["pods"]) >= 12
    for key, pod in probed["pods"].items():
        # The kubernetes client's own model accepts it (required fields, types).
        class Response:
            data = json.dumps(pod)

        model = ApiClient().deserialize(Response(), V1Pod)
        assert model.spec.restart_policy == "Never", key
        assert len(pod["metadata"]["name"]) <= 63, key
        assert DNS_1123_LABEL.match(pod["metadata"]["name"]), key
        for value in pod["metadata"]["labels"].values():
            assert LABEL_VALUE.match(value), (key, value)
            assert len(value) <= 63, (key, value)
        for container in pod["spec"]["containers"]:
            assert container["image"], key
            assert DNS_1123_LABEL.match(container["name"]), key
            for env in container.get("env") or []:
                assert ENV_NAME.match(env["name"]), (key, env["name"])
                ref = (env.get("valueFrom") or {}).get("secretKeyRef")
                if ref:
                    assert DNS_1123_SUBDOMAIN.match(ref["name"])
                    assert len(ref["name"]) <= 253
            assert "{{" not in json.dumps(container), f"{key}: unrendered template"
        main = pod["spec"]["containers"][0]
        assert main["command"][:2] == ["/bin/sh", "-c"], key
        # Hardened as the Flink pods are (FERRY_POD_SECURITY unset: restricted), and every field
        # known to the Kubernetes OpenAPI models.
        assert validate_core_object(pod) == [], key
        assert pod["spec"]["securityContext"]["runAsNonRoot"] is True, key
        assert pod["spec"]["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
        for container in pod["spec"]["containers"]:
            security = container["securityContext"]
            assert security["allowPrivilegeEscalation"] is False, (key, container["name"])
            assert security["readOnlyRootFilesystem"] is True, (key, container["name"])
            assert security["capabilities"] == {"drop": ["ALL"]}, (key, container["name"])
        assert main["image"].startswith("todo.invalid/ferry/"), key


# Pod task -> the start of its argv (after the prelude), rendered.
ARGV = {
    "java_main_wf/java-node.run": [
        "java",
        "-Doozie.action.conf.xml=/tmp/oozie-action/action.xml",
        "-Doozie.action.output.properties=/tmp/oozie-action/output.properties",
        "-cp",
        "/opt/oozie-app/lib/*:/tmp/oozie-action/*:/tmp/oozie-action",
        "org.apache.oozie.example.DemoJavaMain",
        "Hello",
        "Oozie!",
    ],
    "map_reduce_wf/mr-node.run": ["mapred", "job", "-submit", "/tmp/oozie-action/action.xml"],
    "streaming_wf/streaming-node.run": [
        "mapred",
        "job",
        "-submit",
        "/tmp/oozie-action/action.xml",
    ],
    "sparkfilecopy/spark-node.run": [
        "spark-submit",
        "--master",
        "local[*]",
        "--deploy-mode",
        "client",
        "--name",
        "Spark-FileCopy",
        "--class",
        "org.apache.oozie.example.SparkFileCopy",
        "--conf",
        "spark.kubernetes.container.image=todo.invalid/ferry/spark-action:set-the-image",
        "hdfs://localhost:8020/user/airflow/examples/apps/spark/lib/oozie-examples.jar",
        "hdfs://localhost:8020/user/airflow/examples/input-data/text/data.txt",
        "hdfs://localhost:8020/user/airflow/examples/output-data/spark",
    ],
    "sqoop_wf/sqoop-node.run": [
        "sqoop",
        "import",
        "-conf",
        "/tmp/oozie-action/action.xml",
        "--connect",
        "jdbc:hsqldb:file:db.hsqldb",
        "--table",
        "TT",
        "--target-dir",
        "/user/airflow/examples/output-data/sqoop",
        "-m",
        "1",
    ],
    "sqoop_freeform_wf/sqoop-freeform-node.run": [
        "sqoop",
        "import",
        "-conf",
        "/tmp/oozie-action/action.xml",
        "--connect",
        "jdbc:hsqldb:file:db.hsqldb",
        "--username",
        "sa",
        "--password",
        "",
        "--verbose",
        "--query",
        "select TT.I, TT.S from TT where $CONDITIONS",
        "--target-dir",
        "/user/airflow/examples/output-data/sqoop-freeform",
        "-m",
        "1",
    ],
    "distcp_wf/distcp-node.run": [
        "hadoop",
        "distcp",
        "-conf",
        "/tmp/oozie-action/action.xml",
        "-update",
        "-skipcrccheck",
        "hdfs://localhost:8020/user/airflow/examples/input-data/text/data.txt",
        "hdfs://localhost:8020/user/airflow/examples/output-data/distcp/data.txt",
    ],
    "hive_wf/hive-node.run": [
        "hive",
        "--hiveconf",
        "mapred.job.queue.name=default",
        "-f",
        "/tmp/oozie-action/script.q",
        "--hivevar",
        "INPUT=/user/airflow/examples/input-data/table",
        "--hivevar",
        "OUTPUT=/user/airflow/examples/output-data/hive",
    ],
    "hive2_wf/hive2-node.run": [
        "beeline",
        "-u",
        "jdbc:hive2://localhost:10000/default",
        "-n",
        "airflow",
        "-p",
        "DUMMY",
        "-d",
        "org.apache.hive.jdbc.HiveDriver",
        "-f",
        "/tmp/oozie-action/script.q",
        "--hivevar",
        "INPUT=/user/airflow/examples/input-data/table",
        "--hivevar",
        "OUTPUT=/user/airflow/examples/output-data/hive2",
    ],
    "capture_wf/probe.run": [
        "java",
        "-Xmx512m",
        "-Dmode=two words",
        "-Doozie.action.conf.xml=/tmp/oozie-action/action.xml",
        "-Doozie.action.output.properties=/tmp/oozie-action/output.properties",
        "-cp",
        "/opt/oozie-app/lib/*:/tmp/oozie-action/*:/tmp/oozie-action",
        "com.example.Probe",
        "--day",
        "2026-05-01",
    ],
}


@pytest.mark.parametrize("key", sorted(ARGV))
def test_pod_runs_the_actions_command_in_order(probed: dict[str, Any], key: str) -> None:
    assert _container(probed, key)["args"] == ARGV[key]


def test_configuration_and_prepare_reach_the_pod(probed: dict[str, Any]) -> None:
    env = _env(_container(probed, "map_reduce_wf/mr-node.run"))
    conf = env["FERRY_ACTION_CONF"]
    for line in [
        "<name>mapred.mapper.class</name><value>org.apache.oozie.example.SampleMapper</value>",
        "<name>mapred.reducer.class</name><value>org.apache.oozie.example.SampleReducer</value>",
        "<name>mapred.input.dir</name><value>/user/airflow/examples/input-data/text</value>",
        "<name>mapred.job.queue.name</name><value>default</value>",
    ]:
        assert line in conf
    assert env["FERRY_WAIT_FOR_MAPREDUCE_JOB"] == "true"
    assert env["FERRY_PREPARE"] == (
        "delete\thdfs://localhost:8020/user/airflow/examples/output-data/map-reduce"
    )


def test_streaming_presets_what_oozies_streaming_main_sets(probed: dict[str, Any]) -> None:
    conf = _env(_container(probed, "streaming_wf/streaming-node.run"))["FERRY_ACTION_CONF"]
    assert "<name>stream.map.streamprocessor</name><value>/bin/cat</value>" in conf
    assert "<name>stream.reduce.streamprocessor</name><value>/usr/bin/wc</value>" in conf
    assert (
        "<name>mapred.mapper.class</name><value>org.apache.hadoop.streaming.PipeMapper</value>"
        in conf
    )


def test_sqoop_files_are_fetched_into_the_working_directory(probed: dict[str, Any]) -> None:
    env = _env(_container(probed, "sqoop_wf/sqoop-node.run"))
    assert env["FERRY_FILES"] == (
        "db.hsqldb.properties#db.hsqldb.properties\ndb.hsqldb.script#db.hsqldb.script"
    )
    assert env["OOZIE_WF_APPLICATION_PATH"].startswith("hdfs://localhost:8020/user/")


def test_hive_script_is_carried_into_the_pod(probed: dict[str, Any]) -> None:
    env = _env(_container(probed, "hive_wf/hive-node.run"))
    assert env["FERRY_CARRIED_NAME_1"] == "script.q"
    assert env["FERRY_CARRIED_FILE_1"] == (CORPUS / "hive" / "script.q").read_text("utf-8")


def test_capture_output_launcher_and_archives(probed: dict[str, Any]) -> None:
    pod = probed["pods"]["capture_wf/probe.run"]
    main = pod["spec"]["containers"][0]
    env = _env(main)
    assert env["OOZIE_ACTION_OUTPUT_PROPERTIES"] == "/tmp/oozie-action/output.properties"
    assert env["FERRY_FILES"] == "lookup.csv#lookup"
    assert env["FERRY_ARCHIVES"] == "hdfs://nn:8020/libs/tools.zip#tools"
    assert env["FERRY_PREPARE"] == "mkdir\thdfs://nn:8020/tmp/probe"
    assert "<name>team</name><value>data</value>" in env["FERRY_ACTION_CONF"]
    assert main["resources"] == {
        "limits": {"memory": "2048Mi"},
        "requests": {"cpu": "2", "memory": "2048Mi"},
    }
    # capture-output comes back through the XCom sidecar.
    assert [c["name"] for c in pod["spec"]["containers"]] == ["base", "airflow-xcom-sidecar"]


def test_secrets_are_secret_references_only(
    converted: dict[str, Any], probed: dict[str, Any]
) -> None:
    result = converted["secrets"]
    assert result["rc"] == 0, result["stderr"]
    for path in result["out"].rglob("*"):
        if path.is_file():
            data = path.read_bytes()  # DAG, scripts, report, and the .pyc Airflow left
            for secret in SECRETS:
                assert secret.encode() not in data, f"{secret} in {path}"
    for pod in probed["pods"].values():
        for secret in SECRETS:
            assert secret not in json.dumps(pod)
    query = _container(probed, "secrets_wf/query.run")
    assert query["args"][:7] == [
        "beeline",
        "-u",
        "jdbc:hive2://hs2:10000/default",
        "-n",
        "airflow",
        "-p",
        "$(HIVE2_PASSWORD)",
    ]
    refs = {
        e["name"]: e["valueFrom"]["secretKeyRef"]
        for e in query["env"]
        if "secretKeyRef" in (e.get("valueFrom") or {})
    }
    assert refs == {
        "HIVE2_PASSWORD": {"name": "secrets-wf-query-hive2", "key": "password"},
        "OOZIE_CRED_HS2_CREDS_HIVE2_PASSWORD": {
            "name": "oozie-cred-hs2-creds",
            "key": "hive2.password",
        },
        "OOZIE_CRED_HS2_CREDS_AUTH_TOKEN": {"name": "oozie-cred-hs2-creds", "key": "auth.token"},
    }
    assert _env(query)["OOZIE_CRED_HS2_CREDS_HIVE2_JDBC_URL"] == "jdbc:hive2://hs2:10000/default"
    load = _container(probed, "secrets_wf/load.run")
    assert load["args"][load["args"].index("--password") + 1] == "$(SQOOP_PASSWORD)"
    for code in ["OOZ-W002", "OOZ-W022"]:
        assert code in result["stderr"]


def test_hive2_credential_of_the_security_example(
    converted: dict[str, Any], probed: dict[str, Any]
) -> None:
    assert "credential 'hs2-creds' (type hive2)" in converted["hive2-security"]["stderr"]
    env = _env(_container(probed, "hive2_security_wf/hive2-node.run"))
    assert env["OOZIE_CRED_HS2_CREDS_HIVE2_SERVER_PRINCIPAL"] == "hive/localhost@EXAMPLE.COM"
    assert env["OOZIE_CRED_HS2_CREDS_HIVE2_JDBC_URL"] == "jdbc:hive2://localhost:10000/default"
    assert "OOZIE_CRED_HS2_CREDS_HIVE2_SERVER_PRINCIPAL" not in _env(
        _container(probed, "hive2_wf/hive2-node.run")
    )


def test_report_lists_every_pod_todo(converted: dict[str, Any]) -> None:
    report = (converted["hive2"]["out"] / "report.md").read_text(encoding="utf-8")
    assert "OOZ-W020" in report
    assert "ferry\\_image\\_hive2" in report  # Markdown-escaped, as the report prints prose
    assert "OOZ-W021" in report
    assert "not translated to Flink SQL" in report
