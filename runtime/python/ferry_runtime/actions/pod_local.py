"""FERRY_BACKEND=local: a pod action cannot run on one machine, so its task fails saying so.

The action then takes its error transition, as Oozie does when an action cannot start.
"""

from __future__ import annotations

from typing import Any

from ferry_runtime._airflow import BaseOperator
from ferry_runtime.actions.pod import PodAction
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.transitions import enter


class PodNeedsKubernetes(BaseOperator):
    ui_color = "#f4f4f4"

    def __init__(self, *, action: PodAction, **kwargs: Any) -> None:
        kwargs.setdefault("task_id", "run")
        super().__init__(**kwargs)
        self.ferry_node = action.node
        self.action_type = action.action_type

    def execute(self, context: Any) -> None:
        enter(self, context)
        with failure_recorded(context, "POD_NEEDS_KUBERNETES"):
            raise ActionFailed(
                f"<{self.action_type}> action '{self.ferry_node}' runs in a Kubernetes pod; "
                "the local backend cannot run it (use FERRY_BACKEND=kubernetes)",
                "POD_NEEDS_KUBERNETES",
            )
