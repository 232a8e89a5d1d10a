"""Import a migrated repo's DAGs in Airflow; print as JSON the pod each pod task would create.

Run in a fresh interpreter (Airflow reads its settings at import):
    python pod_requests.py DAGS_DIR...
Templates are rendered with the DAG's params as when a run starts; no Kubernetes API is needed.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from types import SimpleNamespace
from typing import Any


def main(dags_dirs: list[str]) -> None:
    from airflow.dag_processing.dagbag import DagBag
    from airflow.sdk.execution_time.context import set_current_context
    from kubernetes.client import ApiClient

    pods: dict[str, Any] = {}
    tasks: dict[str, list[str]] = {}
    errors: dict[str, str] = {}
    for dags_dir in dags_dirs:
        bag = DagBag(dags_dir)
        errors.update({k: str(v) for k, v in bag.import_errors.items()})
        _pods(bag, pods, tasks, set_current_context, ApiClient)
    print(json.dumps({"errors": errors, "tasks": tasks, "pods": pods}))


def _pods(
    bag: Any, pods: dict[str, Any], tasks: dict[str, list[str]], set_context: Any, api: Any
) -> None:
    for dag_id in sorted(bag.dag_ids):
        dag = bag.dags[dag_id]
        tasks[dag_id] = sorted(t.task_id for t in dag.tasks)
        for task in dag.tasks:
            if type(task).__name__ != "RunActionPod":
                continue
            now = datetime(2026, 5, 1, tzinfo=timezone.utc)
            ti = SimpleNamespace(
                dag_id=dag_id,
                task_id=task.task_id,
                run_id="manual__2026-05-01",
                try_number=1,
                map_index=-1,
            )
            context: dict[str, Any] = {
                "params": {k: dag.params[k] for k in dag.params},
                "dag": dag,
                "task": task,
                "ti": ti,
                "task_instance": ti,
                "run_id": ti.run_id,
                "dag_run": SimpleNamespace(conf={}, run_id=ti.run_id),
                "logical_date": now,
                "data_interval_end": now,
            }
            with set_context(context):  # type: ignore[arg-type]
                task.render_template_fields(context, jinja_env=dag.get_template_env())
                pod = task.build_pod_request_obj(context, dry_run=True)
            pods[f"{dag_id}/{task.task_id}"] = api().sanitize_for_serialization(pod)


if __name__ == "__main__":
    main(sys.argv[1:])
