"""FERRY_BACKEND -> the tasks each action becomes: the one table of what runs where.

Chosen when the DAG file is parsed: `kubernetes` (default) runs each job as its own
FlinkDeployment and mails through SMTP; `local` runs jobs with the runtime jar on the worker and
writes mails to an outbox, so a migrated DAG runs end to end on one machine.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Final

from ferry_runtime.actions.flink_job import FlinkSqlJob
from ferry_runtime.actions.flink_kubernetes import (
    DeleteFlinkDeployment,
    RunFlinkDeployment,
    SubmitFlinkDeployment,
    WaitForFlinkJob,
)
from ferry_runtime.actions.flink_local import RunFlinkSqlLocally
from ferry_runtime.actions.fs_ops import FsOperations, RunFsOperations
from ferry_runtime.actions.mail import Email, SendEmailSmtp, WriteEmailToOutbox
from ferry_runtime.actions.pod import PodAction
from ferry_runtime.actions.pod_local import PodNeedsKubernetes
from ferry_runtime.actions.retry import Retry
from ferry_runtime.actions.shell import RunShellCommand, ShellCommand
from ferry_runtime.actions.subworkflow import RunSubWorkflowLocally, SubWorkflow, trigger_operator

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


def _kubernetes_job(job: FlinkSqlJob, settings: JobSettings, trigger_rule: str) -> ActionTasks:
    if settings.retry is not None:
        # Retrying `wait` alone would watch the failed deployment again: the retried unit must
        # create a new FlinkDeployment, so submit and wait become one task (see RunFlinkDeployment).
        run = RunFlinkDeployment(
            job=job,
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
    submit = SubmitFlinkDeployment(
        job=job,
        namespace=settings.namespace,
        kubernetes_conn_id=settings.kubernetes_conn_id,
        trigger_rule=trigger_rule,
    )
    wait = WaitForFlinkJob(
        node=job.node,
        submit_task_id=submit.task_id,
        kubernetes_conn_id=settings.kubernetes_conn_id,
        poke_interval=settings.poke_interval,
        timeout=settings.timeout,
        mode=settings.wait_mode,
    )
    delete = DeleteFlinkDeployment(
        node=job.node,
        submit_task_id=submit.task_id,
        kubernetes_conn_id=settings.kubernetes_conn_id,
    )
    return ActionTasks(work=[submit, wait], cleanup=[delete])


def _local_job(job: FlinkSqlJob, settings: JobSettings, trigger_rule: str) -> ActionTasks:
    return ActionTasks(work=[RunFlinkSqlLocally(job=job, trigger_rule=trigger_rule)])


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
    flink_sql_job: Callable[[FlinkSqlJob, JobSettings, str], ActionTasks]
    email: Callable[[Email, MailSettings, str], ActionTasks]
    pod_action: Callable[[PodAction, JobSettings, str], ActionTasks]
    sub_workflow: Callable[[SubWorkflow, object, str], ActionTasks] = _local_sub_workflow


BACKENDS: Final[dict[str, Backend]] = {
    "kubernetes": Backend(
        flink_sql_job=_kubernetes_job,
        email=_smtp_email,
        pod_action=_kubernetes_pod,
        sub_workflow=_triggered_sub_workflow,
    ),
    "local": Backend(
        flink_sql_job=_local_job,
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
