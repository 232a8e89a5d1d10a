"""Repositories that give coordinator dates at submission, and fixed-offset timezones, end to end.

Harvested production-shaped repositories converted nothing of a bundle whose coordinators say
`start="${start}" end="${end}"` with no properties file (the team submits with `-Dstart=...`), and
a coordinator or dataset in `GMT+09:00` gave a DAG Airflow could not import (pendulum and zoneinfo
refuse the name). Converted by the real CLI: every coordinator is a DAG (paused on creation, its
start a placeholder, OOZ-W032 at the coordinator), the GMT offset is the IANA zone of the same
offset, every DAG imports in Airflow, and the runtime computes the dataset's instances in it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import CLI_JAR, assert_ruff_clean, import_dags

WORKFLOW = """<workflow-app xmlns="uri:oozie:workflow:0.5" name="import-{name}">
    <start to="end"/>
    <end name="end"/>
</workflow-app>
"""

COORDINATOR = """<coordinator-app name="{name}" frequency="0 20 * * *"
    start="${{start}}" end="${{end}}" timezone="UTC" xmlns="uri:oozie:coordinator:0.2">
    <controls><concurrency>1</concurrency></controls>
    <action><workflow><app-path>hdfs://nn/scripts/workflow/workflow_{name}.xml</app-path></workflow></action>
</coordinator-app>
"""

BUNDLE = """<bundle-app name="cms-import" xmlns="uri:oozie:bundle:0.1">
{entries}</bundle-app>
"""

ENTRY = """    <coordinator name="coord-{name}">
        <app-path>hdfs://nn/scripts/coordinator/coordinator_{name}.xml</app-path>
        <configuration>
            <property><name>start</name><value>${{start}}</value></property>
            <property><name>end</name><value>${{end}}</value></property>
        </configuration>
    </coordinator>
"""

TOKYO = """<coordinator-app name="tokyo-daily" frequency="${coord:days(1)}"
    start="2026-01-01T15:00Z" end="2027-01-01T15:00Z" timezone="GMT+09:00"
    xmlns="uri:oozie:coordinator:0.4">
    <datasets>
        <dataset name="logs" frequency="${coord:days(1)}" initial-instance="2025-01-01T15:00Z"
            timezone="GMT+09:00">
            <uri-template>/data/logs/${YEAR}/${MONTH}/${DAY}</uri-template>
        </dataset>
    </datasets>
    <input-events>
        <data-in name="in" dataset="logs"><instance>${coord:current(-1)}</instance></data-in>
    </input-events>
    <action><workflow><app-path>${nameNode}/apps/tokyo</app-path></workflow></action>
</coordinator-app>
"""

MERGER = """<coordinator-app name="file-merger" frequency="${merger_frequency}"
    start="2026-01-01T00:00Z" end="2027-01-01T00:00Z" timezone="UTC"
    xmlns="uri:oozie:coordinator:0.2">
    <action><workflow><app-path>${nameNode}/apps/merger</app-path></workflow></action>
</coordinator-app>
"""

NAMES = ("costcenter", "location")


@pytest.fixture(scope="module")
def conversion(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn install` first (scripts/test.sh does)")
    base = tmp_path_factory.mktemp("submission")
    legacy = base / "legacy"
    for name in NAMES:
        app = legacy / "oozie" / name
        app.mkdir(parents=True)
        (app / f"coordinator_{name}.xml").write_text(COORDINATOR.format(name=name))
        (app / f"workflow_{name}.xml").write_text(WORKFLOW.format(name=name))
    entries = "".join(ENTRY.format(name=name) for name in NAMES)
    (legacy / "oozie" / "bundle.xml").write_text(BUNDLE.format(entries=entries))
    (legacy / "tokyo").mkdir()
    (legacy / "tokyo" / "coordinator.xml").write_text(TOKYO)
    (legacy / "tokyo" / "workflow.xml").write_text(WORKFLOW.format(name="tokyo"))
    (legacy / "merger").mkdir()
    (legacy / "merger" / "coordinator.xml").write_text(MERGER)
    (legacy / "merger" / "workflow.xml").write_text(WORKFLOW.format(name="merger"))
    out = base / "migrated"
    result = subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(legacy), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout + result.stderr


def test_every_coordinator_is_a_paused_dag_that_imports(
    conversion: tuple[Path, str], tmp_path: Path
) -> None:
    out, printed = conversion
    # one warning per date per coordinator, at the coordinator element
    for name in NAMES:
        for date in ("start", "end"):
            assert (
                f"oozie/{name}/coordinator_{name}.xml:1:1: warning OOZ-W032: coordinator {date} "
                in printed
            ), printed
    result = import_dags(out / "dags", tmp_path)
    assert result["errors"] == {}
    dag_ids = sorted(i for i in result["dags"] if i != "ferry_janitor")
    assert len(dag_ids) == len(NAMES) + 2, dag_ids
    for dag_id in dag_ids:
        source = (out / "dags" / result["files"][dag_id]).read_text()
        # the submitted coordinators wait for a person to set their start; Tokyo's start is known
        paused = "is_paused_upon_creation=True" in source
        assert paused == (dag_id != "tokyo_daily"), dag_id
    assert_ruff_clean(sorted((out / "dags").glob("*.py")))


def test_a_gmt_offset_runs_in_the_iana_zone_of_that_offset(
    conversion: tuple[Path, str], tmp_path: Path
) -> None:
    out, _ = conversion
    source = (out / "dags" / "tokyo_daily.py").read_text()
    assert "GMT+09:00" not in source
    assert source.count('"Etc/GMT-9"') == 2, source  # the schedule's and the dataset's zone
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    # Etc/GMT-9 is UTC+9 (POSIX signs): Tokyo's day 2026-03-02 starts at 15:00 UTC
    zone = ZoneInfo("Etc/GMT-9")
    assert datetime(2026, 3, 2, tzinfo=zone).astimezone(timezone.utc) == datetime(
        2026, 3, 1, 15, tzinfo=timezone.utc
    )


def test_a_frequency_given_at_submission_is_a_paused_dag_without_a_schedule(
    conversion: tuple[Path, str], tmp_path: Path
) -> None:
    out, printed = conversion
    assert (
        "merger/coordinator.xml:1:1: warning OOZ-W032: coordinator frequency "
        "'${merger_frequency}' needs the property 'merger_frequency'"
    ) in printed, printed
    assert "OOZ-E010" not in printed, printed
    source = (out / "dags" / "file_merger.py").read_text()
    assert "    schedule=None,\n" in source, source
    assert "is_paused_upon_creation=True" in source
    probe = (
        "import sys\n"
        "from airflow.dag_processing.dagbag import DagBag\n"
        "dag = DagBag(sys.argv[1]).dags['file_merger']\n"
        "print(type(dag.timetable).__name__, dag.is_paused_upon_creation, dag.catchup)\n"
    )
    import os
    import sys

    result = subprocess.run(
        [sys.executable, "-c", probe, str(out / "dags")],
        capture_output=True,
        text=True,
        check=True,
        env={
            **os.environ,
            "AIRFLOW_HOME": str(tmp_path),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "FERRY_BACKEND": "local",
        },
    )
    # Airflow's timetable for schedule=None: runs only when triggered
    assert result.stdout.strip().splitlines()[-1] == "NullTimetable True False", result.stdout
