"""Oozie control flow, run for real: small Oozie apps (e2e/apps) converted by the ferry CLI jar
and run with dag.test() in Airflow 3 (local backend), one DAG run per case.

Each test states the path Oozie takes through its workflow and the job status Oozie ends with,
then checks the tasks that succeeded and the DAG run's state against it (Oozie SUCCEEDED ->
Airflow success; KILLED or FAILED -> failed). An action is a task group: `<node>.run` does the
work, `<node>.outcome` follows ok/error; control nodes are single tasks named after the node.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI_JAR, ROOT

APPS = ROOT / "e2e" / "apps"
RUN_DAG = ROOT / "e2e" / "run_dag.py"
DATE = "2026-01-15T00:00:00+00:00"
SUCCESS = "success"


def action(node: str) -> set[str]:
    """The tasks of an action that ran and took its ok transition."""
    return {f"{node}.run", f"{node}.outcome"}


def failed_action(node: str) -> set[str]:
    """What succeeds of an action whose work failed: only its outcome (the error transition)."""
    return {f"{node}.outcome"}


@pytest.fixture(scope="session")
def apps(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """e2e/apps converted once, and one Airflow home (db migrated, DAGs serialized) for all runs."""
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with mvn package first")
    out = tmp_path_factory.mktemp("control-flow") / "apps"
    subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(APPS), "-o", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    sys.path.insert(0, str(RUN_DAG.parent))
    from run_dag import prepare_airflow

    env = prepare_airflow(out, tmp_path_factory.mktemp("airflow-home"))
    return out, env


def run(apps: tuple[Path, dict[str, str]], dag: str, conf: dict[str, str], tmp: Path):
    """One dag.test() run: (task id -> state, with "__run__" the run's state; everything printed)."""
    repo, env = apps
    summary = tmp / f"{dag}.json"
    result = subprocess.run(
        [sys.executable, str(RUN_DAG), "--in-airflow", "--repo", str(repo), "--dag", dag,
         "--logical-date", DATE, "--conf", json.dumps(conf), "--summary", str(summary)],
        capture_output=True,
        text=True,
        check=False,
        env={**env, "PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    assert summary.is_file(), f"{dag} did not run:\n{result.stdout}\n{result.stderr}"
    return json.loads(summary.read_text()), result.stdout + result.stderr


def succeeded(states: dict[str, str]) -> set[str]:
    return {task for task, state in states.items() if state == SUCCESS and task != "__run__"}


@pytest.mark.parametrize(
    ("mode", "chosen"),
    [
        # mode=a makes both cases true: Oozie evaluates cases in order and takes the first.
        ("a", "first"),
        # No case is true: the default transition.
        ("x", "fallback"),
    ],
)
def test_decision_takes_the_first_true_case_or_the_default(apps, tmp_path, mode, chosen):
    states, log = run(apps, "cf_decision", {"mode": mode}, tmp_path)
    # Oozie: start -> route -> <chosen> -> end, job SUCCEEDED; the other actions never start.
    assert succeeded(states) == {"route", *action(chosen), "end"}, log
    assert states["__run__"] == SUCCESS
    assert states["fail"] == "skipped"


def test_nested_fork_and_join_wait_for_every_path(apps, tmp_path):
    states, log = run(apps, "cf_forks", {}, tmp_path)
    # Oozie: both outer paths run; the inner fork's two paths meet at inner-join before
    # after-inner; outer-join fires once left and after-inner arrived; job SUCCEEDED.
    assert succeeded(states) == {
        "outer-fork",
        *action("left"),
        "inner-fork",
        *action("inner-a"),
        *action("inner-b"),
        "inner-join",
        *action("after-inner"),
        "outer-join",
        "end",
    }, log
    assert states["__run__"] == SUCCESS


def test_kill_fails_the_run_with_its_message(apps, tmp_path):
    states, log = run(apps, "cf_kill", {}, tmp_path)
    # Oozie: breaks exits 3 -> ERROR -> error transition to the kill node: job KILLED, with the
    # kill message carrying wf:errorMessage (ShellMain's "exit code [3]").
    assert states["breaks.run"] == "failed"
    assert succeeded(states) == failed_action("breaks"), log
    assert states["fail"] == "failed"
    assert states["end"] == "skipped"
    assert states["__run__"] == "failed"
    assert (
        "cf-kill stopped at [breaks]: "
        "Main class [org.apache.oozie.action.hadoop.ShellMain], exit code [3]" in log
    )


def test_error_transition_to_a_recovery_path_succeeds(apps, tmp_path):
    states, log = run(apps, "cf_errors", {}, tmp_path)
    # Oozie: breaks fails -> error to recover -> end: the job SUCCEEDED (an action that took its
    # error transition does not fail the job); `never`, on the ok path, never starts.
    assert states["breaks.run"] == "failed"
    assert succeeded(states) == {*failed_action("breaks"), *action("recover"), "end"}, log
    assert states["never.run"] == "skipped"
    assert states["__run__"] == SUCCESS


def test_sub_workflow_runs_the_child_and_waits(apps, tmp_path):
    marker = tmp_path / "child-ran"
    states, log = run(apps, "cf_subwf", {"marker": str(marker), "childExit": "0"}, tmp_path)
    # Oozie: child runs cf-subwf-child with the parent's configuration (propagate-configuration:
    # marker, childExit) plus <configuration> (childNote); it SUCCEEDS, so child -> end, SUCCEEDED.
    assert succeeded(states) == {*action("child"), "end"}, log
    assert states["__run__"] == SUCCESS
    assert marker.read_text().strip() == "from cf_subwf"


def test_sub_workflow_failure_is_the_parents_error(apps, tmp_path):
    marker = tmp_path / "child-ran"
    states, log = run(apps, "cf_subwf", {"marker": str(marker), "childExit": "1"}, tmp_path)
    # Oozie: the child job ends KILLED (its action fails into its kill node), so the parent's
    # sub-workflow action ends in ERROR: error transition to fail, the parent KILLED.
    assert marker.is_file(), "the child did not run"
    assert states["child.run"] == "failed"
    assert succeeded(states) == failed_action("child"), log
    assert states["__run__"] == "failed"
    assert "child failed: sub-workflow cf_subwf_child ended FAILED" in log


def test_retry_max_reruns_a_failed_action(apps, tmp_path):
    states, log = run(apps, "cf_retries", {"markerDir": str(tmp_path)}, tmp_path)
    # Both actions fail on their first try. flaky-retried (retry-max=1) is tried again and
    # succeeds -> ok; flaky-unretried (retry-max=0) is not -> error to recover -> end: SUCCEEDED.
    assert succeeded(states) == {
        *action("flaky-retried"),
        *failed_action("flaky-unretried"),
        *action("recover"),
        "end",
    }, log
    assert states["flaky-unretried.run"] == "failed"
    assert states["__run__"] == SUCCESS
    assert (tmp_path / "retried").is_file()
    assert (tmp_path / "unretried").is_file()


@pytest.mark.parametrize(("status", "chosen"), [("ready", "ready"), ("late", "not-ready")])
def test_captured_output_decides_through_action_data(apps, tmp_path, status, chosen):
    states, log = run(apps, "cf_capture", {"status": status}, tmp_path)
    # Oozie: probe's stdout (status=..., arg=...) is its action data; route's case reads
    # wf:actionData('probe')['status'] -> ready when it is 'ready', else the default.
    assert succeeded(states) == {*action("probe"), "route", *action(chosen), "end"}, log
    assert states["__run__"] == SUCCESS
    # The argument reached the command as one argv entry, never through a shell.
    assert "stdout: arg=a b; $(touch pwned) `touch pwned`" in log


def test_fs_operations_run_in_order_and_stop_at_the_first_failure(apps, tmp_path):
    root = tmp_path / "fs"
    root.mkdir()
    (root / "data.txt").write_text("not empty\n")
    states, log = run(apps, "cf_fs", {"root": f"file://{root}"}, tmp_path)
    # Oozie: prepare-dirs runs delete (missing path: fine), mkdir (parents too), touchz, move
    # (a/b becomes moved), chmod 750 on moved and its files: ok -> refuse. refuse's mkdir runs,
    # its touchz of a non-empty file fails, so the last mkdir never runs: error -> fail, KILLED.
    assert succeeded(states) == {*action("prepare-dirs"), *failed_action("refuse")}, log
    assert states["__run__"] == "failed"
    assert (root / "moved" / "_SUCCESS").is_file()
    assert not (root / "a" / "b").exists()
    assert (root / "moved").stat().st_mode & 0o777 == 0o750
    assert (root / "moved" / "_SUCCESS").stat().st_mode & 0o777 == 0o750
    assert (root / "before").is_dir()
    assert not (root / "after").exists()
    assert f"[FS_FAILED]: file://{root}/data.txt must be a zero-length file" in log
