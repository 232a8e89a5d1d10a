"""An Oozie action Ferry does not translate yet: a task that fails with the TODO, never passes."""

from __future__ import annotations

from typing import Any

from ferry_runtime import trigger_rules
from ferry_runtime._airflow import AirflowFailException, BaseOperator
from ferry_runtime.transitions import enter


class Placeholder(BaseOperator):
    """Fails when reached, with the TODO of the action it stands for."""

    ui_color = "#ffe8cc"

    def __init__(self, *, action_type: str, todo: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ferry_node = self.task_id
        self.action_type = action_type
        self.todo = todo

    def execute(self, context: Any) -> None:
        enter(self, context)
        raise AirflowFailException(f"TODO: {self.todo}")


def placeholder(
    name: str, *, action_type: str, todo: str, trigger_rule: str | None = None
) -> Placeholder:
    """The task for an untranslated `<action_type>` action named `name`."""
    return Placeholder(
        task_id=name,
        action_type=action_type,
        todo=todo,
        trigger_rule=trigger_rules.for_node("action", trigger_rule),
    )
