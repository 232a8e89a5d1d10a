"""Oozie workflow EL (`wf:`, org.apache.oozie.DagELFunctions) at run time, answered from the
current Airflow run. Where Oozie returns null (an unset property, a node that has not failed)
these return `NULL`, which prints as '' as EL's null does.

Errors: each action's `outcome` task pushes XCom `ferry_error` when the action failed. The error
functions look only at outcome tasks upstream of the task being rendered, as Oozie only knows the
errors of nodes already executed; with several, the latest failure is the "last error node".
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Mapping
from typing import Any

from ferry_runtime.el.values import NULL, ElMap
from ferry_runtime.errors import ERROR_KEY
from ferry_runtime.run_context import current_context, upstream_tasks, xcom_pull
from ferry_runtime.transitions import TRANSITION_KEY

ACTION_DATA_KEY = "ferry_action_data"  # an action's capture-output, if it has one
# What a backend may push about the job behind an action (Oozie: WorkflowAction.getExternalId,
# getTrackerUri, getExternalStatus); unset, the wf: functions return null as Oozie does for an
# action without one (an fs action, say).
EXTERNAL_ID_KEY = "ferry_external_id"
TRACKER_URI_KEY = "ferry_tracker_uri"
EXTERNAL_STATUS_KEY = "ferry_external_status"


def upstream_errors(context: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Node name -> its `ferry_error`, for every failed action upstream of the current task."""
    errors: dict[str, dict[str, Any]] = {}
    for task in upstream_tasks(context["task"]):
        if getattr(task, "ferry_outcome", False):
            error = xcom_pull(context, task.task_id, ERROR_KEY)
            if error:
                errors[task.ferry_node] = error
    return errors


USER_NAME = "user.name"  # OozieClient.USER_NAME, set on every job's configuration
MAX_SUBSTITUTIONS = 20  # org.apache.hadoop.conf.Configuration.MAX_SUBST
_VARIABLE = re.compile(r"\$\{([^${}\s]+)\}")


class WorkflowFunctions:
    """`wf` in templates: wf.id(), wf.conf('queueName'), wf.error_message(wf.last_error_node()).

    A property's value comes, highest first, from the run's conf (`airflow dags trigger --conf`,
    like `oozie job -D`), the coordinator's per-run `<configuration>`, then the DAG params
    (job.properties over config-default.xml). `${name}` references in a value expand like Hadoop's
    Configuration does: recursively, at most 20 times, unknown names left as written.
    `user.name` is always set, as Oozie sets it on every job's configuration to the submitting
    user (OozieClient.USER_NAME): `${nameNode}/user/${user.name}/app` in job.properties resolves.
    """

    def __init__(self, run_configuration: Mapping[str, str] | None = None) -> None:
        self._run_configuration = dict(run_configuration or {})

    def id(self) -> str:
        return str(current_context()["run_id"])

    def name(self) -> str:
        return str(current_context()["dag"].dag_id)

    def app_path(self) -> str:
        """`oozie.wf.application.path` when the DAG keeps it as a param, else the DAG file."""
        context = current_context()
        params = context.get("params") or {}
        return str(params.get("oozie.wf.application.path") or context["dag"].fileloc)

    def conf(self, name: str) -> str:
        """A job property with its `${...}` references expanded (null, printed '', when unset)."""
        context = current_context()
        value = self._raw(context, str(name))
        if value is None:
            return NULL
        return self._expand(context, value)

    def _raw(self, context: Mapping[str, Any], name: str) -> str | None:
        dag_run = context.get("dag_run")
        run_conf = getattr(dag_run, "conf", None) or {}
        if name in run_conf and run_conf[name] is not None:
            return str(run_conf[name])
        if name in self._run_configuration:
            template = context["task"].get_template_env().from_string(self._run_configuration[name])
            return template.render(**context)
        value = (context.get("params") or {}).get(name)
        if value is None and name == USER_NAME:
            return self._user(context)
        return None if value is None else str(value)

    def _expand(self, context: Mapping[str, Any], value: str) -> str:
        for _ in range(MAX_SUBSTITUTIONS):
            match = _VARIABLE.search(value)
            if match is None:
                return value
            replacement = self._raw(context, match.group(1))
            if replacement is None:
                return value  # Hadoop leaves an unresolved reference as written
            value = value[: match.start()] + replacement + value[match.end() :]
        raise ValueError(
            f"property value still has ${{...}} after {MAX_SUBSTITUTIONS} substitutions: {value}"
        )

    def user(self) -> str:
        """`user.name` from the run conf or params, else the task owner, else the OS user."""
        context = current_context()
        return self._raw(context, USER_NAME) or self._user(context)

    @staticmethod
    def _user(context: Mapping[str, Any]) -> str:
        """Who submits the job when no property says: the task owner, else the worker's OS user."""
        owner = getattr(context.get("task"), "owner", None)
        return str(owner or getpass.getuser())

    def group(self) -> str:
        value = (current_context().get("params") or {}).get("group.name")
        return NULL if value is None else str(value)

    def run(self) -> int:
        """The run number: 0, then 1, 2... after each rerun (Airflow: times the run was cleared)."""
        return int(getattr(current_context().get("dag_run"), "clear_number", 0) or 0)

    def last_error_node(self) -> str:
        errors = upstream_errors(current_context())
        if not errors:
            return NULL
        return str(max(errors.values(), key=lambda error: str(error.get("at", "")))["node"])

    def error_code(self, node: str) -> str:
        return self._error_field(node, "code")

    def error_message(self, node: str) -> str:
        return self._error_field(node, "message")

    def _error_field(self, node: str, field: str) -> str:
        if not node:
            return NULL
        value = upstream_errors(current_context()).get(str(node), {}).get(field)
        return NULL if value is None else str(value)

    def transition(self, node: str) -> str:
        """The node that `node` transitioned to (null if it has not completed)."""
        chosen = self._node_xcom(node, TRANSITION_KEY)
        return str(chosen) if chosen else NULL

    def action_data(self, node: str) -> ElMap:
        """An action's captured output (Ferry's Flink and email actions capture none: {});
        a key it does not hold reads as null, as in Oozie's Properties."""
        data = self._node_xcom(node, ACTION_DATA_KEY)
        return ElMap({str(k): str(v) for k, v in dict(data or {}).items()})

    def action_external_id(self, node: str) -> str:
        return self._node_text(node, EXTERNAL_ID_KEY)

    def action_tracker_uri(self, node: str) -> str:
        return self._node_text(node, TRACKER_URI_KEY)

    def action_external_status(self, node: str) -> str:
        return self._node_text(node, EXTERNAL_STATUS_KEY)

    def _node_text(self, node: str, key: str) -> str:
        value = self._node_xcom(node, key)
        return NULL if value is None else str(value)

    def _node_xcom(self, node: str, key: str) -> Any:
        """The first value of XCom `key` pushed by a task of action `node` upstream of here."""
        context = current_context()
        for task in upstream_tasks(context["task"]):
            if getattr(task, "ferry_node", None) == node:
                value = xcom_pull(context, task.task_id, key)
                if value is not None:
                    return value
        return None
