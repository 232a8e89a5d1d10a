"""The pod prelude run for real under /bin/sh, with stand-ins for `hadoop` and `mapred` on PATH:
working directory, action.xml, carried scripts, <prepare>, <file>/<archive>, the MapReduce wait,
the exit status, and capture-output handed back as the XCom sidecar's JSON."""

from __future__ import annotations

import json
import subprocess
import tarfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ferry_runtime.actions import pod_kubernetes
from ferry_runtime.actions.pod import (
    MAX_OUTPUT_CHARS,
    PRELUDE,
    PodAction,
    action_data,
    configuration_xml,
    prelude_env,
)
from ferry_runtime.el.wf import ACTION_DATA_KEY
from ferry_runtime.errors import ActionFailed

# `hadoop fs -get|-rm|-mkdir` on a local directory standing in for hdfs://nn; every call logged.
FAKE_HADOOP = """#!/bin/sh
echo "hadoop $*" >> "$FAKE_LOG"
[ "$1" = fs ] || exit 9
shift
case "$1" in
  -get) src="$3"; dst="$4"; cp -r "$FAKE_HDFS/${src#hdfs://nn/}" "$dst" ;;
  -rm) for p; do :; done; rm -rf "$FAKE_HDFS/${p#hdfs://nn/}" ;;
  -mkdir) for p; do :; done; mkdir -p "$FAKE_HDFS/${p#hdfs://nn/}" ;;
esac
"""

# `mapred job -submit` prints the job id; `-status` says RUNNING once, then $FAKE_FINAL_STATE.
FAKE_MAPRED = """#!/bin/sh
echo "mapred $*" >> "$FAKE_LOG"
case "$2" in
  -submit) echo "INFO client: Created job job_1700_0001" ;;
  -status)
    if [ -f "$FAKE_LOG.polled" ]; then echo "Job state: $FAKE_FINAL_STATE"
    else touch "$FAKE_LOG.polled"; echo "Job state: RUNNING"; fi ;;
esac
"""


def _tools(tmp: Path) -> dict[str, str]:
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    for name, text in {"hadoop": FAKE_HADOOP, "mapred": FAKE_MAPRED}.items():
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    hdfs = tmp / "hdfs"
    (hdfs / "apps" / "w").mkdir(parents=True)
    (hdfs / "apps" / "w" / "lookup.csv").write_text("a,1\n")
    (hdfs / "old-output").mkdir()
    tools = tmp / "tools"
    tools.mkdir()
    (tools / "tool.sh").write_text("echo tool\n")
    with tarfile.open(hdfs / "tools.tar.gz", "w:gz") as archive:
        archive.add(tools / "tool.sh", arcname="tool.sh")
    return {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "FAKE_LOG": str(tmp / "calls.log"),
        "FAKE_HDFS": str(hdfs),
        "FERRY_WORKDIR": str(tmp / "work"),
        "FERRY_XCOM_DIR": str(tmp / "xcom"),
        "OOZIE_WF_APPLICATION_PATH": "hdfs://nn/apps/w",
        "FERRY_MAPREDUCE_POLL_SECONDS": "0",
    }


def _run(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/sh", "-c", PRELUDE, "oozie-action", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_prelude_builds_the_working_directory_then_runs_the_command(tmp_path: Path) -> None:
    env = _tools(tmp_path)
    env.update(
        prelude_env(
            configuration={"mapred.job.queue.name": "etl", "x": "<a&b>"},
            prepare=[("delete", "hdfs://nn/old-output"), ("mkdir", "hdfs://nn/new-output")],
            files=["lookup.csv#lookup"],
            archives=["hdfs://nn/tools.tar.gz#tools"],
            carried=[("script.q", "SELECT '$x';\n")],
        )
    )
    env["OOZIE_ACTION_OUTPUT_PROPERTIES"] = str(tmp_path / "work" / "output.properties")
    # What a capture-output main writes: quotes, a tab and an escaped backslash survive the JSON.
    written = tmp_path / "written.properties"
    written.write_text('rows=3\nmsg=a "q"\ttab \\\\ end\n')
    script = (
        'cat lookup; sh tools/tool.sh; cat script.q; test -f action.xml; echo "args: $*"; '
        f'cp {written} "$OOZIE_ACTION_OUTPUT_PROPERTIES"'
    )
    done = _run(env, "sh", "-c", script, "main", "two words", "")
    assert done.returncode == 0, done.stderr
    assert "a,1\ntool\nSELECT '$x';\nargs: two words \n" in done.stdout
    calls = (tmp_path / "calls.log").read_text().splitlines()
    assert calls == [
        "hadoop fs -rm -r -f -skipTrash hdfs://nn/old-output",
        "hadoop fs -mkdir -p hdfs://nn/new-output",
        "hadoop fs -get -f hdfs://nn/apps/w/lookup.csv lookup",
        "hadoop fs -get -f hdfs://nn/tools.tar.gz .archive.tools",
    ]
    assert not (tmp_path / "hdfs" / "old-output").exists()
    assert (tmp_path / "hdfs" / "new-output").is_dir()
    xml = (tmp_path / "work" / "action.xml").read_text()
    assert "<property><name>x</name><value>&lt;a&amp;b&gt;</value></property>" in xml
    result = json.loads((tmp_path / "xcom" / "return.json").read_text())
    assert action_data(result) == {"rows": "3", "msg": 'a "q"\ttab \\ end'}


def test_prelude_fails_with_the_commands_exit_status(tmp_path: Path) -> None:
    env = _tools(tmp_path)
    done = _run(env, "sh", "-c", "exit 3")
    assert done.returncode == 3
    assert not (tmp_path / "xcom").exists()  # no capture-output, no XCom file


def test_capture_output_without_a_file_is_empty_action_data(tmp_path: Path) -> None:
    env = _tools(tmp_path)
    env["OOZIE_ACTION_OUTPUT_PROPERTIES"] = str(tmp_path / "never-written")
    assert _run(env, "true").returncode == 0
    assert action_data(json.loads((tmp_path / "xcom" / "return.json").read_text())) == {}


@pytest.mark.parametrize(("final", "status"), [("SUCCEEDED", 0), ("FAILED", 1), ("KILLED", 1)])
def test_mapreduce_submit_waits_for_the_job(tmp_path: Path, final: str, status: int) -> None:
    env = _tools(tmp_path)
    env.update({"FERRY_WAIT_FOR_MAPREDUCE_JOB": "true", "FAKE_FINAL_STATE": final})
    done = _run(env, "mapred", "job", "-submit", "action.xml")
    assert done.returncode == status, done.stderr
    assert (tmp_path / "calls.log").read_text().splitlines() == [
        "mapred job -submit action.xml",
        "mapred job -status job_1700_0001",
        "mapred job -status job_1700_0001",
    ]


def test_prelude_is_not_changed_by_jinja() -> None:
    import jinja2

    assert jinja2.Environment().from_string(PRELUDE).render() == PRELUDE.rstrip("\n")


def test_captured_output_longer_than_oozies_limit_fails_the_action() -> None:
    with pytest.raises(ActionFailed) as failed:
        action_data({"properties": "k=" + "x" * MAX_OUTPUT_CHARS})
    assert failed.value.code == "OUTPUT_TOO_LARGE"


def test_configuration_xml_is_sorted_and_escaped() -> None:
    assert configuration_xml({"b": "2", "a": "<&>"}) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n'
        "  <property><name>a</name><value>&lt;&amp;&gt;</value></property>\n"
        "  <property><name>b</name><value>2</value></property>\n</configuration>"
    )


def test_pod_task_pushes_action_data_for_wf_action_data(monkeypatch: pytest.MonkeyPatch) -> None:
    action = PodAction(
        node="probe",
        action_type="java",
        image="img",
        command=("java", "Main"),
        capture_output=True,
    )
    from airflow.sdk import DAG

    with DAG(dag_id="capture", schedule=None):
        task = pod_kubernetes.RunActionPod(action=action, namespace="ferry")
    assert task.do_xcom_push is True
    monkeypatch.setattr(
        pod_kubernetes.KubernetesPodOperator,
        "execute",
        lambda self, context: {"properties": "rows=3\n"},
    )
    pushed: dict[str, Any] = {}
    ti = SimpleNamespace(xcom_push=lambda key, value: pushed.__setitem__(key, value))
    task.execute({"ti": ti})
    assert pushed == {ACTION_DATA_KEY: {"rows": "3"}}


def test_pod_action_validates_prepare_and_carried_files() -> None:
    with pytest.raises(ValueError, match="unknown <prepare> operation 'chmod'"):
        PodAction(
            node="a", action_type="java", image="i", command=("x",), prepare=(("chmod", "/"),)
        )
    with pytest.raises(ValueError, match="carried files need the repo"):
        PodAction(node="a", action_type="hive", image="i", command=("x",), carried=(("s", "s"),))


def test_launcher_resources() -> None:
    resources = pod_kubernetes.resources("2048", "2")
    assert resources.requests == {"memory": "2048Mi", "cpu": "2"}
    assert resources.limits == {"memory": "2048Mi"}
    assert pod_kubernetes.resources(None, None) is None


def _pod(monkeypatch: pytest.MonkeyPatch, setting: str | None, *, capture: bool) -> dict[str, Any]:
    """The pod a pod task would create on a worker with FERRY_POD_SECURITY=`setting`."""
    from airflow.sdk import DAG
    from kubernetes.client import ApiClient

    if setting is None:
        monkeypatch.delenv(pod_kubernetes.POD_SECURITY_ENV, raising=False)
    else:
        monkeypatch.setenv(pod_kubernetes.POD_SECURITY_ENV, setting)
    action = PodAction(
        node="load",
        action_type="hive",
        image="registry.example/hive:3",
        command=("hive", "-f", "script.q"),
        capture_output=capture,
    )
    with DAG(dag_id="hardened", schedule=None):
        task = pod_kubernetes.RunActionPod(action=action, namespace="ferry")
    pod = task.build_pod_request_obj(None, dry_run=True)
    return ApiClient().sanitize_for_serialization(pod)


RESTRICTED_CONTAINER = {
    "allowPrivilegeEscalation": False,
    "capabilities": {"drop": ["ALL"]},
    "privileged": False,
    "readOnlyRootFilesystem": True,
    "runAsNonRoot": True,
}


@pytest.mark.parametrize("setting", [None, "restricted", " Restricted "])
@pytest.mark.parametrize("capture", [False, True])
def test_action_pods_are_hardened_by_default(
    monkeypatch: pytest.MonkeyPatch, setting: str | None, capture: bool
) -> None:
    from ferry_runtime.schema import validate_core_object

    pod = _pod(monkeypatch, setting, capture=capture)
    assert validate_core_object(pod) == []
    spec = pod["spec"]
    assert spec["securityContext"] == {
        "fsGroup": 1000,
        "runAsGroup": 1000,
        "runAsNonRoot": True,
        "runAsUser": 1000,
        "seccompProfile": {"type": "RuntimeDefault"},
    }
    # Every container, the XCom sidecar of capture-output included.
    names = [c["name"] for c in spec["containers"]]
    assert names == (["base", "airflow-xcom-sidecar"] if capture else ["base"])
    for container in spec["containers"]:
        assert container["securityContext"] == RESTRICTED_CONTAINER, container["name"]
    # A read-only root: the prelude's working directory (/tmp/oozie-action) lives on an emptyDir.
    main = spec["containers"][0]
    assert {"name": "ferry-tmp", "mountPath": "/tmp"} in main["volumeMounts"]
    assert {"name": "ferry-tmp", "emptyDir": {}} in spec["volumes"]
    assert "/tmp/oozie-action" in PRELUDE


def test_action_pods_opt_out_keeps_the_images_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    from ferry_runtime.schema import validate_core_object

    pod = _pod(monkeypatch, "image", capture=False)
    assert validate_core_object(pod) == []
    assert not pod["spec"].get("securityContext")
    assert "securityContext" not in pod["spec"]["containers"][0]
    assert not pod["spec"].get("volumes")


def test_action_pods_refuse_an_unknown_security_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ActionFailed, match="FERRY_POD_SECURITY='privileged': expected restricted"):
        _pod(monkeypatch, "privileged", capture=False)
