"""kubernetes backend, retry-max=1: the first deployment's job fails, the retry's finishes."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from airflow.sdk import DAG

from ferry_runtime import oozie

REPO = Path(__file__).resolve().parents[1]

with DAG(
    dag_id="wf_k8s_retry",
    schedule=None,
    start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    params={"ferry_namespace": "flink-jobs"},
    user_defined_macros=oozie.macros(),
) as dag:
    flaky = oozie.flink_sql_job(
        "flaky",
        repo=REPO,
        script="flink/wf/good.sql",
        deployment="k8s/wf/finishes.yaml",
        ok="end",
        error="fail",
        backend="kubernetes",
        poke_interval=0.1,
        wait_mode="reschedule",
        retry_max=1,
        retry_interval=0,
    )
    fail = oozie.kill("fail", message="{{ wf.error_message(wf.last_error_node()) }}")
    end = oozie.end("end")

    flaky >> [end, fail]
