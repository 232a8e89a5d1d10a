"""An Oozie action Ferry does not translate: a task named after the node, failing with the TODO."""

from __future__ import annotations

from typing import Any

from ferry_runtime._airflow import AirflowFailException, BaseOperator
from ferry_runtime.errors import FAILURE_KEY
from ferry_runtime.run_context import xcom_push
from ferry_runtime.transitions import enter


class NotTranslated(BaseOperator):
    """Fails when reached (a run never passes an untranslated action silently); skips if not."""

    ui_color = "#ffd6d6"

    def __init__(self, *, action_type: str, todo: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ferry_node = self.task_id
        self.action_type = action_type
        self.todo = todo

    def execute(self, context: Any) -> None:
        enter(self, context)
        message = f"<{self.action_type}> action '{self.ferry_node}' is not translated: {self.todo}"
        xcom_push(context, FAILURE_KEY, {"message": message, "code": "NOT_TRANSLATED"})
        raise AirflowFailException(message)
