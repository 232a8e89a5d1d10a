"""Oozie: decision -> sessionize -> fork(revenue, top_pages) -> join -> end; error -> mail, kill."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from airflow.sdk import DAG, CronTriggerTimetable

from ferry_runtime import oozie

REPO = Path(__file__).resolve().parents[1]

with DAG(
    dag_id="wf_ok",
    schedule=CronTriggerTimetable("0 6 * * *", timezone="UTC"),
    start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    params={
        "nameNode": str(REPO / "hdfs"),
        "defaultFs": "file:///",
        "withSessions": "true",
        "alertTo": "ops@example.com",
    },
    user_defined_macros=oozie.macros(),
) as dag:
    route = oozie.decision(
        "route",
        cases=[
            ("{{ params.withSessions == 'true' }}", "sessionize"),
            ("{{ params.withSessions == 'maybe' }}", "end"),
            ("{{ params.withSessions != 'false' }}", "end"),
        ],
        default="end",
    )
    sessionize = oozie.flink_sql_job(
        "sessionize",
        repo=REPO,
        script="flink/wf/sessionize.sql",
        deployment="k8s/wf/finishes.yaml",
        params={
            "INPUT": "{{ params.nameNode }}/data/clicks/"
            "{{ coord.format_time(coord.nominal_time(), 'yyyy-MM-dd') }}",
            "OUTPUT": "{{ params.nameNode }}/out/sessions",
            "DB_PASSWORD": "hunter2-secret",
        },
        prepare=[("delete", "{{ params.nameNode }}/out/sessions"), ("mkdir", "out/tmp")],
        default_fs="{{ params.defaultFs }}",
        ok="fork_1",
        error="notify_failure",
    )
    fork_1 = oozie.fork("fork_1")
    revenue = oozie.flink_sql_job(
        "revenue",
        repo=REPO,
        script="flink/wf/revenue.sql",
        deployment="k8s/wf/finishes.yaml",
        params={"OUTPUT": "{{ params.nameNode }}/out/revenue"},
        ok="join_1",
        error="notify_failure",
    )
    top_pages = oozie.flink_sql_job(
        "top_pages",
        repo=REPO,
        script="flink/wf/top_pages.sql",
        deployment="k8s/wf/finishes.yaml",
        params={"OUTPUT": "{{ params.nameNode }}/out/top_pages"},
        ok="join_1",
        error="notify_failure",
    )
    join_1 = oozie.join("join_1")
    notify_failure = oozie.email(
        "notify_failure",
        to="{{ params.alertTo }}",
        subject="wf_ok failed at {{ wf.last_error_node() }}",
        body="{{ wf.error_message(wf.last_error_node()) }}",
        ok="fail",
        error="fail",
    )
    fail = oozie.kill(
        "fail", message="Pig failed, error message[{{ wf.error_message(wf.last_error_node()) }}]"
    )
    end = oozie.end("end")

    route >> [sessionize, end]
    sessionize >> [fork_1, notify_failure]
    fork_1 >> [revenue, top_pages]
    revenue >> [join_1, notify_failure]
    top_pages >> [join_1, notify_failure]
    join_1 >> end
    notify_failure >> fail
