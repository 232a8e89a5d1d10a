"""kubernetes backend, everything that can go wrong between submit and delete (see
test_kubernetes_cleanup): a JobManager crash, a job that never ends (sensor timeout), a task
killed by its execution_timeout, a delete answering 500 three times, a delete answering 404, a
delete failing for good (the DAG's failure callback removes that one). No namespace param: the
Kubernetes connection's namespace applies."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from airflow.sdk import DAG

from ferry_runtime import oozie

REPO = Path(__file__).resolve().parents[1]

# node -> (FlinkDeployment YAML, extra flink_sql_job arguments)
JOBS = {
    "crashes": ("crashes", {}),
    "stuck": ("stuck", {"timeout": 1}),
    "slow": ("slow", {}),
    "finishes": ("finishes", {}),
    "vanishes": ("fails", {}),
    "stubborn": ("breaks", {}),
}

with DAG(
    dag_id="wf_k8s_cleanup",
    schedule=None,
    start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    user_defined_macros=oozie.macros(),
) as dag:
    fork_1 = oozie.fork("fork_1")
    join_1 = oozie.join("join_1")
    fail = oozie.kill("fail", message="{{ wf.last_error_node() }} failed")
    end = oozie.end("end")
    for node, (deployment, extra) in JOBS.items():
        action = oozie.flink_sql_job(
            node,
            repo=REPO,
            script="flink/wf/good.sql",
            deployment=f"k8s/wf/{deployment}.yaml",
            ok="join_1",
            error="fail",
            backend="kubernetes",
            poke_interval=0.1,
            wait_mode="poke",
            **extra,
        )
        fork_1 >> action >> [join_1, fail]
    dag.get_task("slow.run").execution_timeout = timedelta(seconds=2)
    join_1 >> end
