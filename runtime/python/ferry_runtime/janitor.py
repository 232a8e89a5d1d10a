"""The janitor: deletes Ferry's FlinkDeployments and ConfigMaps that outlived their Airflow task.

Every migrated repository gets `dags/ferry_janitor.py` (opt-out at conversion), which builds its
DAG here. Each run lists the objects labelled `app.kubernetes.io/managed-by=ferry` in the namespace
and deletes, logging each, those

- whose task instance (the dag, run and task ids in the object's annotations) is no longer
  active: it ended, it was cleared or its run was deleted, or a worker died between creating the
  deployment and deleting it; or
- that are older than `max_age`, whatever their task says (a task stuck "running" forever).

Objects younger than `grace` are left alone: their task may still be about to push its XCom.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any, Final

from ferry_runtime.actions.flink_kubernetes import (
    ANNOTATION_DAG_ID,
    ANNOTATION_RUN_ID,
    ANNOTATION_TASK_ID,
    MANAGED_BY,
    delete_object,
    kubernetes_api,
    namespace_of,
)
from ferry_runtime.actions.kubernetes_api import CONFIG_MAP, FLINK_DEPLOYMENT, KubernetesApi

# Task instance states in which the task may still be using its deployment.
ACTIVE_STATES: Final = frozenset(
    {
        "running",
        "queued",
        "scheduled",
        "up_for_reschedule",
        "up_for_retry",
        "deferred",
        "restarting",
    }
)
DEFAULT_MAX_AGE: Final = timedelta(hours=48)
DEFAULT_GRACE: Final = timedelta(minutes=5)

# (dag_id, run_id, task_id) -> the task instance's state, None when there is none.
TaskState = Callable[[str, str, str], str | None]


def created_at(obj: Mapping[str, Any]) -> datetime | None:
    raw = (obj.get("metadata") or {}).get("creationTimestamp")
    if not raw:
        return None
    if isinstance(raw, datetime):
        return raw if raw.tzinfo else raw.replace(tzinfo=timezone.utc)
    return datetime.fromisoformat(str(raw).replace("Z", "+00:00"))


def verdict(
    obj: Mapping[str, Any],
    now: datetime,
    task_state: TaskState,
    max_age: timedelta,
    grace: timedelta,
) -> str | None:
    """Why `obj` must go, or None to keep it."""
    created = created_at(obj)
    age = now - created if created else None
    if age is not None and age > max_age:
        return f"older than {max_age} (created {created:%Y-%m-%dT%H:%M:%SZ})"
    if age is None or age < grace:
        return None
    annotations = (obj.get("metadata") or {}).get("annotations") or {}
    ids = [
        annotations.get(key) for key in (ANNOTATION_DAG_ID, ANNOTATION_RUN_ID, ANNOTATION_TASK_ID)
    ]
    if not all(ids):
        return None  # not ours to judge by task state: only max_age removes it
    dag_id, run_id, task_id = (str(i) for i in ids)
    state = task_state(dag_id, run_id, task_id)
    if state in ACTIVE_STATES:
        return None
    return f"task {dag_id}.{task_id} of run {run_id} is {state or 'gone'}"


def sweep(
    api: KubernetesApi,
    namespace: str,
    task_state: TaskState,
    *,
    now: datetime,
    max_age: timedelta = DEFAULT_MAX_AGE,
    grace: timedelta = DEFAULT_GRACE,
    log: Any = None,
) -> list[tuple[str, str]]:
    """Delete what outlived its task in `namespace`: the (kind, name) pairs deleted."""
    log = log or logging.getLogger(__name__)
    selector = f"{MANAGED_BY[0]}={MANAGED_BY[1]}"
    deleted: list[tuple[str, str]] = []
    for kind in (FLINK_DEPLOYMENT, CONFIG_MAP):
        for obj in api.list(kind, namespace, selector):
            reason = verdict(obj, now, task_state, max_age, grace)
            if reason is None:
                continue
            name = obj["metadata"]["name"]
            log.info("janitor: deleting %s %s/%s: %s", kind, namespace, name, reason)
            delete_object(api, kind, name, namespace, log)
            deleted.append((kind, name))
    if not deleted:
        log.info("janitor: nothing to delete in namespace %s", namespace)
    return deleted


def sweep_task(
    kubernetes_conn_id: str, max_age: timedelta, grace: timedelta
) -> Callable[..., list[list[str]]]:
    """The janitor task's callable (a closure, so the DAG file passes plain settings)."""

    def run(**context: Any) -> list[list[str]]:
        ti = context["ti"]
        api = kubernetes_api(kubernetes_conn_id)
        params = context.get("params") or {}
        namespace = namespace_of({}, None, params, api.default_namespace)

        def task_state(dag_id: str, run_id: str, task_id: str) -> str | None:
            states = ti.get_task_states(dag_id=dag_id, task_ids=[task_id], run_ids=[run_id])
            state = (states.get(run_id) or {}).get(task_id)
            return None if state is None else str(getattr(state, "value", state))

        now = datetime.now(timezone.utc)
        deleted = sweep(
            api,
            namespace,
            task_state,
            now=now,
            max_age=max_age,
            grace=grace,
            log=logging.getLogger("airflow.task"),
        )
        return [list(pair) for pair in deleted]

    return run


def janitor_dag(
    dag_id: str = "ferry_janitor",
    *,
    schedule: timedelta = timedelta(minutes=30),
    max_age: timedelta = DEFAULT_MAX_AGE,
    grace: timedelta = DEFAULT_GRACE,
    namespace: str | None = None,
    kubernetes_conn_id: str = "kubernetes_default",
) -> Any:
    """The janitor DAG: one `sweep` task every `schedule`, never catching up, one run at a time."""
    from airflow.providers.standard.operators.python import PythonOperator
    from airflow.sdk import DAG, DeltaTriggerTimetable

    params = {"ferry_namespace": namespace} if namespace else {}
    with DAG(
        dag_id=dag_id,
        schedule=DeltaTriggerTimetable(schedule),
        start_date=datetime(2024, 1, 1, tzinfo=timezone.utc),
        catchup=False,
        max_active_runs=1,
        params=params,
        tags=["ferry"],
        doc_md=__doc__,
    ) as dag:
        PythonOperator(
            task_id="sweep",
            python_callable=sweep_task(kubernetes_conn_id, max_age, grace),
            retries=2,
            retry_delay=timedelta(minutes=1),
        )
    return dag
