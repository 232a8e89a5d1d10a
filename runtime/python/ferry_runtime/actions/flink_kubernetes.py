"""FERRY_BACKEND=kubernetes: one FlinkDeployment per job run, removed when the job ends.

Group: submit -> wait -> delete -> outcome.
- submit creates the FlinkDeployment from the repo's YAML under a per-run name, with the rendered
  parameters appended to `spec.job.args`.
- wait polls `status.jobStatus.state` (FINISHED = success; FAILED, CANCELED or
  `status.lifecycleState == FAILED` = failure). The stock FlinkKubernetesSensor only checks that the
  JobManager is READY, which a batch job's deployment is long before the job finishes.
- delete always runs (all_done): the operator never removes a finished batch deployment.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Final, Protocol

import yaml

from ferry_runtime import trigger_rules
from ferry_runtime._airflow import AirflowSkipException, BaseOperator, BaseSensorOperator
from ferry_runtime.actions.flink_job import FlinkSqlJob, runtime_args
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.redaction import secrets_of
from ferry_runtime.run_context import xcom_pull, xcom_push
from ferry_runtime.transitions import enter

GROUP: Final = "flink.apache.org"
VERSION: Final = "v1beta1"
PLURAL: Final = "flinkdeployments"
KIND: Final = "FlinkDeployment"

DEPLOYMENT_KEY: Final = "deployment"  # XCom of submit: {"name", "namespace"}
MAX_NAME_LENGTH: Final = 45  # leaves room for the "-taskmanager-1-1" pods Flink derives from it

SUCCEEDED: Final = "succeeded"
FAILED: Final = "failed"


@dataclass(frozen=True)
class StatusRule:
    """A FlinkDeployment status field value that ends the wait."""

    field: str  # dotted path under .status
    value: str
    verdict: str
    code: str | None = None  # wf:errorCode() when the verdict is FAILED


# First matching row wins; no match means the job is still on its way.
STATUS_RULES: Final[tuple[StatusRule, ...]] = (
    StatusRule("jobStatus.state", "FINISHED", SUCCEEDED),
    StatusRule("jobStatus.state", "FAILED", FAILED, "FLINK_JOB_FAILED"),
    StatusRule("jobStatus.state", "CANCELED", FAILED, "FLINK_JOB_CANCELED"),
    StatusRule("lifecycleState", "FAILED", FAILED, "FLINK_DEPLOYMENT_FAILED"),
)


class CustomObjectsHook(Protocol):
    """The part of the cncf-kubernetes KubernetesHook the runtime uses."""

    def create_custom_object(
        self, group: str, version: str, plural: str, body: dict, namespace: str | None = None
    ) -> Any: ...

    def get_custom_object(
        self, group: str, version: str, plural: str, name: str, namespace: str | None = None
    ) -> Any: ...

    def delete_custom_object(
        self, group: str, version: str, plural: str, name: str, namespace: str | None = None
    ) -> Any: ...


def kubernetes_hook(conn_id: str) -> CustomObjectsHook:
    """The cncf-kubernetes hook; imported when a task runs, so DAG files parse without it."""
    from airflow.providers.cncf.kubernetes.hooks.kubernetes import KubernetesHook

    return KubernetesHook(conn_id=conn_id)


# ---------------------------------------------------------------------------- pure helpers


def deployment_name(base: str, dag_id: str, run_id: str, try_number: int) -> str:
    """`<base>-<8 hex of sha1(dag_id + run_id + try)>`: a DNS-1035 label of at most 45 chars.

    One name per task try: a retry or a cleared task creates a new deployment rather than
    changing a finished one (the operator would re-run a finished job on any spec change).
    """
    digest = hashlib.sha1(f"{dag_id}{run_id}{try_number}".encode()).hexdigest()[:8]
    stem = re.sub(r"[^a-z0-9-]+", "-", base.lower())
    stem = re.sub(r"^[^a-z]+", "", stem)  # Services named after it must start with a letter
    stem = stem[: MAX_NAME_LENGTH - len(digest) - 1].rstrip("-")
    return f"{stem or 'flink'}-{digest}"


def label_value(text: str) -> str:
    """`text` as a valid Kubernetes label value (63 chars of [A-Za-z0-9_.-], alphanumeric ends)."""
    value = re.sub(r"[^A-Za-z0-9_.-]", "_", text)[:63]
    return value.strip("_.-")


def namespace_of(doc: Mapping[str, Any], explicit: str | None, params: Mapping[str, Any]) -> str:
    """The YAML's namespace, else the operator's, the `ferry_namespace` param, FERRY_NAMESPACE."""
    from_yaml = (doc.get("metadata") or {}).get("namespace")
    return str(
        from_yaml
        or explicit
        or params.get("ferry_namespace")
        or os.environ.get("FERRY_NAMESPACE")
        or "default"
    )


def deployment_body(
    doc: Mapping[str, Any],
    *,
    name: str,
    namespace: str,
    labels: Mapping[str, str],
    args: Sequence[str],
) -> dict[str, Any]:
    """The FlinkDeployment to create: the repo's YAML renamed, labelled, with `args` appended."""
    if doc.get("kind") != KIND or not str(doc.get("apiVersion", "")).startswith(f"{GROUP}/"):
        raise ActionFailed(
            f"not a {KIND}: apiVersion={doc.get('apiVersion')!r} kind={doc.get('kind')!r}",
            "SUBMIT_FAILED",
        )
    body = copy.deepcopy(dict(doc))
    metadata = body.setdefault("metadata", {})
    metadata["name"] = name
    metadata["namespace"] = namespace
    metadata["labels"] = {**(metadata.get("labels") or {}), **labels}
    job = (body.get("spec") or {}).get("job")
    if not isinstance(job, dict):
        raise ActionFailed(
            f"{KIND} {doc.get('metadata', {}).get('name')!r} has no spec.job: "
            "a Ferry job runs in application mode",
            "SUBMIT_FAILED",
        )
    job["args"] = [*(job.get("args") or []), *args]
    return body


def job_verdict(status: Mapping[str, Any]) -> StatusRule | None:
    """The rule that ends the wait for this `.status`, or None while the job is still running."""
    for rule in STATUS_RULES:
        value: Any = status
        for part in rule.field.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if value == rule.value:
            return rule
    return None


def error_text(status: Mapping[str, Any]) -> str:
    """`status.error`'s message (the operator stores a JSON-serialized exception there)."""
    raw = status.get("error")
    if not raw:
        return ""
    try:
        parsed = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return str(raw)
    if isinstance(parsed, Mapping) and parsed.get("message"):
        kind = parsed.get("type")
        return f"{kind}: {parsed['message']}" if kind else str(parsed["message"])
    return str(raw)


def http_status(exc: BaseException) -> int | None:
    """The HTTP status of a Kubernetes ApiException (duck-typed: no kubernetes import needed)."""
    status = getattr(exc, "status", None)
    return status if isinstance(status, int) else None


# ---------------------------------------------------------------------------- tasks


class SubmitFlinkDeployment(BaseOperator):
    """Create this run's FlinkDeployment (deleting a leftover of the same name first)."""

    template_fields = ("job_params", "prepare", "namespace")
    ui_color = "#e4f0ff"

    def __init__(
        self,
        *,
        job: FlinkSqlJob,
        namespace: str | None = None,
        kubernetes_conn_id: str = "kubernetes_default",
        replace_timeout: float = 300.0,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("task_id", "submit")
        super().__init__(**kwargs)
        self.ferry_node = job.node
        self.deployment_path = job.repo / job.deployment
        self.job_params = dict(job.params)
        self.prepare = [list(step) for step in job.prepare]
        self.namespace = namespace
        self.kubernetes_conn_id = kubernetes_conn_id
        self.replace_timeout = replace_timeout

    def execute(self, context: Any) -> str:
        enter(self, context)
        with failure_recorded(context, "SUBMIT_FAILED"):
            return self._submit(context)

    def _submit(self, context: Any) -> str:
        return submit_deployment(self, context)


def _identity(op: Any, context: Any, try_number: int) -> tuple[dict[str, Any], str, str]:
    """(the repo's YAML, this try's deployment name, namespace) for a submitting task."""
    doc = load_deployment(op.deployment_path)
    ti = context["ti"]
    base = str((doc.get("metadata") or {}).get("name") or op.ferry_node)
    name = deployment_name(base, ti.dag_id, ti.run_id, try_number)
    namespace = namespace_of(doc, op.namespace, context.get("params") or {})
    return doc, name, namespace


def submit_deployment(op: Any, context: Any) -> str:
    """Create the FlinkDeployment of `op`'s current try (deleting a leftover of the same name)."""
    ti = context["ti"]
    doc, name, namespace = _identity(op, context, ti.try_number)
    body = deployment_body(
        doc,
        name=name,
        namespace=namespace,
        labels={
            "ferry/dag": label_value(ti.dag_id),
            "ferry/task": label_value(op.ferry_node),
            "ferry/run": label_value(ti.run_id),
        },
        args=runtime_args(op.job_params, op.prepare),
    )
    # Pushed before creating, so `delete` removes it even if this task dies half-way.
    xcom_push(context, DEPLOYMENT_KEY, {"name": name, "namespace": namespace})
    redact = secrets_of(op.job_params)
    op.log.info(
        "action '%s': creating %s %s/%s with args %s",
        op.ferry_node,
        KIND,
        namespace,
        name,
        redact(" ".join(body["spec"]["job"]["args"])),
    )
    hook = kubernetes_hook(op.kubernetes_conn_id)
    _delete(hook, name, namespace, op.log)
    deadline = time.monotonic() + op.replace_timeout
    while True:
        try:
            hook.create_custom_object(GROUP, VERSION, PLURAL, body, namespace)
            return name
        except Exception as exc:
            # 409: the leftover deleted above is still finalizing.
            if http_status(exc) != 409 or time.monotonic() > deadline:
                raise
            op.log.info("previous %s still terminating; retrying in 5 s", KIND)
            time.sleep(5)


class WaitForFlinkJob(BaseSensorOperator):
    """Wait until the job of this run's FlinkDeployment is FINISHED; fail if it failed."""

    ui_color = "#e4f0ff"

    def __init__(
        self,
        *,
        node: str,
        submit_task_id: str,
        kubernetes_conn_id: str = "kubernetes_default",
        poke_interval: float = 30.0,
        timeout: timedelta | float = timedelta(hours=24),
        mode: str = "reschedule",
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("task_id", "wait")
        super().__init__(poke_interval=poke_interval, timeout=timeout, mode=mode, **kwargs)
        self.ferry_node = node
        self.submit_task_id = submit_task_id
        self.kubernetes_conn_id = kubernetes_conn_id

    def execute(self, context: Any) -> Any:
        with failure_recorded(context, "TASK_FAILED"):
            return super().execute(context)

    def poke(self, context: Any) -> bool:
        ref = xcom_pull(context, self.submit_task_id, DEPLOYMENT_KEY)
        name, namespace = ref["name"], ref["namespace"]
        hook = kubernetes_hook(self.kubernetes_conn_id)
        try:
            deployment = hook.get_custom_object(GROUP, VERSION, PLURAL, name, namespace)
        except Exception as exc:
            status_code = http_status(exc)
            if status_code == 404:
                raise ActionFailed(
                    f"{KIND} {namespace}/{name} disappeared before its job finished",
                    "FLINK_DEPLOYMENT_GONE",
                ) from exc
            if status_code is not None and (status_code >= 500 or status_code == 429):
                self.log.warning("Kubernetes API answered %s; polling again later", status_code)
                return False
            raise
        status = deployment.get("status") or {}
        job_state = (status.get("jobStatus") or {}).get("state")
        lifecycle = status.get("lifecycleState")
        self.log.info(
            "%s %s/%s: lifecycleState=%s jobStatus.state=%s",
            KIND,
            namespace,
            name,
            lifecycle,
            job_state,
        )
        rule = job_verdict(status)
        if rule is None:
            return False
        if rule.verdict == SUCCEEDED:
            return True
        error = error_text(status)
        self.log.error("%s %s/%s failed; status.error: %s", KIND, namespace, name, error)
        raise ActionFailed(
            f"{KIND} {name}: {rule.field} {rule.value}" + (f": {error}" if error else ""),
            rule.code or "FLINK_JOB_FAILED",
        )


class RunFlinkDeployment(WaitForFlinkJob):
    """Submit and wait as one task: the retried unit of a job with retry-max.

    Every try creates its own FlinkDeployment (the name has the try number) after deleting the
    previous try's, then waits for its job, so an Airflow retry really re-runs the job. In
    reschedule mode the task starts again at every poke: it submits only at the first start of
    a try (no reschedule of this try yet: each try is a new task instance id) and re-pushes its
    XCom at the later starts, because Airflow clears a task's XComs whenever it starts.
    """

    template_fields = ("job_params", "prepare", "namespace")

    def __init__(
        self,
        *,
        job: FlinkSqlJob,
        namespace: str | None = None,
        kubernetes_conn_id: str = "kubernetes_default",
        replace_timeout: float = 300.0,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("task_id", "run")
        super().__init__(node=job.node, submit_task_id="", kubernetes_conn_id=kubernetes_conn_id,
                         **kwargs)  # fmt: skip
        self.submit_task_id = self.task_id  # its own XCom names the deployment
        self.deployment_path = job.repo / job.deployment
        self.job_params = dict(job.params)
        self.prepare = [list(step) for step in job.prepare]
        self.namespace = namespace
        self.replace_timeout = replace_timeout

    def execute(self, context: Any) -> Any:
        enter(self, context)
        ti = context["ti"]
        with failure_recorded(context, "SUBMIT_FAILED"):
            if self.reschedule and context.get("task_reschedule_count", 0) > 0:
                _, name, namespace = _identity(self, context, ti.try_number)
                xcom_push(context, DEPLOYMENT_KEY, {"name": name, "namespace": namespace})
            else:
                if ti.try_number > 1:
                    _, previous, namespace = _identity(self, context, ti.try_number - 1)
                    _delete(kubernetes_hook(self.kubernetes_conn_id), previous, namespace, self.log)
                submit_deployment(self, context)
        return super().execute(context)


class DeleteFlinkDeployment(BaseOperator):
    """Delete this run's FlinkDeployment, whatever happened to its job (404 is fine)."""

    ui_color = "#f4f4f4"

    def __init__(
        self,
        *,
        node: str,
        submit_task_id: str,
        kubernetes_conn_id: str = "kubernetes_default",
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("task_id", "delete")
        super().__init__(trigger_rule=trigger_rules.CLEANUP, **kwargs)
        self.ferry_node = node
        self.submit_task_id = submit_task_id
        self.kubernetes_conn_id = kubernetes_conn_id

    def execute(self, context: Any) -> None:
        ref = xcom_pull(context, self.submit_task_id, DEPLOYMENT_KEY)
        if not ref:
            raise AirflowSkipException(f"action '{self.ferry_node}' submitted no {KIND}")
        _delete(kubernetes_hook(self.kubernetes_conn_id), ref["name"], ref["namespace"], self.log)


def _delete(hook: CustomObjectsHook, name: str, namespace: str, log: Any) -> None:
    try:
        hook.delete_custom_object(GROUP, VERSION, PLURAL, name, namespace)
    except Exception as exc:
        if http_status(exc) != 404:
            raise
        log.info("%s %s/%s: not there (nothing to delete)", KIND, namespace, name)
    else:
        log.info("%s %s/%s: deleted", KIND, namespace, name)


def load_deployment(path: Path) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ActionFailed(f"cannot read {KIND} {path}: {exc}", "SUBMIT_FAILED") from exc
    if not isinstance(doc, dict):
        raise ActionFailed(f"{path}: expected one {KIND} mapping", "SUBMIT_FAILED")
    return doc
