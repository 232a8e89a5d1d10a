"""Oozie control nodes: decision (a branch), fork, join, end, and kill (fails the run); and a node
whose EL does not parse, which fails the run where Oozie fails the job.

Each is one task named after the node. None is an EmptyOperator: Airflow marks those successful
without running them, and every node must first check that a transition into it was taken
(see `transitions.enter`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ferry_runtime._airflow import AirflowFailException, BaseBranchOperator, BaseOperator
from ferry_runtime.run_context import xcom_push
from ferry_runtime.transitions import TRANSITION_KEY, branch_keeps, enter, resolve

TRUE = "true"
FALSE = "false"


class Decision(BaseBranchOperator):
    """Oozie <decision>: the first case whose predicate renders to True wins, else the default."""

    ferry_branch = True
    template_fields = ("predicates",)
    ui_color = "#fff7c2"

    def __init__(self, *, cases: Sequence[tuple[str, str]], default: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ferry_node = self.task_id
        self.predicates = [predicate for predicate, _ in cases]
        self.case_sources = list(self.predicates)  # unrendered, for the log
        self.case_targets = [target for _, target in cases]
        self.default = default

    def choose_branch(self, context: Any) -> list[str]:
        enter(self, context)
        chosen = self.default
        for number, (source, rendered, target) in enumerate(
            zip(self.case_sources, self.predicates, self.case_targets, strict=True), start=1
        ):
            verdict = str(rendered).strip().lower()
            if verdict not in (TRUE, FALSE):
                # Oozie fails a decision whose predicate is not a boolean; so do we.
                raise AirflowFailException(
                    f"decision '{self.ferry_node}' case {number} ({source}) rendered "
                    f"{rendered!r}, not True or False"
                )
            self.log.info("case %d -> %s: %s = %s", number, target, source, rendered)
            if verdict == TRUE:
                chosen = target
                break
        else:
            self.log.info("no case is true: default -> %s", self.default)
        targets = resolve(self, chosen)
        xcom_push(context, TRANSITION_KEY, chosen)
        return branch_keeps(self, targets)


class ControlNode(BaseOperator):
    """A node that only passes control on: fork, end (and join, which waits for every path)."""

    every_path = False
    ui_color = "#f4f4f4"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ferry_node = self.task_id

    def execute(self, context: Any) -> None:
        enter(self, context, every_path=self.every_path)
        self.log.info("node '%s' reached", self.ferry_node)


class Fork(ControlNode):
    """Oozie <fork>: the DAG wires it to the first node of every path."""


class Join(ControlNode):
    """Oozie <join>: reached when every path of its fork reached it."""

    every_path = True


class End(ControlNode):
    """Oozie <end>: reaching it (and no kill) ends the run successfully."""

    ui_color = "#d6f5d6"


class Kill(BaseOperator):
    """Oozie <kill>: fails the task, and (a leaf of the DAG) the run, with the rendered message."""

    template_fields = ("message",)
    ui_color = "#ffd6d6"

    def __init__(self, *, message: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ferry_node = self.task_id
        self.message = message

    def execute(self, context: Any) -> None:
        enter(self, context)
        self.log.error("workflow killed at node '%s': %s", self.ferry_node, self.message)
        raise AirflowFailException(self.message)


class FailsAtStart(BaseOperator):
    """An action or decision whose EL does not parse (`error`, with its file:line:col).

    Oozie accepts such a workflow and evaluates a node's EL only when a run reaches the node; there
    `ActionStartXCommand` fails the whole job (EL_ERROR) without taking the error transition. This
    task fails the same way once a transition into it was taken, and the nodes after it never run
    (their trigger rules see a failed upstream), so the run fails.
    """

    ui_color = "#ffd6d6"

    def __init__(self, *, node_type: str, error: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ferry_node = self.task_id
        self.node_type = node_type
        self.error = error

    def execute(self, context: Any) -> None:
        enter(self, context)
        message = (
            f"{self.node_type} '{self.ferry_node}' cannot start: {self.error}"
            " (Oozie fails the workflow job with EL_ERROR here)"
        )
        self.log.error("%s", message)
        raise AirflowFailException(message)
