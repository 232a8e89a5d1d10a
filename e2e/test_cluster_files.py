"""The files Ferry writes once per migrated repository, converted by the real CLI and read by real
Airflow and the Kubernetes schemas: the janitor DAG never takes an app's DAG id, and the Airflow
worker's RoleBinding names the service account the user gives (`--airflow-worker`), or none."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import CLI_JAR, ROOT, import_dags, k8s_problems

KILL_APP = ROOT / "e2e" / "apps" / "kill" / "workflow.xml"


def convert(repo: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn install` first (scripts/test.sh does)")
    return subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(repo), "-o", str(out), *options],
        capture_output=True,
        text=True,
        check=False,
    )


def legacy_repo(base: Path, names: list[str]) -> Path:
    """One small workflow app per name (the kill app, renamed)."""
    repo = base / "legacy"
    text = KILL_APP.read_text(encoding="utf-8")
    for name in names:
        app = repo / "apps" / name
        app.mkdir(parents=True)
        (app / "workflow.xml").write_text(text.replace('name="cf-kill"', f'name="{name}"'))
    return repo


@pytest.mark.parametrize(
    ("apps", "janitor"),
    [
        (["cf-kill"], "ferry_janitor"),
        (["ferry-janitor"], "ferry_janitor_2"),
        (["ferry-janitor", "ferry-janitor-2"], "ferry_janitor_3"),
    ],
)
def test_an_app_named_ferry_janitor_keeps_its_dag_and_the_janitor_moves_aside(
    tmp_path: Path, apps: list[str], janitor: str
) -> None:
    out = tmp_path / "out"
    result = convert(legacy_repo(tmp_path, apps), out)
    assert result.returncode == 0, result.stdout + result.stderr
    found = import_dags(out / "dags", tmp_path / "airflow")
    assert found["errors"] == {}
    app_dags = {app.replace("-", "_") for app in apps}
    assert set(found["dags"]) == app_dags | {janitor}
    assert found["dags"][janitor] == ["sweep"]
    for app in app_dags:
        assert "breaks.run" in found["dags"][app], found["dags"][app]
        assert found["files"][app] == f"{app}.py"
    assert found["files"][janitor] == f"{janitor}.py"


def rbac(out: Path) -> list[dict]:
    return list(yaml.safe_load_all((out / "k8s" / "rbac.yaml").read_text(encoding="utf-8")))


def test_airflow_worker_option_binds_the_worker_role_to_that_account(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = convert(
        legacy_repo(tmp_path, ["cf-kill"]), out, "--airflow-worker", "airflow-prod/af-worker"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert k8s_problems(out / "k8s" / "rbac.yaml") == []
    bindings = {d["metadata"]["name"]: d for d in rbac(out) if d["kind"] == "RoleBinding"}
    assert bindings["ferry-airflow-worker"]["subjects"] == [
        {"kind": "ServiceAccount", "name": "af-worker", "namespace": "airflow-prod"}
    ]
    assert bindings["ferry-airflow-worker"]["roleRef"]["name"] == "ferry-airflow-worker"


def test_without_the_option_the_worker_role_is_written_unbound(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = convert(legacy_repo(tmp_path, ["cf-kill"]), out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert k8s_problems(out / "k8s" / "rbac.yaml") == []
    docs = rbac(out)
    assert sorted((d["kind"], d["metadata"]["name"]) for d in docs) == [
        ("Role", "ferry-airflow-worker"),
        ("Role", "flink"),
        ("RoleBinding", "flink"),
        ("ServiceAccount", "flink"),
    ]
    assert (
        "--airflow-worker <namespace>/<service account>" in (out / "k8s" / "rbac.yaml").read_text()
    )


@pytest.mark.parametrize(
    "value", ["airflow-worker", "Airflow/worker", "airflow/", "a/b/c", "ns/bad_name", "$(id)/x"]
)
def test_a_bad_airflow_worker_is_a_usage_error_and_writes_nothing(
    tmp_path: Path, value: str
) -> None:
    out = tmp_path / "out"
    result = convert(legacy_repo(tmp_path, ["cf-kill"]), out, "--airflow-worker", value)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "--airflow-worker" in result.stderr
    assert "Exception" not in result.stderr
    assert "\tat " not in result.stderr
    assert not out.exists()
