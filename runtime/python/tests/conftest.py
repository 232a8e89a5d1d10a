"""Real Airflow for the tests: a temp AIRFLOW_HOME, a migrated DB, and a miniature migrated repo.

The environment is set when this module is imported, before anything imports Airflow (which
reads its configuration once). The test DAGs in tests/repo/dags run from a copy of tests/repo,
just as generated DAGs run from a migrated repository.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
WORK = Path(tempfile.mkdtemp(prefix="ferry-runtime-tests-"))
REPO = WORK / "repo"
OUTBOX = WORK / "outbox"
RUNTIME_RECORD = WORK / "runtime-calls.jsonl"
CRD = TESTS / "schemas" / "flinkdeployments.flink.apache.org-v1.yml"  # the operator's CRD (Apache 2.0)

os.environ.update(
    {
        "AIRFLOW_HOME": str(WORK / "airflow"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "FERRY_BACKEND": "local",
        "FERRY_RUNTIME_CMD": f"{sys.executable} {TESTS / 'fake_runtime.py'}",
        "FERRY_OUTBOX": str(OUTBOX),
        "FERRY_FAKE_RUNTIME_RECORD": str(RUNTIME_RECORD),
        "FERRY_PARALLELISM": "2",
    }
)
os.environ.pop("FERRY_NAMESPACE", None)
shutil.copytree(TESTS / "repo", REPO)
atexit.register(shutil.rmtree, WORK, ignore_errors=True)

# Every test run is the cron tick of 2024-05-01 06:00 UTC unless it says otherwise.
NOMINAL = datetime(2024, 5, 1, 6, 0, tzinfo=timezone.utc)


def _airflow(*args: str) -> None:
    airflow = Path(sys.executable).with_name("airflow")
    result = subprocess.run(
        [str(airflow), *args], capture_output=True, text=True, env=os.environ, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"airflow {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def airflow_db() -> Path:
    """`airflow db migrate`, then `airflow dags reserialize` of the test repo's DAGs."""
    started = time.monotonic()
    _airflow("db", "migrate")
    _airflow("dags", "reserialize")
    TIMINGS.append(("airflow db migrate + dags reserialize", time.monotonic() - started))
    return REPO


@dataclass
class DagRunResult:
    state: str
    tasks: dict[str, str | None]  # task id -> final state
    log: str  # everything the run printed: task logs included

    def states(self, *task_ids: str) -> list[str | None]:
        return [self.tasks[task_id] for task_id in task_ids]


TIMINGS: list[tuple[str, float]] = []


def _name(state: Any) -> str | None:
    return None if state is None else str(getattr(state, "value", state))


@contextmanager
def _output_captured(into: list[str]) -> Iterator[None]:
    """Everything written to fds 1 and 2 (Airflow's task logs included) while inside."""
    with tempfile.TemporaryFile() as sink:
        sys.stdout.flush()
        sys.stderr.flush()
        saved = os.dup(1), os.dup(2)
        saved_streams = sys.stdout, sys.stderr
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
        sys.stdout = sys.stderr = open(os.dup(1), "w", buffering=1, encoding="utf-8")  # noqa: SIM115
        try:
            yield
        finally:
            sys.stdout.close()
            sys.stdout, sys.stderr = saved_streams
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
            sink.seek(0)
            into.append(sink.read().decode("utf-8", errors="replace"))


@pytest.fixture(scope="session")
def run_dag(airflow_db: Path) -> Callable[..., DagRunResult]:
    """Run one test DAG with dag.test(); each (dag, logical date, conf) runs once per session."""
    results: dict[tuple[str, datetime, str], DagRunResult] = {}

    def run(
        dag_id: str, *, logical_date: datetime = NOMINAL, conf: Mapping[str, Any] | None = None
    ) -> DagRunResult:
        key = (dag_id, logical_date, json.dumps(dict(conf or {}), sort_keys=True))
        if key not in results:
            results[key] = _run(dag_id, logical_date, dict(conf or {}))
        return results[key]

    def _run(dag_id: str, logical_date: datetime, conf: dict[str, Any]) -> DagRunResult:
        try:
            from airflow.dag_processing.dagbag import DagBag
        except ImportError:  # Airflow 2
            from airflow.models.dagbag import DagBag

        started = time.monotonic()
        output: list[str] = []
        with _output_captured(output):
            bag = DagBag(dag_folder=str(airflow_db / "dags" / f"{dag_id}.py"))
            dag_run = bag.dags[dag_id].test(logical_date=logical_date, run_conf=conf)
            tasks = {ti.task_id: _name(ti.state) for ti in dag_run.get_task_instances()}
        assert not bag.import_errors, bag.import_errors
        TIMINGS.append((f"dag.test({dag_id}, conf={conf})", time.monotonic() - started))
        if keep := os.environ.get("FERRY_TEST_LOGS"):  # a directory to keep each run's log in
            Path(keep).mkdir(parents=True, exist_ok=True)
            (Path(keep) / f"{dag_id}-{logical_date:%Y%m%d%H%M}.log").write_text(output[0])
        return DagRunResult(state=_name(dag_run.state) or "", tasks=tasks, log=output[0])

    return run


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for what, seconds in TIMINGS:
        terminalreporter.write_line(f"[ferry] {what}: {seconds:.1f} s")
