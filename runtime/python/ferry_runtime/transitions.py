"""Oozie transitions between nodes, made safe for Airflow's branching.

An Airflow branch task skips every direct downstream task it did not choose, at once. When a node
has several ways in (an error handler shared by many actions, `end` reached from a decision and
from a join), the first branch task to finish would skip it although another one may still choose
it. So branch tasks here only skip targets that nothing else leads to, and record the node they
chose in XCom; every node's first task then checks on entry that a transition into it was taken
(`enter`) and skips itself if not. Oozie semantics, whatever order the branches finish in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from ferry_runtime._airflow import AirflowFailException, AirflowSkipException
from ferry_runtime.run_context import task_states, xcom_pull

# XCom of a branch task (action outcome, decision): the node name it transitioned to.
TRANSITION_KEY: Final = "ferry_transition"


def resolve(branch_task: Any, node: str) -> list[str]:
    """Task ids directly downstream of `branch_task` that start Oozie node `node`.

    A node is a task whose id is the node name (decision, fork, join, kill, end) or a task group
    whose root ids start with `<node>.` (an action).
    """
    downstream = sorted(branch_task.downstream_task_ids)
    targets = [tid for tid in downstream if tid == node or tid.startswith(f"{node}.")]
    if not targets:
        raise AirflowFailException(
            f"{branch_task.task_id}: transition to '{node}' but no task '{node}' or task group "
            f"'{node}' is directly downstream (downstream: {', '.join(downstream) or 'none'}); "
            f"the DAG must wire this node >> {node}"
        )
    return targets


def branch_keeps(branch_task: Any, chosen: Iterable[str]) -> list[str]:
    """What a branch task lets live: its choice, and every target another task also leads to."""
    shared = {task.task_id for task in branch_task.downstream_list if len(task.upstream_list) > 1}
    return sorted(set(chosen) | shared)


def enter(task: Any, context: Mapping[str, Any], *, every_path: bool = False) -> None:
    """Skip `task`, a node's first task, unless a transition into its node was taken.

    A transition is taken when the upstream task succeeded and, if it is a branch task, chose
    this node. One taken transition reaches a node; a join needs all of them.
    """
    upstream = list(task.upstream_list)
    if not upstream:
        return
    states = task_states(context, [up.task_id for up in upstream])
    taken = [_taken(up, states[up.task_id], task.ferry_node, context) for up in upstream]
    if all(taken) if every_path else any(taken):
        return
    raise AirflowSkipException(
        f"node '{task.ferry_node}' not reached: "
        + ("not every path into it was taken" if every_path else "no transition into it was taken")
    )


def _taken(upstream: Any, state: str | None, node: str, context: Mapping[str, Any]) -> bool:
    if state != "success":
        return False
    if getattr(upstream, "ferry_branch", False):
        return xcom_pull(context, upstream.task_id, TRANSITION_KEY) == node
    return True
