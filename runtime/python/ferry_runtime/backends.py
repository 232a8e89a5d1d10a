"""FERRY_BACKEND -> the tasks each action becomes: the one table of what runs where.

`kubernetes` runs each job as its own FlinkDeployment and mails through SMTP; `local` runs jobs
with the runtime jar on the worker and writes mails to an outbox, so a migrated DAG runs end to
end on one machine.

A Flink job's tasks are the same for every backend (run -> delete -> outcome) and `run` picks the
backend when it runs (`resolve`): the DAG a dag-processor parsed is the DAG every worker runs,
whatever FERRY_BACKEND each of them has, and a worker with none (or a misspelt one) fails the
task saying so. Other actions keep their task ids across backends; their operator is chosen when
the file is parsed (`select`, default kubernetes).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Final

from ferry_runtime.actions.flink_job import FlinkSqlJob
from ferry_runtime.actions.flink_kubernetes import DeleteFlinkDeployment, RunFlinkSqlJob
from ferry_runtime.actions.fs_ops import FsOperations, RunFsOperations
from ferry_runtime.actions.mail import Email, SendEmailSmtp, WriteEmailToOutbox
from ferry_runtime.actions.pod import PodAction
from ferry_runtime.actions.pod_local import PodNeedsKubernetes
from ferry_runtime.actions.retry import Retry
from ferry_runtime.actions.shell import RunShellCommand, ShellCommand
from ferry_runtime.actions.subworkflow import RunSubWorkflowLocally, SubWorkflow, trigger_operator
from ferry_runtime.errors import ActionFailed

ENV_VAR: Final = "FERRY_BACKEND"
DEFAULT: Final = "kubernetes"


@dataclass(frozen=True)
class JobSettings:
    """Per-action knobs of the kubernetes backend (the local backend ignores them)."""

    namespace: str | None = None
    kubernetes_conn_id: str = "kubernetes_default"
    poke_interval: float = 30.0
    timeout: timedelta | float = timedelta(hours=24)
    wait_mode: str = "reschedule"
    retry: Retry | None = None  # a retried job re-runs submit + wait as one task


@dataclass(frozen=True)
class MailSettings:
    smtp_conn_id: str = "smtp_default"
    repo: Path | None = None


@dataclass
class ActionTasks:
    """An action's tasks in order: `work` decides ok/error; `cleanup` runs after it regardless."""

    work: list[Any]
    cleanup: list[Any] = field(default_factory=list)


def flink_sql_job(
    job: FlinkSqlJob, settings: JobSettings, trigger_rule: str, backend: str | None = None
) -> ActionTasks:
    """run -> delete, for every backend: `run` resolves the backend when it runs; `delete`
    removes the try's FlinkDeployment (it finds none on the local backend).

    A retried unit must create a new FlinkDeployment (retrying a wait alone would watch the
    failed deployment again), so submit and wait are one task, `run`."""
    run = RunFlinkSqlJob(
        job=job,
        backend=backend,
        namespace=settings.namespace,
        kubernetes_conn_id=settings.kubernetes_conn_id,
        poke_interval=settings.poke_interval,
        timeout=settings.timeout,
        mode=settings.wait_mode,
        trigger_rule=trigger_rule,
    )
    delete = DeleteFlinkDeployment(
        node=job.node,
        submit_task_id=run.task_id,
        kubernetes_conn_id=settings.kubernetes_conn_id,
    )
    return ActionTasks(work=[run], cleanup=[delete])


def _smtp_email(mail: Email, settings: MailSettings, trigger_rule: str) -> ActionTasks:
    send = SendEmailSmtp(mail=mail, smtp_conn_id=settings.smtp_conn_id, trigger_rule=trigger_rule)
    return ActionTasks(work=[send])


def _outbox_email(mail: Email, settings: MailSettings, trigger_rule: str) -> ActionTasks:
    write = WriteEmailToOutbox(mail=mail, repo=settings.repo, trigger_rule=trigger_rule)
    return ActionTasks(work=[write])


def _kubernetes_pod(action: PodAction, settings: JobSettings, trigger_rule: str) -> ActionTasks:
    # Imported here: only DAGs with pod actions need the cncf-kubernetes operator at parse time.
    from ferry_runtime.actions.pod_kubernetes import RunActionPod

    run = RunActionPod(
        action=action,
        namespace=settings.namespace,
        kubernetes_conn_id=settings.kubernetes_conn_id,
        trigger_rule=trigger_rule,
    )
    return ActionTasks(work=[run])


def _local_pod(action: PodAction, settings: JobSettings, trigger_rule: str) -> ActionTasks:
    return ActionTasks(work=[PodNeedsKubernetes(action=action, trigger_rule=trigger_rule)])


def shell(command: ShellCommand, settings: object, trigger_rule: str) -> ActionTasks:
    """Both backends run the command on the Airflow worker."""
    return ActionTasks(work=[RunShellCommand(shell=command, trigger_rule=trigger_rule)])


def fs(operations: FsOperations, settings: object, trigger_rule: str) -> ActionTasks:
    """Both backends run the operations from the Airflow worker, through fsspec."""
    return ActionTasks(work=[RunFsOperations(fs=operations, trigger_rule=trigger_rule)])


def _triggered_sub_workflow(sub: SubWorkflow, settings: object, trigger_rule: str) -> ActionTasks:
    return ActionTasks(work=[trigger_operator(sub, trigger_rule=trigger_rule)])


def _local_sub_workflow(sub: SubWorkflow, settings: object, trigger_rule: str) -> ActionTasks:
    return ActionTasks(work=[RunSubWorkflowLocally(sub=sub, trigger_rule=trigger_rule)])


@dataclass(frozen=True)
class Backend:
    email: Callable[[Email, MailSettings, str], ActionTasks]
    pod_action: Callable[[PodAction, JobSettings, str], ActionTasks]
    sub_workflow: Callable[[SubWorkflow, object, str], ActionTasks] = _local_sub_workflow


BACKENDS: Final[dict[str, Backend]] = {
    "kubernetes": Backend(
        email=_smtp_email,
        pod_action=_kubernetes_pod,
        sub_workflow=_triggered_sub_workflow,
    ),
    "local": Backend(
        email=_outbox_email,
        pod_action=_local_pod,
        sub_workflow=_local_sub_workflow,
    ),
}


def select(name: str | None = None) -> Backend:
    """The backend named, else the one FERRY_BACKEND names, else kubernetes."""
    chosen = (name or os.environ.get(ENV_VAR) or DEFAULT).strip().lower()
    try:
        return BACKENDS[chosen]
    except KeyError:
        raise ValueError(
            f"{ENV_VAR}={chosen!r}: expected one of {', '.join(sorted(BACKENDS))}"
        ) from None


def resolve(name: str | None = None) -> str:
    """The backend a running task uses: `name` (fixed at conversion), else FERRY_BACKEND; a
    missing or unknown one fails the task rather than guessing."""
    chosen = (name or os.environ.get(ENV_VAR) or "").strip().lower()
    if chosen in BACKENDS:
        return chosen
    expected = " or ".join(sorted(BACKENDS))
    if not chosen:
        raise ActionFailed(
            f"{ENV_VAR} is not set on this worker: set it to {expected} "
            "(the backend is chosen when a task runs)",
            "BACKEND_NOT_SET",
        )
    raise ActionFailed(f"{ENV_VAR}={chosen!r}: expected {expected}", "BACKEND_NOT_SET")
