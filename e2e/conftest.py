"""Fixtures for the end-to-end tests: the sample repository converted by the real ferry CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "clickstream"
CLI_JAR = ROOT / "cli" / "target" / "ferry-cli.jar"
# The Flink Kubernetes operator's CRD (Apache 2.0), kept in the repository for a fresh clone.
CRD = ROOT / "runtime" / "python" / "tests" / "schemas" / "flinkdeployments.flink.apache.org-v1.yml"
# The corpus tier: tests marked `corpus` read the shared corpus beside the repository
# (scripts/test.sh runs them when it is there and says so when it is not: `-m "not corpus"`).
CORPUS = ROOT.parent / "shared" / "corpus" / "oozie-examples"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "corpus: reads the shared corpus beside the repository")


@pytest.fixture(scope="session", autouse=True)
def launcher_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """bin/ferry's start-up archives go to a temporary cache, never the user's (~/.cache/ferry)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FERRY_CACHE_DIR", str(tmp_path_factory.mktemp("ferry-cache")))
        yield


@pytest.fixture(scope="session")
def migrated_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """samples/clickstream converted by `java -jar ferry-cli.jar convert` (built by Maven)."""
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn install` first (scripts/test.sh does)")
    out = tmp_path_factory.mktemp("migrated") / "clickstream"
    subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(SAMPLE), "-o", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return out


@pytest.fixture
def hdfs(tmp_path: Path) -> Path:
    """A stand-in for the cluster's file system: the sample data under /data/clickstream."""
    root = tmp_path / "hdfs"
    shutil.copytree(SAMPLE / "data", root / "data" / "clickstream")
    return root


def k8s_problems(file: Path) -> list[str]:
    """Every schema problem of every object in a generated k8s/ file: FlinkDeployments against the
    operator's CRD and their podTemplate against the core PodTemplateSpec; core objects (RBAC,
    ConfigMaps) against the Kubernetes OpenAPI models of the kubernetes client."""
    import yaml

    from ferry_runtime.schema import (
        validate_core_object,
        validate_flink_deployment,
        validate_pod_template,
    )

    problems: list[str] = []
    for doc in yaml.safe_load_all(file.read_text(encoding="utf-8")):
        if doc.get("kind") == "FlinkDeployment":
            problems += validate_flink_deployment(doc, CRD)
            problems += validate_pod_template(doc["spec"].get("podTemplate") or {})
        else:
            problems += validate_core_object(doc)
    return [f"{file}: {problem}" for problem in problems]


def assert_ruff_clean(dags: list[Path]) -> None:
    """Generated DAGs pass `ruff check` with the AIR rules and `ruff format --check`."""
    ruff = str(Path(sys.executable).parent / "ruff")
    folders = [str(d) for d in dags]
    assert folders, "no DAG folder to check"
    check = subprocess.run(
        [ruff, "check", "--select", "E,F,W,I,AIR", "--no-cache", *folders],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [ruff, "format", "--check", "--no-cache", *folders], capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def same_fields(expected: str, actual: str, delimiter: str) -> bool:
    """Doubles may differ in the last bits (summation order); everything else must be equal."""
    e, a = expected.split(delimiter), actual.split(delimiter)
    if len(e) != len(a):
        return False
    for x, y in zip(e, a, strict=True):
        if x == y:
            continue
        try:
            fx, fy = float(x), float(y)
        except ValueError:
            return False
        if "." not in x or abs(fx - fy) > 1e-9 * max(abs(fx), abs(fy)):
            return False
    return True


DAGBAG_PROBE = """
import json, sys
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(sys.argv[1])
dags = {i: bag.dags[i] for i in sorted(bag.dag_ids)}
print(json.dumps({
    "errors": {k: str(v) for k, v in bag.import_errors.items()},
    "dags": {i: sorted(t.task_id for t in d.tasks) for i, d in dags.items()},
    "operators": {i: {t.task_id: type(t).__name__ for t in d.tasks} for i, d in dags.items()},
    "files": {i: d.fileloc.rsplit("/", 1)[-1] for i, d in dags.items()},
}))
"""


def import_dags(dags: Path, home: Path, backend: str = "local") -> dict:
    """Import a DAG folder in a fresh Airflow (DagBag) with FERRY_BACKEND=`backend`: its import
    errors and, per DAG id (sorted), its task ids, their operator classes and its file name."""
    result = subprocess.run(
        [sys.executable, "-c", DAGBAG_PROBE, str(dags)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "PATH": "/usr/bin:/bin",
            "FERRY_BACKEND": backend,
        },
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_generated_dag(
    repo: Path, dag: str, logical_date: str, conf: dict[str, str], tmp: Path
) -> tuple[dict[str, str], str]:
    """One dag.test() run of `dag` in `repo` through e2e/run_dag.py: task states and the log."""
    import json
    import os

    summary = tmp / f"{dag}.summary.json"
    command = [sys.executable, str(ROOT / "e2e" / "run_dag.py"), "--repo", str(repo), "--dag", dag]
    command += ["--logical-date", logical_date, "--conf", json.dumps(conf)]
    command += ["--summary", str(summary)]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FERRY_OUTBOX": str(tmp / "outbox")},
    )
    assert summary.is_file(), f"the DAG did not run:\n{result.stdout}\n{result.stderr}"
    return json.loads(summary.read_text()), result.stdout + result.stderr
