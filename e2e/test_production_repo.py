"""A repository laid out as production teams keep theirs (e2e/production_repo.py), end to end.

Converted by the real CLI: every submission (properties files, no job.properties) becomes a DAG,
every DAG imports in Airflow 3.3.2 and is ruff clean. Under dag.test(): the refine coordinator's
sensor finds the raw hour Oozie would wait for (dataset named by a property, from the included
dataset file) and its workflow writes the refined instance at `month=1/day=5/hour=7`, the path the
`${"$"}{MONTH + 0}` idiom gives in Oozie; the backfill workflow runs the generic loop, which calls
itself through ${wf:appPath()} and runs its step once per value, as Oozie runs it. Two families:
their daily coordinators share a name (told apart, one OOZ-W030 each); a bundle's entry finds the
dataset its own <configuration> names; the monthly coordinator's EL instances count as Oozie's.
"""

from __future__ import annotations

import re
import runpy
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ferry_runtime.el.datasets import instance_times
from production_repo import write
from test_coordinators import dag_facts

from conftest import CLI_JAR, assert_ruff_clean, run_generated_dag

FAMILIES = ("webrequest", "pageview")  # two: the daily coordinators share one name (pattern 6)


@pytest.fixture(scope="module")
def conversion(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The repository converted by the real CLI: (output directory, what the CLI printed)."""
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn install` first (scripts/test.sh does)")
    base = tmp_path_factory.mktemp("production")
    write(base / "legacy", families=len(FAMILIES))
    out = base / "migrated"
    result = subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(base / "legacy"), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout + result.stderr


@pytest.fixture(scope="module")
def migrated(conversion: tuple[Path, str]) -> Path:
    return conversion[0]


def run(migrated: Path, tmp: Path, dag: str, logical_date: str, conf: dict[str, str]) -> dict:
    states, log = run_generated_dag(migrated, dag, logical_date, conf, tmp)
    states["__log__"] = log
    return states


def test_every_submission_is_a_dag_that_imports(
    conversion: tuple[Path, str], tmp_path: Path
) -> None:
    migrated, printed = conversion
    dags = sorted(p.stem for p in (migrated / "dags").glob("*.py"))
    per_family = [
        # the daily coordinator has the same name in both directories: told apart by its path
        "daily_aggregate_coord_{family}_daily",
        "{family}_backfill_wf",
        "{family}_monthly_coord",
        "{family}_refine_bundle.{family}_refine_text_coord",
        "{family}_refine_bundle.{family}_refine_upload_coord",
        "{family}_refine_text_coord",
        "{family}_refine_upload_coord",
        "{family}_step_wf",
    ]
    assert dags == sorted(
        [
            "ferry_janitor",  # generated into every migrated repository
            "loop_loop_name_wf",
            *(name.format(family=family) for family in FAMILIES for name in per_family),
        ]
    )
    # one warning per duplicate, naming the DAG id it became
    assert sorted(re.findall(r"warning OOZ-W030: .*this one becomes '([^']+)'", printed)) == [
        f"daily_aggregate_coord_{family}_daily" for family in sorted(FAMILIES)
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


def test_a_bundle_entry_finds_the_dataset_its_configuration_names(
    migrated: Path, tmp_path: Path
) -> None:
    # The bundle's entry for `upload` sets source and raw_dataset in its <configuration>: the
    # sensor waits for webrequest_upload's hour (not text's), the output goes to source=upload.
    hdfs = tmp_path / "hdfs"
    for source in ("text", "upload"):
        (hdfs / "raw" / f"webrequest_{source}" / "hourly" / "2026" / "03" / "09").mkdir(
            parents=True
        )
    upload_hour = hdfs / "raw" / "webrequest_upload" / "hourly" / "2026" / "03" / "09" / "23"
    upload_hour.mkdir()
    (upload_hour / "_IMPORTED").write_text("")
    states = run(
        migrated,
        tmp_path,
        "webrequest_refine_bundle.webrequest_refine_upload_coord",
        "2026-03-09T23:00:00+00:00",
        {
            "raw_data_directory": f"file://{hdfs}/raw",
            "refined_data_directory": f"file://{hdfs}/refined",
        },
    )
    assert states["__run__"] == "success", states.pop("__log__")[-4000:]
    refined = hdfs / "refined" / "webrequest" / "source=upload" / "year=2026"
    assert (refined / "month=3" / "day=9" / "hour=23" / "_SUCCESS").is_file()
    assert not (hdfs / "refined" / "webrequest" / "source=text").exists()


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
        # `coord:current(24 * period_days - 1)` with period_days = 7 from the properties file
        period = coordinator.data_in("period_input")
        assert instance_times(coordinator.by_name[period.dataset], period, moment) == [
            moment + timedelta(hours=24 * 7 - 1)
        ]
