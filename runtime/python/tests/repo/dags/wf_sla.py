"""Oozie: on_time -> late -> failing -> end, each action with an <sla:info> (SLA 0.2).

on_time's nominal time is far ahead: every criterion is met. late's nominal time is the run's
(2024-05-01T06:00Z, long past): it starts and ends after its expected times and runs longer than
its 0.0001-minute max-duration. failing ends in error before its expected end: END_MISS anyway.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from airflow.sdk import DAG

from ferry_runtime import oozie

REPO = Path(__file__).resolve().parents[1]

with DAG(
    dag_id="wf_sla",
    schedule=None,
    start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    params={"contact": "sla@example.com"},
    user_defined_macros=oozie.macros(),
) as dag:
    on_time = oozie.flink_sql_job(
        "on_time",
        repo=REPO,
        script="flink/wf/good.sql",
        deployment="k8s/wf/finishes.yaml",
        ok="late",
        error="end",
    )
    # the run's nominal time (its logical date, 2024-05-01T06:00Z) + 5 minutes is long past
    oozie.start_sla(on_time, should_start=5, contact="sla@example.com", message="started late")
    oozie.action_sla(
        on_time,
        nominal_time="2999-01-01T00:00Z",
        should_start="0",
        should_end="{{ 10 * 60 }}",
        alert_events="start_miss,end_miss,duration_miss",
    )
    late = oozie.flink_sql_job(
        "late",
        repo=REPO,
        script="flink/wf/good.sql",
        deployment="k8s/wf/finishes.yaml",
        ok="failing",
        error="end",
    )
    oozie.action_sla(
        late,
        nominal_time="{{ coord.nominal_time() }}",
        should_start="5",
        should_end="10",
        max_duration="0.0001",
        alert_events="start_miss, duration_miss",
        alert_contact="{{ params.contact }}",
        notification_msg="late is late",
    )
    failing = oozie.flink_sql_job(
        "failing",
        repo=REPO,
        script="flink/wf/bad.sql",
        deployment="k8s/wf/fails.yaml",
        ok="end",
        error="end",
    )
    oozie.action_sla(failing, nominal_time="2999-01-01T00:00Z", should_end="60")
    end = oozie.end("end")

    on_time >> [late, end]
    late >> [failing, end]
    failing >> end
