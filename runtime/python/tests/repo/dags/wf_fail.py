"""Oozie: fork(good, bad) -> join -> end; bad fails -> mail -> kill: the run ends FAILED."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from airflow.sdk import DAG, CronTriggerTimetable

from ferry_runtime import oozie

REPO = Path(__file__).resolve().parents[1]

with DAG(
    dag_id="wf_fail",
    schedule=CronTriggerTimetable("0 6 * * *", timezone="UTC"),
    start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    params={"alertTo": "ops@example.com, oncall@example.com"},
    user_defined_macros=oozie.macros(),
) as dag:
    fork_1 = oozie.fork("fork_1")
    good = oozie.flink_sql_job(
        "good",
        repo=REPO,
        script="flink/wf/good.sql",
        deployment="k8s/wf/finishes.yaml",
        ok="join_1",
        error="notify_failure",
    )
    bad = oozie.flink_sql_job(
        "bad",
        repo=REPO,
        script="flink/wf/bad.sql",
        deployment="k8s/wf/finishes.yaml",
        params={
            "DAY": "{{ coord.format_time(coord.nominal_time(), 'yyyyMMdd') }}",
            "NOMINAL": "{{ coord.nominal_time() }}",
        },
        ok="join_1",
        error="notify_failure",
    )
    join_1 = oozie.join("join_1")
    notify_failure = oozie.email(
        "notify_failure",
        to="{{ params.alertTo }}",
        cc="lead@example.com",
        subject="wf_fail: {{ wf.last_error_node() }} failed [{{ wf.error_code('bad') }}]",
        body="Error: {{ wf.error_message(wf.last_error_node()) }}\nRun: {{ wf.id() }}\n"
        "{{ wf.name() }} for {{ wf.conf('alertTo') }} by {{ wf.user() }}: "
        "bad -> {{ wf.transition('bad') }}, good -> {{ wf.transition('good') }}, "
        "fork_1 -> {{ wf.transition('fork_1') }}; data {{ wf.action_data('bad') }}",
        ok="fail",
        error="fail",
    )
    fail = oozie.kill(
        "fail", message="Pig failed, error message[{{ wf.error_message(wf.last_error_node()) }}]"
    )
    end = oozie.end("end")

    fork_1 >> [good, bad]
    good >> [join_1, notify_failure]
    bad >> [join_1, notify_failure]
    join_1 >> end
    notify_failure >> fail
