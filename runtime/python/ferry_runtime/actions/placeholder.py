"""An Oozie action Ferry does not translate (a custom action type...): a task that fails with
its TODO, so the run takes the action's error transition and nothing passes silently."""

from __future__ import annotations

from typing import Any

from ferry_runtime._airflow import BaseOperator
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.transitions import enter


class NotTranslated(BaseOperator):
    ui_color = "#ffe4e4"

    def __init__(self, *, node: str, action_type: str, todo: str, **kwargs: Any) -> None:
        kwargs.setdefault("task_id", "todo")
        super().__init__(**kwargs)
        self.ferry_node = node
        self.action_type = action_type
        self.todo = todo

    def execute(self, context: Any) -> None:
        enter(self, context)
        with failure_recorded(context, "NOT_TRANSLATED"):
            raise ActionFailed(f"TODO: {self.todo}", "NOT_TRANSLATED")
