"""Optional Flink TLS on Kubernetes (FERRY_FLINK_TLS_SECRET): the FlinkDeployment names the stores
and the entry point, never a password; the image's entry point writes the password into a private
copy of Flink's configuration. (runtime/src/test/.../TlsEntrypointTest runs the same script and has
Flink itself load the copy and run a job with internal TLS.)"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from conftest import CRD, NOMINAL, DagRunResult
from fake_kubernetes import FakeKubernetesApi
from test_kubernetes_backend import run_wf_k8s

from ferry_runtime.actions.flink_kubernetes import FlinkTls, deployment_body
from ferry_runtime.errors import ActionFailed
from ferry_runtime.schema import validate_flink_deployment, validate_pod_template

SCRIPT = Path(__file__).resolve().parents[2] / "docker" / "flink-tls-entrypoint.sh"
INTERNAL = {
    "kubernetes.entry.path": "/opt/ferry/bin/flink-tls-entrypoint.sh",
    "security.ssl.internal.enabled": "true",
    "security.ssl.internal.keystore": "/opt/ferry/tls/keystore.p12",
    "security.ssl.internal.truststore": "/opt/ferry/tls/truststore.p12",
}
REST = {
    "security.ssl.rest.enabled": "true",
    "security.ssl.rest.keystore": "/opt/ferry/tls/keystore.p12",
    "security.ssl.rest.truststore": "/opt/ferry/tls/truststore.p12",
}


@pytest.mark.parametrize(
    ("params", "environ", "expected"),
    [
        ({}, {}, None),
        ({}, {"FERRY_FLINK_TLS_SECRET": "  "}, None),
        ({}, {"FERRY_FLINK_TLS_SECRET": "flink-tls"}, FlinkTls("flink-tls")),
        ({}, {"FERRY_FLINK_TLS_SECRET": "t", "FERRY_FLINK_TLS_REST": "true"}, FlinkTls("t", True)),
        ({"ferry_flink_tls_secret": "p"}, {"FERRY_FLINK_TLS_SECRET": "e"}, FlinkTls("p")),
        ({"ferry_flink_tls_secret": "p", "ferry_flink_tls_rest": True}, {}, FlinkTls("p", True)),
        ({"ferry_flink_tls_secret": "p", "ferry_flink_tls_rest": "no"}, {}, FlinkTls("p")),
    ],
)
def test_tls_is_on_when_a_secret_is_named(params, environ, expected):
    assert FlinkTls.of(params, environ) == expected


@pytest.mark.parametrize(
    ("rest", "configuration"), [(False, INTERNAL), (True, {**INTERNAL, **REST})]
)
def test_body_mounts_the_stores_and_references_the_password(airflow_db, rest, configuration):
    doc = yaml.safe_load((airflow_db / "k8s" / "wf" / "fails.yaml").read_text())
    body = deployment_body(
        doc, name="wf-fails-1", namespace="ns", labels={}, args=[], tls=FlinkTls("tls", rest)
    )
    assert {
        k: v for k, v in body["spec"]["flinkConfiguration"].items() if k in configuration
    } == configuration
    assert not [k for k in body["spec"]["flinkConfiguration"] if "password" in k]
    pod = body["spec"]["podTemplate"]["spec"]
    (volume,) = [v for v in pod["volumes"] if v["name"] == "ferry-tls"]
    assert volume["secret"] == {
        "secretName": "tls",
        "defaultMode": 0o440,
        "items": [
            {"key": "keystore.p12", "path": "keystore.p12"},
            {"key": "truststore.p12", "path": "truststore.p12"},
        ],
    }
    (main,) = [c for c in pod["containers"] if c["name"] == "flink-main-container"]
    assert {"name": "ferry-tls", "mountPath": "/opt/ferry/tls", "readOnly": True} in main[
        "volumeMounts"
    ]
    assert {
        "name": "FERRY_TLS_PASSWORD",
        "valueFrom": {"secretKeyRef": {"name": "tls", "key": "password"}},
    } in main["env"]
    assert validate_flink_deployment(body, CRD) == []
    assert validate_pod_template(body["spec"]["podTemplate"]) == []
    assert "ferry-tls" not in json.dumps(doc)  # the repo's YAML is not modified


def test_a_password_written_in_the_yaml_is_refused_when_tls_is_on(airflow_db):
    doc = yaml.safe_load((airflow_db / "k8s" / "wf" / "fails.yaml").read_text())
    doc["spec"]["flinkConfiguration"]["security.ssl.internal.keystore-password"] = "x"
    with pytest.raises(ActionFailed, match=r"remove security\.ssl\.internal\.keystore-password"):
        deployment_body(doc, name="n", namespace="ns", labels={}, args=[], tls=FlinkTls("t"))


@pytest.fixture(scope="module")
def tls_run(run_dag) -> tuple[DagRunResult, FakeKubernetesApi]:
    environ = {"FERRY_FLINK_TLS_SECRET": "flink-internal-tls"}
    return run_wf_k8s(run_dag, environ, logical_date=NOMINAL + timedelta(days=1))


def test_every_try_a_worker_submits_carries_tls(tls_run):
    result, fake = tls_run
    assert fake.created()
    for body in fake.created():
        assert INTERNAL.items() <= body["spec"]["flinkConfiguration"].items()
        assert validate_flink_deployment(body, CRD) == [], body["metadata"]["name"]
    assert fake.invalid == []
    assert "Flink TLS on (internal) with the stores and password of Secret" in result.log


# ------------------------------------------------------------------ the entry point script


def run_entrypoint(tmp_path: Path, password: str | None, conf: str | None = "a.b: 1\n"):
    source = tmp_path / "configmap"
    source.mkdir()
    if conf is not None:
        (source / "config.yaml").write_text(conf)
    (source / "log4j-console.properties").write_text("rootLogger.level = INFO\n")
    source.chmod(0o555)  # the operator's mount is read-only
    stand_in = tmp_path / "entrypoint.sh"
    stand_in.write_text(
        '#!/bin/sh\necho "$FLINK_CONF_DIR"\necho "${FERRY_TLS_PASSWORD-unset}"\necho "$@"\n'
    )
    stand_in.chmod(0o755)
    env = {
        "PATH": os.environ["PATH"],
        "FLINK_CONF_DIR": str(source),
        "TMPDIR": str(tmp_path),
        "FERRY_FLINK_ENTRYPOINT": str(stand_in),
    }
    if password is not None:
        env["FERRY_TLS_PASSWORD"] = password
    return source, subprocess.run(
        ["bash", str(SCRIPT), "bash", "-c", "kubernetes-jobmanager.sh kubernetes-application"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "password",
    ["plain", "it's", "''", "a: b # c", " spaced ", "${HOME}", "$(id)", "back\\slash", '"dq"'],
)
def test_the_copy_holds_the_password_exactly_and_flink_starts_from_it(tmp_path, password):
    source, done = run_entrypoint(tmp_path, password)
    assert done.returncode == 0, done.stderr
    conf_dir, leaked, args = done.stdout.splitlines()
    copy = Path(conf_dir)
    assert copy.parent == tmp_path
    assert copy != source
    assert leaked == "unset"  # Flink's processes do not inherit the variable
    assert args == "bash -c kubernetes-jobmanager.sh kubernetes-application"
    loaded = yaml.safe_load((copy / "config.yaml").read_text())
    assert loaded["a.b"] == 1
    for scope in ("internal", "rest"):
        for key in ("keystore-password", "key-password", "truststore-password"):
            assert loaded[f"security.ssl.{scope}.{key}"] == password
    assert (copy / "log4j-console.properties").is_file()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o700
    assert stat.S_IMODE((copy / "config.yaml").stat().st_mode) == 0o600
    assert (source / "config.yaml").read_text() == "a.b: 1\n"


@pytest.mark.parametrize(
    ("password", "conf", "message"),
    [
        (None, "a: 1\n", "FERRY_TLS_PASSWORD is empty or not set"),
        ("", "a: 1\n", "FERRY_TLS_PASSWORD is empty or not set"),
        ("two\nlines", "a: 1\n", "holds a line break"),
        ("p", None, "config.yaml (Flink 2 configuration)"),
    ],
)
def test_the_entrypoint_refuses_to_start_flink_without_a_usable_password(
    tmp_path, password, conf, message
):
    _, done = run_entrypoint(tmp_path, password, conf)
    assert done.returncode == 78
    assert message in done.stderr
    assert done.stdout == ""  # Flink was not started
