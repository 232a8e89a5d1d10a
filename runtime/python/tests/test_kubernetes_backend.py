"""FERRY_BACKEND=kubernetes: run (submit + wait) -> delete -> outcome, against a fake Kubernetes
API.

The Kubernetes API server is the only thing faked (tests/fake_kubernetes.py, which validates every
body it is sent); Airflow is real.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from datetime import datetime

import pytest
import yaml
from conftest import CRD, NOMINAL, REPO, DagRunResult
from fake_kubernetes import FakeKubernetesApi
from smtp_sink import SmtpSink

from ferry_runtime.actions import flink_kubernetes
from ferry_runtime.actions.flink_kubernetes import (
    deployment_body,
    deployment_name,
    error_text,
    job_verdict,
    label_value,
)
from ferry_runtime.errors import ActionFailed
from ferry_runtime.schema import (
    validate_core_object,
    validate_flink_deployment,
    validate_pod_template,
)

RUNNING = {
    "lifecycleState": "STABLE",
    "jobManagerDeploymentStatus": "READY",
    "jobStatus": {"state": "RUNNING"},
}
JOB_ERROR = json.dumps(
    {
        "type": "org.apache.flink.runtime.JobException",
        "message": "Recovery is suppressed by NoRestartBackoffTimeStrategy",
        "additionalMetadata": {},
        "throwableList": [],
    }
)
DEPLOY_ERROR = "ImagePullBackOff: ferry/runtime:1.0 not found"

SCRIPTS = {
    # JobManager READY long before the job is done: only jobStatus.state FINISHED ends the wait.
    "wf-finishes": [
        {},
        {"lifecycleState": "DEPLOYED", "jobManagerDeploymentStatus": "READY"},
        RUNNING,
        {**RUNNING, "jobStatus": {"state": "FINISHED"}},
    ],
    "wf-fails": [RUNNING, {**RUNNING, "jobStatus": {"state": "FAILED"}, "error": JOB_ERROR}],
    "wf-breaks": [
        {"lifecycleState": "DEPLOYED", "jobManagerDeploymentStatus": "DEPLOYING"},
        {"lifecycleState": "FAILED", "jobManagerDeploymentStatus": "ERROR", "error": DEPLOY_ERROR},
    ],
}


@pytest.fixture(scope="module")
def k8s_run(run_dag) -> tuple[DagRunResult, FakeKubernetesApi]:
    return run_wf_k8s(run_dag)


def run_wf_k8s(
    run_dag, environ: Mapping[str, str] | None = None, logical_date: datetime = NOMINAL
) -> tuple[DagRunResult, FakeKubernetesApi]:
    """wf_k8s run by real Airflow against a fake API, with `environ` set on the worker (one run
    per logical date and session: another module's run of it needs another date)."""
    fake = FakeKubernetesApi(scripts=SCRIPTS, vanish_when_done={"wf-finishes"})
    with pytest.MonkeyPatch.context() as patch, SmtpSink() as smtp:
        patch.setattr(flink_kubernetes, "kubernetes_api", lambda conn_id: fake)
        patch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", smtp_connection(smtp.port))
        patch.setenv("AIRFLOW_VAR_DB_PASSWORD", DB_PASSWORD)
        for name, value in (environ or {}).items():
            patch.setenv(name, value)
        result = run_dag("wf_k8s", logical_date=logical_date)
    SENT.extend(smtp.messages)
    return result, fake


SENT: list = []  # what the SMTP server received during the run
DB_PASSWORD = "CANARY-hunter2' --"  # the Airflow Variable a job parameter reads


def smtp_connection(port: int) -> str:
    extra = {"disable_ssl": True, "disable_tls": True, "from_email": "airflow@example.com"}
    return json.dumps({"conn_type": "smtp", "host": "127.0.0.1", "port": port, "extra": extra})


def created(fake: FakeKubernetesApi, base: str, kind: str = "FlinkDeployment") -> dict:
    (body,) = [b for b in fake.created(kind) if b["metadata"]["name"].startswith(f"{base}-")]
    return body


def test_finished_job_takes_ok_transition(k8s_run):
    result, fake = k8s_run
    assert result.states("finishes.run", "finishes.delete", "finishes.outcome") == [
        "success",
        "success",
        "success",
    ]
    assert result.tasks["join_1"] == "skipped"  # the two other paths went to `fail`
    name = created(fake, "wf-finishes")["metadata"]["name"]
    # polled through READY (not done) until FINISHED, in reschedule mode
    assert fake.verbs_for(name).count("get") == 4
    assert "jobStatus.state=FINISHED" in result.log


def test_failed_job_logs_status_error_and_takes_error_transition(k8s_run):
    result, _ = k8s_run
    assert result.states("fails.run", "fails.delete", "fails.outcome") == [
        "failed",
        "success",
        "success",
    ]
    assert "status.error: org.apache.flink.runtime.JobException: Recovery is suppressed" in (
        result.log
    )


def test_operator_giving_up_fails_the_action(k8s_run):
    result, _ = k8s_run
    assert result.states("breaks.run", "breaks.delete", "breaks.outcome") == [
        "failed",
        "success",
        "success",
    ]
    assert f"status.error: {DEPLOY_ERROR}" in result.log


def test_failed_jobs_mail_through_smtp(k8s_run):
    result, _ = k8s_run
    assert result.states("notify.send", "notify.outcome") == ["success", "success"]
    ((sender, recipients, message),) = SENT
    assert (sender, recipients) == ("airflow@example.com", ["ops@example.com"])
    assert message["Subject"] in ("wf_k8s: fails failed", "wf_k8s: breaks failed")
    html = message.get_body(("html",)).get_content()
    # plain-text Oozie body, escaped into the HTML the SMTP hook sends
    assert html.startswith("<pre>&lt;FLINK_"), html
    assert "FlinkDeployment wf-" in html


def test_failed_jobs_reach_kill_and_fail_the_run(k8s_run):
    result, _ = k8s_run
    assert result.state == "failed"
    assert result.states("fail", "end") == ["failed", "skipped"]
    messages = {
        "fails": "fails failed: FlinkDeployment wf-fails-",  # ...: jobStatus.state FAILED: ...
        "breaks": "breaks failed: FlinkDeployment wf-breaks-",
    }
    killed = [line for line in result.log.splitlines() if "workflow killed at node 'fail'" in line]
    assert len(killed) == 1
    assert any(message in killed[0] for message in messages.values()), killed[0]
    assert "[FLINK_JOB_FAILED]" in killed[0] or "[FLINK_DEPLOYMENT_FAILED]" in killed[0]


def test_secret_parameters_reach_the_job_through_an_owned_secret_never_as_values(k8s_run):
    result, fake = k8s_run
    deployment = created(fake, "wf-finishes")
    name = deployment["metadata"]["name"]
    (secret,) = fake.created("Secret")
    assert secret["metadata"]["name"] == f"{name}-params"
    assert secret["metadata"]["labels"] == deployment["metadata"]["labels"]
    (owner,) = secret["metadata"]["ownerReferences"]
    assert (owner["kind"], owner["name"]) == ("FlinkDeployment", name)
    assert secret["stringData"] == {"FERRY_PARAM_0": DB_PASSWORD}
    (main,) = [
        c
        for c in deployment["spec"]["podTemplate"]["spec"]["containers"]
        if c["name"] == "flink-main-container"
    ]
    assert {
        "name": "FERRY_PARAM_0",
        "valueFrom": {"secretKeyRef": {"name": f"{name}-params", "key": "FERRY_PARAM_0"}},
    } in main["env"]
    # The value is nowhere but in the Secret: not in any other body sent, not in the task logs.
    for request in fake.requests:
        if request.body is not None and request.kind != "Secret":
            assert "CANARY-hunter2" not in json.dumps(request.body), request.kind
    assert "CANARY-hunter2" not in result.log
    # Jobs without secret parameters get no Secret; the Secret goes with its deployment.
    assert fake.verbs_for(f"{name}-params", "Secret")[-1] == "delete"


def test_every_deployment_is_replaced_then_created_then_deleted(k8s_run):
    _, fake = k8s_run
    assert len(fake.created()) == 3
    for body in fake.created():
        verbs = fake.verbs_for(body["metadata"]["name"])
        assert verbs[:2] == ["delete", "create"]  # a leftover of the same name goes first
        assert verbs[-1] == "delete"  # cleanup ran, whatever the job did
    assert fake.left() == []
    # wf-finishes was already gone when cleanup ran: the 404 did not fail `delete`


def test_submitted_objects_match_their_schemas(k8s_run):
    _, fake = k8s_run
    assert fake.invalid == []
    for request in fake.requests:
        if request.verb == "create":
            assert fake.validate(request.kind, request.body) == [], request.name
    for body in fake.created():
        assert validate_flink_deployment(body, CRD) == [], body["metadata"]["name"]


def test_shipped_script_is_a_configmap_owned_by_its_deployment(k8s_run):
    _, fake = k8s_run
    deployment = created(fake, "wf-finishes")
    config_map = created(fake, "wf-finishes", "ConfigMap")
    name = deployment["metadata"]["name"]
    assert config_map["metadata"]["name"] == f"{name}-sql"
    (owner,) = config_map["metadata"]["ownerReferences"]
    assert (owner["kind"], owner["name"]) == ("FlinkDeployment", name)
    assert owner["uid"].startswith("uid-")
    good_sql = (REPO / "flink" / "wf" / "good.sql").read_text()
    assert config_map["data"] == {"job.sql": good_sql}
    volumes = deployment["spec"]["podTemplate"]["spec"]["volumes"]
    assert {
        "name": "ferry-sql",
        "configMap": {"name": f"{name}-sql", "items": [{"key": "job.sql", "path": "job.sql"}]},
    } in volumes
    assert deployment["spec"]["job"]["args"][:2] == ["--script", "/opt/ferry/sql/job.sql"]
    # baked-image YAMLs (no ferry-sql volume) get no ConfigMap
    assert [b["metadata"]["name"][:8] for b in fake.created("ConfigMap")] == ["wf-finis"]


def test_submitted_body_carries_name_labels_namespace_and_args(k8s_run):
    result, fake = k8s_run
    body = created(fake, "wf-finishes")
    metadata = body["metadata"]
    assert metadata["namespace"] == "flink-jobs"  # the ferry_namespace param
    assert created(fake, "wf-breaks")["metadata"]["namespace"] == "flink-breaks"  # explicit
    assert metadata["labels"]["ferry/dag"] == "wf_k8s"
    assert metadata["labels"]["ferry/task"] == "finishes"
    assert metadata["labels"]["ferry/run"].startswith("manual__")
    assert metadata["labels"]["ferry/try"] == "1"
    assert metadata["labels"]["app.kubernetes.io/managed-by"] == "ferry"
    run_id = metadata["annotations"]["ferry/run-id"]  # exact; the label is sanitized
    assert run_id.startswith("manual__")
    assert label_value(run_id) == metadata["labels"]["ferry/run"]
    assert metadata["annotations"]["ferry/task-id"] == "finishes.run"
    assert "ownerReferences" not in metadata  # reschedule mode: no worker pod outlives the wait
    pod_labels = body["spec"]["podTemplate"]["metadata"]["labels"]
    assert pod_labels["ferry/run"] == metadata["labels"]["ferry/run"]  # cost per run
    assert body["spec"]["job"]["args"] == [
        "--script",
        "/opt/ferry/sql/job.sql",
        "--param",
        "INPUT=hdfs://nn:8020/in",
        "--param",
        "OUTPUT=hdfs://nn:8020/out/2024/05/01",
        "--param-env",
        "db_password=FERRY_PARAM_0",
        "--prepare-delete",
        "hdfs://nn:8020/out",
        "--prepare-mkdir",
        "hdfs://nn:8020/tmp",
        "--default-fs",
        "hdfs://nn:8020",  # the action's <name-node>, rendered
    ]
    # TaskManagers resolve scheme-less paths on it too; a job without one leaves Flink's default
    assert body["spec"]["flinkConfiguration"]["fs.default-scheme"] == "hdfs://nn:8020"
    breaks = created(fake, "wf-breaks")["spec"].get("flinkConfiguration", {})
    assert "fs.default-scheme" not in breaks
    assert f"creating FlinkDeployment flink-jobs/{metadata['name']}" in result.log


# ---------------------------------------------------------------- the pure parts, as tables


@pytest.mark.parametrize(
    ("base", "expected_stem"),
    [
        ("sessionize", "sessionize"),
        ("Clickstream_Daily.Sessionize", "clickstream-daily-sessionize"),
        ("9-lives", "lives"),
        ("a" * 60, "a" * 36),
        ("___", "flink"),
    ],
)
def test_deployment_name_is_a_short_dns_label(base, expected_stem):
    name = deployment_name(base, "dag", "manual__2024-05-01T06:00:00+00:00", 1)
    stem, digest = name.rsplit("-", 1)
    assert stem == expected_stem
    assert len(digest) == 8
    assert len(name) <= 45
    assert validate_name(name)


def validate_name(name: str) -> bool:
    import re

    return re.fullmatch(r"[a-z]([-a-z0-9]*[a-z0-9])?", name) is not None


def test_deployment_name_differs_per_try_and_run():
    names = {
        deployment_name("job", "dag", "run-1", 1),
        deployment_name("job", "dag", "run-1", 2),
        deployment_name("job", "dag", "run-2", 1),
    }
    assert len(names) == 3
    assert deployment_name("job", "dag", "run-1", 1) == deployment_name("job", "dag", "run-1", 1)


def test_label_value_sanitizes_run_ids():
    assert label_value("manual__2024-05-01T06:00:00+00:00") == "manual__2024-05-01T06_00_00_00_00"
    assert len(label_value("x" * 100)) == 63


@pytest.mark.parametrize(
    ("status", "verdict", "code"),
    [
        ({}, None, None),
        ({"jobManagerDeploymentStatus": "READY", "lifecycleState": "STABLE"}, None, None),
        ({"jobStatus": {"state": "RUNNING"}}, None, None),
        ({"jobStatus": {"state": "FINISHED"}}, "succeeded", None),
        ({"jobStatus": {"state": "FAILED"}}, "failed", "FLINK_JOB_FAILED"),
        ({"jobStatus": {"state": "CANCELED"}}, "failed", "FLINK_JOB_CANCELED"),
        ({"lifecycleState": "FAILED"}, "failed", "FLINK_DEPLOYMENT_FAILED"),
    ],
)
def test_status_table(status, verdict, code):
    rule = job_verdict(status)
    assert (rule.verdict if rule else None, rule.code if rule else None) == (verdict, code)


def test_error_text_reads_the_operators_json_error():
    assert error_text({"error": JOB_ERROR}) == (
        "org.apache.flink.runtime.JobException: "
        "Recovery is suppressed by NoRestartBackoffTimeStrategy"
    )
    assert error_text({"error": "plain words"}) == "plain words"
    assert error_text({}) == ""


def test_deployment_body_keeps_the_yaml_and_appends_args(airflow_db):
    doc = yaml.safe_load((airflow_db / "k8s" / "wf" / "fails.yaml").read_text())
    body = deployment_body(
        doc, name="wf-fails-0123abcd", namespace="ns", labels={"ferry/dag": "d"}, args=["--x"]
    )
    assert body["spec"]["job"]["args"] == ["--script", "/opt/ferry/flink/wf/fails.sql", "--x"]
    assert body["spec"]["image"] == doc["spec"]["image"]
    assert doc["metadata"]["name"] == "wf-fails"  # the input is not modified
    without_job = {**doc, "spec": {k: v for k, v in doc["spec"].items() if k != "job"}}
    with pytest.raises(ActionFailed, match=r"no spec\.job"):
        deployment_body(without_job, name="n", namespace="ns", labels={}, args=[])


@pytest.mark.parametrize(
    ("default_fs", "expected"),
    [
        (None, None),
        (" ", None),
        ("hdfs://nn:8020", "hdfs://nn:8020"),
        ("nn:8020", "hdfs://nn:8020"),  # as Hadoop reads fs.defaultFS (FileSystem.fixName)
    ],
)
def test_deployment_body_sets_the_default_file_system_of_every_flink_process(
    airflow_db, default_fs, expected
):
    doc = yaml.safe_load((airflow_db / "k8s" / "wf" / "fails.yaml").read_text())
    body = deployment_body(doc, name="n", namespace="ns", labels={}, args=[], default_fs=default_fs)
    assert body["spec"].get("flinkConfiguration", {}).get("fs.default-scheme") == expected
    assert "fs.default-scheme" not in doc["spec"].get("flinkConfiguration", {})


def jar_volume(*items: tuple[str, str]) -> dict:
    """A `ferry-sql` volume as the generator writes it: the script, then each REGISTERed jar."""
    listed = [{"key": "job.sql", "path": "job.sql"}]
    listed += [{"key": key, "path": path} for key, path in items]
    return {"name": "ferry-sql", "configMap": {"name": "x-sql", "items": listed}}


def test_registered_jars_beside_the_script_go_into_its_configmap_as_binary_data(tmp_path):
    script = tmp_path / "flink" / "wf" / "hours.sql"
    jar = script.parent / "udfs" / "apps" / "clicks" / "lib" / "acme udfs.jar"
    jar.parent.mkdir(parents=True)
    script.write_text("SELECT 1;\n")
    payload = bytes(range(256)) * 3  # every byte value: a byte copy, not text
    jar.write_bytes(payload)
    volume = jar_volume(("jar-1", "udfs/apps/clicks/lib/acme udfs.jar"))
    files = flink_kubernetes.shipped_files(volume, script)
    assert files == {"jar-1": payload}
    owner = {"apiVersion": "flink.apache.org/v1beta1", "kind": "FlinkDeployment", "name": "x"}
    body = flink_kubernetes.config_map_body(
        "x-sql", "ns", script.read_text(), {}, {}, {**owner, "uid": "u"}, files
    )
    assert body["data"] == {"job.sql": "SELECT 1;\n"}
    assert base64.b64decode(body["binaryData"]["jar-1"]) == payload
    assert validate_core_object(body) == []


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../../../etc/passwd", "not a file beside the script"),
        ("/etc/passwd", "not a file beside the script"),
        ("udfs/missing.jar", "missing: the job's REGISTERed jars are written beside its script"),
    ],
)
def test_a_listed_file_that_leaves_the_script_directory_or_is_missing_is_refused(
    tmp_path, path, message
):
    script = tmp_path / "flink" / "wf" / "hours.sql"
    script.parent.mkdir(parents=True)
    script.write_text("SELECT 1;\n")
    with pytest.raises(ActionFailed, match=message):
        flink_kubernetes.shipped_files(jar_volume(("jar-1", path)), script)


def test_script_and_jars_larger_than_a_configmap_are_refused_before_anything_is_sent():
    limit = flink_kubernetes.MAX_CONFIG_MAP_BYTES
    owner = {"uid": "u"}
    fits = {"jar-1": b"\0" * (limit - 10)}
    assert flink_kubernetes.config_map_body("x-sql", "ns", "S" * 10, {}, {}, owner, fits)
    with pytest.raises(ActionFailed, match="the SQL script and its jars are larger"):
        flink_kubernetes.config_map_body("x-sql", "ns", "S" * 11, {}, {}, owner, fits)


def test_a_deployment_listing_jars_in_its_script_volume_is_valid_for_the_operator(airflow_db):
    """The generator's items for REGISTERed jars (key jar-<n>, path under udfs/): the CRD and the
    core PodTemplateSpec accept them, and the submitted copy points the same volume at the try's
    ConfigMap."""
    doc = yaml.safe_load((airflow_db / "k8s" / "wf" / "finishes.yaml").read_text())
    (volume,) = [v for v in doc["spec"]["podTemplate"]["spec"]["volumes"] if "configMap" in v]
    volume["configMap"]["items"].append({"key": "jar-1", "path": "udfs/apps/c/lib/acme.jar"})
    body = deployment_body(
        doc, name="wf-finishes-0123abcd", namespace="ns", labels={}, args=[], config_map="c-sql"
    )
    assert validate_flink_deployment(body, CRD) == []
    assert validate_pod_template(body["spec"]["podTemplate"]) == []
    (shipped,) = [v for v in body["spec"]["podTemplate"]["spec"]["volumes"] if "configMap" in v]
    assert shipped["configMap"]["name"] == "c-sql"
    assert shipped["configMap"]["items"][1] == {"key": "jar-1", "path": "udfs/apps/c/lib/acme.jar"}
