"""kubernetes backend: one job finishes, one fails, one never deploys; errors mail, then kill."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from airflow.sdk import DAG, CronTriggerTimetable

from ferry_runtime import oozie

REPO = Path(__file__).resolve().parents[1]

with DAG(
    dag_id="wf_k8s",
    schedule=CronTriggerTimetable("0 6 * * *", timezone="UTC"),
    start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    params={"nameNode": "hdfs://nn:8020", "ferry_namespace": "flink-jobs"},
    user_defined_macros=oozie.macros(),
) as dag:
    fork_1 = oozie.fork("fork_1")
    finishes = oozie.flink_sql_job(
        "finishes",
        repo=REPO,
        script="flink/wf/good.sql",
        deployment="k8s/wf/finishes.yaml",
        params={
            "OUTPUT": "{{ params.nameNode }}/out/"
            "{{ coord.format_time(coord.nominal_time(), 'yyyy/MM/dd') }}",
            "INPUT": "{{ params.nameNode }}/in",
            "db_password": "{{ var.value.get('db_password') }}",
        },
        prepare=[("delete", "{{ params.nameNode }}/out"), ("mkdir", "{{ params.nameNode }}/tmp")],
        default_fs="{{ params.nameNode }}",
        ok="join_1",
        error="notify",
        backend="kubernetes",
        poke_interval=1,
        wait_mode="reschedule",
    )
    fails = oozie.flink_sql_job(
        "fails",
        repo=REPO,
        script="flink/wf/bad.sql",
        deployment="k8s/wf/fails.yaml",
        ok="join_1",
        error="notify",
        backend="kubernetes",
        poke_interval=0.1,
        wait_mode="poke",
    )
    breaks = oozie.flink_sql_job(
        "breaks",
        repo=REPO,
        script="flink/wf/bad.sql",
        deployment="k8s/wf/breaks.yaml",
        namespace="flink-breaks",
        ok="join_1",
        error="notify",
        backend="kubernetes",
        poke_interval=0.1,
        wait_mode="poke",
    )
    join_1 = oozie.join("join_1")
    notify = oozie.email(
        "notify",
        to="ops@example.com",
        subject="wf_k8s: {{ wf.last_error_node() }} failed",
        body="<{{ wf.error_code(wf.last_error_node()) }}> "
        "{{ wf.error_message(wf.last_error_node()) }}",
        ok="fail",
        error="fail",
        backend="kubernetes",
    )
    fail = oozie.kill(
        "fail",
        message="{{ wf.last_error_node() }} failed: "
        "{{ wf.error_message(wf.last_error_node()) }} [{{ wf.error_code(wf.last_error_node()) }}]",
    )
    end = oozie.end("end")

    fork_1 >> [finishes, fails, breaks]
    finishes >> [join_1, notify]
    fails >> [join_1, notify]
    breaks >> [join_1, notify]
    join_1 >> end
    notify >> fail
