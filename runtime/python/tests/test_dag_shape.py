"""What each node becomes when a DAG file is parsed: tasks, edges, trigger rules (no runs)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from airflow.sdk import DAG
from conftest import REPO

from ferry_runtime import oozie, trigger_rules
from ferry_runtime.actions.flink_job import runtime_args
from ferry_runtime.actions.flink_local import runtime_command, udf_environment
from ferry_runtime.errors import ActionFailed


def job(name: str, **kwargs):
    return oozie.flink_sql_job(
        name,
        repo=REPO,
        script="flink/wf/good.sql",
        deployment="k8s/wf/finishes.yaml",
        ok="end",
        error="fail",
        **kwargs,
    )


def shape(dag: DAG, prefix: str) -> list[tuple[str, str, list[str]]]:
    """(task id, trigger rule, downstream ids) of the tasks in a group, in topological order."""
    return [
        (task.task_id, rule(task), sorted(task.downstream_task_ids))
        for task in dag.topological_sort()
        if task.task_id.startswith(prefix)
    ]


def rule(task) -> str:
    return str(getattr(task.trigger_rule, "value", task.trigger_rule))


def new_dag() -> DAG:
    return DAG("shape", schedule=None, start_date=datetime(2024, 1, 1, tzinfo=timezone.utc))


@pytest.mark.parametrize("backend", ["local", "kubernetes", "yarn", None])
def test_flink_job_is_run_delete_outcome_for_every_backend(backend, monkeypatch):
    """The task graph never depends on the parsing process's FERRY_BACKEND (unknown or missing
    included): `run` resolves the backend when it runs."""
    if backend is None:
        monkeypatch.delenv("FERRY_BACKEND", raising=False)
    else:
        monkeypatch.setenv("FERRY_BACKEND", backend)
    with new_dag() as dag:
        job("a") >> [oozie.end("end"), oozie.kill("fail", message="x")]
    assert shape(dag, "a.") == [
        ("a.run", "none_failed_min_one_success", ["a.delete"]),
        ("a.delete", "all_done", ["a.outcome"]),
        ("a.outcome", "all_done", ["end", "fail"]),
    ]
    run = dag.get_task("a.run")
    assert (run.mode, run.poke_interval, run.timeout) == ("reschedule", 30.0, 86400.0)


def test_email_is_send_then_outcome():
    with new_dag() as dag:
        oozie.email("mail", to="a@b", subject="s", body="b", ok="end", error="end")
    assert [task_id for task_id, _, _ in shape(dag, "mail.")] == ["mail.send", "mail.outcome"]


def test_control_nodes_and_their_default_trigger_rules():
    with new_dag() as dag:
        nodes = [
            oozie.decision("d", cases=[("{{ true }}", "f")], default="e"),
            oozie.fork("f"),
            oozie.join("j"),
            oozie.kill("k", message="m"),
            oozie.end("e"),
            oozie.end("e2", trigger_rule=trigger_rules.ALL_SUCCESS),
        ]
    assert [(node.task_id, rule(node)) for node in nodes] == [
        ("d", "none_failed_min_one_success"),
        ("f", "none_failed_min_one_success"),
        ("j", "all_success"),
        ("k", "none_failed_min_one_success"),
        ("e", "none_failed_min_one_success"),
        ("e2", "all_success"),
    ]
    assert dag.get_task("d").template_fields == ("predicates",)


def test_unknown_prepare_operation_is_a_clear_error():
    with new_dag(), pytest.raises(ValueError, match="unknown <prepare> operation 'move'"):
        job("a", prepare=[("move", "/x")])


@pytest.mark.parametrize(
    ("params", "prepare", "expected"),
    [
        ({}, [], []),
        ({"B": "2", "A": "x=y"}, [], ["--param", "A=x=y", "--param", "B=2"]),
        (
            {},
            [("delete", "/o"), ("mkdir", "/t"), ("delete", "/p")],
            ["--prepare-delete", "/o", "--prepare-mkdir", "/t", "--prepare-delete", "/p"],
        ),
    ],
)
def test_runtime_args(params, prepare, expected):
    assert runtime_args(params, prepare) == expected


@pytest.mark.parametrize(
    ("default_fs", "expected"),
    [
        (None, ["--prepare-mkdir", "/t"]),
        ("", ["--prepare-mkdir", "/t"]),
        (" hdfs://nn:8020 ", ["--prepare-mkdir", "/t", "--default-fs", "hdfs://nn:8020"]),
        ("file:///", ["--prepare-mkdir", "/t", "--default-fs", "file:///"]),
        # a name-node without a scheme reads as Hadoop reads fs.defaultFS
        ("nn:8020", ["--prepare-mkdir", "/t", "--default-fs", "hdfs://nn:8020"]),
        ("local", ["--prepare-mkdir", "/t", "--default-fs", "file:///"]),
    ],
)
def test_runtime_args_name_the_default_file_system(default_fs, expected):
    assert runtime_args({}, [("mkdir", "/t")], None, default_fs) == expected


def test_runtime_command_from_environment():
    assert runtime_command({"FERRY_RUNTIME_CMD": "python3 fake.py --x 'a b'"}) == [
        "python3",
        "fake.py",
        "--x",
        "a b",
    ]
    c1 = "-XX:TieredStopAtLevel=1"
    assert runtime_command({"FERRY_RUNTIME_JAR": "/r.jar"}) == ["java", c1, "-jar", "/r.jar"]
    assert runtime_command({"FERRY_RUNTIME_JAR": "/r.jar", "JAVA_HOME": "/jdk"}) == [
        "/jdk/bin/java",
        c1,
        "-jar",
        "/r.jar",
    ]
    with pytest.raises(ActionFailed, match="needs FERRY_RUNTIME_JAR"):
        runtime_command({})


def test_a_local_run_finds_the_pig_udf_adapter_built_beside_the_runtime_jar(tmp_path):
    runtime = tmp_path / "runtime" / "target" / "ferry-runtime.jar"
    adapter = tmp_path / "runtime" / "pig-udf" / "target" / "ferry-pig-udf.jar"
    runtime.parent.mkdir(parents=True)
    runtime.write_bytes(b"")
    local = {"FERRY_RUNTIME_JAR": str(runtime)}
    assert udf_environment(local) == {}  # not built: the runner's default
    adapter.parent.mkdir(parents=True)
    adapter.write_bytes(b"")
    assert udf_environment(local) == {"FERRY_UDF_DIR": str(adapter.parent)}
    given = {"FERRY_RUNTIME_JAR": str(runtime), "FERRY_UDF_DIR": "/opt/udfs"}
    assert udf_environment(given) == {}  # the environment's own wins
    assert udf_environment({"FERRY_RUNTIME_CMD": "x"}) == {}


def test_a_local_run_finds_the_adapter_and_the_hcatalog_policy_in_one_directory(tmp_path):
    runtime = tmp_path / "runtime" / "target" / "ferry-runtime.jar"
    adapter = tmp_path / "runtime" / "pig-udf" / "target" / "ferry-pig-udf.jar"
    policy = tmp_path / "runtime" / "hcatalog" / "target" / "ferry-hcatalog.jar"
    for jar, text in [(runtime, b"runtime"), (adapter, b"adapter"), (policy, b"policy")]:
        jar.parent.mkdir(parents=True)
        jar.write_bytes(text)
    local = {"FERRY_RUNTIME_JAR": str(runtime), "FERRY_CACHE_DIR": str(tmp_path / "cache")}
    found = Path(udf_environment(local)["FERRY_UDF_DIR"])
    # the SQL's ADD JAR '${FERRY_UDF_DIR}/NAME' reads each built jar
    assert (found / "ferry-pig-udf.jar").read_bytes() == b"adapter"
    assert (found / "ferry-hcatalog.jar").read_bytes() == b"policy"
    assert found.parent == tmp_path / "cache"
    # again (another run): the same directory; a jar rebuilt elsewhere is linked anew
    assert udf_environment(local) == {"FERRY_UDF_DIR": str(found)}
    (found / "ferry-hcatalog.jar").unlink()
    (found / "ferry-hcatalog.jar").symlink_to(tmp_path / "stale.jar")
    assert Path(udf_environment(local)["FERRY_UDF_DIR"]) == found
    assert (found / "ferry-hcatalog.jar").read_bytes() == b"policy"
    # only the policy built: its own target/
    adapter.unlink()
    assert udf_environment(local) == {"FERRY_UDF_DIR": str(policy.parent)}


def test_without_a_writable_cache_a_local_run_keeps_the_adapter_directory(tmp_path):
    runtime = tmp_path / "runtime" / "target" / "ferry-runtime.jar"
    adapter = tmp_path / "runtime" / "pig-udf" / "target" / "ferry-pig-udf.jar"
    policy = tmp_path / "runtime" / "hcatalog" / "target" / "ferry-hcatalog.jar"
    for jar in (runtime, adapter, policy):
        jar.parent.mkdir(parents=True)
        jar.write_bytes(b"")
    blocked = tmp_path / "a file"
    blocked.write_bytes(b"")
    local = {"FERRY_RUNTIME_JAR": str(runtime), "FERRY_CACHE_DIR": str(blocked / "cache")}
    assert udf_environment(local) == {"FERRY_UDF_DIR": str(adapter.parent)}


def test_parsing_a_dag_does_not_import_the_kubernetes_client():
    code = (
        "import sys; from ferry_runtime import oozie; "
        "print(any(m.startswith(('kubernetes.', 'airflow.providers.cncf.kubernetes.hooks')) "
        "for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
