"""Coordinator 0.5 input-logic run for real: e2e/apps/input-logic under dag.test().

The app's first top-level element is `<combine name="days" min="${minimum}" wait="${waitMinutes}">`
of the primary and backup daily data-ins (current(-2)..current(0)); `<or name="either">` of backup
then primary (min 1) only names an element for coord:dataIn. The workflow mails both values. For
nominal time 2026-01-15T06:00Z the instances are 01-15, 01-14, 01-13 (newest first).
"""

from __future__ import annotations

import email
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from test_coordinators import RUN_DAG, convert

from conftest import ROOT, assert_ruff_clean

APP = ROOT / "e2e" / "apps" / "input-logic"


def run_input_logic(
    tmp: Path, present: dict[str, list[str]], **properties: int
) -> tuple[dict, str, str, float]:
    """Convert the app with job.properties overridden, lay out the done-flags, run 01-15."""
    repo = tmp / "legacy"
    shutil.copytree(APP, repo / "input-logic")
    job = repo / "input-logic" / "job.properties"
    lines = job.read_text().splitlines()
    job.write_text(
        "\n".join(
            f"{k}={properties[k]}" if (k := line.split("=", 1)[0]) in properties else line
            for line in lines
        )
        + "\n"
    )
    out = tmp / "migrated"
    result = convert(repo, out)
    assert result.returncode == 0, result.stdout + result.stderr
    hdfs = tmp / "hdfs"
    for dataset, days in present.items():
        for day in days:
            (hdfs / "data" / dataset / "2026" / "01" / day).mkdir(parents=True)
            (hdfs / "data" / dataset / "2026" / "01" / day / "_SUCCESS").write_text("")
    summary = tmp / "summary.json"
    started = time.monotonic()
    run = subprocess.run(
        [
            sys.executable,
            str(RUN_DAG),
            "--repo",
            str(out),
            "--dag",
            "input_logic",
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
    elapsed = time.monotonic() - started
    assert summary.is_file(), f"the DAG did not run:\n{run.stdout}\n{run.stderr}"
    mails = sorted((tmp / "outbox").rglob("*.eml"))
    body = ""
    if mails:
        body = email.message_from_string(mails[0].read_text()).get_payload(decode=True).decode()
    return json.loads(summary.read_text()), run.stdout + run.stderr, body, elapsed


def test_combine_with_every_instance_runs_at_once(tmp_path: Path) -> None:
    # primary has 01-15 and 01-13, backup fills 01-14: all three found, min and wait do not apply.
    states, log, body, _ = run_input_logic(
        tmp_path, {"primary": ["15", "13"], "backup": ["14"]}, minimum=2, waitMinutes=30
    )
    assert states["__run__"] == "success", log
    assert states["input-events.days"] == "success"
    data = f"file://{tmp_path}/hdfs/data"
    # combine keeps instance order, each gap filled from the backup.
    days = f"{data}/primary/2026/01/15,{data}/backup/2026/01/14,{data}/primary/2026/01/13"
    assert f"days: {days}" in body
    # either: backup-days has 1 of 3 (not all, no min) -> false; primary-days min 1 -> its 2.
    assert f"either: {data}/primary/2026/01/15,{data}/primary/2026/01/13" in body
    assert_ruff_clean([tmp_path / "migrated" / "dags"])


def test_min_met_then_the_wait_elapses_and_the_run_takes_what_is_there(tmp_path: Path) -> None:
    # 01-15 from primary, 01-14 from backup, 01-13 nowhere: min 2 is met at the first poke, but the
    # wait (1 minute from the later of nominal time and the first poke) has not elapsed, so the
    # sensor pokes again a minute later and then runs with the two instances.
    states, log, body, elapsed = run_input_logic(
        tmp_path, {"primary": ["15"], "backup": ["14"]}, minimum=2, waitMinutes=1
    )
    assert states["__run__"] == "success", log
    assert states["input-events.days"] == "success"
    assert elapsed >= 60, f"the sensor did not wait: {elapsed:.0f} s"
    data = f"file://{tmp_path}/hdfs/data"
    assert f"days: {data}/primary/2026/01/15,{data}/backup/2026/01/14\n" in body
    assert f"either: {data}/primary/2026/01/15\n" in body or body.endswith(
        f"either: {data}/primary/2026/01/15"
    )


def test_min_not_met_times_out_at_the_sensor(tmp_path: Path) -> None:
    # min 3 with two instances and timeout 0: Oozie's action would time out; the run fails at its
    # sensor and the workflow never runs.
    states, log, body, _ = run_input_logic(
        tmp_path, {"primary": ["15"], "backup": ["14"]}, minimum=3, waitMinutes=0, inputTimeout=0
    )
    assert states["__run__"] == "failed", log
    assert states["input-events.days"] == "failed"
    assert states["notify.send"] in ("upstream_failed", "None"), states
    assert body == ""
