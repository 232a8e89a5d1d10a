"""What generated DAGs call: one function per Oozie node kind, named after it.

    with DAG(..., user_defined_macros=oozie.macros()) as dag:
        sessionize = oozie.flink_sql_job("sessionize", repo=REPO, script=..., deployment=...,
                                         params={...}, ok="revenue", error="notify_failure")
        fail = oozie.kill("fail", message="... {{ wf.error_message(wf.last_error_node()) }}")

Actions (flink_sql_job, email) are task groups named after the node whose last task, `outcome`,
follows `ok` or `error`; the DAG wires each node to all its transition targets (`a >> [b, c]`).
Control nodes are single tasks with the node's name. Every node's first task takes the
generator's `trigger_rule`, defaulting to `trigger_rules.DEFAULT_FOR_NODE`, and skips itself
unless a transition into the node was taken (`transitions.enter`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

from ferry_runtime import backends, trigger_rules
from ferry_runtime._airflow import TaskGroup
from ferry_runtime.actions.data_events import input_events, output_events
from ferry_runtime.actions.flink_job import FlinkSqlJob
from ferry_runtime.actions.mail import Email
from ferry_runtime.actions.not_translated import NotTranslated
from ferry_runtime.actions.outcome import ActionOutcome
from ferry_runtime.actions.pod import PodAction
from ferry_runtime.backends import ActionTasks, JobSettings, MailSettings
from ferry_runtime.control import Decision, End, Fork, Join, Kill
from ferry_runtime.el.datasets import Coordinator as coordinator
from ferry_runtime.el.datasets import DataIn as data_in
from ferry_runtime.el.datasets import DataOut as data_out
from ferry_runtime.el.datasets import Dataset as dataset
from ferry_runtime.el.datasets import InputGroup as input_group
from ferry_runtime.el.datasets import current, future, latest, offset
from ferry_runtime.el.functions import macros
from ferry_runtime.sla import sla_missed

__all__ = [
    "coordinator",
    "current",
    "data_in",
    "data_out",
    "dataset",
    "decision",
    "email",
    "end",
    "flink_sql_job",
    "fork",
    "future",
    "input_events",
    "input_group",
    "join",
    "kill",
    "latest",
    "macros",
    "offset",
    "output_events",
    "placeholder",
    "pod_action",
    "sla_missed",
    "trigger_rules",
]

Spec = TypeVar("Spec")


def flink_sql_job(
    name: str,
    *,
    repo: Path | str,
    script: str,
    deployment: str,
    params: Mapping[str, str] | None = None,
    prepare: Sequence[tuple[str, str]] = (),
    ok: str,
    error: str,
    trigger_rule: str | None = None,
    backend: str | None = None,
    namespace: str | None = None,
    kubernetes_conn_id: str = "kubernetes_default",
    poke_interval: float = 30.0,
    timeout: timedelta | float = timedelta(hours=24),
    wait_mode: str = "reschedule",
) -> TaskGroup:
    """An Oozie action (a Pig action, translated) run as a Flink SQL batch job.

    kubernetes: submit -> wait -> delete -> outcome; local: run -> outcome. `params` values and
    `prepare` paths are Jinja, rendered when the task runs.
    """
    job = FlinkSqlJob(
        node=name,
        repo=Path(repo),
        script=script,
        deployment=deployment,
        params=dict(params or {}),
        prepare=tuple((operation, path) for operation, path in prepare),
    )
    settings = JobSettings(
        namespace=namespace,
        kubernetes_conn_id=kubernetes_conn_id,
        poke_interval=poke_interval,
        timeout=timeout,
        wait_mode=wait_mode,
    )
    return _action(
        name, ok, error, trigger_rule, backends.select(backend).flink_sql_job, job, settings
    )


def email(
    name: str,
    *,
    to: str,
    subject: str,
    body: str,
    cc: str | None = None,
    bcc: str | None = None,
    content_type: str = "text/plain",
    ok: str,
    error: str,
    trigger_rule: str | None = None,
    backend: str | None = None,
    repo: Path | str | None = None,
    smtp_conn_id: str = "smtp_default",
    from_email: str | None = None,
) -> TaskGroup:
    """An Oozie email action: send -> outcome. Every text field is Jinja."""
    mail = Email(
        node=name,
        to=to,
        subject=subject,
        body=body,
        cc=cc,
        bcc=bcc,
        content_type=content_type,
        from_email=from_email,
    )
    settings = MailSettings(smtp_conn_id=smtp_conn_id, repo=Path(repo) if repo else None)
    return _action(name, ok, error, trigger_rule, backends.select(backend).email, mail, settings)


def pod_action(
    name: str,
    *,
    action_type: str,
    image: str,
    command: Sequence[str],
    env: Mapping[str, str] | None = None,
    secret_env: Sequence[tuple[str, str, str]] = (),
    configuration: Mapping[str, str] | None = None,
    files: Sequence[str] = (),
    archives: Sequence[str] = (),
    repo: Path | str | None = None,
    carried: Sequence[tuple[str, str]] = (),
    prepare: Sequence[tuple[str, str]] = (),
    capture_output: bool = False,
    memory_mb: str | None = None,
    vcores: str | None = None,
    ok: str,
    error: str,
    trigger_rule: str | None = None,
    backend: str | None = None,
    namespace: str | None = None,
    kubernetes_conn_id: str = "kubernetes_default",
) -> TaskGroup:
    """An Oozie action that runs in a container of its own (java, map-reduce, spark, sqoop,
    distcp, hive, hive2): run -> outcome. `secret_env` is (env var, Kubernetes Secret, key).
    """
    action = PodAction(
        node=name,
        action_type=action_type,
        image=image,
        command=tuple(command),
        env=dict(env or {}),
        secret_env=tuple((n, s, k) for n, s, k in secret_env),
        configuration=dict(configuration or {}),
        files=tuple(files),
        archives=tuple(archives),
        carried=tuple((path, link) for path, link in carried),
        repo=Path(repo) if repo else None,
        prepare=tuple((operation, path) for operation, path in prepare),
        capture_output=capture_output,
        memory_mb=memory_mb,
        vcores=vcores,
    )
    settings = JobSettings(namespace=namespace, kubernetes_conn_id=kubernetes_conn_id)
    return _action(
        name, ok, error, trigger_rule, backends.select(backend).pod_action, action, settings
    )


def decision(
    name: str,
    *,
    cases: Sequence[tuple[str, str]],
    default: str,
    trigger_rule: str | None = None,
) -> Decision:
    """Oozie <decision>: `cases` are (Jinja predicate, node) in order; first True wins."""
    return Decision(
        task_id=name,
        cases=cases,
        default=default,
        trigger_rule=trigger_rules.for_node("decision", trigger_rule),
    )


def fork(name: str, *, trigger_rule: str | None = None) -> Fork:
    """Oozie <fork>: the DAG wires it to the first node of every path."""
    return Fork(task_id=name, trigger_rule=trigger_rules.for_node("fork", trigger_rule))


def join(name: str, *, trigger_rule: str | None = None) -> Join:
    """Oozie <join>: runs when every path reached it; a path that left the fork skips it."""
    return Join(task_id=name, trigger_rule=trigger_rules.for_node("join", trigger_rule))


def kill(name: str, *, message: str, trigger_rule: str | None = None) -> Kill:
    """Oozie <kill>: reaching it fails the run with the rendered `message`."""
    return Kill(
        task_id=name, message=message, trigger_rule=trigger_rules.for_node("kill", trigger_rule)
    )


def end(name: str = "end", *, trigger_rule: str | None = None) -> End:
    """Oozie <end>: reaching it (and no kill) ends the run successfully."""
    return End(task_id=name, trigger_rule=trigger_rules.for_node("end", trigger_rule))


def placeholder(
    name: str,
    *,
    action_type: str,
    todo: str,
    ok: str,
    error: str,
    trigger_rule: str | None = None,
) -> TaskGroup:
    """An Oozie action not translated yet: its work fails with `todo`, then `error` is followed."""
    return _action(name, ok, error, trigger_rule, _not_translated, (name, action_type, todo), None)


def _not_translated(spec: tuple[str, str, str], settings: object, rule: str) -> ActionTasks:
    node, action_type, todo = spec
    return ActionTasks(
        work=[NotTranslated(node=node, action_type=action_type, todo=todo, trigger_rule=rule)]
    )


def _action(
    name: str,
    ok: str,
    error: str,
    trigger_rule: str | None,
    build: Callable[[Spec, Any, str], ActionTasks],
    spec: Spec,
    settings: object,
) -> TaskGroup:
    with TaskGroup(group_id=name) as group:
        tasks = build(spec, settings, trigger_rules.for_node("action", trigger_rule))
        outcome = ActionOutcome(
            node=name, ok=ok, error=error, work_task_ids=[task.task_id for task in tasks.work]
        )
        chain = [*tasks.work, *tasks.cleanup, outcome]
        for upstream, downstream in itertools.pairwise(chain):
            upstream >> downstream
    return group
