"""What a running task can ask about its own DAG run: other tasks' states and XComs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ferry_runtime._airflow import get_current_context

Context = Mapping[str, Any]


def current_context() -> Context:
    """The running task's context; also available while its templates render."""
    try:
        return get_current_context()
    except Exception as exc:  # Airflow raises a bare AirflowException outside a task
        raise RuntimeError(
            "Oozie EL helpers (wf, coord, fs) only work inside a running Airflow task"
        ) from exc


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
