"""Oozie: a <map-reduce> action Ferry does not translate -> its error transition -> kill."""

from __future__ import annotations

from datetime import datetime, timezone

from airflow.sdk import DAG

from ferry_runtime import oozie

with DAG(
    dag_id="wf_placeholder",
    schedule=None,
    start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    user_defined_macros=oozie.macros(),
) as dag:
    legacy = oozie.placeholder(
        "legacy",
        action_type="map-reduce",
        todo="Oozie <map-reduce> action at workflow.xml:21:9 is not translated yet",
        ok="end",
        error="fail",
    )
    fail = oozie.kill(
        "fail", message="failed [{{ wf.error_code('legacy') }}] {{ wf.error_message('legacy') }}"
    )
    end = oozie.end("end")

    legacy >> [end, fail]
