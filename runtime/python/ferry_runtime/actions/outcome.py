"""The last task of every action: follow `ok` when the action's work succeeded, else `error`.

It runs whatever happened before it (trigger rule all_done) and does not fail because the work
failed, so a failed action never makes its `ok` path upstream_failed: the path not chosen is
skipped, exactly as Oozie never enters it (see `transitions` for targets shared by several nodes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from ferry_runtime import sla as sla_events
from ferry_runtime import trigger_rules
from ferry_runtime._airflow import AirflowFailException, AirflowSkipException, BaseBranchOperator
from ferry_runtime.errors import ERROR_KEY, FAILURE_KEY
from ferry_runtime.run_context import task_states, xcom_pull, xcom_push
from ferry_runtime.transitions import TRANSITION_KEY, branch_keeps, resolve

SUCCESS = "success"
NOT_REACHED = frozenset({"skipped"})
UPSTREAM_BROKEN = frozenset({"upstream_failed", "removed"})


class ActionOutcome(BaseBranchOperator):
    """Branch to the action's `ok` or `error` transition from the states of its work tasks."""

    template_fields = ("oozie_sla",)
    ferry_branch = True  # its downstream nodes check its XCom choice on entry
    ferry_outcome = True  # marks outcome tasks for wf:lastErrorNode()'s upstream walk
    ui_color = "#f0e4ff"

    def __init__(
        self,
        *,
        node: str,
        ok: str,
        error: str,
        work_task_ids: Sequence[str],
        oozie_sla: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("task_id", "outcome")
        super().__init__(trigger_rule=trigger_rules.OUTCOME, **kwargs)
        if not work_task_ids:
            raise ValueError(f"action '{node}' has no work tasks")
        self.ferry_node = node
        self.ok = ok
        self.error = error
        self.work_task_ids = list(work_task_ids)
        # the action's <sla:info> (see oozie.action_sla); not `sla`, a BaseOperator name
        self.oozie_sla = None if oozie_sla is None else dict(oozie_sla)

    def choose_branch(self, context: Any) -> list[str]:
        states = task_states(context, self.work_task_ids)
        first = states[self.work_task_ids[0]]
        if first in NOT_REACHED or first is None:
            raise AirflowSkipException(f"action '{self.ferry_node}' was not reached")
        if first in UPSTREAM_BROKEN:
            # Not this action's failure: an upstream node failed, and the run must fail with it.
            raise AirflowFailException(
                f"action '{self.ferry_node}' did not run: a task upstream of it failed"
            )
        failed = [tid for tid in self.work_task_ids if states[tid] != SUCCESS]
        self._check_sla(context, succeeded=not failed)
        if not failed:
            self.log.info("action '%s' succeeded: ok transition to '%s'", self.ferry_node, self.ok)
            return self._follow(context, self.ok)
        error = self._error_of(context, failed[0], states[failed[0]])
        xcom_push(context, ERROR_KEY, error)
        self.log.warning(
            "action '%s' failed [%s]: %s; error transition to '%s'",
            self.ferry_node,
            error["code"],
            error["message"],
            self.error,
        )
        return self._follow(context, self.error)

    def _check_sla(self, context: Any, *, succeeded: bool) -> None:
        """Records the action's SLA events (XCom `ferry_sla`); it never changes the transition."""
        if self.oozie_sla is None:
            return
        started = xcom_pull(context, self.work_task_ids[0], sla_events.STARTED_KEY)
        try:
            record = sla_events.check_action(
                context,
                node=self.ferry_node,
                spec=self.oozie_sla,
                started=None if started is None else datetime.fromisoformat(str(started)),
                ended=datetime.now(timezone.utc),
                succeeded=succeeded,
                logger=self.log,
            )
        except (
            ValueError
        ) as e:  # Oozie rejects the SLA at registration (E0302); it never fails the job
            self.log.error("SLA of action '%s' not checked: %s", self.ferry_node, e)
            return
        xcom_push(context, sla_events.SLA_KEY, record)

    def _follow(self, context: Any, node: str) -> list[str]:
        targets = resolve(self, node)
        xcom_push(context, TRANSITION_KEY, node)
        return branch_keeps(self, targets)

    def _error_of(self, context: Any, task_id: str, state: str | None) -> dict[str, str]:
        failure = xcom_pull(context, task_id, FAILURE_KEY) or {
            "message": f"task {task_id} ended {state}",
            "code": "TASK_FAILED",
        }
        return {
            "node": self.ferry_node,
            "message": str(failure["message"]),
            "code": str(failure["code"]),
            "at": datetime.now(timezone.utc).isoformat(),
        }
