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
from ferry_runtime.actions.flink_kubernetes import add_dag_cleanup
from ferry_runtime.actions.fs_ops import FsOperations
from ferry_runtime.actions.git import GitClone, RunGitClone
from ferry_runtime.actions.mail import Email
from ferry_runtime.actions.not_translated import NotTranslated
from ferry_runtime.actions.outcome import ActionOutcome
from ferry_runtime.actions.pod import PodAction
from ferry_runtime.actions.retry import Retry
from ferry_runtime.actions.shell import MAX_OUTPUT_DATA, ShellCommand
from ferry_runtime.actions.ssh import ssh_operator
from ferry_runtime.actions.subworkflow import SubWorkflow
from ferry_runtime.backends import ActionTasks, JobSettings, MailSettings
from ferry_runtime.control import Decision, End, FailsAtStart, Fork, Join, Kill
from ferry_runtime.el.datasets import Coordinator as coordinator
from ferry_runtime.el.datasets import DataIn as data_in
from ferry_runtime.el.datasets import DataOut as data_out
from ferry_runtime.el.datasets import Dataset as dataset
from ferry_runtime.el.datasets import current, days_in_month, future, hours_in_day, latest, offset
from ferry_runtime.el.functions import macros
from ferry_runtime.el.input_logic import input_and, input_combine, input_data_in, input_or
from ferry_runtime.sla import StartSla, WorkflowSla, record_start, sla_missed, sla_spec

__all__ = [
    "action_sla",
    "coordinator",
    "current",
    "data_in",
    "data_out",
    "dataset",
    "days_in_month",
    "decision",
    "email",
    "end",
    "fails_at_start",
    "flink_sql_job",
    "fork",
    "fs",
    "future",
    "git",
    "hours_in_day",
    "input_and",
    "input_combine",
    "input_data_in",
    "input_events",
    "input_or",
    "join",
    "kill",
    "latest",
    "macros",
    "offset",
    "output_events",
    "placeholder",
    "pod_action",
    "shell",
    "sla_missed",
    "ssh",
    "start_sla",
    "sub_workflow",
    "trigger_rules",
    "workflow_sla",
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
    default_fs: str | None = None,
    ok: str,
    error: str,
    trigger_rule: str | None = None,
    backend: str | None = None,
    namespace: str | None = None,
    kubernetes_conn_id: str = "kubernetes_default",
    poke_interval: float = 30.0,
    timeout: timedelta | float = timedelta(hours=24),
    wait_mode: str = "reschedule",
    retry_max: int = 0,
    retry_interval: float = 10,
    retry_policy: str = "periodic",
) -> TaskGroup:
    """An Oozie action (a Pig action, translated) run as a Flink SQL batch job.

    run -> delete -> outcome on every backend; `backend` (else FERRY_BACKEND when `run` runs)
    picks local or kubernetes. `params` values, `prepare` paths and `default_fs` (the action's
    <name-node>, where scheme-less paths resolve) are Jinja, rendered when the task runs.
    """
    job = FlinkSqlJob(
        node=name,
        repo=Path(repo),
        script=script,
        deployment=deployment,
        params=dict(params or {}),
        prepare=tuple((operation, path) for operation, path in prepare),
        default_fs=default_fs,
    )
    settings = JobSettings(
        namespace=namespace,
        kubernetes_conn_id=kubernetes_conn_id,
        poke_interval=poke_interval,
        timeout=timeout,
        wait_mode=wait_mode,
        retry=Retry.of(retry_max, retry_interval, retry_policy),
    )

    def build(spec: FlinkSqlJob, settings: JobSettings, rule: str) -> ActionTasks:
        return backends.flink_sql_job(spec, settings, rule, backend)

    group = _action(name, ok, error, trigger_rule, build, job, settings, settings.retry)
    # A failed or timed-out run deletes what its jobs created, even where `delete` never ran.
    add_dag_cleanup(group.dag, kubernetes_conn_id, namespace)
    return group


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
    retry_max: int = 0,
    retry_interval: float = 10,
    retry_policy: str = "periodic",
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
    retry = Retry.of(retry_max, retry_interval, retry_policy)
    return _action(
        name, ok, error, trigger_rule, backends.select(backend).email, mail, settings, retry
    )


def shell(
    name: str,
    *,
    command: str,
    arguments: Sequence[str] = (),
    env: Sequence[str] = (),
    files: Sequence[str] = (),
    archives: Sequence[str] = (),
    capture_output: bool = False,
    prepare: Sequence[tuple[str, str]] = (),
    max_output_data: int = MAX_OUTPUT_DATA,
    ok: str,
    error: str,
    trigger_rule: str | None = None,
    retry_max: int = 0,
    retry_interval: float = 10,
    retry_policy: str = "periodic",
) -> TaskGroup:
    """An Oozie shell action: run -> outcome. `command`, `arguments`, `env` (NAME=VALUE),
    `files`/`archives` (path#link) are Jinja; capture_output feeds wf:actionData(name)."""
    spec = ShellCommand(
        node=name,
        command=command,
        arguments=tuple(arguments),
        env=tuple(env),
        files=tuple(files),
        archives=tuple(archives),
        capture_output=capture_output,
        prepare=tuple((operation, path) for operation, path in prepare),
        max_output_data=max_output_data,
    )
    retry = Retry.of(retry_max, retry_interval, retry_policy)
    return _action(name, ok, error, trigger_rule, backends.shell, spec, None, retry)


def fs(
    name: str,
    *,
    steps: Sequence[Mapping[str, str]],
    name_node: str | None = None,
    ok: str,
    error: str,
    trigger_rule: str | None = None,
    retry_max: int = 0,
    retry_interval: float = 10,
    retry_policy: str = "periodic",
) -> TaskGroup:
    """An Oozie fs action: run -> outcome; `steps` ({"op": "mkdir", "path": ...}) run in order."""
    spec = FsOperations(node=name, steps=tuple(steps), name_node=name_node)
    retry = Retry.of(retry_max, retry_interval, retry_policy)
    return _action(name, ok, error, trigger_rule, backends.fs, spec, None, retry)


def git(
    name: str,
    *,
    git_uri: str,
    destination_uri: str,
    branch: str | None = None,
    key_path: str | None = None,
    name_node: str | None = None,
    prepare: Sequence[tuple[str, str]] = (),
    ok: str,
    error: str,
    trigger_rule: str | None = None,
    retry_max: int = 0,
    retry_interval: float = 10,
    retry_policy: str = "periodic",
) -> TaskGroup:
    """An Oozie git action: run -> outcome. Clones `git_uri` (`branch`, else the default branch)
    with the SSH key at `key_path`, copies the checkout into `destination_uri`; all Jinja."""

    def build(spec: GitClone, settings: object, rule: str) -> ActionTasks:
        return ActionTasks(work=[RunGitClone(git=spec, trigger_rule=rule)])

    spec = GitClone(
        node=name,
        git_uri=git_uri,
        destination_uri=destination_uri,
        branch=branch,
        key_path=key_path,
        name_node=name_node,
        prepare=tuple((operation, path) for operation, path in prepare),
    )
    retry = Retry.of(retry_max, retry_interval, retry_policy)
    return _action(name, ok, error, trigger_rule, build, spec, None, retry)


def sub_workflow(
    name: str,
    *,
    dag: str | None = None,
    app_path: str | None = None,
    configuration: Mapping[str, str] | None = None,
    propagate_configuration: bool = False,
    ok: str,
    error: str,
    trigger_rule: str | None = None,
    backend: str | None = None,
    retry_max: int = 0,
    retry_interval: float = 10,
    retry_policy: str = "periodic",
) -> TaskGroup:
    """An Oozie sub-workflow action: run the child DAG `dag` and wait -> outcome."""
    if (dag is None) == (app_path is None):
        raise ValueError(f"sub-workflow {name}: give the child's dag or its run-time app_path")
    spec = SubWorkflow(
        node=name,
        dag=dag,
        configuration=dict(configuration or {}),
        propagate_configuration=propagate_configuration,
        app_path=app_path,
    )
    retry = Retry.of(retry_max, retry_interval, retry_policy)
    build = backends.select(backend).sub_workflow
    return _action(name, ok, error, trigger_rule, build, spec, None, retry)


def ssh(
    name: str,
    *,
    ssh_conn_id: str,
    command: str,
    remote_host: str | None = None,
    arguments: Sequence[tuple[str, str]] = (),
    capture_output: bool = False,
    max_output_data: int = MAX_OUTPUT_DATA,
    ok: str,
    error: str,
    trigger_rule: str | None = None,
    retry_max: int = 0,
    retry_interval: float = 10,
    retry_policy: str = "periodic",
) -> TaskGroup:
    """An Oozie ssh action: run -> outcome, over the Airflow SSH connection `ssh_conn_id`.

    `arguments` are ("arg", text) - one argument, quoted - or ("args", text) - command-line
    text, as written; texts are Jinja."""

    def build(spec: dict[str, Any], settings: object, rule: str) -> ActionTasks:
        return ActionTasks(work=[ssh_operator(trigger_rule=rule, **spec)])

    spec = {
        "node": name,
        "ssh_conn_id": ssh_conn_id,
        "remote_host": remote_host,
        "command": command,
        "arguments": tuple(arguments),
        "capture_output": capture_output,
        "max_output_data": max_output_data,
    }
    retry = Retry.of(retry_max, retry_interval, retry_policy)
    return _action(name, ok, error, trigger_rule, build, spec, None, retry)


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
    retry_max: int = 0,
    retry_interval: float = 10,
    retry_policy: str = "periodic",
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
    retry = Retry.of(retry_max, retry_interval, retry_policy)
    build = backends.select(backend).pod_action
    return _action(name, ok, error, trigger_rule, build, action, settings, retry)


def action_sla(action: TaskGroup, **sla: Any) -> TaskGroup:
    """An action's `<sla:info>` (keywords: see `sla_spec`): its outcome task records
    START/END/DURATION met or miss when the action ends and alerts the misses alert-events names
    (see `sla` for how this differs from Oozie's SLA service)."""
    tasks = list(action.children.values())
    outcome = next(t for t in tasks if isinstance(t, ActionOutcome))
    outcome.oozie_sla = sla_spec(**sla)
    _add_execute_callback(action.children[outcome.work_task_ids[0]], record_start)
    return action


def start_sla(
    node: Any,
    *,
    should_start: float,
    contact: str = "",
    message: str = "",
) -> Any:
    """A coordinator's should-start: the workflow's first node checks, when it starts, whether it
    started later than the nominal time (the logical date) + `should_start` minutes, and alerts a
    START_MISS then (Oozie alerts at the deadline itself; no Airflow deadline watches a start)."""
    check = StartSla(should_start=should_start, contact=contact, message=message)
    for task in _first_tasks(node):
        _add_execute_callback(task, check)
    return node


def workflow_sla(
    first: Any, *, name: str, ends: Sequence[Any], kills: Sequence[Any] = (), **sla: Any
) -> None:
    """An unscheduled workflow's `<sla:info>` (keywords: see `sla_spec`): started when `first`
    (the start node's target) starts, checked when an `end` or `kill` node is reached (see
    `sla.WorkflowSla`)."""
    spec = sla_spec(**sla)
    roots = _first_tasks(first)
    for task in roots:
        _add_execute_callback(task, record_start)
    first_ids = [task.task_id for task in roots]
    for node, succeeded in [*((e, True) for e in ends), *((k, False) for k in kills)]:
        check = WorkflowSla(workflow=name, spec=spec, first_task_ids=first_ids, succeeded=succeeded)
        _add_execute_callback(node, check)


def _first_tasks(node: Any) -> list[Any]:
    """The tasks a node starts with: an action's (task group's) roots, or the control task."""
    return list(node.get_roots()) if isinstance(node, TaskGroup) else [node]


def _add_execute_callback(task: Any, callback: Callable[[Any], None]) -> None:
    callbacks = task.on_execute_callback
    if callbacks is None:
        callbacks = []
    elif not isinstance(callbacks, list):
        callbacks = [callbacks]
    task.on_execute_callback = [*callbacks, callback]


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


def fails_at_start(
    name: str, *, node_type: str, error: str, trigger_rule: str | None = None
) -> FailsAtStart:
    """An action or decision whose EL does not parse: reaching it fails the run, as in Oozie."""
    kind = "decision" if node_type == "decision" else "action"
    return FailsAtStart(
        task_id=name,
        node_type=node_type,
        error=error,
        trigger_rule=trigger_rules.for_node(kind, trigger_rule),
    )


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
    retry: Retry | None = None,
) -> TaskGroup:
    with TaskGroup(group_id=name) as group:
        tasks = build(spec, settings, trigger_rules.for_node("action", trigger_rule))
        if retry is not None:
            # Backends return work tasks that are each safe to re-run alone (see Retry).
            for task in tasks.work:
                retry.apply(task)
        outcome = ActionOutcome(
            node=name, ok=ok, error=error, work_task_ids=[task.task_id for task in tasks.work]
        )
        chain = [*tasks.work, *tasks.cleanup, outcome]
        for upstream, downstream in itertools.pairwise(chain):
            upstream >> downstream
    return group
