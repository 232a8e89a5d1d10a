"""Coordinators and bundles converted by the real CLI, imported by real Airflow, and one run.

Apache Oozie's example coordinators (aggregator, bundle, coord-input-logic, cron, cron-schedule,
sla, hcatalog) are converted with `ferry-cli.jar`; every DAG must import in a DagBag with no
error, be ruff clean, and carry the schedule Oozie's semantics give (values derived in comments).
Then e2e/apps/daily-ingest runs under dag.test(): its sensor finds the done-flags of the two
newest daily instances in a local directory and the workflow runs; with one flag missing and
timeout 0 (Oozie: inputs must be there when the action materialises) the run fails at the sensor.
"""

from __future__ import annotations

import email
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI_JAR, CORPUS, ROOT, assert_ruff_clean

APPS = ["aggregator", "bundle", "coord-input-logic", "cron", "cron-schedule", "sla", "hcatalog"]
RUN_DAG = ROOT / "e2e" / "run_dag.py"
DAILY_INGEST = ROOT / "e2e" / "apps" / "daily-ingest"


def convert(repo: Path, out: Path) -> subprocess.CompletedProcess[str]:
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn package` first (scripts/test.sh does)")
    return subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(repo), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each corpus app as its own legacy repo (the bundle's also holds the aggregator it runs)."""
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing at {CORPUS}")
    base = tmp_path_factory.mktemp("corpus")
    converted: dict[str, Path] = {}
    for app in APPS:
        repo = base / "in" / app
        shutil.copytree(CORPUS / app, repo / app)
        if app == "bundle":
            shutil.copytree(CORPUS / "aggregator", repo / "aggregator")
        out = base / "out" / app
        result = convert(repo, out)
        if app == "hcatalog":
            # Its Pig script names its tables by parameters the coordinator gives per run
            # ('$DB.$TABLE'), and HCatLoader's schema is read from the metastore at conversion: the
            # action becomes a task failing with the TODO (PIG-W020), the coordinator converts.
            printed = result.stdout + result.stderr
            assert (
                "warning PIG-W020: HCatLoader of the table '${DB}.${TABLE}', named by parameters"
                in printed
            )
            assert "hcatalog/coordinator.xml" in printed  # its data-out (rerun) warning
            # its hcat:// dataset needs no TODO: the sensor asks the Hive metastore
            assert "HCatalog table partition" not in printed
        assert result.returncode == 0, result.stdout + result.stderr
        converted[app] = out
    return converted


def dag_facts(dags: list[Path], tmp: Path) -> dict[str, object]:
    """Import the DAG folders in one DagBag; return errors and each DAG's scheduling facts."""
    probe = """
import json, sys
from airflow.dag_processing.dagbag import DagBag
out = {"errors": {}, "dags": {}}
for folder in sys.argv[1:]:
    bag = DagBag(folder)
    out["errors"].update({k: str(v) for k, v in bag.import_errors.items()})
    for dag_id in bag.dag_ids:
        dag = bag.dags[dag_id]
        out["dags"][dag_id] = {
            "timetable": type(dag.timetable).__name__,
            "summary": getattr(dag.timetable, "expression", None)
            or str(getattr(dag.timetable, "delta", "")),
            "timezone": str(getattr(dag.timetable, "timezone", "")),
            "start": dag.start_date.isoformat(),
            "end": dag.end_date.isoformat() if dag.end_date else None,
            "catchup": dag.catchup,
            "max_active_runs": dag.max_active_runs,
            "paused": dag.is_paused_upon_creation,
            "tags": sorted(dag.tags),
            "tasks": sorted(t.task_id for t in dag.tasks),
            "deadlines": [
                [type(d.reference).__name__, d.interval.total_seconds() / 60]
                for d in (dag.deadline or [])
            ],
            "outlets": sorted(
                o.name for t in dag.tasks for o in getattr(t, "outlets", []) or []
            ),
        }
print(json.dumps(out))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe, *map(str, dags)],
        capture_output=True,
        text=True,
        check=True,
        env={
            "AIRFLOW_HOME": str(tmp / "airflow"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "PATH": "/usr/bin:/bin",
            "FERRY_BACKEND": "local",
        },
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.corpus
def test_corpus_coordinators_import_with_oozie_schedules(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    facts = dag_facts([out / "dags" for out in corpus.values()], tmp_path)
    assert facts["errors"] == {}
    dags = facts["dags"]
    # The sla app's coordinator is also called aggregator-coord, and cron and cron-schedule are
    # both cron-coord: the last folder read wins here, so those are checked on their own below.
    assert {
        "aggregator_coord_with_offset",
        "bundle_app.coord_1",
        "coord_input_logic",
        "cron_coord",
    } <= (set(dags))

    # aggregator: frequency coord:hours(1) from start=2010-01-01T01:00Z -> minute 0 of every hour,
    # in UTC (absolute time); end=03:00Z is exclusive, so the last run is 02:00 (end_date 02:59:59);
    # concurrency 1 -> max_active_runs 1; Oozie catches up every instance from start.
    offset = dags["aggregator_coord_with_offset"]
    assert offset["timetable"] == "CronTriggerTimetable"
    assert offset["summary"] == "0 * * * *"
    assert offset["start"] == "2010-01-01T01:00:00+00:00"
    assert offset["end"] == "2010-01-01T02:59:59+00:00"
    assert offset["catchup"] is True
    assert offset["max_active_runs"] == 1
    # One sensor for the data-in "input" before the workflow's first node, one asset task after end.
    assert "input-events.input" in offset["tasks"]
    assert "output-events" in offset["tasks"]
    assert offset["outlets"] == ["aggregated-logs"]

    # bundle: its coordinator coord-1 runs apps/aggregator/coordinator.xml (app-path followed into
    # the repo) with start/end from the bundle: one DAG named bundle.coordinator, tagged with it.
    bundled = dags["bundle_app.coord_1"]
    assert "bundle-app" in bundled["tags"]
    assert bundled["summary"] == "0 * * * *"
    assert bundled["start"] == "2010-01-01T01:00:00+00:00"
    assert bundled["paused"] is not True  # bundle 0.1: no enabled attribute

    # coord-input-logic: <or name="input"> of input-1/input-2 -> one sensor for the group.
    logic = dags["coord_input_logic"]
    assert [t for t in logic["tasks"] if t.startswith("input-events.")] == ["input-events.input"]


@pytest.mark.corpus
def test_cron_frequency_and_sla_deadlines(corpus: dict[str, Path], tmp_path: Path) -> None:
    minutes = dag_facts([corpus["cron"] / "dags"], tmp_path)
    # cron: coord:minutes(10) from 00:00Z -> minute 0-59/10 of every hour, UTC.
    assert minutes["dags"]["cron_coord"]["summary"] == "0-59/10 * * * *"
    cron = dag_facts([corpus["cron-schedule"] / "dags"], tmp_path)
    assert cron["errors"] == {}
    # frequency="0/10 * * * *" (Oozie cron, evaluated in UTC) -> the same minutes in Unix cron.
    assert cron["dags"]["cron_coord"]["summary"] == "0/10 * * * *"
    assert cron["dags"]["cron_coord"]["timezone"] in ("UTC", "Timezone('UTC')")

    sla = dag_facts([corpus["sla"] / "dags"], tmp_path)
    assert sla["errors"] == {}
    # should-end ${shouldEnd}=10 minutes after the nominal time (= logical date); the workflow's
    # identical sla:info adds nothing. No alert-events: Oozie alerts END_MISS only
    # (oozie.sla.service.SLAService.alert.events), so max-duration gets no deadline alert.
    assert sla["dags"]["aggregator_coord"]["deadlines"] == [["DagRunLogicalDateDeadline", 10.0]]


@pytest.mark.corpus
def test_converted_coordinators_are_ruff_clean(corpus: dict[str, Path]) -> None:
    assert_ruff_clean([out / "dags" for out in corpus.values()])


def run_daily_ingest(tmp: Path, timeout_minutes: int, flags: list[str]) -> tuple[dict, str]:
    """Convert e2e/apps/daily-ingest (with <timeout> set), lay out the events dataset, run 01-15."""
    repo = tmp / "legacy"
    shutil.copytree(DAILY_INGEST, repo / "daily-ingest")
    properties = repo / "daily-ingest" / "job.properties"
    properties.write_text(
        properties.read_text().replace("inputTimeout=120", f"inputTimeout={timeout_minutes}")
    )
    out = tmp / "migrated"
    result = convert(repo, out)
    assert result.returncode == 0, result.stdout + result.stderr
    hdfs = tmp / "hdfs"
    for day in ("2026/01/14", "2026/01/15"):
        (hdfs / "data" / "events" / day).mkdir(parents=True)
    for flag in flags:
        (hdfs / "data" / "events" / flag / "_READY").write_text("")
    summary = tmp / "summary.json"
    run = subprocess.run(
        [
            sys.executable,
            str(RUN_DAG),
            "--repo",
            str(out),
            "--dag",
            "daily_ingest",
            "--logical-date",
            "2026-01-15T06:00:00+00:00",
            "--conf",
            json.dumps({"nameNode": f"file://{hdfs}"}),
            "--summary",
            str(summary),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FERRY_OUTBOX": str(tmp / "outbox")},
    )
    assert summary.is_file(), f"the DAG did not run:\n{run.stdout}\n{run.stderr}"
    return json.loads(summary.read_text()), run.stdout + run.stderr


def test_sensor_finds_the_done_flags_and_the_workflow_runs(tmp_path: Path) -> None:
    states, log = run_daily_ingest(tmp_path, 120, ["2026/01/14", "2026/01/15"])
    assert states["__run__"] == "success", log
    assert states["input-events.events"] == "success"
    assert states["check-input"] == "success"
    assert states["end"] == "success"
    assert states["fail"] == "skipped"
    # Nominal time 2026-01-15T06:00Z; daily instances from 2026-01-01T06:00Z: current(0) is
    # 01-15, current(-1) 01-14; coord:dataIn lists them newest first, comma-separated.
    hdfs = tmp_path / "hdfs" / "data" / "events"
    mails = sorted((tmp_path / "outbox").rglob("*.eml"))
    assert len(mails) == 1, mails
    body = email.message_from_string(mails[0].read_text()).get_payload(decode=True).decode()
    assert f"inputs: file://{hdfs}/2026/01/15,file://{hdfs}/2026/01/14" in body


def test_missing_done_flag_fails_the_run_at_the_sensor(tmp_path: Path) -> None:
    # Only 01-14 is complete; timeout 0: Oozie times the action out at once, we fail the sensor.
    states, log = run_daily_ingest(tmp_path, 0, ["2026/01/14"])
    assert states["__run__"] == "failed", log
    assert states["input-events.events"] == "failed"
    assert states["notify.send"] in ("upstream_failed", "None"), states
    assert states["end"] != "success"


def test_schedules_no_cron_expresses_and_a_disabled_bundle_coordinator(tmp_path: Path) -> None:
    """e2e/apps/schedules: frequencies that divide no hour/day/year, LAST_ONLY, enabled=false."""
    out = tmp_path / "migrated"
    result = convert(ROOT / "e2e" / "apps" / "schedules", out)
    assert result.returncode == 0, result.stdout + result.stderr
    facts = dag_facts([out / "dags"], tmp_path)
    assert facts["errors"] == {}
    dags = facts["dags"]
    # 45 minutes: every 45 minutes from the start (absolute time, as Oozie's minutes are).
    assert dags["every_45_minutes"]["timetable"] == "DeltaTriggerTimetable"
    assert dags["every_45_minutes"]["summary"] == "0:45:00"
    assert dags["every_45_minutes"]["start"] == "2026-01-15T10:00:00+00:00"
    # coord:months(5): 5 divides no year, so every 5 calendar months from the start.
    assert dags["every_5_months"]["summary"] == "relativedelta(months=+5)"
    # coord:days(2) with execution LAST_ONLY: catchup off (Oozie would skip the missed ones).
    assert dags["every_2_days"]["summary"] == "2 days, 0:00:00"
    assert dags["every_2_days"]["catchup"] is False
    # The bundle's coordinator "hourly" is enabled="false": its DAG is created paused.
    hourly = dags["schedules_bundle.hourly"]
    assert hourly["paused"] is True
    assert "schedules-bundle" in hourly["tags"]
    assert hourly["summary"] == "0 * * * *"
    # The workflow every coordinator runs is not also an unscheduled DAG (ferry_janitor is the
    # generated cleanup DAG every migrated repository gets).
    assert sorted(dags) == [
        "every_2_days",
        "every_45_minutes",
        "every_5_months",
        "ferry_janitor",
        "schedules_bundle.hourly",
    ]
    assert_ruff_clean([out / "dags"])
