"""What a running task can ask about its own DAG run: its nominal time, other tasks' states
and XComs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone
from typing import Any

from ferry_runtime._airflow import get_current_context

Context = Mapping[str, Any]

# DagRunType values whose run is a timetable tick (its data interval ends at the tick).
SCHEDULED_RUN_TYPES = frozenset({"scheduled", "backfill"})


def current_context() -> Context:
    """The running task's context; also available while its templates render."""
    try:
        return get_current_context()
    except Exception as exc:  # Airflow raises a bare AirflowException outside a task
        raise RuntimeError(
            "Oozie EL helpers (wf, coord, fs) only work inside a running Airflow task"
        ) from exc


def nominal_datetime(context: Context) -> datetime:
    """The run's Oozie nominal time: the instant Oozie would have materialized the action for.

    Oozie runs coordinator instance T at T and calls T its nominal time. Generated DAGs are
    scheduled with trigger timetables, whose scheduled or backfilled run for tick T has
    `data_interval_end == run_after == T` (and `logical_date == T` unless an `interval` is set,
    when it is the interval's start). A run triggered through the REST API or
    `airflow dags trigger --logical-date D` has `logical_date == D` but a data interval the
    timetable infers from the trigger time: D is its nominal time. A manual run without a
    logical date (Airflow 3 allows it) has only `run_after`, when it was asked to run, as a
    workflow submitted to Oozie by hand has its creation time.
    """
    run_type = str(
        getattr(
            getattr(context.get("dag_run"), "run_type", None),
            "value",
            getattr(context.get("dag_run"), "run_type", ""),
        )
        or ""
    )
    keys = ("logical_date", "data_interval_end")
    if run_type in SCHEDULED_RUN_TYPES:
        keys = ("data_interval_end", "logical_date")
    for key in keys:
        if context.get(key) is not None:
            return _utc(context[key])
    run_after = getattr(context.get("dag_run"), "run_after", None)
    if run_after is not None:
        return _utc(run_after)
    return datetime.now(timezone.utc)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def task_states(context: Context, task_ids: Iterable[str]) -> dict[str, str | None]:
    """State of each task id in this DAG run (None when it has not run)."""
    ids = list(task_ids)
    ti = context["ti"]
    by_run = ti.get_task_states(dag_id=ti.dag_id, task_ids=ids, run_ids=[ti.run_id])
    states = by_run.get(ti.run_id, {})
    return {tid: _state_name(states.get(tid)) for tid in ids}


def _state_name(state: object) -> str | None:
    if state is None:
        return None
    return str(getattr(state, "value", state))


def xcom_pull(context: Context, task_id: str, key: str) -> Any:
    """One XCom of another task in this run, or None."""
    return context["ti"].xcom_pull(task_ids=task_id, key=key)


def xcom_push(context: Context, key: str, value: Any) -> None:
    context["ti"].xcom_push(key=key, value=value)


def upstream_tasks(task: Any) -> Iterator[Any]:
    """Every task upstream of `task`, nearest first, each once."""
    seen: set[str] = set()
    frontier = list(task.upstream_list)
    while frontier:
        next_frontier = []
        for up in frontier:
            if up.task_id in seen:
                continue
            seen.add(up.task_id)
            yield up
            next_frontier.extend(up.upstream_list)
        frontier = next_frontier
