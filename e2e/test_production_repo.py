"""A repository laid out as production teams keep theirs (e2e/production_repo.py), end to end.

Converted by the real CLI: every submission (properties files, no job.properties) becomes a DAG,
every DAG imports in Airflow 3.3.2 and is ruff clean. Under dag.test(): the refine coordinator's
sensor finds the raw hour Oozie would wait for (dataset named by a property, from the included
dataset file) and its workflow writes the refined instance at `month=1/day=5/hour=7`, the path the
`${"$"}{MONTH + 0}` idiom gives in Oozie; the backfill workflow runs the generic loop, which calls
itself through ${wf:appPath()} and runs its step once per value, as Oozie runs it.
"""

from __future__ import annotations

import runpy
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ferry_runtime.el.datasets import instance_times
from production_repo import write
from test_coordinators import dag_facts

from conftest import CLI_JAR, assert_ruff_clean, run_generated_dag


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn install` first (scripts/test.sh does)")
    base = tmp_path_factory.mktemp("production")
    write(base / "legacy", families=1)
    out = base / "migrated"
    result = subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(base / "legacy"), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def run(migrated: Path, tmp: Path, dag: str, logical_date: str, conf: dict[str, str]) -> dict:
    states, log = run_generated_dag(migrated, dag, logical_date, conf, tmp)
    states["__log__"] = log
    return states


def test_every_submission_is_a_dag_that_imports(migrated: Path, tmp_path: Path) -> None:
    dags = sorted(p.stem for p in (migrated / "dags").glob("*.py"))
    assert dags == [
        "daily_aggregate_coord",  # one family: its name is unique
        "ferry_janitor",  # generated into every migrated repository
        "loop_loop_name_wf",
        "webrequest_backfill_wf",
        "webrequest_monthly_coord",
        "webrequest_refine_bundle.webrequest_refine_text_coord",
        "webrequest_refine_bundle.webrequest_refine_upload_coord",
        "webrequest_refine_text_coord",
        "webrequest_refine_upload_coord",
        "webrequest_step_wf",
    ]
    facts = dag_facts([migrated / "dags"], tmp_path)
    assert facts["errors"] == {}
    assert sorted(facts["dags"]) == dags
    assert_ruff_clean([migrated / "dags"])


def test_sensor_finds_the_hour_and_the_refined_instance_drops_leading_zeros(
    migrated: Path, tmp_path: Path
) -> None:
    hdfs = tmp_path / "hdfs"
    raw_hour = hdfs / "raw" / "webrequest_text" / "hourly" / "2026" / "01" / "05" / "07"
    raw_hour.mkdir(parents=True)
    (raw_hour / "_IMPORTED").write_text("")
    states = run(
        migrated,
        tmp_path,
        "webrequest_refine_text_coord",
        "2026-01-05T07:00:00+00:00",
        {
            "raw_data_directory": f"file://{hdfs}/raw",
            "refined_data_directory": f"file://{hdfs}/refined",
        },
    )
    assert states["__run__"] == "success", states.pop("__log__")[-4000:]
    refined = hdfs / "refined" / "webrequest" / "source=text" / "year=2026"
    assert (refined / "month=1" / "day=5" / "hour=7" / "_SUCCESS").is_file()


def test_the_loop_calls_itself_and_runs_each_step(migrated: Path, tmp_path: Path) -> None:
    steps = tmp_path / "steps"
    states = run(
        migrated,
        tmp_path,
        "webrequest_backfill_wf",
        "2026-01-05T00:00:00+00:00",
        {"backfill_steps": "2", "step_directory": f"file://{steps}"},
    )
    assert states["__run__"] == "success", states.pop("__log__")[-4000:]
    assert sorted(p.name for p in steps.iterdir()) == ["step=1", "step=2"]


def test_monthly_run_reads_every_hour_of_its_month(migrated: Path) -> None:
    # `coord:current(coord:daysInMonth(0) * 24 - 1)`: Oozie counts the days of each action's month.
    dag = runpy.run_path(str(migrated / "dags" / "webrequest_monthly_coord.py"))
    coordinator = dag["COORDINATOR"]
    event = coordinator.data_in("refined_input")
    dataset = coordinator.by_name[event.dataset]
    for nominal, days in (("2026-02-01", 28), ("2026-03-01", 31), ("2026-04-01", 30)):
        moment = datetime.fromisoformat(nominal + "T00:00:00+00:00")
        times = instance_times(dataset, event, moment)
        assert len(times) == days * 24
        assert (times[-1], times[0]) == (moment, moment + timedelta(days=days, hours=-1))
