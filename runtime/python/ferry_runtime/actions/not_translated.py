"""An Oozie action Ferry does not translate yet: its work fails with the TODO, every time.

The action then takes its `error` transition exactly as if the job had failed, so the workflow's own
error handling (an email, a kill node) runs and the DAG run never passes silently.
"""

from __future__ import annotations

from typing import Any

from ferry_runtime._airflow import BaseOperator
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.transitions import enter


class NotTranslated(BaseOperator):
    """Fails with `todo` (wf:errorCode() NOT_TRANSLATED) once a transition into it was taken."""

    ui_color = "#ffe9c2"

    def __init__(self, *, node: str, action_type: str, todo: str, **kwargs: Any) -> None:
        kwargs.setdefault("task_id", "not_translated")
        super().__init__(**kwargs)
        self.ferry_node = node
        self.action_type = action_type
        self.todo = todo

    def execute(self, context: Any) -> None:
        enter(self, context)
        with failure_recorded(context, "NOT_TRANSLATED"):
            raise ActionFailed(
                f"<{self.action_type}> action '{self.ferry_node}' is not translated: {self.todo}",
                "NOT_TRANSLATED",
            )
