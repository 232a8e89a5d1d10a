"""Trigger rules a generated DAG uses, and the one each Oozie node kind gets when none is passed.

Every Oozie node is reached through a branch (an action's `outcome`, a decision) or a fork, so a
node that several paths lead to must run when *one* of them chose it: that is
`none_failed_min_one_success`. A join is the exception: it waits for every path of its fork, so one
skipped path (that path went to its error transition) skips the join, as Oozie never reaches it.
"""

from __future__ import annotations

from typing import Final

ALL_SUCCESS: Final = "all_success"
ALL_DONE: Final = "all_done"
NONE_FAILED_MIN_ONE_SUCCESS: Final = "none_failed_min_one_success"

# Oozie node kind -> trigger rule of the node's first task (the generator may pass its own).
DEFAULT_FOR_NODE: Final[dict[str, str]] = {
    "action": NONE_FAILED_MIN_ONE_SUCCESS,
    "decision": NONE_FAILED_MIN_ONE_SUCCESS,
    "fork": NONE_FAILED_MIN_ONE_SUCCESS,
    "join": ALL_SUCCESS,
    "kill": NONE_FAILED_MIN_ONE_SUCCESS,
    "end": NONE_FAILED_MIN_ONE_SUCCESS,
}

# Tasks that must run whatever happened before them inside an action.
OUTCOME: Final = ALL_DONE  # decides ok/error, so it must also run after a failure
CLEANUP: Final = ALL_DONE  # deletes the FlinkDeployment after success, failure or timeout


def for_node(kind: str, given: str | None) -> str:
    """The trigger rule for a node's first task: the generator's choice, else the kind's default."""
    return given if given is not None else DEFAULT_FOR_NODE[kind]
