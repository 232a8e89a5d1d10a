"""The sample repository converted, imported by real Airflow and run end to end (local backend).

The DAG's outputs are compared with samples/clickstream/expected/, which the Java differential test
(cli SampleDifferentialTest) checks against real Pig's output on every build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ferry_runtime.schema import validate_flink_deployment

from conftest import CRD, ROOT, SAMPLE, assert_ruff_clean

RUN_DAG = ROOT / "e2e" / "run_dag.py"
DAY = "2026-01-15"


def run_dag(
    repo: Path, logical_date: str, conf: dict[str, str], tmp: Path
) -> tuple[dict[str, str], str]:
    summary = tmp / "summary.json"
    result = subprocess.run(
        [
            sys.executable,
            str(RUN_DAG),
            "--repo",
            str(repo),
            "--dag",
            "clickstream_daily",
            "--logical-date",
            logical_date,
            "--conf",
            json.dumps(conf),
            "--summary",
            str(summary),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FERRY_OUTBOX": str(tmp / "outbox")},
    )
    assert summary.is_file(), f"the DAG did not run:\n{result.stdout}\n{result.stderr}"
    return json.loads(summary.read_text()), result.stdout + result.stderr


def read_output(directory: Path) -> list[str]:
    lines: list[str] = []
    for part in sorted(p for p in directory.iterdir() if not p.name.startswith((".", "_"))):
        lines.extend(part.read_text(encoding="utf-8").splitlines())
    return lines


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


def test_generated_dag_imports_in_airflow(migrated_repo: Path, tmp_path: Path) -> None:
    probe = (
        "import json; from airflow.dag_processing.dagbag import DagBag; "
        f"bag = DagBag({str(migrated_repo / 'dags')!r}); "
        "print(json.dumps({'errors': {k: str(v) for k, v in bag.import_errors.items()}, "
        "'dags': {d: sorted(t.task_id for t in bag.dags[d].tasks) for d in bag.dag_ids}}))"
    )
    env_home = tmp_path / "airflow"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={
            "AIRFLOW_HOME": str(env_home),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "PATH": "/usr/bin:/bin",
            "FERRY_BACKEND": "local",
        },
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["errors"] == {}
    assert list(found["dags"]) == ["clickstream_daily"]
    task_ids = found["dags"]["clickstream_daily"]
    # Oozie node names are the task ids (actions are task groups named after the node).
    for node in ["analytics-fork", "analytics-join", "publish-decision", "fail", "end"]:
        assert node in task_ids
    for action in ["sessionize", "revenue-by-country", "top-pages", "notify-failure"]:
        assert any(t.startswith(action + ".") for t in task_ids), action


def test_generated_python_is_ruff_clean(migrated_repo: Path) -> None:
    assert_ruff_clean([migrated_repo / "dags"])


def test_flink_deployments_validate_against_the_crd(migrated_repo: Path) -> None:
    files = sorted((migrated_repo / "k8s").rglob("*.yaml"))
    assert [f.stem for f in files] == ["revenue-by-country", "sessionize", "top-pages"]
    for file in files:
        document = yaml.safe_load(file.read_text())
        assert validate_flink_deployment(document, CRD) == [], file
        containers = document["spec"]["podTemplate"]["spec"]["containers"]
        assert containers[0]["name"] == "flink-main-container"


def test_dag_run_produces_pigs_outputs(migrated_repo: Path, hdfs: Path, tmp_path: Path) -> None:
    states, log = run_dag(
        migrated_repo, f"{DAY}T02:00:00+00:00", {"nameNode": f"file://{hdfs}"}, tmp_path
    )
    assert states["__run__"] == "success", log
    # Oozie's path: fork, both Pig actions, join, decision (publishTopPages=true), top-pages, end.
    for task in ["analytics-fork", "analytics-join", "publish-decision", "end"]:
        assert states[task] == "success", (task, states)
    assert states["fail"] == "skipped"
    assert all(
        state == "skipped" for task, state in states.items() if task.startswith("notify-failure.")
    )
    outputs = {
        "sessionize": ("sessions", "\t"),
        "revenue": ("revenue", ","),
        "top_pages": ("top_pages", "\t"),
    }
    for script, (directory, delimiter) in outputs.items():
        expected = (SAMPLE / "expected" / script / "part-00000").read_text().splitlines()
        actual = read_output(hdfs / "data" / "clickstream" / "out" / directory / DAY)
        if script != "top_pages":  # ORDER ... LIMIT keeps its order; the others are unordered
            actual.sort()
        assert len(actual) == len(expected), script
        for e, a in zip(expected, actual, strict=True):
            assert same_fields(e, a, delimiter), (script, e, a)


def test_failing_job_ends_on_the_kill_path(migrated_repo: Path, hdfs: Path, tmp_path: Path) -> None:
    # No page views exist for 2026-01-16: both Pig actions fail, as Pig would on a missing input.
    states, log = run_dag(
        migrated_repo, "2026-01-16T02:00:00+00:00", {"nameNode": f"file://{hdfs}"}, tmp_path
    )
    assert states["__run__"] == "failed", log
    assert states["fail"] == "failed"
    assert states["analytics-join"] == "skipped"
    assert states["end"] == "skipped"
    assert any(t.startswith("notify-failure.") and s == "success" for t, s in states.items()), (
        states
    )
    assert "Clickstream run for 2026-01-16 failed at [" in log
    mails = sorted((tmp_path / "outbox").rglob("*.eml"))
    assert len(mails) == 1, mails
    assert "clickstream 2026-01-16 failed at" in mails[0].read_text()
