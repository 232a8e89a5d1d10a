"""Nothing a run creates on Kubernetes outlives it: every way a Flink job's task can end, against
the fake API (tests/fake_kubernetes.py: it records every request and validates every body), with
real Airflow running the DAG, the DAG's failure callback and the janitor DAG.

After each case no FlinkDeployment or ConfigMap is left, and the task and run states are what
Oozie gives: a failed action takes its error transition, and reaching the kill node fails the run.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from conftest import REPO
from fake_kubernetes import FakeKubernetesApi

from ferry_runtime import backends, janitor
from ferry_runtime.actions import flink_kubernetes
from ferry_runtime.actions.flink_job import FlinkSqlJob
from ferry_runtime.actions.flink_kubernetes import RunCleanup, RunFlinkSqlJob, submit
from ferry_runtime.errors import ActionFailed

RUNNING = {
    "lifecycleState": "STABLE",
    "jobManagerDeploymentStatus": "READY",
    "jobStatus": {"state": "RUNNING"},
}
FINISHED = {**RUNNING, "jobStatus": {"state": "FINISHED"}}
CRASHED = {
    "lifecycleState": "DEPLOYED",
    "jobManagerDeploymentStatus": "ERROR",
    "error": "JobManager deployment failed: CrashLoopBackOff",
}
JM_LOG = [
    "INFO  Starting StandaloneApplicationClusterEntryPoint",
    "ERROR Could not start the JobManager: java.lang.OutOfMemoryError: Metaspace",
]


@pytest.fixture(scope="module")
def cleanup_run(run_dag):
    fake = FakeKubernetesApi(
        scripts={
            "wf-crashes": [RUNNING, CRASHED],
            "wf-stuck": [RUNNING],
            "wf-slow": [RUNNING],
            "wf-finishes": [RUNNING, FINISHED],
            "wf-fails": [RUNNING, FINISHED],
            "wf-breaks": [FINISHED],
        },
        vanish_when_done={"wf-fails"},  # `vanishes`: its delete answers 404
        delete_errors={"wf-finishes": [500, 500, 500], "wf-breaks": [500] * 6},
        jobmanager_log=JM_LOG,
        namespace="jobs-from-connection",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flink_kubernetes, "kubernetes_api", lambda conn_id: fake)
        patch.setattr(flink_kubernetes, "DELETE_BACKOFF", (0, 0, 0, 0, 0))
        result = run_dag("wf_k8s_cleanup")
    return result, fake


def deployment_of(fake: FakeKubernetesApi, base: str) -> str:
    (name,) = {
        b["metadata"]["name"] for b in fake.created() if fake.base(b["metadata"]["name"]) == base
    }
    return name


def test_nothing_is_left_and_every_body_was_valid(cleanup_run):
    _, fake = cleanup_run
    assert fake.left() == []
    assert fake.invalid == []
    assert len(fake.created()) == 6
    assert len(fake.created("ConfigMap")) == 4  # the four YAMLs that mount ferry-sql
    # the Kubernetes connection's namespace, as no param or FERRY_NAMESPACE names one
    assert {r.namespace for r in fake.requests} == {"jobs-from-connection"}


def test_failed_actions_take_the_error_transition_and_kill_fails_the_run(cleanup_run):
    result, _ = cleanup_run
    assert result.state == "failed"
    assert result.states("fail", "join_1", "end") == ["failed", "skipped", "skipped"]
    runs = {
        node: result.tasks[f"{node}.run"]
        for node in ("crashes", "stuck", "slow", "finishes", "vanishes", "stubborn")
    }
    assert runs == {
        "crashes": "failed",
        "stuck": "failed",
        "slow": "failed",
        "finishes": "success",
        "vanishes": "success",
        "stubborn": "success",
    }


def test_jobmanager_crash_fails_with_status_error_and_its_log(cleanup_run):
    result, fake = cleanup_run
    assert "status.error: JobManager deployment failed: CrashLoopBackOff" in result.log
    assert "java.lang.OutOfMemoryError: Metaspace" in result.log  # the JobManager's last lines
    name = deployment_of(fake, "wf-crashes")
    assert [r.name for r in fake.requests if r.verb == "log"] == [
        f"app={name},component=jobmanager"
    ]
    assert fake.verbs_for(name)[-1] == "delete"
    assert fake.verbs_for(f"{name}-sql", "ConfigMap") == ["delete", "create", "delete"]


def test_never_terminal_deployment_times_out_and_is_deleted(cleanup_run):
    result, fake = cleanup_run
    verbs = fake.verbs_for(deployment_of(fake, "wf-stuck"))
    assert verbs[:2] == ["delete", "create"]
    assert set(verbs[2:-1]) == {"get"}
    assert verbs[-1] == "delete"
    assert result.tasks["stuck.delete"] == "success"


def test_execution_timeout_kills_the_task_and_on_kill_deletes(cleanup_run):
    result, fake = cleanup_run
    verbs = fake.verbs_for(deployment_of(fake, "wf-slow"))
    # on_kill deleted it; the `delete` task then found nothing (404 is done)
    assert verbs[-3:] == ["get", "delete", "delete"]
    assert result.tasks["slow.delete"] == "success"


def test_delete_is_retried_through_server_errors(cleanup_run):
    result, fake = cleanup_run
    assert fake.verbs_for(deployment_of(fake, "wf-finishes"))[-4:] == ["delete"] * 4
    assert result.tasks["finishes.delete"] == "success"
    assert result.log.count("delete answered 500") >= 3


def test_delete_answering_404_is_done(cleanup_run):
    result, fake = cleanup_run
    assert result.tasks["vanishes.delete"] == "success"
    assert fake.verbs_for(deployment_of(fake, "wf-fails"))[-1] == "delete"


def test_a_delete_that_keeps_failing_is_finished_by_the_dag_failure_callback(cleanup_run):
    result, fake = cleanup_run
    assert result.tasks["stubborn.delete"] == "failed"  # six attempts, all 500
    name = deployment_of(fake, "wf-breaks")
    assert fake.verbs_for(name).count("delete") == 1 + 6 + 1  # leftover check, task, callback
    lists = [r.name for r in fake.requests if r.verb == "list"]
    assert lists
    assert all("ferry/run=manual__" in selector for selector in lists)


# ---------------------------------------------------------------- worker death, janitor, owners


def job_op(mode: str = "reschedule") -> RunFlinkSqlJob:
    job = FlinkSqlJob(
        node="finishes", repo=REPO, script="flink/wf/good.sql", deployment="k8s/wf/finishes.yaml"
    )
    return RunFlinkSqlJob(job=job, task_id="finishes.run", mode=mode, namespace="jobs")


def submitted_by_a_worker_that_dies(
    fake: FakeKubernetesApi, op: RunFlinkSqlJob, run_id: str
) -> None:
    """What a worker leaves when it dies right after creating: submit ran, nothing else did."""
    ti = SimpleNamespace(dag_id="wf_gone", run_id=run_id, try_number=1, xcom_push=lambda **_: None)
    submit(op, {"ti": ti, "params": {}}, fake)


def test_worker_dies_between_submit_and_delete_then_the_janitor_runs(run_dag, monkeypatch):
    fake = FakeKubernetesApi(scripts={"wf-finishes": [RUNNING]}, namespace="jobs")
    submitted_by_a_worker_that_dies(fake, job_op(), "scheduled__2024-04-30T06:00:00+00:00")
    assert len(fake.left()) == 2  # the deployment and its ConfigMap
    fake.age(timedelta(minutes=10))  # older than the janitor's grace
    submitted_by_a_worker_that_dies(fake, job_op(), "scheduled__2024-05-01T06:00:00+00:00")
    monkeypatch.setattr(flink_kubernetes, "kubernetes_api", lambda conn_id: fake)
    monkeypatch.setattr(janitor, "kubernetes_api", lambda conn_id: fake)
    result = run_dag("ferry_janitor")
    assert result.state == "success"
    # the old pair went (no task instance runs for it); the one created a moment ago stays
    run_ids = [fake.objects[k]["metadata"]["annotations"]["ferry/run-id"] for k in fake.left()]
    assert run_ids == ["scheduled__2024-05-01T06:00:00+00:00"] * 2  # its deployment and ConfigMap
    # one delete by the janitor, after the two lists it made (deployments, then ConfigMaps)
    assert [r.verb for r in fake.requests][-3:] == ["list", "delete", "list"]
    assert fake.invalid == []


def test_worker_pod_owns_the_deployment_so_kubernetes_collects_it(monkeypatch):
    fake = FakeKubernetesApi(scripts={"wf-finishes": [RUNNING]})
    monkeypatch.setenv("POD_NAME", "worker-abc")
    monkeypatch.setenv("POD_UID", "uid-worker")
    monkeypatch.setenv("POD_NAMESPACE", "jobs")
    submitted_by_a_worker_that_dies(fake, job_op(mode="poke"), "manual__1")
    (deployment,) = fake.created()
    assert deployment["metadata"]["ownerReferences"] == [
        {
            "apiVersion": "v1",
            "kind": "Pod",
            "name": "worker-abc",
            "uid": "uid-worker",
            "blockOwnerDeletion": False,
            "controller": False,
        }
    ]
    fake.collect_garbage(dead_pods={"uid-worker"})
    assert fake.left() == []  # the deployment, and the ConfigMap it owned


@pytest.mark.parametrize(
    ("mode", "environ", "owned"),
    [
        ("poke", {"POD_NAME": "w", "POD_UID": "u", "POD_NAMESPACE": "jobs"}, True),
        ("poke", {"POD_NAME": "w", "POD_UID": "u"}, True),  # namespace not exposed: assume same
        ("reschedule", {"POD_NAME": "w", "POD_UID": "u"}, False),  # a new pod per poke
        ("poke", {"POD_NAME": "w", "POD_UID": "u", "POD_NAMESPACE": "airflow"}, False),
        ("poke", {}, False),  # not in a pod (LocalExecutor, CeleryExecutor)
    ],
)
def test_worker_pod_owner_only_when_the_pod_outlives_the_wait(mode, environ, owned):
    assert (flink_kubernetes.worker_pod_owner("jobs", mode, environ) is not None) == owned


def test_dagrun_timeout_callback_deletes_what_the_run_created(monkeypatch):
    """A dagrun_timeout fails the run without running `delete`; the scheduler then calls the
    DAG's on_failure_callback, which every DAG with a Flink job has."""
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(REPO / "dags" / "wf_k8s_cleanup.py")).dags["wf_k8s_cleanup"]
    (cleanup,) = [c for c in dag.on_failure_callback if isinstance(c, RunCleanup)]
    fake = FakeKubernetesApi(scripts={"wf-finishes": [RUNNING]}, namespace="jobs")
    run_id = "scheduled__2024-05-01T06:00:00+00:00"
    ti = SimpleNamespace(
        dag_id="wf_k8s_cleanup", run_id=run_id, try_number=1, xcom_push=lambda **_: None
    )
    op = job_op()
    submit(op, {"ti": ti, "params": {}}, fake)
    other = SimpleNamespace(**{**vars(ti), "run_id": "scheduled__2024-05-02T06:00:00+00:00"})
    submit(op, {"ti": other, "params": {}}, fake)
    monkeypatch.setattr(flink_kubernetes, "kubernetes_api", lambda conn_id: fake)
    cleanup({"dag": dag, "run_id": run_id})  # what the scheduler passes without a task
    # only the timed-out run's pair went; the next run's is untouched
    assert [fake.objects[k]["metadata"]["annotations"]["ferry/run-id"] for k in fake.left()] == [
        other.run_id,
        other.run_id,
    ]


@pytest.mark.parametrize(
    ("annotations", "age", "state", "deleted"),
    [
        ({"ferry/dag-id": "d", "ferry/run-id": "r", "ferry/task-id": "t"}, 60, "running", False),
        (
            {"ferry/dag-id": "d", "ferry/run-id": "r", "ferry/task-id": "t"},
            60,
            "up_for_reschedule",
            False,
        ),
        (
            {"ferry/dag-id": "d", "ferry/run-id": "r", "ferry/task-id": "t"},
            60,
            "up_for_retry",
            False,
        ),
        ({"ferry/dag-id": "d", "ferry/run-id": "r", "ferry/task-id": "t"}, 60, "failed", True),
        ({"ferry/dag-id": "d", "ferry/run-id": "r", "ferry/task-id": "t"}, 60, "success", True),
        ({"ferry/dag-id": "d", "ferry/run-id": "r", "ferry/task-id": "t"}, 60, None, True),
        ({"ferry/dag-id": "d", "ferry/run-id": "r", "ferry/task-id": "t"}, 2, None, False),  # grace
        ({"ferry/dag-id": "d", "ferry/run-id": "r", "ferry/task-id": "t"}, 3000, "running", True),
        ({}, 60, None, False),  # not annotated: only max age removes it
        ({}, 3000, None, True),
    ],
)
def test_janitor_verdicts(annotations, age, state, deleted):
    now = datetime(2024, 5, 3, tzinfo=timezone.utc)
    created = (now - timedelta(minutes=age)).strftime("%Y-%m-%dT%H:%M:%SZ")
    obj = {"metadata": {"name": "x", "annotations": annotations, "creationTimestamp": created}}
    reason = janitor.verdict(
        obj, now, lambda d, r, t: state, timedelta(hours=48), timedelta(minutes=5)
    )
    assert (reason is not None) == deleted, reason


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        ("kubernetes", {}, "kubernetes"),
        (None, {"FERRY_BACKEND": "local"}, "local"),
        (None, {"FERRY_BACKEND": " Kubernetes "}, "kubernetes"),
        (None, {}, "FERRY_BACKEND is not set on this worker: set it to kubernetes or local"),
        (None, {"FERRY_BACKEND": "yarn"}, "FERRY_BACKEND='yarn': expected kubernetes or local"),
    ],
)
def test_backend_is_resolved_when_the_task_runs(explicit, environ, expected, monkeypatch):
    monkeypatch.delenv("FERRY_BACKEND", raising=False)
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    if expected in backends.BACKENDS:
        assert backends.resolve(explicit) == expected
        return
    with pytest.raises(ActionFailed, match=re.escape(expected)) as raised:
        backends.resolve(explicit)
    assert raised.value.code == "BACKEND_NOT_SET"
